// Table tests for k8s-rbac-secrets-read.

import rule from '../../server/src/rules/permissions/k8s-rbac-secrets-read.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/rbac.yaml';
const role = (kind: string, rules: string): string => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;

ruleTester(rule, {
  valid: [
    { name: 'configmaps only', path: P, code: role('Role', '  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get"]\n') },
    { name: 'create only', path: P, code: role('Role', '  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["create"]\n') },
    { name: 'limited to named secrets', path: P, code: role('Role', '  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["app-tls"]\n    verbs: ["get"]\n') },
    { name: 'another API group', path: P, code: role('Role', '  - apiGroups: ["example.com"]\n    resources: ["secrets"]\n    verbs: ["get"]\n') },
  ],
  invalid: [
    { name: 'ClusterRole list/watch', path: P, code: role('ClusterRole', '  - apiGroups: [""]\n    resources: ["pods", "secrets"]\n    verbs: ["list", "watch"]\n'), errors: [{ line: 7, column: 25, endColumn: 34 }], output: null },
    { name: 'Role get, block style, CRLF', path: P, code: role('Role', '- apiGroups:\n  - ""\n  resources:\n  - secrets\n  verbs:\n  - get\n').replace(/\n/g, '\r\n'), errors: [{ line: 9, column: 5 }] },
  ],
});
