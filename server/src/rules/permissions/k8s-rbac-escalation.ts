// Kubernetes Roles and ClusterRoles with permissions that lead to more permissions: `escalate`/`bind` on roles,
// `impersonate`, `pods/exec` and `pods/attach`, `nodes/proxy`.

import type { Scalar } from 'yaml';
import { rbacRules } from '../../models/kubernetes.js';
import { rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const ROLE_RESOURCES = new Set(['roles', 'clusterroles']);
const IDENTITY_RESOURCES = new Set(['users', 'groups', 'serviceaccounts', 'userextras', 'uids']);
/** GET upgrades to a WebSocket exec/attach/proxy session, so it is enough, not only `create`. */
const SESSION_VERBS = new Set(['create', 'get']);

export default defineRule({
  id: 'k8s-rbac-escalation',
  family: 'permissions',
  kinds: ['kubernetes'],
  severity: 'high',
  description: 'An RBAC Role or ClusterRole grants escalate, bind, impersonate, pods/exec or nodes/proxy',
  cwe: [269],
  fix: 'none',
  check(ctx) {
    const yaml = ctx.file.yaml;
    if (!yaml) return;
    for (const rule of rbacRules(yaml.docs, ctx.file.text)) {
      // `*` verbs and resources are k8s-rbac-wildcard's; this rule names the explicit grants.
      const groups = new Set(rule.apiGroups.map((g) => String(g.value)));
      const verbs = rule.verbs.filter((v) => typeof v.value === 'string' && v.value !== '*');
      const resources = rule.resources.filter((r) => typeof r.value === 'string' && r.value !== '*');
      const verb = (name: string): Scalar | undefined => verbs.find((v) => v.value === name);
      const who = `${rule.kind} '${rule.name ?? '?'}'`;
      const report = (node: Scalar, message: string): void => void ctx.report({ range: rangeOf(node)!, message: `${who} ${message}` });
      const rbacGroup = groups.has(RBAC_GROUP) || groups.has('*');
      const coreGroup = groups.has('') || groups.has('*');
      if (rbacGroup && resources.some((r) => ROLE_RESOURCES.has(String(r.value)))) {
        const escalate = verb('escalate');
        if (escalate) report(escalate, "can escalate roles: it may write a Role or ClusterRole with permissions it does not hold, then use them. Remove 'escalate'.");
        const bind = verb('bind');
        if (bind) report(bind, "can bind roles it does not hold: it may bind any (cluster) role, cluster-admin included, to itself. Remove 'bind', or limit it with resourceNames to the roles it must hand out.");
      }
      if ((coreGroup || groups.has('authentication.k8s.io')) && resources.some((r) => IDENTITY_RESOURCES.has(String(r.value)))) {
        const impersonate = verb('impersonate');
        if (impersonate) report(impersonate, "can impersonate users, groups or service accounts: it acts with their rights (system:masters included, unless resourceNames limits it). Remove 'impersonate', or limit it with resourceNames.");
      }
      const session = verbs.filter((v) => SESSION_VERBS.has(String(v.value)));
      if (session.length > 0) {
        for (const r of resources) {
          const name = String(r.value);
          if (coreGroup && (name === 'pods/exec' || name === 'pods/attach')) {
            report(r, `can open ${name} sessions (${session.map((v) => String(v.value)).join('/')}): it runs commands in, or attaches to, any pod it may reach, and so reads their service account tokens and secrets. Remove it, or move debugging to a separate, short-lived role.`);
          } else if (coreGroup && name === 'nodes/proxy') {
            report(r, `can use nodes/proxy (${session.map((v) => String(v.value)).join('/')}): it talks to the kubelet API of every node, which runs commands in any pod on them, bypassing admission and audit. Remove it (metrics scrapers need nodes/metrics, not nodes/proxy).`);
          }
        }
      }
    }
  },
});
