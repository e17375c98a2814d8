// `EXPOSE 22` in a Dockerfile: an SSH server in a container is a second, unmanaged way in.

import type { Range } from '../../core/types.js';
import { defineRule } from '../define.js';

/** True when a literal EXPOSE argument (`22`, `22/tcp`, `20-25`) includes TCP port 22. */
export function exposesSsh(arg: string): boolean {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/(tcp|udp|sctp))?$/i.exec(arg);
  if (!m) return false;
  if (m[3] && m[3].toLowerCase() !== 'tcp') return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return lo <= 22 && 22 <= hi;
}

export default defineRule({
  id: 'dockerfile-expose-ssh',
  family: 'hardening',
  kinds: ['dockerfile'],
  severity: 'medium',
  description: 'The image exposes the SSH port 22',
  cwe: [284],
  fix: 'none',
  check(ctx) {
    const df = ctx.file.dockerfile;
    if (!df) return;
    for (const instr of df.getInstructions()) {
      if (instr.getKeyword() !== 'EXPOSE') continue;
      for (const arg of instr.getArguments()) {
        // `EXPOSE $PORT` is only known at build time.
        if (!exposesSsh(arg.getValue())) continue;
        const r = arg.getRange();
        const range: Range = { start: ctx.file.lines.offsetAt(r.start), end: ctx.file.lines.offsetAt(r.end) };
        ctx.report({
          range,
          message: `\`EXPOSE ${arg.getValue()}\` publishes the SSH port: an SSH server in a container is another service to patch, another set of credentials to leak, and a way in that bypasses \`docker exec\` / \`kubectl exec\` auditing. Remove the SSH server and use \`docker exec\` or \`kubectl exec\` to get a shell.`,
        });
      }
    }
  },
});
