// Table tests for k8s-rbac-dangerous-binding.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../server/src/rules/permissions/k8s-rbac-dangerous-binding.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const P = 'k8s/rbac.yaml';
const binding = (kind: string, role: string, subjects: string, roleKind = 'ClusterRole'): string =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${roleKind}\n  name: ${role}\nsubjects:\n${subjects}`;
const sa = (name: string, ns = 'apps'): string => `  - kind: ServiceAccount\n    name: ${name}\n    namespace: ${ns}\n`;
const group = (name: string): string => `  - kind: Group\n    apiGroup: rbac.authorization.k8s.io\n    name: ${name}\n`;

ruleTester(rule, {
  valid: [
    { name: 'narrow role to a dedicated service account', path: P, code: binding('RoleBinding', 'app-reader', sa('app'), 'Role') },
    { name: 'view to authenticated users', path: P, code: binding('ClusterRoleBinding', 'view', group('system:authenticated')) },
    { name: 'public-info-viewer to unauthenticated (a Kubernetes default)', path: P, code: binding('ClusterRoleBinding', 'system:public-info-viewer', group('system:unauthenticated')) },
    { name: 'templated role', path: 'chart/templates/rb.yaml', code: binding('ClusterRoleBinding', '{{ .Values.role }}', sa('default')) },
    { name: 'admin to a dedicated service account', path: P, code: binding('RoleBinding', 'admin', sa('deployer')) },
  ],
  invalid: [
    { name: 'cluster-admin to a dedicated service account', path: P, code: binding('ClusterRoleBinding', 'cluster-admin', sa('operator')), errors: [{ line: 8, column: 9, endColumn: 22, messageIncludes: 'whole cluster' }], output: null },
    { name: 'cluster-admin to everyone authenticated', path: P, code: binding('ClusterRoleBinding', 'cluster-admin', group('system:authenticated')), errors: [{ line: 12, column: 11, messageIncludes: 'system:authenticated' }] },
    { name: 'any role to anonymous', path: P, code: binding('ClusterRoleBinding', 'pod-reader', '  - kind: User\n    name: system:anonymous\n'), errors: [{ line: 11, column: 11, messageIncludes: 'without logging in' }] },
    { name: 'a role to the default service account', path: P, code: binding('RoleBinding', 'configmap-writer', sa('default', 'shop'), 'Role'), errors: [{ line: 11, column: 11, messageIncludes: "namespace 'shop'" }] },
    {
      name: 'a wildcard role of the same file to all service accounts',
      path: P,
      code: `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: all\nrules:\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n---\n${binding('ClusterRoleBinding', 'all', group('system:serviceaccounts'))}`,
      errors: [{ line: 21, column: 11, messageIncludes: "grants '*' on '*'" }],
    },
  ],
});

describe('k8s-rbac-dangerous-binding severities', () => {
  it('powerful roles to everyone are critical, narrow roles to the default service account medium', () => {
    const one = analyzeWith(rule, { path: P, code: binding('ClusterRoleBinding', 'cluster-admin', sa('default')) });
    assert.deepEqual(one.findings.map((f) => f.severity), ['critical']);
    const two = analyzeWith(rule, { path: P, code: binding('RoleBinding', 'reader', sa('default'), 'Role') });
    assert.deepEqual(two.findings.map((f) => f.severity), ['medium']);
  });
});
