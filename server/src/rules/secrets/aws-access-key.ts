// AWS access key ids (AKIA…, ASIA…) written into any supported file; reported only in redacted form.

import { redact } from '../../core/redact.js';
import { FILE_KINDS, type Fix } from '../../core/types.js';
import { findSecrets } from '../../models/secrets/find.js';
import type { SourceFile } from '../../models/source-file.js';
import { pairAt, valueRange } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** In a workflow, a key that is a whole `KEY: value` scalar can be replaced by a secret reference. */
function secretFix(file: SourceFile, start: number, end: number): Fix[] {
  if (file.kind !== 'github-workflow') return [];
  const docs = file.yaml?.docs ?? [];
  const pair = pairAt(docs, start);
  if (!pair) return [];
  const range = valueRange(pair.value, file.text);
  if (range.start !== start || range.end !== end) return [];
  const name = ENV_NAME.test(pair.key) && pair.key.toUpperCase().includes('KEY') ? pair.key.toUpperCase() : 'AWS_ACCESS_KEY_ID';
  return [
    {
      title: `Replace the key with \${{ secrets.${name} }} (create that repository secret first)`,
      safety: 'unsafe',
      edits: [{ range, newText: `\${{ secrets.${name} }}` }],
    },
  ];
}

export default defineRule({
  id: 'aws-access-key',
  family: 'secrets',
  kinds: FILE_KINDS,
  severity: 'critical',
  description: 'AWS access key id hardcoded in the file',
  cwe: [798],
  fix: 'unsafe',
  check(ctx) {
    for (const s of findSecrets(ctx.file)) {
      if (s.rule !== 'aws-access-key') continue;
      ctx.report({
        range: { start: s.start, end: s.end },
        message: `AWS access key id ${redact(s.secret)} is hardcoded: anyone who can read this file can use it with its secret key. Rotate the key in IAM, then read it from the CI secret store (or better, use OIDC roles instead of static keys).`,
        fixes: secretFix(ctx.file, s.start, s.end),
      });
    }
  },
});
