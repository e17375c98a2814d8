// A Terraform state file in the repository: it holds every managed resource's attributes, secrets included, in plain text.

import { isTerraformState } from '../../models/secrets/find.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'terraform-state-file',
  family: 'secrets',
  kinds: ['text'],
  severity: 'high',
  description: 'A Terraform state file (`*.tfstate`) is kept with the code',
  cwe: [312],
  fix: 'none',
  rangesAreNotSecrets: true,
  check(ctx) {
    if (!isTerraformState(ctx.file)) return;
    const { text } = ctx.file;
    // One finding for the file, on its first non-blank character (the state's opening brace).
    let start = 0;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    const end = start < text.length ? start + 1 : start;
    ctx.report({
      range: { start, end },
      message:
        'Terraform state is committed: it records every attribute of every managed resource in plain text — database passwords, generated keys, tokens — whatever `sensitive` says. Remove it from Git (and its history), add `*.tfstate*` to .gitignore, keep state in a remote backend with encryption and access control, and rotate the secrets it held.',
    });
  },
});
