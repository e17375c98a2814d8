// Tokens and keys in a known provider format (GitHub, GitLab, cloud, chat, SaaS, AI, registries, PEM, JWT), checksum-verified where possible.

import { redact } from '../../core/redact.js';
import { FILE_KINDS } from '../../core/types.js';
import type { Assignment } from '../../models/assignments.js';
import { findSecrets } from '../../models/secrets/find.js';
import { secretFixes } from '../../models/secrets/fixes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'provider-token',
  family: 'secrets',
  kinds: FILE_KINDS,
  severity: 'critical',
  description: 'A token, key or private key in a known provider format is hardcoded in the file',
  cwe: [798],
  fix: 'unsafe',
  check(ctx) {
    const spans = findSecrets(ctx.file).filter((s) => s.rule === 'provider-token');
    if (spans.length === 0) return;
    const byStart = new Map<number, Assignment>();
    for (const a of ctx.file.facets.assignments) if (a.exact) byStart.set(a.valueRange.start, a);
    for (const s of spans) {
      if (s.rule !== 'provider-token') continue;
      const range = { start: s.start, end: s.end };
      const a = byStart.get(s.start);
      const d = s.token.detector;
      ctx.report({
        range,
        message: `${d.name} ${redact(s.secret)} is hardcoded: anyone who can read this file or its Git history can use it. Revoke it now (${d.rotate}), then read it from the platform's secret store.`,
        fixes: a ? secretFixes(ctx.file, a, range) : [],
      });
    }
  },
});
