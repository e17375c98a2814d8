// The final image's last `USER` is root (`root`, `0`, `root:<group>`): its processes run with full privileges.

import { finalUser } from '../../models/dockerfile-user.js';
import { defineRule } from '../define.js';

export { createdUser } from '../../models/dockerfile-user.js';

export default defineRule({
  id: 'dockerfile-root-user',
  family: 'hardening',
  kinds: ['dockerfile'],
  severity: 'medium',
  description: 'The last `USER` of the final image is root',
  cwe: [250],
  fix: 'unsafe',
  check(ctx) {
    const df = ctx.file.dockerfile;
    if (!df) return;
    const u = finalUser(df, ctx.file.text, ctx.file.lines);
    if (u?.state !== 'root') return;
    ctx.report({
      range: u.range,
      message: `The last USER of the final image is '${u.raw}', so its processes run as root: a compromise of the application is a compromise of everything root can reach in the container, and a container escape starts as root. Switch to an unprivileged user after the steps that need root${u.candidate ? ` (e.g. \`USER ${u.candidate}\`)` : ''}.`,
      fixes: u.fixes,
    });
  },
});
