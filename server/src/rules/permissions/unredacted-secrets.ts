// A field picked out of a JSON secret: GitHub masks the secret's whole value in logs, not the parts of it.

import { findExpressions } from '../../models/github-expressions.js';
import { expressionRange, scalarsUnder } from '../../models/github-secrets.js';
import { workflowsIn } from '../../models/github-workflow.js';
import { yamlMayContain } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const IDENT = /^[A-Za-z_][\w-]*/;

/** `fromJSON(secrets.X).field`, `fromJson(secrets['X'])['field']`, also inside larger expressions (read by hand, in one pass). */
export function readsSecretField(inner: string): boolean {
  const lower = inner.toLowerCase();
  const skip = (i: number): number => {
    while (i < lower.length && /\s/.test(lower[i]!)) i++;
    return i;
  };
  for (let at = lower.indexOf('fromjson'); at !== -1; at = lower.indexOf('fromjson', at + 8)) {
    if (at > 0 && /[\w.]/.test(lower[at - 1]!)) continue;
    let i = skip(at + 8);
    if (lower[i] !== '(') continue;
    i = skip(i + 1);
    if (!lower.startsWith('secrets', i)) continue;
    i = skip(i + 7);
    if (lower[i] === '.') {
      const m = IDENT.exec(inner.slice(skip(i + 1), skip(i + 1) + 200));
      if (!m) continue;
      i = skip(skip(i + 1) + m[0].length);
    } else if (lower[i] === '[') {
      const close = lower.indexOf(']', i);
      if (close === -1 || close - i > 200) continue;
      i = skip(close + 1);
    } else continue;
    if (lower[i] !== ')') continue;
    i = skip(i + 1);
    if (lower[i] === '[' || (lower[i] === '.' && /[a-z_*]/.test(lower[skip(i + 1)] ?? ''))) return true;
  }
  return false;
}

export default defineRule({
  id: 'unredacted-secrets',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'medium',
  description: 'A field of a JSON secret (`fromJSON(secrets.X).field`) is used: log masking does not cover it',
  cwe: [532],
  fix: 'none',
  check(ctx) {
    const text = ctx.file.text;
    // No scalar can mention fromJSON when the text does not (nor spells it with escapes): no walk of every scalar.
    if (!yamlMayContain(text, /fromjson/i)) return;
    for (const wf of workflowsIn(ctx.file)) {
      for (const s of scalarsUnder(wf.doc.contents, true, (t) => t.length <= 100_000 && /fromjson/i.test(t))) {
        for (const e of findExpressions(s.text)) {
          if (!readsSecretField(e.inner)) continue;
          ctx.report({
            range: expressionRange(text, s.node, s.text.slice(e.start, e.end)),
            message:
              `\`\${{ ${e.inner.length > 120 ? `${e.inner.slice(0, 120)}…` : e.inner} }}\` reads a field out of a JSON secret. GitHub registers only the secret's whole value for masking, so the field's value is printed in clear wherever it reaches a log (a command echo, an error, a debug line). ` +
              'Store each value the workflow needs as its own secret and reference it directly.',
          });
        }
      }
    }
  },
});
