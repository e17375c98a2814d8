// `sudo` in a Dockerfile RUN: builds already run as root, and sudo left in an image is a ready privilege escalation.

import { dockerfileCommands } from '../../models/dockerfile-stages.js';
import { isAssignment, type Command, type Word } from '../../models/shell-words.js';
import { defineRule } from '../define.js';

/** The first word that is not a `NAME=value` assignment (a loop: a closure per command was most of this rule's garbage). */
function firstNonAssignment(cmd: Command): Word | undefined {
  for (let i = 0; i < cmd.length; i++) {
    const w = cmd[i]!;
    if (!isAssignment(w.value)) return w;
  }
  return undefined;
}

export default defineRule({
  id: 'dockerfile-sudo',
  family: 'hardening',
  kinds: ['dockerfile'],
  severity: 'medium',
  description: '`sudo` used in a Dockerfile `RUN` instruction',
  cwe: [250],
  fix: 'none',
  check(ctx) {
    const df = ctx.file.dockerfile;
    if (!df) return;
    const cmdList = dockerfileCommands(df, ctx.file.text, ctx.file.lines);
    for (let cmdAt = 0; cmdAt < cmdList.length; cmdAt++) {
      const cmd = cmdList[cmdAt]!;
      // Only `sudo` as the command word; `apt-get install sudo` installs it, which is a different question.
      const first = firstNonAssignment(cmd);
      if (!first || first.value !== 'sudo') continue;
      ctx.report({
        range: first.range,
        message:
          '`sudo` in a RUN instruction: the build cannot answer a password prompt, and an image that needs sudo keeps a setuid path to root for anyone who gets a shell in the container. Switch with `USER root` for the steps that need it and back to an unprivileged `USER` afterwards.',
      });
    }
  },
});
