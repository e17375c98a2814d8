// `required_providers` entries without a version constraint: `terraform init` installs whatever release is newest.

import { attribute, providerRequirements, stringValue } from '../../models/terraform.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'unversioned-provider',
  family: 'pinning',
  kinds: ['terraform'],
  severity: 'low',
  description: 'Terraform provider requirement has no version constraint',
  cwe: [1357, 494],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    // The deprecated `version` inside a `provider "x" { … }` block still constrains the provider.
    const legacy = new Set(
      tf
        .blocksOfType('provider')
        .filter((b) => (stringValue(attribute(b.body, 'version')?.value) ?? '').trim() !== '')
        .map((b) => b.labels[0]?.value),
    );
    for (const p of providerRequirements(tf)) {
      if (legacy.has(p.name)) continue;
      const kind = p.entry.value.type;
      // The object form `{ source, version }` and the legacy string form `aws = "~> 5.0"`; anything else is unknown.
      if (kind !== 'object' && kind !== 'string') continue;
      const v = p.version;
      if (v !== undefined && (v.type !== 'string' || v.value.trim() !== '')) continue;
      const source = stringValue(p.source);
      const shown = source ? `'${p.name}' (${source})` : `'${p.name}'`;
      ctx.report({
        range: v?.type === 'string' ? v.valueRange : p.nameRange,
        message: `Provider ${shown} has no version constraint: \`terraform init\` without a committed lock file, or \`init -upgrade\`, installs the newest release, which can change behaviour or be a compromised build. Add \`version = "~> <major>.<minor>"\` (a lower bound \`>=\` is enough in a reusable module) and commit .terraform.lock.hcl.`,
      });
    }
  },
});
