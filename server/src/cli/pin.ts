// `forewarn pin [paths] [--write]`: pins actions to commit SHAs and images to digests; prints a unified diff, or writes.

import { dirname, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { escapeControl, escapeLines } from '../core/escape.js';
import { applyEdits } from '../engine/index.js';
import { Resolver, optionsFromEnv } from '../resolver/index.js';
import { pinRequests, resolveEdits } from '../resolver/pin.js';
import { findConfigFile, loadConfigFile } from '../workspace/config-files.js';
import { scan, type ScannedFile } from '../workspace/scan.js';
import { writeIfUnchanged } from './fix.js';
import { parseCommand } from './options.js';

export interface PinIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** the diff is escaped for a terminal; redirected, it stays applicable with `git apply`. */
  readonly isTTY?: boolean;
}

export async function pinCommand(args: readonly string[], io: PinIo): Promise<number> {
  const { values, positionals } = parseCommand('pin', args, { write: { type: 'boolean', default: false }, config: { type: 'string', short: 'c' } });
  const configPath = values.config !== undefined ? resolve(io.cwd, values.config) : findConfigFile(io.cwd);
  const loaded = loadConfigFile(configPath);
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.err(`forewarn: ${escapeControl(configPath ?? '')}: ${escapeControl(e.message)}\n`);
    return 2;
  }
  const root = configPath ? dirname(configPath) : io.cwd;
  // Every file the scan analyzed, as scan would walk it, with a snapshot so a write never clobbers a newer version.
  const files: ScannedFile[] = [];
  const targets = positionals.length > 0 ? positionals.map((p) => resolve(io.cwd, p)) : [io.cwd];
  const report = scan(targets, { config: loaded.config, root, cwd: io.cwd, onFile: (f) => void (f.result.file && files.push(f)) });
  for (const e of report.errors) if (e.type === 'read') io.err(`${escapeControl(e.path)}: ${escapeControl(e.message)}\n`);

  const resolver = new Resolver(optionsFromEnv(io.env));
  const show = (s: string) => (io.isTTY ? escapeLines(s) : s);
  let pinned = 0;
  let changedFiles = 0;
  let failures = 0;
  for (const scanned of files) {
    const file = scanned.result.file!;
    const requests = pinRequests(file, loaded.config.allow.actions);
    if (requests.length === 0) continue;
    const shown = scanned.path;
    const outcome = await resolveEdits(file.text, requests, resolver);
    for (const e of outcome.errors) io.err(`${escapeControl(shown)}: could not pin the ${escapeControl(e)}\n`);
    failures += outcome.errors.length;
    if (outcome.edits.length === 0) continue;
    const next = applyEdits(file.text, outcome.edits);
    if (next === file.text) continue;
    if (values.write) {
      if (!scanned.snapshot?.utf8) {
        io.err(`${escapeControl(shown)}: not written (not UTF-8 text); apply the diff by hand.\n`);
        failures++;
        continue;
      }
      const refused = writeIfUnchanged(scanned.absPath, scanned.snapshot, next);
      if (refused) {
        io.err(`${escapeControl(shown)}: ${refused}\n`);
        failures++;
        continue;
      }
    } else {
      io.out(show(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, file.text, next, undefined, undefined, { context: 3 })));
    }
    pinned += outcome.pinned;
    changedFiles++;
  }
  const verb = values.write ? 'Pinned' : 'Would pin';
  io.err(`${verb} ${pinned} reference${pinned === 1 ? '' : 's'} in ${changedFiles} file${changedFiles === 1 ? '' : 's'}${failures ? `; ${failures} could not be pinned` : ''}.\n`);
  return failures > 0 ? 2 : 0;
}
