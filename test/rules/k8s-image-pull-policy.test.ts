// Table tests for k8s-image-pull-policy.

import rule from '../../server/src/rules/pinning/k8s-image-pull-policy.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/pod.yaml';
const pod = (image: string, policy: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${image}\n      imagePullPolicy: ${policy}\n`;

ruleTester(rule, {
  valid: [
    { name: 'Always', path: P, code: pod('app:1.2.3', 'Always') },
    { name: 'digest-pinned', path: P, code: pod('registry.k8s.io/x/y:v1@sha256:01038e7de14b78d702d2849c3aad72fd25903c4765af63cf16aa3398f5d5f2dd', 'IfNotPresent') },
    { name: 'Never (a locally loaded image)', path: P, code: pod('app:dev', 'Never') },
    { name: 'no policy set', path: P, code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1\n' },
    { name: 'templated image', path: 'chart/templates/pod.yaml', code: pod('"{{ .Values.image.repository }}:{{ .Values.image.tag }}"', 'IfNotPresent') },
    { name: 'untagged (image-latest reports it)', path: P, code: pod('app', 'IfNotPresent') },
  ],
  invalid: [
    { name: 'tag with IfNotPresent', path: P, code: pod('nginx:1.27', 'IfNotPresent'), errors: [{ line: 9, column: 24, endColumn: 36 }], output: pod('nginx:1.27', 'Always'), fixSafety: 'unsafe' },
    { name: 'quoted', path: P, code: pod('ghcr.io/org/app:v2', '"IfNotPresent"'), errors: [{ line: 9, column: 25 }], output: pod('ghcr.io/org/app:v2', '"Always"') },
  ],
});
