// Literals where a platform expects a credential (a credential slot): Terraform password attributes, Kubernetes Secrets,
// credential-named variables, registry logins, `mysql -p…`: every written-out value but references and placeholders.

import { redact } from '../../core/redact.js';
import { FILE_KINDS } from '../../core/types.js';
import { findSecrets } from '../../models/secrets/find.js';
import { secretFixes } from '../../models/secrets/fixes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'hardcoded-credential',
  family: 'secrets',
  kinds: FILE_KINDS,
  severity: 'high',
  description: 'A literal password, token or key is written where the platform expects a credential',
  cwe: [798, 259, 521],
  fix: 'unsafe',
  check(ctx) {
    for (const s of findSecrets(ctx.file)) {
      if (s.rule !== 'hardcoded-credential') continue;
      const range = { start: s.start, end: s.end };
      const weak = s.weak ? ' It is also weak: short, common or made of dictionary words, so it can be guessed even without the file.' : '';
      const where = s.command ? `${s.where} on a command line is given` : `${s.where} is set to`;
      const whyCommand = s.command ? ' Command lines also show up in logs and process lists.' : '';
      ctx.report({
        range,
        message: `${where} a hardcoded credential (${redact(s.value)}): anyone who can read this file or its Git history can use it.${whyCommand}${weak} Rotate it, then read it from the platform's secret store.`,
        fixes: s.assignment ? secretFixes(ctx.file, s.assignment, range) : [],
      });
    }
  },
});
