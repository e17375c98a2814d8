// Credentials written into URLs (`postgres://user:password@host`, `?access_token=…`, presigned URLs), HTTP credential headers, and `curl -u user:password`.

import { redact } from '../../core/redact.js';
import { FILE_KINDS } from '../../core/types.js';
import type { TextCredentialKind } from '../../models/secrets/commands.js';
import { findSecrets } from '../../models/secrets/find.js';
import { defineRule } from '../define.js';

const WHAT: Partial<Record<TextCredentialKind, string>> = {
  'basic-auth': 'An HTTP Basic Authorization header',
  bearer: 'An HTTP Authorization header',
  'curl-user': '`curl -u user:password`',
};

export default defineRule({
  id: 'credential-url',
  family: 'secrets',
  kinds: FILE_KINDS,
  severity: 'high',
  description: 'A password or token is embedded in a URL, an HTTP credential header or `curl -u`',
  cwe: [798, 522],
  fix: 'none',
  check(ctx) {
    for (const s of findSecrets(ctx.file)) {
      if (s.rule !== 'credential-url') continue;
      const c = s.credential;
      const what =
        c.kind === 'url-password' ? `A ${c.label}:// URL`
        : c.kind === 'url-query' ? `A URL's \`${c.label}=\` parameter`
        : c.kind === 'presigned-url' ? `A presigned URL (\`${c.label}\`)`
        : c.kind === 'header' ? `An HTTP \`${c.label}\` header`
        : (WHAT[c.kind] ?? 'A command line');
      const weak = s.weak ? ' The value is also weak and guessable.' : '';
      const how = c.kind === 'presigned-url' ? 'anyone with the URL can use it until it expires' : 'it ends up in logs, process lists and the Git history';
      ctx.report({
        range: { start: s.start, end: s.end },
        message: `${what} carries a hardcoded credential (${redact(c.secret)}): ${how}.${weak} Rotate it and pass it from the platform's secret store (an environment variable or a credentials file), not inline.`,
      });
    }
  },
});
