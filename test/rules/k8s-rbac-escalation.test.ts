// Table tests for k8s-rbac-escalation.

import rule from '../../server/src/rules/permissions/k8s-rbac-escalation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/rbac.yaml';
const role = (kind: string, rules: string): string => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    { name: 'reading roles', path: P, code: role('ClusterRole', '  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["roles", "clusterroles"]\n    verbs: ["get", "list", "watch"]\n') },
    { name: 'escalate on another group', path: P, code: role('ClusterRole', '  - apiGroups: ["example.com"]\n    resources: ["roles"]\n    verbs: ["escalate"]\n') },
    { name: 'wildcards are k8s-rbac-wildcard', path: P, code: role('ClusterRole', '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n') },
    { name: 'reading pods and node metrics', path: P, code: role('ClusterRole', '  - apiGroups: [""]\n    resources: ["pods", "pods/log", "nodes/metrics"]\n    verbs: ["get", "list"]\n') },
    { name: 'listing pods/exec does nothing', path: P, code: role('Role', '  - apiGroups: [""]\n    resources: ["pods/exec"]\n    verbs: ["list"]\n') },
    { name: 'templated verbs', path: 'chart/templates/role.yaml', code: role('Role', '  - apiGroups: [""]\n    resources: ["pods/exec"]\n    verbs: {{ .Values.verbs }}\n') },
  ],
  invalid: [
    {
      name: 'escalate and bind',
      path: P,
      code: role('ClusterRole', '  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    verbs: ["escalate", "bind", "get"]\n'),
      errors: [{ line: 8, column: 13, endColumn: 23, messageIncludes: 'escalate roles' }, { line: 8, column: 25, messageIncludes: 'bind' }],
      output: null,
    },
    { name: 'impersonate', path: P, code: role('ClusterRole', '- apiGroups: [""]\n  resources: [users, groups, serviceaccounts]\n  verbs: [impersonate]\n'), errors: [{ line: 8, column: 11 }] },
    {
      name: 'pods/exec, pods/attach and nodes/proxy',
      path: P,
      code: role('ClusterRole', '  - apiGroups: [""]\n    resources:\n      - pods/exec\n      - pods/attach\n      - nodes/proxy\n    verbs:\n      - create\n      - get\n'),
      errors: [{ line: 8, column: 9, messageIncludes: 'create/get' }, { line: 9, column: 9 }, { line: 10, column: 9, messageIncludes: 'kubelet' }],
    },
    { name: 'Helm template: literal rule in a chart', path: 'chart/templates/role.yaml', code: `{{- if .Values.rbac.create }}\n${role('Role', '  - apiGroups: [""]\n    resources: ["pods/exec"]\n    verbs: ["create"]\n')}{{- end }}\n`, errors: [{ line: 8, column: 17 }] },
  ],
});
