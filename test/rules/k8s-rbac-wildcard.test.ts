// Table tests for k8s-rbac-wildcard.

import rule from '../../server/src/rules/permissions/k8s-rbac-wildcard.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/rbac.yaml';
const role = (kind: string, rules: string): string => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    { name: 'explicit lists', path: P, code: role('Role', '  - apiGroups: [""]\n    resources: ["pods"]\n    verbs: ["get", "list"]\n') },
    { name: 'apiGroups * alone', path: P, code: role('ClusterRole', '  - apiGroups: ["*"]\n    resources: ["pods"]\n    verbs: ["get"]\n') },
    { name: 'a RoleBinding', path: P, code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: b\nsubjects: ["*"]\n' },
    { name: 'templated list is unknown', path: 'chart/templates/role.yaml', code: role('Role', '  - verbs: {{ .Values.verbs }}\n    resources: {{ .Values.resources | toJson }}\n') },
  ],
  invalid: [
    { name: 'verbs and resources', path: P, code: role('ClusterRole', '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n'), errors: [{ line: 7, column: 17, endColumn: 20 }, { line: 8, column: 13 }], output: null },
    {
      name: 'Helm template: the literal wildcard is still there',
      path: 'chart/templates/role.yaml',
      code: `{{- if .Values.rbac.create }}\n${role('Role', '  - verbs: ["*"]\n    resources: {{ .Values.resources }}\n')}{{- end }}\n`,
      errors: [{ line: 7, column: 13, endColumn: 16 }],
    },
    { name: 'block list, plain *', path: P, code: role('Role', '- apiGroups:\n  - ""\n  resources:\n  - pods\n  verbs:\n  - "*"\n'), errors: [{ line: 11, column: 5 }] },
  ],
});
