// Literal values assigned to secret-looking names (password, token, api_key, …), with references, placeholders and data filtered out.

import { redact } from '../../core/redact.js';
import { FILE_KINDS } from '../../core/types.js';
import { flagCredentials } from '../../models/secrets/commands.js';
import { secretStore } from '../../models/secrets/advice.js';
import { secretFixes } from '../../models/secrets/fixes.js';
import { isPasswordName, isSecretName, looksLikeSecret } from '../../models/secrets/generic.js';
import { scanTokens } from '../../models/secrets/index.js';
import { defineRule } from '../define.js';

/** Secret values of a Kubernetes Secret are secrets whatever their key is called. */
const ALWAYS_SECRET = new Set(['k8s-secret-data', 'k8s-secret-string']);
/** …except the keys that name where to connect rather than how to prove who you are. */
const NOT_SECRET_KEY = /(?:^|[-_.])(?:user|username|login|host|hostname|port|url|uri|endpoint|database|db|name|email|region|id|namespace|type|server|address)$/i;

export default defineRule({
  id: 'generic-secret',
  family: 'secrets',
  kinds: FILE_KINDS,
  severity: 'high',
  description: 'A literal password, token or key is assigned to a secret-looking name',
  cwe: [798, 259],
  fix: 'unsafe',
  check(ctx) {
    for (const a of ctx.file.facets.assignments) {
      const always = ALWAYS_SECRET.has(a.source);
      if (always ? NOT_SECRET_KEY.test(a.key) : !isSecretName(a.key)) continue;
      if (!looksLikeSecret(a.value, always || isPasswordName(a.key))) continue;
      // A value in a known format is provider-token's finding, with a better message.
      if (a.exact && scanTokens(a.value).length > 0) continue;
      const where = always ? `Kubernetes Secret key '${a.key}'` : `'${a.key}'`;
      ctx.report({
        range: a.valueRange,
        message: `${where} is set to a hardcoded secret (${redact(a.value)}): anyone who can read this file or its Git history can use it. Rotate it, then read it from ${secretStore(ctx.file.kind)}.`,
        fixes: secretFixes(ctx.file, a, a.valueRange),
      });
    }
    // `--password X`, `--token=X`, `docker login -p X` in run:/script:/RUN lines.
    for (const script of ctx.file.facets.scripts) {
      for (const c of flagCredentials(script.text)) {
        if (scanTokens(c.secret).length > 0) continue;
        ctx.report({
          range: script.fileRange(c.start, c.end),
          message: `\`${c.label}\` is given a hardcoded secret (${redact(c.secret)}): command lines show up in logs and process lists, and the file keeps it in Git history. Rotate it and pass it from the secret store (an environment variable, or --password-stdin where the tool has it).`,
        });
      }
    }
  },
});
