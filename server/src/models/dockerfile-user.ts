// The user a Dockerfile's final image runs as: its last USER (root or not), or no USER at all; with the user a fix can switch to.

import type { Dockerfile } from '../parsers/dockerfile.js';
import type { LineIndex } from '../core/text.js';
import type { Fix, Range } from '../core/types.js';
import { dockerStages, finalChain, runCommands, userOf } from './dockerfile-stages.js';
import { parseImageRef } from './image-ref.js';
import { programIndex, programNameAt, type Command } from './shell-words.js';
import { lineBreakOf } from '../core/text.js';

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
  const at = programIndex(cmd);
  const prog = programNameAt(cmd, at);
  if (prog !== 'useradd' && prog !== 'adduser') return undefined;
  const positional: string[] = [];
  const words = cmd.slice(at + 1);
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
  // Loops, and the pattern only for a word that names one: this runs over every command of the image's RUNs.
  for (let i = 0; i < cmds.length; i++) {
    const c = cmds[i]!;
    for (let j = 0; j < c.length; j++) {
      const v = c[j]!.value;
      if ((v.includes('gosu') || v.includes('su-exec')) && /(^|[/\s-])(gosu|su-exec)([-.\s]|$)/.test(v)) return true;
    }
  }
  return false;
}

export type FinalUser =
  /** the last USER of the final image is root: the range is its argument. */
  | { readonly state: 'root'; readonly range: Range; readonly raw: string; readonly candidate: string | undefined; readonly fixes: Fix[] }
  /** no USER in the final image or the stages it builds on: the range is the final FROM image. */
  | { readonly state: 'none'; readonly range: Range; readonly image: string; readonly candidate: string | undefined; readonly fixes: Fix[] };

/** How the final image's user is set, or undefined when it is not root or not known statically. */
/** Two rules (root user, no user) read the same answer: work it out once per parsed file. */
const FINAL_USER = new WeakMap<Dockerfile, { value: FinalUser | undefined }>();

export function finalUser(df: Dockerfile, text: string, lines: LineIndex): FinalUser | undefined {
  let cached = FINAL_USER.get(df);
  if (!cached) FINAL_USER.set(df, (cached = { value: computeFinalUser(df, text, lines) }));
  return cached.value;
}

function computeFinalUser(df: Dockerfile, text: string, lines: LineIndex): FinalUser | undefined {
  const stages = dockerStages(df);
  const chain = finalChain(stages);
  if (chain.length === 0) return undefined;
  // Plain loops: flatMap, map and filter over a RUN of 200,000 commands made three copies of the list.
  const chainCommands: Command[] = [];
  let lastCreated: string | undefined;
  for (const stage of chain) {
    for (const instr of stage.instructions) {
      if (instr.getKeyword() !== 'RUN') continue;
      const cmdList = runCommands(instr, text, lines);
      for (let cmdAt = 0; cmdAt < cmdList.length; cmdAt++) {
        const cmd = cmdList[cmdAt]!;
        chainCommands.push(cmd);
        lastCreated = createdUser(cmd) ?? lastCreated;
      }
    }
  }
  const last = chain[chain.length - 1]!;
  const base = last.image === undefined ? undefined : baseInfo(last.image);
  const candidate = lastCreated ?? base?.wellKnownUser;
  const eol = lineBreakOf(text);
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
    if (!u || u.raw.includes('$') || !isRoot(u.user)) return undefined;
    return { state: 'root', range: u.range, raw: u.raw, candidate, fixes: fixes() };
  }
  // No USER anywhere: the base image decides.
  if (base === undefined || last.image === undefined || base.nonRoot || dropsPrivileges(chainCommands)) return undefined;
  const r = (chain[0]!.from as unknown as { getImageRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null }).getImageRange();
  if (!r) return undefined;
  return { state: 'none', range: { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) }, image: last.image, candidate, fixes: fixes() };
}
