// Kubernetes RoleBindings and ClusterRoleBindings that hand out cluster-admin, or give roles to everyone (anonymous,
// all authenticated users, all service accounts) or to a namespace's `default` service account.

import { isScalar, type Scalar } from 'yaml';
import type { Severity } from '../../core/types.js';
import { rbacBindings, rbacRules, type RbacSubject } from '../../models/kubernetes.js';
import { get, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** Built-in roles that can do (nearly) anything in their scope. */
const POWERFUL = new Set(['cluster-admin', 'admin', 'edit']);
/** Built-in roles Kubernetes itself binds to every user: binding them again adds nothing. */
const PUBLIC_DEFAULTS = new Set(['system:public-info-viewer', 'system:discovery', 'system:basic-user']);
const UNAUTHENTICATED = new Set(['system:anonymous', 'system:unauthenticated']);
const EVERYONE = new Set(['system:authenticated', 'system:serviceaccounts']);

function everyoneLabel(s: RbacSubject): string | undefined {
  const name = s.name ?? '';
  if (s.kind === 'User' && name === 'system:anonymous') return 'the anonymous user (anyone who can reach the API server)';
  if (s.kind !== 'Group') return undefined;
  if (UNAUTHENTICATED.has(name)) return `the group ${name} (anyone who can reach the API server)`;
  if (name === 'system:authenticated') return 'the group system:authenticated (every user and service account with any credential)';
  if (EVERYONE.has(name) || name.startsWith('system:serviceaccounts:')) return `the group ${name} (every service account${name === 'system:serviceaccounts' ? ' of the cluster' : ' of that namespace'})`;
  return undefined;
}

export default defineRule({
  id: 'k8s-rbac-dangerous-binding',
  family: 'permissions',
  kinds: ['kubernetes'],
  severity: 'high',
  description: 'An RBAC binding grants cluster-admin, or grants a role to everyone or to a default service account',
  cwe: [269, 732],
  fix: 'none',
  check(ctx) {
    const yaml = ctx.file.yaml;
    if (!yaml) return;
    const bindings = rbacBindings(yaml.docs, ctx.file.text);
    if (bindings.length === 0) return;
    // Roles of the same file that grant `*` verbs on `*` resources are as powerful as cluster-admin.
    const wildcardRoles = new Set<string>();
    for (const r of rbacRules(yaml.docs, ctx.file.text)) {
      if (r.verbs.some((v) => v.value === '*') && r.resources.some((v) => v.value === '*') && r.name) wildcardRoles.add(`${r.kind}/${r.name}`);
    }
    for (const b of bindings) {
      const role = b.roleName;
      if (role === undefined || role.includes('$___')) continue;
      const roleKind = b.roleKind ?? 'ClusterRole';
      const powerful = (roleKind === 'ClusterRole' && POWERFUL.has(role)) || wildcardRoles.has(`${roleKind}/${role}`);
      const what = `${b.kind} '${b.name ?? '?'}' binds ${roleKind} '${role}'${powerful && !POWERFUL.has(role) ? " (which grants '*' on '*')" : ''}`;
      const scope = b.kind === 'ClusterRoleBinding' ? 'the cluster' : 'the namespace';
      let reported = false;
      const report = (node: unknown, severity: Severity, message: string): void => {
        const range = rangeOf(isScalar(node) ? node : undefined);
        if (!range) return;
        reported = true;
        ctx.report({ range, severity, message: `${what}${message}` });
      };
      for (const s of b.subjects) {
        const nameNode = get(s.node, 'name') as Scalar | undefined;
        const everyone = everyoneLabel(s);
        if (everyone) {
          if (!powerful && PUBLIC_DEFAULTS.has(role)) continue;
          const unauthenticated = UNAUTHENTICATED.has(s.name ?? '');
          if (!powerful && !unauthenticated) continue;
          report(nameNode, powerful ? 'critical' : 'high', ` to ${everyone}: ${powerful ? `every one of them gets ${role === 'edit' ? 'write access to most of' : 'control of'} ${scope}` : 'anyone on the network gets these rights without logging in'}. Bind the role to the specific users, groups or service accounts that need it.`);
        } else if (s.kind === 'ServiceAccount' && s.name === 'default') {
          report(nameNode, powerful ? 'critical' : 'medium', ` to the default service account${s.namespace ? ` of namespace '${s.namespace}'` : ''}: every pod of that namespace that names no service account of its own gets ${powerful ? `${role === 'edit' ? 'write access to most of' : 'control of'} ${scope}` : 'these rights'}. Create a dedicated service account for the workload and bind the role to it.`);
        }
      }
      if (!reported && role === 'cluster-admin' && roleKind === 'ClusterRole' && b.roleNode) {
        report(b.roleNode, 'high', `: its subjects can do anything in ${b.kind === 'ClusterRoleBinding' ? 'the whole cluster' : 'the namespace, roles and bindings included'}, so a compromise of any of them (a stolen token, a vulnerable operator) is a compromise of ${b.kind === 'ClusterRoleBinding' ? 'the cluster' : 'everything in it'}. Create a role with only the resources and verbs the subject needs.`);
      }
    }
  },
});
