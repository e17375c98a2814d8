// A field picked out of a JSON secret: GitHub masks the secret's whole value in logs, not the parts of it.

import { findExpressions } from '../../models/github-expressions.js';
import { expressionRange, scalarsUnder } from '../../models/github-secrets.js';
import { workflowsIn } from '../../models/github-workflow.js';
import { defineRule } from '../define.js';

/** `fromJSON(secrets.X).field`, `fromJson(secrets['X'])['field']`, also inside larger expressions. */
const FIELD_OF_SECRET = /\bfromjson\s*\(\s*secrets\s*(?:\.\s*[A-Za-z_][\w-]*|\[[^\]]{0,200}\])\s*\)\s*(?:\.\s*[A-Za-z_*]|\[)/i;

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
    for (const wf of workflowsIn(ctx.file)) {
      for (const s of scalarsUnder(wf.doc.contents)) {
        if (s.text.length > 100_000 || !/fromjson/i.test(s.text)) continue;
        for (const e of findExpressions(s.text)) {
          if (!FIELD_OF_SECRET.test(e.inner)) continue;
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
