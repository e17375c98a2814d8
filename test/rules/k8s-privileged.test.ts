// Table tests for k8s-privileged.

import rule from '../../server/src/rules/hardening/k8s-privileged.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/pod.yaml';
const pod = (sc: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1\n      securityContext:\n        ${sc}\n`;

ruleTester(rule, {
  valid: [
    { name: 'privileged false', path: P, code: pod('privileged: false') },
    { name: 'string "true" is not a boolean', path: P, code: pod('privileged: "true"') },
    { name: 'Helm template is never judged', path: P, code: pod('privileged: {{ .Values.privileged }}') },
    { name: 'not a workload', path: P, code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  privileged: "true"\n' },
    { name: 'broken YAML mid-edit', path: P, code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      securityContext: [\n' },
  ],
  invalid: [
    {
      name: 'pod',
      path: P,
      code: pod('privileged: true'),
      errors: [{ line: 10, column: 21, endColumn: 25 }],
      output: pod('privileged: false'),
      fixSafety: 'unsafe',
    },
    {
      name: 'CronJob init container, second document, CRLF',
      path: 'k8s/jobs.yaml',
      code: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: s\r\n---\r\napiVersion: batch/v1\r\nkind: CronJob\r\nmetadata:\r\n  name: c\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          initContainers:\r\n            - name: init\r\n              securityContext: { privileged: true }\r\n',
      errors: [{ line: 17, column: 46 }],
      output: 'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: s\r\n---\r\napiVersion: batch/v1\r\nkind: CronJob\r\nmetadata:\r\n  name: c\r\nspec:\r\n  jobTemplate:\r\n    spec:\r\n      template:\r\n        spec:\r\n          initContainers:\r\n            - name: init\r\n              securityContext: { privileged: false }\r\n',
    },
    {
      name: 'DaemonSet',
      path: P,
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        securityContext:\n          privileged: True\n',
      errors: [{ line: 11, column: 23 }],
    },
  ],
});

fixRoundTrip(rule, [
  { name: 'block and flow values', path: P, code: `${pod('privileged: true')}  initContainers:\n    - name: i\n      securityContext: {privileged: true}\n` },
]);
