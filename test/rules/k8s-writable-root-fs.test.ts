// Table tests for k8s-writable-root-fs.

import rule from '../../server/src/rules/hardening/k8s-writable-root-fs.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/pod.yaml';
const pod = (sc: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1\n${sc}`;

ruleTester(rule, {
  valid: [
    { name: 'true', path: P, code: pod('      securityContext:\n        readOnlyRootFilesystem: true\n') },
    { name: 'unknown', path: P, code: pod('      securityContext:\n        readOnlyRootFilesystem: ${RO}\n') },
    { name: 'patch file', path: 'base/patches/pod.yaml', code: pod('') },
    { name: 'ephemeral debug container', path: P, code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  ephemeralContainers:\n    - name: debug\n' },
  ],
  invalid: [
    { name: 'missing', path: P, code: pod(''), errors: [{ line: 7, column: 13, endColumn: 16 }], output: null },
    { name: 'explicit false', path: P, code: pod('      securityContext:\n        readOnlyRootFilesystem: false\n'), errors: [{ line: 10, column: 33 }] },
  ],
});
