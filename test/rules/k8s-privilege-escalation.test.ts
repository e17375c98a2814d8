// Table tests for k8s-privilege-escalation.

import rule from '../../server/src/rules/hardening/k8s-privilege-escalation.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/deploy.yaml';
const deploy = (container: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1\n${container}`;

ruleTester(rule, {
  valid: [
    { name: 'false', path: P, code: deploy('          securityContext:\n            allowPrivilegeEscalation: false\n') },
    { name: 'privileged (reported by k8s-privileged)', path: P, code: deploy('          securityContext:\n            privileged: true\n') },
    { name: 'SYS_ADMIN (reported by k8s-dangerous-capabilities)', path: P, code: deploy('          securityContext:\n            capabilities:\n              add: [SYS_ADMIN]\n') },
    { name: 'value from an envsubst variable', path: P, code: deploy('          securityContext:\n            allowPrivilegeEscalation: ${APE}\n') },
    { name: 'Helm template file', path: P, code: deploy('          {{- with .Values.securityContext }}\n          securityContext: {{ toYaml . }}\n          {{- end }}\n') },
    { name: 'kustomize patch only states what it changes', path: 'overlays/prod/deployment-patch.yaml', code: deploy('          resources: {}\n') },
    { name: 'broken mid-edit', path: P, code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext:\n            allowPrivilegeEscalation: [\n' },
    { name: 'values file: nothing set is unknown', path: 'chart/values.yaml', code: 'image:\n  repository: x\nsecurityContext: {}\nreplicaCount: 1\n' },
  ],
  invalid: [
    { name: 'values file: explicit true', path: 'charts/x/values.yaml', code: 'image:\n  repository: x\ncontainerSecurityContext:\n  allowPrivilegeEscalation: true\nreplicaCount: 1\n', errors: [{ line: 4, column: 29 }], output: 'image:\n  repository: x\ncontainerSecurityContext:\n  allowPrivilegeEscalation: false\nreplicaCount: 1\n' },
    {
      name: 'explicit true',
      path: P,
      code: deploy('          securityContext:\n            allowPrivilegeEscalation: true\n'),
      errors: [{ line: 12, column: 39, endColumn: 43 }],
      output: deploy('          securityContext:\n            allowPrivilegeEscalation: false\n'),
      fixSafety: 'unsafe',
    },
    {
      name: 'missing: added to the existing securityContext',
      path: P,
      code: deploy('          securityContext:\n            runAsNonRoot: true  # keep\n'),
      errors: [{ line: 9, column: 17, endColumn: 20 }],
      output: deploy('          securityContext:\n            runAsNonRoot: true  # keep\n            allowPrivilegeEscalation: false\n'),
    },
    {
      name: 'no securityContext: one is added after the last key',
      path: P,
      code: deploy('          ports:\n            - containerPort: 80\n'),
      errors: [{ line: 9, column: 17 }],
      output: deploy('          ports:\n            - containerPort: 80\n          securityContext:\n            allowPrivilegeEscalation: false\n'),
    },
    {
      name: 'CRLF, no final newline, two containers',
      path: P,
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: a:1\r\n  - name: b\r\n    image: b:1',
      errors: [{ line: 7, column: 11 }, { line: 9, column: 11 }],
      output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: a:1\r\n    securityContext:\r\n      allowPrivilegeEscalation: false\r\n  - name: b\r\n    image: b:1\r\n    securityContext:\r\n      allowPrivilegeEscalation: false',
    },
    {
      name: 'flow securityContext: reported without a fix',
      path: P,
      code: deploy('          securityContext: {runAsNonRoot: true}\n'),
      errors: [{ line: 9, column: 17 }],
      output: null,
    },
  ],
});

fixRoundTrip(rule, [
  { name: 'explicit true', path: P, code: deploy('          securityContext:\n            allowPrivilegeEscalation: true\n') },
  { name: 'into an existing securityContext with a comment', path: P, code: deploy('          securityContext:\n            runAsNonRoot: true  # keep\n') },
  { name: 'new securityContext, 4-space indentation, CRLF', path: P, code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n    name: p\r\nspec:\r\n    containers:\r\n        -   name: a\r\n            command:\r\n                - run\r\n    initContainers:\r\n    - name: b\r\n      args: |\r\n        x\r\n' },
]);
