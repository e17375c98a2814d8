// Table tests for k8s-host-namespaces.

import rule from '../../server/src/rules/hardening/k8s-host-namespaces.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/ds.yaml';
const ds = (extra: string): string => `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n${extra}      containers:\n        - name: a\n`;

ruleTester(rule, {
  valid: [
    { name: 'false', path: P, code: ds('      hostNetwork: false\n') },
    { name: 'unknown value', path: P, code: ds('      hostPID: ${HOST_PID}\n') },
    { name: 'templated value', path: 'chart/templates/ds.yaml', code: ds('      hostNetwork: {{ .Values.hostNetwork }}\n') },
    { name: 'values file: false', path: 'chart/values.yaml', code: 'image:\n  repository: x\nhostNetwork: false\nreplicaCount: 1\n' },
    { name: 'hostNetwork in a plain YAML file that is no values file', path: 'k8s/cm.yaml', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  hostNetwork: "true"\n' },
    { name: 'a label named hostNetwork', path: P, code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    hostNetwork: "true"\nspec:\n  containers: []\n' },
  ],
  invalid: [
    { name: 'all three', path: P, code: ds('      hostPID: true\n      hostIPC: true\n      hostNetwork: true\n'), errors: [{ line: 8, column: 7, endColumn: 14 }, { line: 9, column: 7 }, { line: 10, column: 7 }], output: null },
    { name: 'Job with CRLF', path: P, code: 'apiVersion: batch/v1\r\nkind: Job\r\nmetadata:\r\n  name: j\r\nspec:\r\n  template:\r\n    spec:\r\n      hostNetwork: true\r\n', errors: [{ line: 8, column: 7 }] },
    { name: 'Helm template with a literal hostPID', path: 'chart/templates/ds.yaml', code: `{{- if .Values.enabled }}\n${ds('      hostPID: true\n      {{- with .Values.nodeSelector }}\n      nodeSelector: {{ toYaml . | nindent 8 }}\n      {{- end }}\n')}{{- end }}\n`, errors: [{ line: 9, column: 7 }] },
    { name: 'values file', path: 'charts/agent/values.yaml', code: 'image:\n  repository: agent\ndaemonset:\n  hostNetwork: true\nreplicaCount: 1\n', errors: [{ line: 4, column: 3, endColumn: 14, messageIncludes: 'daemonset.hostNetwork' }] },
  ],
});
