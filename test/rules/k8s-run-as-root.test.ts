// Table tests for k8s-run-as-root.

import rule from '../../server/src/rules/hardening/k8s-run-as-root.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/app.yaml';
const pod = (podExtra: string, containers: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podExtra}  containers:\n${containers}`;
const c = (name: string, sc = ''): string => `    - name: ${name}\n      image: x:1\n${sc}`;

ruleTester(rule, {
  valid: [
    { name: 'pod-level runAsNonRoot', path: P, code: pod('  securityContext:\n    runAsNonRoot: true\n', c('a') + c('b')) },
    { name: 'container-level non-zero runAsUser', path: P, code: pod('', c('a', '      securityContext:\n        runAsUser: 1000\n')) },
    { name: 'pod user, container nonRoot', path: P, code: pod('  securityContext:\n    runAsUser: 10001\n', c('a', '      securityContext:\n        runAsNonRoot: true\n')) },
    { name: 'template value is unknown', path: P, code: pod('  securityContext:\n    runAsUser: ${UID}\n', c('a')) },
    { name: 'string uid is not judged', path: P, code: pod('  securityContext:\n    runAsUser: "1000"\n', c('a')) },
    { name: 'patch file', path: 'k8s/patch.yaml', code: pod('', c('a')) },
    { name: 'Windows pod', path: P, code: pod('  nodeSelector:\n    kubernetes.io/os: windows\n', c('a')) },
    { name: 'Windows pod by os.name', path: P, code: pod('  os:\n    name: windows\n', c('a')) },
    { name: 'Service', path: P, code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}]\n' },
    { name: 'broken mid-edit', path: P, code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    runAsUser: [\n' },
    { name: 'values file: non-root', path: 'chart/values.yaml', code: 'image:\n  repository: x\npodSecurityContext:\n  runAsUser: 1000\n  runAsNonRoot: true\nreplicaCount: 1\n' },
    { name: 'values file: nothing set is unknown', path: 'chart/values.yaml', code: 'image:\n  repository: x\npodSecurityContext: {}\nreplicaCount: 1\n' },
    { name: 'Helm template: settings from toYaml', path: 'chart/templates/deploy.yaml', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      securityContext:\n        {{- toYaml .Values.podSecurityContext | nindent 8 }}\n      containers:\n        - name: a\n          image: a:1\n' },
  ],
  invalid: [
    { name: 'values file: runAsUser 0', path: 'charts/x/values.yaml', code: 'image:\n  repository: x\nsecurityContext:\n  runAsUser: 0\nreplicaCount: 1\n', errors: [{ line: 4, column: 14, messageIncludes: "'securityContext'" }], output: null },
    { name: 'values file: runAsNonRoot false', path: 'charts/x/values.yaml', code: 'image:\n  repository: x\npodSecurityContext:\n  runAsNonRoot: false\nreplicaCount: 1\n', errors: [{ line: 4, column: 17 }], output: 'image:\n  repository: x\npodSecurityContext:\n  runAsNonRoot: true\nreplicaCount: 1\n' },
    {
      name: 'nothing set: one pod-level finding, securityContext inserted',
      path: P,
      code: pod('', c('a') + c('b')),
      errors: [{ line: 5, column: 1, endColumn: 5 }],
      output: pod('', c('a') + c('b')) + '  securityContext:\n    runAsNonRoot: true\n',
      fixSafety: 'unsafe',
    },
    {
      name: 'pod securityContext exists without the key',
      path: P,
      code: pod('  securityContext:\n    fsGroup: 2000\n', c('a')),
      errors: [{ line: 5, column: 1 }],
      output: pod('  securityContext:\n    fsGroup: 2000\n    runAsNonRoot: true\n', c('a')),
    },
    { name: 'runAsUser 0', path: P, code: pod('  securityContext:\n    runAsUser: 0\n', c('a')), errors: [{ line: 7, column: 16, endColumn: 17 }], output: null },
    {
      name: 'container overrides with runAsNonRoot false',
      path: P,
      code: pod('  securityContext:\n    runAsNonRoot: true\n', c('a', '      securityContext:\n        runAsNonRoot: false\n')),
      errors: [{ line: 12, column: 23 }],
      output: pod('  securityContext:\n    runAsNonRoot: true\n', c('a', '      securityContext:\n        runAsNonRoot: true\n')),
    },
    {
      name: 'one of two containers is covered: the other gets its own finding',
      path: P,
      code: pod('', c('a', '      securityContext:\n        runAsUser: 1000\n') + c('b')),
      errors: [{ line: 11, column: 13 }],
      output: pod('', c('a', '      securityContext:\n        runAsUser: 1000\n') + c('b') + '      securityContext:\n        runAsNonRoot: true\n'),
    },
    {
      name: 'StatefulSet, CRLF',
      path: P,
      code: 'apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n  name: db\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n      - name: db\r\n        image: postgres:16\r\n',
      errors: [{ line: 7, column: 5 }],
      output: 'apiVersion: apps/v1\r\nkind: StatefulSet\r\nmetadata:\r\n  name: db\r\nspec:\r\n  template:\r\n    spec:\r\n      containers:\r\n      - name: db\r\n        image: postgres:16\r\n      securityContext:\r\n        runAsNonRoot: true\r\n',
    },
  ],
});

fixRoundTrip(rule, [
  { name: 'pod-level insertion', path: P, code: pod('', c('a') + c('b')) },
  { name: 'runAsNonRoot false', path: P, code: pod('  securityContext:\n    runAsNonRoot: false\n', c('a')) },
  { name: 'container-level insertion', path: P, code: pod('', c('a', '      securityContext:\n        runAsUser: 1000\n') + c('b')) },
]);
