// `##vso[task.setvariable …;issecret=true]` followed by a literal value: the secret is in the pipeline file.

import { redact } from '../../core/redact.js';
import { defineRule } from '../define.js';

const SETVAR = /##vso\[task\.setvariable\b([^\]\n]{0,400})\]([^\n]{0,2000})/gi;

/** The value as the script writes it, without a closing quote of the echo; undefined when it is computed at run time. */
function literal(raw: string): string | undefined {
  const v = raw.trim().replace(/["']\s*$/, '').trim();
  if (v === '' || /[$%`]|\{\{/.test(v)) return undefined;
  if (/^(<[^>]*>|x+|changeme|example|placeholder|dummy|secret|password|\*+)$/i.test(v)) return undefined;
  return v;
}

export default defineRule({
  id: 'azure-secret-literal',
  family: 'permissions',
  kinds: ['azure-pipelines'],
  severity: 'high',
  description: 'Secret variable set from a literal in a script (`##vso[task.setvariable …;issecret=true]value`)',
  cwe: [798],
  fix: 'none',
  check(ctx) {
    for (const script of ctx.file.facets.scripts) {
      if (script.source !== 'azure-script' || script.text.length > 200_000) continue;
      for (const m of script.text.matchAll(SETVAR)) {
        if (!/issecret\s*=\s*true/i.test(m[1]!)) continue;
        const value = literal(m[2]!);
        if (!value) continue;
        const start = m.index + m[0].length - m[2]!.length + m[2]!.indexOf(value);
        const name = /variable\s*=\s*([^;\]\s]+)/i.exec(m[1]!)?.[1] ?? 'the variable';
        ctx.report({
          range: script.fileRange(start, start + value.length),
          message: `'${name}' is marked secret but set from a literal (${redact(value)}) written in the pipeline file, where everyone with read access to the repository sees it. Store it as a secret pipeline variable or in a variable group / Key Vault, and rotate it.`,
        });
      }
    }
  },
});
