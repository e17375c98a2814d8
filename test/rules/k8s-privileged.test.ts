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
    { name: 'hostProcess false', path: P, code: pod('windowsOptions:\n          hostProcess: false') },
    { name: 'values file: templated flag', path: 'chart/values.yaml', code: 'image:\n  repository: app\nsecurityContext:\n  privileged: false\nreplicaCount: 1\n' },
    { name: 'a CRD spec that is not a pod spec', path: P, code: 'apiVersion: cluster.x-k8s.io/v1beta1\nkind: MachineDeployment\nmetadata:\n  name: m\nspec:\n  template:\n    spec:\n      privileged: true\n' },
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
    {
      name: 'Windows HostProcess pod and container',
      path: P,
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\nspec:\n  securityContext:\n    windowsOptions:\n      hostProcess: true\n  hostNetwork: true\n  containers:\n    - name: agent\n      securityContext:\n        windowsOptions:\n          hostProcess: true\n',
      errors: [{ line: 8, column: 20, messageIncludes: 'HostProcess' }, { line: 14, column: 24 }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\nspec:\n  securityContext:\n    windowsOptions:\n      hostProcess: false\n  hostNetwork: true\n  containers:\n    - name: agent\n      securityContext:\n        windowsOptions:\n          hostProcess: false\n',
    },
    {
      name: 'Helm template: the literal setting is found, the rest is masked',
      path: 'chart/templates/daemonset.yaml',
      code: '{{- if .Values.agent.enabled }}\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {{ include "x.fullname" . }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          securityContext:\n            privileged: true\n{{- end }}\n',
      errors: [{ line: 15, column: 25, endColumn: 29, messageIncludes: "Container '{{ .Chart.Name }}' in DaemonSet '{{ include \"x.fullname\" . }}'" }],
      output: '{{- if .Values.agent.enabled }}\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: {{ include "x.fullname" . }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          securityContext:\n            privileged: false\n{{- end }}\n',
    },
    {
      name: 'Argo Rollout pod template',
      path: 'k8s/rollout.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1\n          securityContext:\n            privileged: true\n',
      errors: [{ line: 12, column: 25, messageIncludes: "Rollout 'r'" }],
    },
    {
      name: 'kind: List items',
      path: 'k8s/list.yaml',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: p\n    spec:\n      containers:\n        - name: a\n          securityContext: {privileged: true}\n',
      errors: [{ line: 11, column: 41 }],
    },
    {
      name: 'chart values file',
      path: 'charts/agent/values.yaml',
      code: 'image:\n  repository: agent\n  tag: 1.2.3\nsecurityContext:\n  privileged: true\nreplicaCount: 1\n',
      errors: [{ line: 5, column: 15, messageIncludes: "'securityContext'" }],
      output: 'image:\n  repository: agent\n  tag: 1.2.3\nsecurityContext:\n  privileged: false\nreplicaCount: 1\n',
    },
  ],
});

fixRoundTrip(rule, [
  { name: 'block and flow values', path: P, code: `${pod('privileged: true')}  initContainers:\n    - name: i\n      securityContext: {privileged: true}\n` },
]);
