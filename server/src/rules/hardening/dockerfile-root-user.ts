// The final image runs as root: its last `USER` is root, or no stage it builds on sets a `USER` at all.

import type { Fix } from '../../core/types.js';
import { dockerStages, finalChain, runCommands, userOf, type Stage } from '../../models/dockerfile-stages.js';
import { parseImageRef } from '../../models/image-ref.js';
import { programName, programIndex, type Command } from '../../models/shell-words.js';
import { defineRule } from '../define.js';

/** Options of useradd / adduser (shadow, Debian and BusyBox) that take a value. */
const VALUE_OPTIONS = new Set([
  '-b', '-c', '-d', '-e', '-f', '-g', '-G', '-k', '-K', '-p', '-R', '-P', '-s', '-u', '-Z', '-h',
  '--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key',
  '--password', '--root', '--prefix', '--shell', '--uid', '--selinux-user', '--home', '--gecos', '--ingroup',
  '--firstuid', '--lastuid', '--conf', '--firstgid', '--lastgid',
]);
const USER_NAME = /^[a-z_][a-z0-9_.-]{0,31}$/i;

/** The user a `useradd`/`adduser` command creates, when it names exactly one. */
export function createdUser(cmd: Command): string | undefined {
  const prog = programName(cmd);
  if (prog !== 'useradd' && prog !== 'adduser') return undefined;
  const positional: string[] = [];
  const words = cmd.slice(programIndex(cmd) + 1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.dynamic) return undefined;
    if (w.value.startsWith('-')) {
      if (VALUE_OPTIONS.has(w.value)) i++;
      continue;
    }
    positional.push(w.value);
  }
  // `adduser app staff` adds an existing user to a group.
  if (positional.length !== 1) return undefined;
  const name = positional[0]!;
  return USER_NAME.test(name) && name !== 'root' ? name : undefined;
}

/** Base images whose default user is not root, and images that ship a well-known unprivileged user. */
function baseInfo(image: string): { nonRoot: boolean; wellKnownUser: string | undefined } {
  const ref = parseImageRef(image);
  if (!ref) return { nonRoot: false, wellKnownUser: undefined };
  // Windows images have no root user (ContainerAdministrator / ContainerUser): out of scope, not a finding.
  const windows = /(^|\/)(windows|nanoserver|servercore)(\/|$)/i.test(ref.repository) || /nanoserver|servercore|ltsc\d{4}/i.test(ref.tag ?? '');
  const nonRoot = windows || (ref.tag ?? '').includes('nonroot');
  const official = ref.registry === undefined || ref.registry === 'docker.io';
  const repo = ref.repository.replace(/^library\//, '');
  return { nonRoot, wellKnownUser: official && repo === 'node' ? 'node' : undefined };
}

function isRoot(user: string): boolean {
  return user === 'root' || /^0+$/.test(user);
}

/** Images that install gosu or su-exec start as root only to drop to an unprivileged user in their entrypoint. */
function dropsPrivileges(cmds: readonly Command[]): boolean {
  return cmds.some((c) => c.some((w) => /(^|[/\s-])(gosu|su-exec)([-.\s]|$)/.test(w.value)));
}

export default defineRule({
  id: 'dockerfile-root-user',
  family: 'hardening',
  kinds: ['dockerfile'],
  severity: 'medium',
  description: 'The image runs as root: the last `USER` is root, or there is no `USER`',
  cwe: [250],
  fix: 'unsafe',
  check(ctx) {
    const df = ctx.file.dockerfile;
    if (!df) return;
    const { text, lines } = ctx.file;
    const stages = dockerStages(df);
    const chain = finalChain(stages);
    if (chain.length === 0) return;
    const commands = (s: Stage): Command[] => s.instructions.filter((i) => i.getKeyword() === 'RUN').flatMap((i) => runCommands(i, text, lines));
    const chainCommands = chain.flatMap(commands);
    const last = chain[chain.length - 1]!;
    const base = last.image === undefined ? undefined : baseInfo(last.image);
    const created = chainCommands.map(createdUser).filter((u): u is string => u !== undefined);
    const candidate = created[created.length - 1] ?? base?.wellKnownUser;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const fixes = (): Fix[] => {
      if (candidate === undefined) return [];
      const prefix = text.length === 0 || text.endsWith('\n') || text.endsWith('\r') ? '' : eol;
      return [
        {
          title: `Run the image as '${candidate}' (add USER ${candidate} at the end)`,
          safety: 'unsafe',
          edits: [{ range: { start: text.length, end: text.length }, newText: `${prefix}USER ${candidate}${eol}` }],
        },
      ];
    };
    for (const stage of chain) {
      const users = stage.instructions.filter((i) => i.getKeyword() === 'USER');
      const lastUser = users[users.length - 1];
      if (!lastUser) continue;
      const u = userOf(lastUser, lines);
      // `USER $APP_USER` is only known at build time.
      if (!u || u.raw.includes('$') || !isRoot(u.user)) return;
      ctx.report({
        range: u.range,
        message: `The last USER of the final image is '${u.raw}', so its processes run as root: a compromise of the application is a compromise of everything root can reach in the container, and a container escape starts as root. Switch to an unprivileged user after the steps that need root${candidate ? ` (e.g. \`USER ${candidate}\`)` : ''}.`,
        fixes: fixes(),
      });
      return;
    }
    // No USER anywhere: the base image decides.
    if (base === undefined || base.nonRoot || dropsPrivileges(chainCommands)) return;
    const final = chain[0]!;
    const r = (final.from as unknown as { getImageRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null }).getImageRange();
    if (!r) return;
    ctx.report({
      range: { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) },
      message: `The final image sets no USER, so it runs as root (the default of '${last.image}'): a compromise of the application is a compromise of everything root can reach in the container. Create an unprivileged user and add \`USER <name>\` after the steps that need root${candidate ? ` (e.g. \`USER ${candidate}\`)` : ''}.`,
      fixes: fixes(),
    });
  },
});
