// `chmod` in a Dockerfile RUN that makes files world-writable (`777`, `666`, `a+w`, `o+w`), without the sticky bit.

import { dockerfileCommands } from '../../models/dockerfile-stages.js';
import { programIndex, programNameAt } from '../../models/shell-words.js';
import { defineRule } from '../define.js';

/** True when a chmod mode grants write to others and does not set the sticky bit (`1777` is the /tmp idiom). */
export function worldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const digits = mode.length === 4 ? mode : `0${mode}`;
    const special = Number(digits[0]);
    const others = Number(digits[3]);
    return (others & 2) !== 0 && (special & 1) === 0;
  }
  let writable = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return false;
    const [, who = '', op, perms = ''] = m;
    if (perms.includes('t')) return false;
    // An empty `who` applies the umask, which normally strips write for others.
    if (op !== '-' && (who.includes('a') || who.includes('o')) && perms.includes('w')) writable = true;
  }
  return writable;
}

export default defineRule({
  id: 'dockerfile-chmod-777',
  family: 'hardening',
  kinds: ['dockerfile'],
  severity: 'medium',
  description: '`chmod` makes files in the image world-writable',
  cwe: [732],
  fix: 'none',
  check(ctx) {
    const df = ctx.file.dockerfile;
    if (!df) return;
    const cmdList = dockerfileCommands(df, ctx.file.text, ctx.file.lines);
    for (let cmdAt = 0; cmdAt < cmdList.length; cmdAt++) {
      const cmd = cmdList[cmdAt]!;
      const p = programIndex(cmd);
      if (p === -1 || programNameAt(cmd, p) !== 'chmod') continue;
      // The mode is the first word that is not an option (`-R`, `--recursive`, `--reference=…`).
      const mode = cmd.slice(p + 1).find((w) => !w.value.startsWith('-') || /^-[rwxXst]+$/.test(w.value));
      if (!mode || mode.dynamic || !worldWritable(mode.value)) continue;
      ctx.report({
        range: mode.range,
        message: `\`chmod ${mode.value}\` makes files world-writable: any process in the container, whatever its user, can then change programs or configuration that others run. Grant write to the owner or group only (for example \`chmod 755\` / \`chmod 775\` with a \`chown\` to the app user).`,
      });
    }
  },
});
