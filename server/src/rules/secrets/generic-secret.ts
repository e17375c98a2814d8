// Random-looking literals under secret-looking names outside credential slots (password, token, api_key, …): entropy decides.

import { redact } from '../../core/redact.js';
import { FILE_KINDS } from '../../core/types.js';
import { findSecrets } from '../../models/secrets/find.js';
import { secretFixes } from '../../models/secrets/fixes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'generic-secret',
  family: 'secrets',
  kinds: FILE_KINDS,
  severity: 'high',
  description: 'A random-looking password, token or key is assigned to a secret-looking name',
  cwe: [798, 259],
  fix: 'unsafe',
  check(ctx) {
    for (const s of findSecrets(ctx.file)) {
      if (s.rule !== 'generic-secret') continue;
      const range = { start: s.start, end: s.end };
      if (s.command) {
        ctx.report({
          range,
          message: `\`${s.command.label}\` is given a hardcoded secret (${redact(s.value)}): command lines show up in logs and process lists, and the file keeps it in Git history. Rotate it and pass it from the secret store (an environment variable, or --password-stdin where the tool has it).`,
        });
        continue;
      }
      const a = s.assignment!;
      ctx.report({
        range,
        message: `'${a.key}' is set to a hardcoded secret (${redact(s.value)}): anyone who can read this file or its Git history can use it. Rotate it, then read it from the platform's secret store.`,
        fixes: secretFixes(ctx.file, a, range),
      });
    }
  },
});
