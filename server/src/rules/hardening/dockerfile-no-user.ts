// The final image sets no `USER` at all, so it runs as the base image's default user: root for almost every image.

import { finalUser } from '../../models/dockerfile-user.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'dockerfile-no-user',
  family: 'hardening',
  kinds: ['dockerfile'],
  severity: 'low',
  description: 'The final image sets no `USER`, so it runs as root',
  cwe: [250],
  fix: 'unsafe',
  check(ctx) {
    const df = ctx.file.dockerfile;
    if (!df) return;
    const u = finalUser(df, ctx.file.text, ctx.file.lines);
    if (u?.state !== 'none') return;
    ctx.report({
      range: u.range,
      message: `The final image sets no USER, so it runs as root (the default of '${u.image}'): a compromise of the application is a compromise of everything root can reach in the container. Create an unprivileged user and add \`USER <name>\` after the steps that need root${u.candidate ? ` (e.g. \`USER ${u.candidate}\`)` : ''}.`,
      fixes: u.fixes,
    });
  },
});
