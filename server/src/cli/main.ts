// `forewarn` command line: the engine over files on disk, with output for people and machines (text, JSON, SARIF,
// GitLab code quality, GitHub annotations), baselines and exit codes for pipelines.

import { existsSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { escapeControl } from '../core/escape.js';
import { severityRank, type Severity } from '../core/types.js';
import { BaselineMatcher, createBaseline } from '../engine/baseline.js';
import { Analyzer, CONFIG_SCHEMA, RULES, withRuleOverrides, type ForewarnConfig, type RuleSetting } from '../engine/index.js';
import { baselinePath, baselineRoot, fingerprintAt, readBaselineFile, writeBaselineFile } from '../workspace/baseline-file.js';
import { findConfigFile, findRepositoryRoot, loadConfigFile, type ConfigFile } from '../workspace/config-files.js';
import { redactText } from '../engine/redaction.js';
import { decodeText } from '../workspace/decode.js';
import { addResult, scanText, type ScanError, type ScanReport, type ScannedFinding } from '../workspace/scan.js';
import { scanWithThreads } from './scan-threads.js';
import { isScanWorker, startScanWorker } from './scan-thread-worker.js';
import { Fixer, type FixReport } from './fix.js';
import { formatReport, type ReportedFinding } from './formats/index.js';
import { fixLines } from './formats/text.js';
import { COMMANDS, HELP, USAGE, type Command } from './help.js';
import { HelpRequest, MACHINE_FORMATS, UsageError, parseBaselineOptions, parseCommand, parseScanOptions, useColor, type Format } from './options.js';
import { pinCommand } from './pin.js';
import { directOut, isTerminal, streamOut } from './stdout.js';
import { ruleDocs } from './rule-docs.js';

declare const FOREWARN_VERSION: string | undefined;
const VERSION = typeof FOREWARN_VERSION === 'string' ? FOREWARN_VERSION : '0.0.0-dev';

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

export interface Io {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly cwd: string;
  /** reads all of standard input (for --stdin). */
  readonly stdin?: () => string;
  /** whether standard output is a terminal (colour, and the pretty report by default). */
  readonly isTTY?: boolean;
  /** the terminal's width, for the pretty report. */
  readonly columns?: number;
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
    return reportError(e, io);
  }
}

/** Help on request, usage mistakes as one line with a pointer to the help, and crashes: the three ways out. */
export function reportError(e: unknown, io: Pick<Io, 'out' | 'err'>): number {
  if (e instanceof HelpRequest) {
    io.out(`${HELP[e.command]}\n`);
    return EXIT.clean;
  }
  if (e instanceof UsageError) {
    const where = e.command ? `forewarn ${e.command}` : 'forewarn';
    io.err(`${where}: ${escapeControl(e.message)} (see \`${where} --help\`)\n`);
    return EXIT.usage;
  }
  // Never exit 1 here: that code means "findings at or above --fail-on".
  const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
  io.err(`forewarn: internal error: ${escapeControl(stack)}\n${sourceMapHint(stack)}`);
  return EXIT.usage;
}

/**
 * The CLI bundle is minified (build.mjs): a stack through it names short functions at columns of a few long lines.
 * Where the build left its source map beside it, this says how to see the sources' names and lines instead.
 */
export function sourceMapHint(stack: string, hasMap: (path: string) => boolean = existsSync): string {
  // A frame reads `at f (/path/dist/cli-bundle.js:1:2)` or `at /path/dist/cli-bundle.js:1:2`: the path starts after
  // the parenthesis or space before it (found by searching, not by a regex that would backtrack over a long line).
  const end = stack.indexOf('cli-bundle.js:');
  if (end < 0) return '';
  const start = Math.max(stack.lastIndexOf('(', end), stack.lastIndexOf(' ', end), stack.lastIndexOf('\n', end)) + 1;
  if (!hasMap(`${stack.slice(start, end + 'cli-bundle.js'.length)}.map`)) return '';
  return 'forewarn: the stack is of the minified bundle: run again with NODE_OPTIONS=--enable-source-maps for source file names and lines\n';
}

function dispatch(argv: readonly string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.err(`${USAGE}\n`);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = rest[0];
    if (topic !== undefined && (COMMANDS as readonly string[]).includes(topic)) throw new HelpRequest(topic as Command);
    io.out(`${USAGE}\n`);
    return EXIT.clean;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${VERSION}\n`);
    return EXIT.clean;
  }
  if (command === 'rules') {
    parseCommand('rules', rest, {});
    const width = RULES.reduce((w, r) => Math.max(w, r.id.length), 20);
    for (const r of RULES) io.out(`${r.id.padEnd(width)} ${r.family.padEnd(12)} ${r.severity.padEnd(9)} fix:${r.fix.padEnd(14)} ${r.description}${r.defaultOff ? ' (off by default)' : ''}\n`);
    return EXIT.clean;
  }
  if (command === 'explain') return explainCommand(rest, io);
  if (command === 'schema') {
    parseCommand('schema', rest, {});
    io.out(`${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);
    return EXIT.clean;
  }
  if (command === 'scan') return scanCommand(rest, io);
  if (command === 'baseline') return baselineCommand(rest, io);
  // Pinning waits on the network: the entry point below runs it asynchronously.
  if (command === 'pin') throw new UsageError('pin runs only from the forewarn executable');
  throw new UsageError(`unknown command '${command}'`);
}

function explainCommand(args: readonly string[], io: Io): number {
  const { positionals } = parseCommand('explain', args, {});
  if (positionals.length !== 1) throw new UsageError('name one rule id (see `forewarn rules`)', 'explain');
  const id = positionals[0]!;
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new UsageError(`unknown rule id: ${id} (see \`forewarn rules\`)`, 'explain');
  const doc = ruleDocs()[id];
  if (doc) io.out(doc.endsWith('\n') ? doc : `${doc}\n`);
  else io.out(`# ${rule.id}\n\n${rule.description}.\n\nFamily: ${rule.family}. Severity: ${rule.severity}. Fix: ${rule.fix}.\n`);
  return EXIT.clean;
}

function scanCommand(args: readonly string[], io: Io): number {
  const startTime = new Date();
  const opts = parseScanOptions(args, RULES.map((r) => r.id));
  if (opts.diff && opts.format !== undefined) throw new UsageError('--diff prints a diff, not a report: leave out --format', 'scan');
  const format: Format = opts.format ?? (io.isTTY && opts.output === undefined ? 'pretty' : 'text');
  const machine = MACHINE_FORMATS.includes(format);
  const loaded = loadConfig(opts.config, io);
  if (!loaded) return EXIT.usage;
  const config = selectRules(loaded.config, opts.rules, opts.skipRules);
  const root = loaded.path ? dirname(loaded.path) : io.cwd;
  const reportRoot = opts.root !== undefined ? resolve(io.cwd, opts.root) : (findRepositoryRoot(io.cwd) ?? io.cwd);
  let baseline: { matcher: BaselineMatcher; root: string } | undefined;
  if (opts.baseline !== undefined) {
    const file = resolve(io.cwd, opts.baseline);
    const parsed = readBaselineFile(file);
    if (parsed.error !== undefined) {
      io.err(`forewarn: baseline ${escapeControl(opts.baseline)}: ${escapeControl(parsed.error)}\n`);
      return EXIT.usage;
    }
    baseline = { matcher: new BaselineMatcher(parsed.baseline), root: baselineRoot(file) };
  }

  const analyzer = new Analyzer();
  const fixer = opts.fix || opts.diff ? new Fixer({ mode: opts.fix ? 'fix' : 'diff', unsafe: opts.unsafeFixes, analyzer, config }) : undefined;
  const scanOpts = { config, root, cwd: io.cwd, analyzer, ...(fixer ? { onFile: fixer.add.bind(fixer) } : {}) };
  let report: ScanReport;
  if (opts.stdinFilename !== undefined) {
    if (!io.stdin) throw new UsageError('--stdin: no standard input here', 'scan');
    report = scanText(opts.stdinFilename, io.stdin(), scanOpts);
  } else {
    report = scanWithThreads(scanTargets(opts.paths, io), scanOpts);
  }
  const fixes = fixer?.report();
  // --diff writes nothing, so its findings and exit code are those of the files as they are
  if (fixes && !opts.diff) report = afterFixes(report, fixes);

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
    findings.push({
      ...sf,
      fingerprint: fingerprintAt(io.cwd, sf.absPath, ruleId, sf.lines.text, range),
      rootFingerprint: fingerprintAt(reportRoot, sf.absPath, ruleId, sf.lines.text, range),
    });
  }

  const failOn = opts.failOn;
  const failing = failOn === undefined ? 0 : findings.filter((f) => severityRank(f.finding.severity) >= severityRank(failOn)).length;
  // A file that could not be read or a rule that failed means the scan cannot vouch for it.
  const incomplete = report.errors.filter((e) => e.type === 'internal' || e.type === 'read').length;
  const unwritten = fixes?.problems.length ?? 0;
  const exitCode = failing > 0 ? EXIT.findings : incomplete + unwritten > 0 ? EXIT.usage : EXIT.clean;
  if (fixes && opts.diff) {
    diffOutput(fixes, io);
    return exitCode;
  }

  const output = formatReport(format, {
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
    root: reportRoot,
    argv: ['scan', ...args],
    color: opts.output === undefined && useColor(opts.color, io.isTTY ?? false, io.env ?? {}),
    quiet: opts.quiet,
    width: io.columns ?? 100,
    ...(fixes ? { fixes } : {}),
  });
  // -o writes past `io`: the same shape redaction as stdout, so a report file never holds more than the terminal would
  if (opts.output !== undefined) writeFileSync(resolve(io.cwd, opts.output), redactText(output.out));
  else io.out(output.out);
  io.err(output.err);
  // Machine formats carry every file problem in the report; stderr keeps only what the report cannot say.
  if (machine) {
    for (const p of fixes?.problems ?? []) io.err(`forewarn: ${escapeControl(p.path)}: ${escapeControl(p.message)}\n`);
  } else if (incomplete > 0) {
    io.err(`forewarn: ${incomplete} file problem(s) (unreadable files or internal errors): the scan is incomplete.\n`);
  }
  return exitCode;
}

/** `--diff`: the changes on stdout, what they are on stderr. */
function diffOutput(fixes: FixReport, io: Io): void {
  for (const f of fixes.files) io.out(`${f.diff}\n`);
  io.err(fixLines(fixes));
}

/** The report with the findings and errors of fixed files replaced by those of their fixed text, in scan order. */
function afterFixes(report: ScanReport, fixes: FixReport): ScanReport {
  const fixed = new Map(fixes.files.map((f) => [f.absPath, f]));
  if (fixed.size === 0) return report;
  const findings: ScannedFinding[] = [];
  const errors: ScanError[] = report.errors.filter((e) => !(fixed.has(e.absPath) && (e.type === 'parse' || e.type === 'internal')));
  const done = new Set<string>();
  for (const sf of report.findings) {
    const f = fixed.get(sf.absPath);
    if (!f) findings.push(sf);
    else if (!done.has(sf.absPath)) {
      done.add(sf.absPath);
      addResult({ findings, errors }, f.result, f.path, f.absPath);
    }
  }
  return { files: report.files, findings, errors };
}

function baselineCommand(args: readonly string[], io: Io): number {
  const opts = parseBaselineOptions(args, RULES.map((r) => r.id));
  const loaded = loadConfig(opts.config, io);
  if (!loaded) return EXIT.usage;
  const config = selectRules(loaded.config, opts.rules, opts.skipRules);
  const report = scanWithThreads(scanTargets(opts.paths, io), { config, root: loaded.path ? dirname(loaded.path) : io.cwd, cwd: io.cwd });
  const incomplete = report.errors.filter((e) => e.type === 'internal' || e.type === 'read');
  for (const e of incomplete) io.err(`${escapeControl(e.path)} ${e.type}: ${escapeControl(e.message)}\n`);
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
  if (!opts.quiet) io.err(`Wrote ${entries.length} finding${entries.length === 1 ? '' : 's'} from ${report.files} file${report.files === 1 ? '' : 's'} to ${escapeControl(relative(io.cwd, file) || file)}.\n`);
  return EXIT.clean;
}

/** The configuration file to use, loaded; undefined (after saying why) when it is broken. */
function loadConfig(option: string | undefined, io: Io): ConfigFile | undefined {
  const configPath = option !== undefined ? resolve(io.cwd, option) : findConfigFile(io.cwd);
  const loaded = loadConfigFile(configPath);
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.err(`forewarn: ${escapeControl(configPath ?? '')}: ${escapeControl(e.message)}\n`);
    io.err('forewarn: fix the configuration file (see docs/configuration.md); nothing was scanned.\n');
    return undefined;
  }
  return loaded;
}

function scanTargets(paths: readonly string[], io: Io): string[] {
  // A mistyped path must not pass a gate by scanning nothing; it is echoed as it was typed.
  const missing = paths.filter((p) => !existsSync(resolve(io.cwd, p)));
  if (missing.length > 0) throw new UsageError(`no such file or directory: ${missing.join(', ')}`, 'scan');
  return paths.length > 0 ? paths.map((p) => resolve(io.cwd, p)) : [io.cwd];
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

let started = false;

/**
 * The `forewarn` process: a scan worker thread (the bundle is also the scan's worker script, see scan-threads.ts) or
 * the command line. dist/cli.js (loader.ts) calls this once it has loaded the bundle; run directly, the module calls it.
 */
export function main(): void {
  if (started) return;
  started = true;
  if (isScanWorker()) {
    startScanWorker();
    return;
  }
  const terminal = isTerminal(1);
  const io: Io = {
    out: terminal ? streamOut() : directOut((bytes, at) => writeSync(1, bytes, at), () => streamOut()),
    err: isTerminal(2) ? streamOut(process.stderr) : directOut((bytes, at) => writeSync(2, bytes, at), () => streamOut(process.stderr)),
    cwd: process.cwd(),
    stdin: () => decodeText(readFileSync(0)),
    isTTY: terminal,
    ...(terminal && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
  };
  if (process.argv[2] === 'pin') {
    const pinIo = redactingIo({ ...io, env: process.env });
    pinCommand(process.argv.slice(3), pinIo).then(
      (code) => (process.exitCode = code),
      (e: unknown) => (process.exitCode = reportError(e, pinIo)),
    );
  } else process.exitCode = run(process.argv.slice(2), io);
}

if (require.main === module || isScanWorker()) main();
