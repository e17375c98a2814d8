// Credentials written into URLs (`postgres://user:password@host`), HTTP Authorization headers, and `curl -u user:password`.

import { redact } from '../../core/redact.js';
import { FILE_KINDS, type Range } from '../../core/types.js';
import { curlUserCredentials, httpCredentials, type TextCredential } from '../../models/secrets/commands.js';
import { scanTokens } from '../../models/secrets/index.js';
import { defineRule } from '../define.js';

const WHAT: Record<TextCredential['kind'], string> = {
  'url-password': 'URL',
  'basic-auth': 'HTTP Basic Authorization header',
  bearer: 'HTTP Bearer Authorization header',
  'curl-user': '`curl -u user:password`',
  flag: 'command-line flag',
};

export default defineRule({
  id: 'credential-url',
  family: 'secrets',
  kinds: FILE_KINDS,
  severity: 'high',
  description: 'A password or token is embedded in a URL, an HTTP Authorization header or `curl -u`',
  cwe: [798, 522],
  fix: 'none',
  check(ctx) {
    const found: { range: Range; c: TextCredential }[] = [];
    for (const c of httpCredentials(ctx.file.text)) found.push({ range: { start: c.start, end: c.end }, c });
    for (const script of ctx.file.facets.scripts) {
      for (const c of curlUserCredentials(script.text)) found.push({ range: script.fileRange(c.start, c.end), c });
    }
    const seen = new Set<number>();
    for (const { range, c } of found) {
      // A token in a known format is provider-token's finding.
      if (seen.has(range.start) || scanTokens(c.secret).length > 0) continue;
      seen.add(range.start);
      const what = c.kind === 'url-password' ? `${c.label}:// URL` : WHAT[c.kind];
      ctx.report({
        range,
        message: `A ${what} carries a hardcoded credential (${redact(c.secret)}): it ends up in logs, process lists and the Git history. Rotate it and pass it from the platform's secret store (an environment variable or a credentials file), not inline.`,
      });
    }
  },
});
