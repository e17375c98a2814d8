// Table tests for k8s-capabilities-not-dropped.

import rule from '../../server/src/rules/hardening/k8s-capabilities-not-dropped.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/pod.yaml';
const pod = (sc: string, extra = ''): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${extra}  containers:\n    - name: app\n      image: app:1\n${sc}`;

ruleTester(rule, {
  valid: [
    { name: 'drops ALL', path: P, code: pod('      securityContext:\n        capabilities:\n          drop: ["ALL"]\n          add: [NET_BIND_SERVICE]\n') },
    { name: 'drop all, lower case, block list', path: P, code: pod('      securityContext:\n        capabilities:\n          drop:\n            - all\n') },
    { name: 'privileged (k8s-privileged reports it)', path: P, code: pod('      securityContext:\n        privileged: true\n') },
    { name: 'templated drop list', path: 'chart/templates/pod.yaml', code: pod('      securityContext:\n        capabilities:\n          drop: {{ .Values.drop }}\n') },
    { name: 'templated securityContext', path: 'chart/templates/pod.yaml', code: pod('      securityContext:\n        {{- toYaml .Values.securityContext | nindent 8 }}\n') },
    { name: 'patch file', path: 'k8s/patches/pod.yaml', code: pod('') },
    { name: 'Windows pod', path: P, code: pod('', '  os:\n    name: windows\n') },
    { name: 'ephemeral container', path: P, code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      securityContext: {capabilities: {drop: [ALL]}}\n  ephemeralContainers:\n    - name: debug\n' },
  ],
  invalid: [
    {
      name: 'no securityContext: the fix adds the whole block',
      path: P,
      code: pod(''),
      errors: [{ line: 7, column: 13, endColumn: 16 }],
      output: pod('      securityContext:\n        capabilities:\n          drop: ["ALL"]\n'),
      fixSafety: 'unsafe',
    },
    {
      name: 'capabilities with add only',
      path: P,
      code: pod('      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]\n'),
      errors: [{ line: 7, column: 13 }],
      output: pod('      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]\n          drop: ["ALL"]\n'),
    },
    { name: 'drops some but not ALL: no fix', path: P, code: pod('      securityContext:\n        capabilities:\n          drop: [NET_RAW]\n'), errors: [{ line: 7, column: 13, messageIncludes: 'but not ALL' }], output: null },
    {
      name: 'CRLF, securityContext without capabilities',
      path: P,
      code: pod('      securityContext:\n        runAsNonRoot: true\n').replace(/\n/g, '\r\n'),
      errors: [{ line: 7, column: 13 }],
      output: pod('      securityContext:\n        runAsNonRoot: true\n        capabilities:\n          drop: ["ALL"]\n').replace(/\n/g, '\r\n'),
    },
  ],
});

fixRoundTrip(rule, [{ name: 'all three shapes', path: P, code: `${pod('')}    - name: b\n      securityContext:\n        capabilities:\n          add: [CHOWN]\n    - name: c\n      securityContext:\n        readOnlyRootFilesystem: true\n` }]);
