// Dependabot allowed to run code from the dependencies it updates, next to the registry credentials it holds.

import { dependabotConfigsIn } from '../../models/dependabot.js';
import { scalarText } from '../../models/yaml-values.js';
import { rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'dependabot-execution',
  family: 'hardening',
  kinds: ['dependabot'],
  severity: 'high',
  description: 'Dependabot update allows insecure external code execution',
  cwe: [829, 94],
  fix: 'unsafe',
  check(ctx) {
    for (const cfg of dependabotConfigsIn(ctx.file)) {
      for (const u of cfg.updates) {
        const pair = u.externalCode;
        const value = scalarText(pair?.value);
        if (value?.toLowerCase() !== 'allow') continue;
        const range = rangeOf(pair!.value);
        if (!range) continue;
        const creds = u.registries.length ? ` with the credentials of ${u.registries.map((r) => `'${r}'`).join(', ')}` : cfg.registries.length ? ' next to the private registry credentials this file configures' : '';
        ctx.report({
          range,
          message:
            `The ${u.ecosystem ?? 'update'} entry${u.directory ? ` for '${u.directory}'` : ''} sets \`insecure-external-code-execution: allow\`: while resolving updates, Dependabot runs code shipped in the manifests and packages it fetches (setup.py, gemspecs, mix files)${creds}, so a compromised dependency runs inside the update job. ` +
            'Set it to `deny` (the default) and vendor or pre-resolve what needs code execution.',
          fixes: [{ title: 'Set `insecure-external-code-execution: deny` (updates that need code execution will fail)', safety: 'unsafe', edits: [{ range, newText: 'deny' }] }],
        });
      }
    }
  },
});
