// `forewarn` command line: the engine over files on disk, with output for people and machines (text, JSON, SARIF,
// GitLab code quality, GitHub annotations), baselines and exit codes for pipelines.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { SEVERITIES, severityRank, type Severity } from '../core/types.js';
import { BaselineMatcher, createBaseline } from '../engine/baseline.js';
import { CONFIG_SCHEMA, RULES, withRuleOverrides, type ForewarnConfig, type RuleSetting } from '../engine/index.js';
import { baselinePath, baselineRoot, fingerprintAt, readBaselineFile, writeBaselineFile } from '../workspace/baseline-file.js';
import { findConfigFile, loadConfigFile, type ConfigFile } from '../workspace/config-files.js';
import { redactText } from '../engine/redaction.js';
import { decodeText } from '../workspace/decode.js';
import { scanText, type ScanReport } from '../workspace/scan.js';
import { scanWithThreads } from './scan-threads.js';
import { isScanWorker, startScanWorker } from './scan-thread-worker.js';
import { formatReport, type ReportedFinding } from './formats/index.js';
import { UsageError, parseBaselineOptions, parseScanOptions, useColor } from './options.js';
import { PIN_USAGE, pinCommand } from './pin.js';

declare const FOREWARN_VERSION: string | undefined;
const VERSION = typeof FOREWARN_VERSION === 'string' ? FOREWARN_VERSION : '0.0.0-dev';

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

const USAGE = `Usage:
  forewarn scan [paths...] [options]
  forewarn baseline [paths...] [-o FILE]
  forewarn pin [paths...] [--write] [--config FILE]
  forewarn rules
  forewarn schema
  forewarn --version | --help

scan      analyze files and folders (default: .), honouring .gitignore and config ignores
  -f, --format FORMAT     text (default), json, sarif, gitlab (code quality) or github (annotations)
  -o, --output FILE       write the report to FILE instead of standard output
  -c, --config FILE       configuration file (default: nearest .forewarn.yml above the current directory)
  --fail-on SEVERITY      exit 1 when a finding is at or above this severity (${SEVERITIES.join(', ')}, or none); default high
  --min-severity SEVERITY report only findings at or above this severity; default info
  --rule ID               run only this rule (repeatable, or comma-separated)
  --skip-rule ID          do not run this rule (repeatable, or comma-separated)
  --baseline FILE         do not report findings recorded in this baseline file
  --stdin --stdin-filename PATH
                          analyze standard input as if it were the file PATH
  -q, --quiet             no summary and no parse/skipped notes on stderr
  --color, --no-color     force colour on or off (default: on for terminals, off with NO_COLOR)
baseline  record the current findings in a baseline file (default .forewarn-baseline.json) for scan --baseline
${PIN_USAGE.slice(PIN_USAGE.indexOf('\n\n') + 2)}
rules     list the rules
schema    print the JSON Schema of .forewarn.yml

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or configuration error,
or an incomplete scan (unreadable files, internal errors).`;

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly cwd: string;
  /** reads all of standard input (for --stdin). */
  readonly stdin?: () => string;
  /** whether standard output is a terminal (colour). */
  readonly isTTY?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}


/**
 * Everything the CLI prints passes the redactor once more, whatever produced it: reports (already redacted by the
 * engine), configuration and baseline errors that echo user input, crash messages.
 */
export function redactingIo<T extends Io>(io: T): T {
  return { ...io, out: (s: string) => io.out(redactText(s)), err: (s: string) => io.err(redactText(s)) };
}

export function run(argv: readonly string[], rawIo: Io): number {
  const io = redactingIo(rawIo);
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
    const width = RULES.reduce((w, r) => Math.max(w, r.id.length), 20);
    for (const r of RULES) io.out(`${r.id.padEnd(width)} ${r.family.padEnd(12)} ${r.severity.padEnd(9)} fix:${r.fix.padEnd(14)} ${r.description}${r.defaultOff ? ' (off by default)' : ''}\n`);
    return EXIT.clean;
  }
  if (command === 'schema') {
    io.out(`${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);
    return EXIT.clean;
  }
  if (command === 'scan') return scanCommand(rest, io);
  if (command === 'baseline') return baselineCommand(rest, io);
  // Pinning waits on the network: the entry point below runs it asynchronously.
  if (command === 'pin') throw new UsageError('pin runs only from the forewarn executable');
  throw new UsageError(`unknown command '${command}'`);
}

function scanCommand(args: readonly string[], io: Io): number {
  const startTime = new Date();
  const opts = parseScanOptions(args, RULES.map((r) => r.id));
  const loaded = loadConfig(opts.config, io);
  if (!loaded) return EXIT.usage;
  const config = selectRules(loaded.config, opts.rules, opts.skipRules);
  const root = loaded.path ? dirname(loaded.path) : io.cwd;
  let baseline: { matcher: BaselineMatcher; root: string } | undefined;
  if (opts.baseline !== undefined) {
    const file = resolve(io.cwd, opts.baseline);
    const parsed = readBaselineFile(file);
    if (parsed.error !== undefined) {
      io.err(`forewarn: baseline ${opts.baseline}: ${parsed.error}\n`);
      return EXIT.usage;
    }
    baseline = { matcher: new BaselineMatcher(parsed.baseline), root: baselineRoot(file) };
  }

  let report: ScanReport;
  if (opts.stdinFilename !== undefined) {
    if (!io.stdin) throw new UsageError('--stdin: no standard input here');
    report = scanText(opts.stdinFilename, io.stdin(), { config, root, cwd: io.cwd });
    if (report.files === 0 && report.errors.length === 0 && !opts.quiet) {
      io.err(`forewarn: ${opts.stdinFilename}: not a kind of file Forewarn analyzes (see docs/configuration.md#file-kinds); nothing was checked.\n`);
    }
  } else {
    report = scanWithThreads(scanTargets(opts.paths, io), { config, root, cwd: io.cwd });
  }

  const minRank = severityRank(opts.minSeverity);
  let baselined = 0;
  const findings: ReportedFinding[] = [];
  for (const sf of report.findings) {
    if (severityRank(sf.finding.severity) < minRank) continue;
    const { ruleId, range } = sf.finding;
    if (baseline && baseline.matcher.take(ruleId, baselinePath(baseline.root, sf.absPath), fingerprintAt(baseline.root, sf.absPath, ruleId, sf.lines.text, range))) {
      baselined++;
      continue;
    }
    findings.push({ ...sf, fingerprint: fingerprintAt(io.cwd, sf.absPath, ruleId, sf.lines.text, range) });
  }

  const failOn = opts.failOn;
  const failing = failOn === undefined ? 0 : findings.filter((f) => severityRank(f.finding.severity) >= severityRank(failOn)).length;
  // A file that could not be read or a rule that failed means the scan cannot vouch for it.
  const incomplete = report.errors.filter((e) => e.type === 'internal' || e.type === 'read').length;
  const exitCode = failing > 0 ? EXIT.findings : incomplete > 0 ? EXIT.usage : EXIT.clean;

  const output = formatReport(opts.format, {
    findings,
    errors: report.errors,
    files: report.files,
    baselined,
    exitCode,
    startTime,
    endTime: new Date(),
    version: VERSION,
    rules: RULES.map((r) => ({ ...r, effectiveSeverity: severityOf(config, r.id, r.severity) })),
    cwd: io.cwd,
    argv: ['scan', ...args],
    color: opts.output === undefined && useColor(opts.color, io.isTTY ?? false, io.env ?? {}),
    quiet: opts.quiet,
  });
  if (opts.output !== undefined) writeFileSync(resolve(io.cwd, opts.output), output.out);
  else io.out(output.out);
  io.err(output.err);
  if (exitCode === EXIT.usage) io.err(`forewarn: ${incomplete} file problem(s) (unreadable files or internal errors): the scan is incomplete.\n`);
  return exitCode;
}

function baselineCommand(args: readonly string[], io: Io): number {
  const opts = parseBaselineOptions(args, RULES.map((r) => r.id));
  const loaded = loadConfig(opts.config, io);
  if (!loaded) return EXIT.usage;
  const config = selectRules(loaded.config, opts.rules, opts.skipRules);
  const report = scanWithThreads(scanTargets(opts.paths, io), { config, root: loaded.path ? dirname(loaded.path) : io.cwd, cwd: io.cwd });
  const incomplete = report.errors.filter((e) => e.type === 'internal' || e.type === 'read');
  for (const e of incomplete) io.err(`${e.path} ${e.type}: ${e.message}\n`);
  if (incomplete.length > 0) {
    // A baseline written from a partial scan would hide nothing for the files it missed, silently.
    io.err('forewarn: the scan is incomplete; no baseline was written.\n');
    return EXIT.usage;
  }
  const file = resolve(io.cwd, opts.output);
  const root = baselineRoot(file);
  const entries = report.findings.map((sf) => ({
    ruleId: sf.finding.ruleId,
    path: baselinePath(root, sf.absPath),
    fingerprint: fingerprintAt(root, sf.absPath, sf.finding.ruleId, sf.lines.text, sf.finding.range),
  }));
  writeBaselineFile(file, createBaseline(entries));
  if (!opts.quiet) io.err(`Wrote ${entries.length} finding${entries.length === 1 ? '' : 's'} from ${report.files} file${report.files === 1 ? '' : 's'} to ${relative(io.cwd, file) || file}.\n`);
  return EXIT.clean;
}

/** The configuration file to use, loaded; undefined (after saying why) when it is broken. */
function loadConfig(option: string | undefined, io: Io): ConfigFile | undefined {
  const configPath = option !== undefined ? resolve(io.cwd, option) : findConfigFile(io.cwd);
  const loaded = loadConfigFile(configPath);
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.err(`forewarn: ${configPath}: ${e.message}\n`);
    io.err('forewarn: fix the configuration file (see docs/configuration.md); nothing was scanned.\n');
    return undefined;
  }
  return loaded;
}

function scanTargets(paths: readonly string[], io: Io): string[] {
  const targets = paths.length > 0 ? paths.map((p) => resolve(io.cwd, p)) : [io.cwd];
  // A mistyped path must not pass a gate by scanning nothing.
  const missing = targets.filter((t) => !existsSync(t));
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.map((m) => relative(io.cwd, m) || m).join(', ')}`);
  return targets;
}

/** `--rule`/`--skip-rule` as configuration: rules that do not run cost nothing. */
function selectRules(config: ForewarnConfig, only: readonly string[], skip: readonly string[]): ForewarnConfig {
  if (only.length === 0 && skip.length === 0) return config;
  const off: Record<string, RuleSetting> = {};
  for (const r of RULES) if ((only.length > 0 && !only.includes(r.id)) || skip.includes(r.id)) off[r.id] = 'off';
  return withRuleOverrides(config, off);
}

function severityOf(config: ForewarnConfig, id: string, fallback: Severity): Severity {
  const s = config.rules[id];
  return s === undefined || s === 'off' ? fallback : s;
}

// The bundle is also the scan's worker script (see scan-threads.ts).
if (isScanWorker()) startScanWorker();
else if (require.main === module) {
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
    stdin: () => decodeText(readFileSync(0)),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
  if (process.argv[2] === 'pin') {
    pinCommand(process.argv.slice(3), redactingIo({ ...io, env: process.env })).then(
      (code) => (process.exitCode = code),
      (e: unknown) => {
        const usage = (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
        io.err(`forewarn: ${usage ? `${(e as Error).message}\n\n${USAGE}` : `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`}\n`);
        process.exitCode = EXIT.usage;
      },
    );
  } else process.exitCode = run(process.argv.slice(2), io);
}
