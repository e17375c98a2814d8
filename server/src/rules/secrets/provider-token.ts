// Tokens and keys in a known provider format (GitHub, GitLab, cloud, chat, SaaS, AI, registries, PEM, JWT), checksum-verified where possible.

import { redact } from '../../core/redact.js';
import { FILE_KINDS } from '../../core/types.js';
import type { Assignment } from '../../models/assignments.js';
import { secretStore } from '../../models/secrets/advice.js';
import { secretFixes } from '../../models/secrets/fixes.js';
import { scanTokens } from '../../models/secrets/index.js';
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
    const matches = scanTokens(ctx.file.text);
    if (matches.length === 0) return;
    const byStart = new Map<number, Assignment>();
    for (const a of ctx.file.facets.assignments) if (a.exact) byStart.set(a.valueRange.start, a);
    for (const m of matches) {
      const range = { start: m.start, end: m.end };
      const a = byStart.get(m.start);
      ctx.report({
        range,
        message: `${m.detector.name} ${redact(m.secret)} is hardcoded: anyone who can read this file or its Git history can use it. Revoke it now (${m.detector.rotate}), then read it from ${secretStore(ctx.file.kind)}.`,
        fixes: a ? secretFixes(ctx.file, a, range) : [],
      });
    }
  },
});
