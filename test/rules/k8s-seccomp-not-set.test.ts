// Table tests for k8s-seccomp-not-set.

import rule from '../../server/src/rules/hardening/k8s-seccomp-not-set.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/deploy.yaml';
const deploy = (podSc: string, containers: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${podSc}      containers:\n${containers}`;
const c = (name: string, sc = ''): string => `        - name: ${name}\n          image: app:1\n${sc}`;

ruleTester(rule, {
  valid: [
    { name: 'pod-level RuntimeDefault', path: P, code: deploy('      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n', c('a')) },
    { name: 'every container sets Localhost', path: P, code: deploy('', c('a', '          securityContext:\n            seccompProfile: {type: Localhost, localhostProfile: a.json}\n')) },
    { name: 'Unconfined is k8s-unconfined-security', path: P, code: deploy('      securityContext:\n        seccompProfile:\n          type: Unconfined\n', c('a')) },
    { name: 'legacy pod annotation', path: 'k8s/pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\nspec:\n  containers:\n    - name: a\n' },
    { name: 'templated pod securityContext', path: 'chart/templates/deploy.yaml', code: deploy('      securityContext:\n        {{- toYaml .Values.podSecurityContext | nindent 8 }}\n', c('a')) },
    { name: 'templated type', path: 'chart/templates/deploy.yaml', code: deploy('      securityContext:\n        seccompProfile:\n          type: {{ .Values.seccomp }}\n', c('a')) },
    { name: 'patch file', path: 'k8s/patch-web.yaml', code: deploy('', c('a')) },
    { name: 'Windows pod', path: P, code: deploy('      nodeSelector:\n        kubernetes.io/os: windows\n', c('a')) },
  ],
  invalid: [
    {
      name: 'nothing set: one finding on the pod spec, fix adds a block',
      path: P,
      code: deploy('', c('a') + c('b')),
      errors: [{ line: 7, column: 5, endColumn: 9 }],
      output: `${deploy('', c('a') + c('b'))}      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n`,
      fixSafety: 'unsafe',
    },
    {
      name: 'one container sets it, the other does not',
      path: P,
      code: deploy('      securityContext:\n        runAsNonRoot: true\n', c('a', '          securityContext:\n            seccompProfile:\n              type: RuntimeDefault\n') + c('b', '          securityContext:\n            readOnlyRootFilesystem: true\n')),
      errors: [{ line: 16, column: 17 }],
      output: deploy('      securityContext:\n        runAsNonRoot: true\n', c('a', '          securityContext:\n            seccompProfile:\n              type: RuntimeDefault\n') + c('b', '          securityContext:\n            readOnlyRootFilesystem: true\n            seccompProfile:\n              type: RuntimeDefault\n')),
    },
    {
      name: 'CRLF, existing pod securityContext',
      path: 'k8s/pod.yaml',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  securityContext:\r\n    runAsNonRoot: true\r\n  containers:\r\n    - name: a\r\n',
      errors: [{ line: 5, column: 1 }],
      output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  securityContext:\r\n    runAsNonRoot: true\r\n    seccompProfile:\r\n      type: RuntimeDefault\r\n  containers:\r\n    - name: a\r\n',
    },
  ],
});

fixRoundTrip(rule, [{ name: 'pod and container forms', path: P, code: deploy('', c('a')) }]);
