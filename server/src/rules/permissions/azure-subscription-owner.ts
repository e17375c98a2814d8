// Azure role assignments of Owner or User Access Administrator at subscription, management group or root scope:
// the principal controls everything in it, including who else gets access.

import { attribute, literal, type HclExpr, type TerraformFile } from '../../models/terraform.js';
import { resourceName } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

/** Built-in role ids: Owner and User Access Administrator (both can grant any role). */
const ROLE_IDS: ReadonlyMap<string, string> = new Map([
  ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner'],
  ['18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'User Access Administrator'],
]);
const ROLE_NAMES = new Set(['owner', 'user access administrator']);

const SUBSCRIPTION = /^\/subscriptions\/[^/]+\/?$/i;
const MANAGEMENT_GROUP = /^\/providers\/microsoft\.management\/managementgroups\/[^/]+\/?$/i;
/** `"/subscriptions/${var.id}"`, `data.azurerm_subscription.current.id`, `azurerm_management_group.x.id`. */
const SCOPE_TEXT = /^(?:"\/subscriptions\/\$\{[^{}"]*\}\/?"|data\.azurerm_subscription\.[\w-]+\.id|(?:data\.)?azurerm_management_group\.[\w-]+\.id)$/;

function broadScope(tf: TerraformFile, expr: HclExpr): string | undefined {
  const v = literal(tf.values.resolve(expr).expr);
  if (typeof v === 'string') {
    if (v === '/') return 'the root of the tenant';
    if (SUBSCRIPTION.test(v)) return 'a whole subscription';
    if (MANAGEMENT_GROUP.test(v)) return 'a whole management group';
    return undefined;
  }
  const text = tf.text.slice(expr.range.start, expr.range.end);
  if (!SCOPE_TEXT.test(text)) return undefined;
  return text.includes('management_group') ? 'a whole management group' : 'a whole subscription';
}

export default defineRule({
  id: 'azure-subscription-owner',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'high',
  description: 'An Azure role assignment gives Owner or User Access Administrator on a whole subscription or management group',
  cwe: [269],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of tf.blocksOfType('resource', 'azurerm_role_assignment')) {
      const scope = attribute(r.body, 'scope');
      const name = attribute(r.body, 'role_definition_name');
      const id = attribute(r.body, 'role_definition_id');
      if (!scope) continue;
      let role: string | undefined;
      let at = name?.value.range;
      if (name) {
        const v = tf.values.resolve(name.value);
        const s = literal(v.expr);
        if (typeof s === 'string' && ROLE_NAMES.has(s.toLowerCase())) role = s;
        at = v.range;
      } else if (id) {
        const s = literal(tf.values.resolve(id.value).expr);
        if (typeof s === 'string') role = ROLE_IDS.get(s.slice(s.lastIndexOf('/') + 1).toLowerCase());
        at = id.value.range;
      }
      if (!role || !at) continue;
      const where = broadScope(tf, scope.value);
      if (!where) continue;
      ctx.report({
        range: at,
        message: `${resourceName(r)} gives '${role}' on ${where}: the principal can change or delete every resource in it and grant any role to anyone, so its compromise (a leaked pipeline secret, a hijacked identity) is the compromise of ${where}. Assign a narrower role (Contributor or a custom role) on the resource groups it manages, and keep Owner for break-glass accounts with PIM.`,
      });
    }
  },
});
