// `forewarn` command line: the engine over files on disk, with output for people (text) and machines (JSON).

import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SEVERITIES, isSeverity, severityRank, type Severity } from '../core/types.js';
import { CONFIG_SCHEMA, RULES } from '../engine/index.js';
import { findConfigFile, loadConfigFile } from '../workspace/config-files.js';
import { scan, type ScanReport } from '../workspace/scan.js';
import { PIN_USAGE, pinCommand } from './pin.js';

declare const FOREWARN_VERSION: string | undefined;
const VERSION = typeof FOREWARN_VERSION === 'string' ? FOREWARN_VERSION : '0.0.0-dev';

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

const USAGE = `Usage:
  forewarn scan [paths...] [--format text|json] [--config FILE] [--fail-on SEVERITY|none]
  forewarn pin [paths...] [--write] [--config FILE]
  forewarn rules
  forewarn schema
  forewarn --version | --help

scan      analyze files and folders (default: .), honouring .gitignore and config ignores
  --format   text (default): path:line:col severity rule-id message; json: the documented contract
  --config   configuration file (default: nearest .forewarn.yml above the current directory)
  --fail-on  exit 1 when a finding is at or above this severity (${SEVERITIES.join(', ')}, or none); default high
${PIN_USAGE.slice(PIN_USAGE.indexOf('\n\n') + 2)}
rules     list the rules
schema    print the JSON Schema of .forewarn.yml

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error,
or an incomplete scan (unreadable files, internal errors).`;

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly cwd: string;
}

class UsageError extends Error {}

export function run(argv: readonly string[], io: Io): number {
  try {
    return dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`forewarn: ${(e as Error).message}\n\n${USAGE}\n`);
    } else {
      // Never exit 1 here: that code means "findings at or above --fail-on".
      io.err(`forewarn: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    }
    return EXIT.usage;
  }
}

function dispatch(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.err(`${USAGE}\n`);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(`${USAGE}\n`);
    return EXIT.clean;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${VERSION}\n`);
    return EXIT.clean;
  }
  if (command === 'rules') {
    const width = Math.max(20, ...RULES.map((r) => r.id.length));
    for (const r of RULES) io.out(`${r.id.padEnd(width)} ${r.family.padEnd(12)} ${r.severity.padEnd(9)} fix:${r.fix.padEnd(14)} ${r.description}${r.defaultOff ? ' (off by default)' : ''}\n`);
    return EXIT.clean;
  }
  if (command === 'schema') {
    io.out(`${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);
    return EXIT.clean;
  }
  if (command === 'scan') return scanCommand(rest, io);
  // Pinning waits on the network: the entry point below runs it asynchronously.
  if (command === 'pin') throw new UsageError('pin runs only from the forewarn executable');
  throw new UsageError(`unknown command '${command}'`);
}

function scanCommand(args: readonly string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      config: { type: 'string' },
      'fail-on': { type: 'string', default: 'high' },
    },
  });
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  const failOnRaw = values['fail-on'];
  if (failOnRaw !== 'none' && !isSeverity(failOnRaw)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} or none, not '${failOnRaw}'`);
  const failOn: Severity | undefined = failOnRaw === 'none' ? undefined : failOnRaw;

  const configPath = values.config !== undefined ? resolve(io.cwd, values.config) : findConfigFile(io.cwd);
  const loaded = loadConfigFile(configPath);
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.err(`forewarn: ${configPath}: ${e.message}\n`);
    io.err('forewarn: fix the configuration file (see docs/configuration.md); nothing was scanned.\n');
    return EXIT.usage;
  }
  const targets = positionals.length > 0 ? positionals.map((p) => resolve(io.cwd, p)) : [io.cwd];
  // A mistyped path must not pass a gate by scanning nothing.
  const missing = targets.filter((t) => !existsSync(t));
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.map((m) => relative(io.cwd, m) || m).join(', ')}`);
  const report = scan(targets, { config: loaded.config, root: configPath ? dirname(configPath) : io.cwd, cwd: io.cwd });

  if (format === 'json') io.out(`${JSON.stringify(toJson(report), null, 2)}\n`);
  else writeText(report, io);

  const failing = failOn === undefined ? [] : report.findings.filter((f) => severityRank(f.finding.severity) >= severityRank(failOn));
  if (failing.length > 0) return EXIT.findings;
  // A file that could not be read or a rule that failed means the scan cannot vouch for it.
  const incomplete = report.errors.filter((e) => e.type === 'internal' || e.type === 'read');
  if (incomplete.length > 0) {
    io.err(`forewarn: ${incomplete.length} file problem(s) above (unreadable files or internal errors): the scan is incomplete.\n`);
    return EXIT.usage;
  }
  return EXIT.clean;
}

/** The JSON contract, version 1: documented in docs/cli.md; changes only with a new version number. */
export function toJson(report: ScanReport): object {
  return {
    version: 1,
    findings: report.findings.map(({ path, finding: f, start, end }) => ({
      ruleId: f.ruleId,
      family: f.family,
      severity: f.severity,
      path,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      message: f.message,
      // Fixes that need a network lookup are not counted until a resolver can apply them.
      fixable: f.fixes.some((x) => x.safety !== 'needs-network'),
    })),
    errors: report.errors,
  };
}

function writeText(report: ScanReport, io: Io): void {
  for (const { path, finding: f, start } of report.findings) {
    io.out(`${path}:${start.line + 1}:${start.character + 1} ${f.severity} ${f.ruleId} ${f.message}\n`);
  }
  for (const e of report.errors) {
    io.err(`${e.path}${e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : ''} ${e.type}: ${e.message}\n`);
  }
  const counts = SEVERITIES.slice()
    .reverse()
    .map((s) => [s, report.findings.filter((f) => f.finding.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const n = report.findings.length;
  io.err(`${n} finding${n === 1 ? '' : 's'}${counts.length ? ` (${counts.join(', ')})` : ''} in ${report.files} file${report.files === 1 ? '' : 's'}.\n`);
}

if (require.main === module) {
  // When the reader goes away (`forewarn scan | head`), stop writing; the exit code still tells the result.
  let stdoutOpen = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stdoutOpen = false;
  });
  const io: Io = {
    out: (s) => void (stdoutOpen && process.stdout.write(s)),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
  };
  if (process.argv[2] === 'pin') {
    pinCommand(process.argv.slice(3), { ...io, env: process.env }).then(
      (code) => (process.exitCode = code),
      (e: unknown) => {
        const usage = (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
        io.err(`forewarn: ${usage ? `${(e as Error).message}\n\n${USAGE}` : `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`}\n`);
        process.exitCode = EXIT.usage;
      },
    );
  } else process.exitCode = run(process.argv.slice(2), io);
}
