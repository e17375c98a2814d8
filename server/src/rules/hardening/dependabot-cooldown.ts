// Dependabot update entries without a cooldown: a release is proposed the hour it is published, before anyone has looked.

import type { Fix } from '../../core/types.js';
import { dependabotConfigsIn, type DependabotUpdate } from '../../models/dependabot.js';
import { addMapEntries } from '../../models/yaml-edit.js';
import { defineRule } from '../define.js';

/** Days the inserted cooldown waits: long enough for most malicious releases to be reported and pulled. */
const DAYS = '7';

function cooldownFix(text: string, u: DependabotUpdate): Fix[] {
  const edits = addMapEntries(text, u.node, 'cooldown', undefined, [{ name: 'default-days', value: DAYS }]);
  return edits ? [{ title: `Add \`cooldown: default-days: ${DAYS}\` (new releases wait ${DAYS} days; security updates are not delayed)`, safety: 'unsafe', edits }] : [];
}

export default defineRule({
  id: 'dependabot-cooldown',
  family: 'hardening',
  kinds: ['dependabot'],
  severity: 'low',
  description: 'Dependabot update entry has no cooldown before proposing new releases',
  cwe: [1357],
  fix: 'unsafe',
  check(ctx) {
    for (const cfg of dependabotConfigsIn(ctx.file)) {
      // Mid-edit the key may sit in the part that did not parse.
      if (cfg.doc.errors.length > 0) continue;
      for (const u of cfg.updates) {
        if (u.cooldown || !u.ecosystemRange) continue;
        ctx.report({
          range: u.ecosystemRange,
          message:
            `The ${u.ecosystem ?? 'update'} entry${u.directory ? ` for '${u.directory}'` : ''} has no \`cooldown:\`: Dependabot opens a pull request for a release as soon as it is published, so a hijacked release (as with tj-actions/changed-files or the npm worms) reaches your review queue, and auto-merge, before it can be reported and pulled. ` +
            `Add \`cooldown: { default-days: ${DAYS} }\`; security updates are not delayed by it.`,
          fixes: cooldownFix(ctx.file.text, u),
        });
      }
    }
  },
});
