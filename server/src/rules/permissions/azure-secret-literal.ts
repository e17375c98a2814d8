// `##vso[task.setvariable …;issecret=true]` followed by a literal value: the secret is in the pipeline file.

import { redact } from '../../core/redact.js';
import { defineRule } from '../define.js';

const SETVAR = /##vso\[task\.setvariable\b/gi;

interface SetVariable {
  /** the properties between `setvariable` and `]` */
  readonly props: string;
  /** the text after `]`, to the end of the line (at most 2000 characters) */
  readonly value: string;
  readonly valueStart: number;
}

/**
 * `##vso[task.setvariable<props up to 400 characters>]<value>` logging commands, as
 * `/##vso\[task\.setvariable\b([^\]\n]{0,400})\]([^\n]{0,2000})/gi` would match them, without rescanning.
 */
export function* setVariables(text: string): Generator<SetVariable> {
  let after = 0;
  for (const m of text.matchAll(SETVAR)) {
    if (m.index < after) continue;
    const from = m.index + m[0].length;
    let close = from;
    while (close < text.length && close - from <= 400 && text[close] !== ']' && text[close] !== '\n') close++;
    if (text[close] !== ']' || close - from > 400) continue;
    const valueStart = close + 1;
    let end = valueStart;
    while (end < text.length && end - valueStart < 2000 && text[end] !== '\n') end++;
    yield { props: text.slice(from, close), value: text.slice(valueStart, end), valueStart };
    after = end;
  }
}

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
      if (script.source !== 'azure-script') continue;
      for (const m of setVariables(script.text)) {
        if (!/issecret\s*=\s*true/i.test(m.props)) continue;
        const value = literal(m.value);
        if (!value) continue;
        const start = m.valueStart + m.value.indexOf(value);
        const name = /variable\s*=\s*([^;\]\s]+)/i.exec(m.props)?.[1] ?? 'the variable';
        ctx.report({
          range: script.fileRange(start, start + value.length),
          message: `'${name}' is marked secret but set from a literal (${redact(value)}) written in the pipeline file, where everyone with read access to the repository sees it. Store it as a secret pipeline variable or in a variable group / Key Vault, and rotate it.`,
        });
      }
    }
  },
});
