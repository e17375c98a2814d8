// Table tests for k8s-dangerous-capabilities.

import rule from '../../server/src/rules/hardening/k8s-dangerous-capabilities.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/pod.yaml';
const pod = (caps: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      securityContext:\n        capabilities:\n${caps}`;

ruleTester(rule, {
  valid: [
    { name: 'NET_BIND_SERVICE', path: P, code: pod('          add: [NET_BIND_SERVICE]\n') },
    { name: 'dropping ALL', path: P, code: pod('          drop: [ALL]\n') },
    { name: 'template', path: P, code: pod('          add: {{ .Values.caps }}\n') },
  ],
  invalid: [
    { name: 'SYS_ADMIN and NET_ADMIN', path: P, code: pod('          add: ["SYS_ADMIN", "NET_ADMIN", "CHOWN"]\n'), errors: [{ line: 10, column: 17, endColumn: 28 }, { line: 10, column: 30 }], output: null },
    { name: 'ALL, block list, CAP_ prefix, lower case', path: P, code: pod('          add:\n            - ALL\n            - cap_sys_module\n'), errors: [{ line: 11, column: 15 }, { line: 12, column: 15 }] },
  ],
});
