// Secrets baked into a container image: credential-named ARG/ENV (kept in the image history and config) and secret files copied into a layer.

import { secretCopies, secretVariables } from '../../models/secrets/image-secrets.js';
import { secretMountFix } from '../../models/secrets/fixes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'secret-in-image',
  family: 'secrets',
  kinds: ['dockerfile'],
  severity: 'high',
  description: 'A secret reaches the image: a credential passed as ARG/ENV, or a secret file copied in',
  cwe: [538, 522],
  fix: 'unsafe',
  rangesAreNotSecrets: true,
  check(ctx) {
    for (const v of secretVariables(ctx.file)) {
      const fix = secretMountFix(ctx.file, v.instruction, v.name);
      const where =
        v.keyword === 'ARG'
          ? `Build argument ${v.name} carries a credential: build-argument values are recorded in the image history (\`docker history\` shows them on every later RUN) and in the build cache`
          : `ENV ${v.name} puts a credential into the image: environment variables are stored in the image config (\`docker inspect\`) and inherited by every container`;
      ctx.report({
        range: v.nameRange,
        message: `${where}, readable by anyone who can pull the image. Pass it as a BuildKit secret instead: \`RUN --mount=type=secret,id=…,env=${v.name} …\` and \`docker build --secret id=…,env=${v.name}\`.`,
        fixes: fix ? [fix] : [],
      });
    }
    for (const c of secretCopies(ctx.file)) {
      ctx.report({
        range: c.range,
        message: `${c.keyword} copies '${c.source}' (${c.what}) into the image: it stays in that layer even if a later step deletes it, and anyone who can pull the image can read it. Mount it for the RUN that needs it instead (\`RUN --mount=type=secret,id=…,target=…\`), and list it in .dockerignore.`,
      });
    }
  },
});
