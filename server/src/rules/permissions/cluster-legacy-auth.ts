// Kubernetes clusters with legacy authentication or authorization: GKE legacy ABAC, basic-auth credentials and client
// certificates, AKS with Kubernetes RBAC turned off.

import { attribute, blocksOf, literal } from '../../models/terraform.js';
import { oneOf, reportSettings, resourceName, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const TRUE = oneOf(true, 'true');

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['google_container_cluster'],
    path: ['enable_legacy_abac'],
    insecure: TRUE,
    secure: 'false',
    problem: 'legacy ABAC grants broad static permissions outside Kubernetes RBAC, so service accounts and users keep access that RBAC would deny',
    remedy: 'Set it to false and grant access with RBAC roles',
  },
  {
    resources: ['google_container_cluster'],
    path: ['master_auth', 'client_certificate_config', 'issue_client_certificate'],
    insecure: TRUE,
    secure: 'false',
    problem: 'GKE issues a client certificate with cluster-admin rights that cannot be revoked, only rotated with the whole cluster CA',
    remedy: 'Set it to false and authenticate with Google identities (gcloud, Workload Identity)',
  },
  {
    resources: ['azurerm_kubernetes_cluster'],
    path: ['role_based_access_control_enabled'],
    insecure: oneOf(false, 'false'),
    secure: 'true',
    problem: 'without Kubernetes RBAC every authenticated user and service account can do anything in the cluster',
    remedy: 'Set it to true (the default); the change recreates the cluster',
  },
];

export default defineRule({
  id: 'cluster-legacy-auth',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'high',
  description: 'A GKE or AKS cluster uses legacy authorization or authentication (ABAC, basic auth, client certificates, RBAC off)',
  cwe: [287, 285],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of tf.blocksOfType('resource', 'google_container_cluster')) {
      for (const ma of blocksOf(r.body, 'master_auth')) {
        for (const key of ['username', 'password']) {
          const a = attribute(ma.body, key);
          if (!a) continue;
          const v = literal(tf.values.resolve(a.value).expr);
          // An empty username turns basic auth off; anything else (a value or a reference) turns it on.
          if (v === '' || v === null) continue;
          ctx.report({
            range: a.nameRange,
            message: `${resourceName(r)} sets master_auth.${key}: basic authentication gives cluster-admin to a static password that cannot be scoped or audited per person (GKE removed it in 1.19). Remove username and password and authenticate with Google identities.`,
          });
          break;
        }
      }
    }
  },
});
