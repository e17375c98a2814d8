// `forewarn pin [paths] [--write]`: pins actions to commit SHAs and images to digests; prints a unified diff, or writes.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createTwoFilesPatch } from 'diff';
import { Analyzer, applyEdits, type AnalysisResult, type AnalyzeInput, type ForewarnConfig } from '../engine/index.js';
import type { SourceFile } from '../models/source-file.js';
import { Resolver, optionsFromEnv } from '../resolver/index.js';
import { pinRequests, resolveEdits } from '../resolver/pin.js';
import { findConfigFile, loadConfigFile } from '../workspace/config-files.js';
import { scan } from '../workspace/scan.js';

export const PIN_USAGE = `forewarn pin [paths...] [--write] [--config FILE]

pin       pin GitHub actions to commit SHAs (with a # vX.Y.Z comment) and container images to digests
  --write    write the files (default: print a unified diff and change nothing)
  Looks up GitHub (GITHUB_TOKEN or GH_TOKEN; FOREWARN_GITHUB_API_URL for GitHub Enterprise Server) and
  registries (FOREWARN_REGISTRY_URLS=host=url,...); FOREWARN_TIMEOUT_MS per request (default 5000).
  Exit codes: 0 done (or nothing to pin), 2 a lookup failed (the rest is still pinned) or usage error.`;

/** Remembers every file the scan analyzed, so pinning walks exactly what `scan` would. */
class CollectingAnalyzer extends Analyzer {
  readonly files: SourceFile[] = [];
  override analyze(input: AnalyzeInput, config?: ForewarnConfig): AnalysisResult {
    const r = super.analyze(input, config);
    if (r.file && !r.skipped) this.files.push(r.file);
    return r;
  }
}

export interface PinIo {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export async function pinCommand(args: readonly string[], io: PinIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { write: { type: 'boolean', default: false }, config: { type: 'string' } },
  });
  const configPath = values.config !== undefined ? resolve(io.cwd, values.config) : findConfigFile(io.cwd);
  const loaded = loadConfigFile(configPath);
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.err(`forewarn: ${configPath}: ${e.message}\n`);
    return 2;
  }
  const root = configPath ? dirname(configPath) : io.cwd;
  const analyzer = new CollectingAnalyzer();
  const targets = positionals.length > 0 ? positionals.map((p) => resolve(io.cwd, p)) : [io.cwd];
  const report = scan(targets, { config: loaded.config, root, cwd: io.cwd, analyzer });
  for (const e of report.errors) if (e.type === 'read') io.err(`${e.path}: ${e.message}\n`);

  const resolver = new Resolver(optionsFromEnv(io.env));
  let pinned = 0;
  let changedFiles = 0;
  let failures = 0;
  for (const file of analyzer.files) {
    const requests = pinRequests(file, loaded.config.allow.actions);
    if (requests.length === 0) continue;
    const abs = isAbsolute(file.path) ? file.path : resolve(root, file.path);
    const shown = display(io.cwd, abs);
    const outcome = await resolveEdits(file.text, requests, resolver);
    for (const e of outcome.errors) io.err(`${shown}: could not pin ${e}\n`);
    failures += outcome.errors.length;
    if (outcome.edits.length === 0) continue;
    const next = applyEdits(file.text, outcome.edits);
    if (next === file.text) continue;
    pinned += outcome.pinned;
    changedFiles++;
    if (values.write) {
      const bytes = readFileSync(abs);
      if (bytes[0] === 0xff || bytes[0] === 0xfe) {
        io.err(`${shown}: not written (UTF-16); apply the diff by hand.\n`);
        failures++;
        continue;
      }
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
      writeFileSync(abs, bom + next, 'utf8');
    } else {
      io.out(createTwoFilesPatch(`a/${shown}`, `b/${shown}`, file.text, next, undefined, undefined, { context: 3 }));
    }
  }
  const verb = values.write ? 'Pinned' : 'Would pin';
  io.err(`${verb} ${pinned} reference${pinned === 1 ? '' : 's'} in ${changedFiles} file${changedFiles === 1 ? '' : 's'}${failures ? `; ${failures} could not be pinned` : ''}.\n`);
  return failures > 0 ? 2 : 0;
}

function display(cwd: string, abs: string): string {
  const r = relative(cwd, abs);
  return (isAbsolute(r) || r === '' ? abs : r).split(sep).join('/');
}
