// Command-line options of `forewarn scan` and `forewarn baseline`: parsing (node:util parseArgs) and checking.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SEVERITIES, isSeverity, type Severity } from '../core/types.js';
import type { Command } from './help.js';

/** `pretty` is the report for people (default on a terminal); `text` the one-line-per-finding form for scripts. */
export const FORMATS = ['pretty', 'text', 'json', 'sarif', 'gitlab', 'github'] as const;
export type Format = (typeof FORMATS)[number];
/** Formats read by programs: nothing but real errors goes to stderr with them. */
export const MACHINE_FORMATS: readonly Format[] = ['json', 'sarif', 'gitlab', 'github'];

/** A mistake in how Forewarn was called: exit code 2, one line, and where to read the help. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** the command whose help explains it; undefined: the overview. */
    readonly command?: Command,
  ) {
    super(message);
  }
}

/** Asked for `--help`: print the command's help and exit 0. */
export class HelpRequest extends Error {
  constructor(readonly command: Command) {
    super(`help for ${command}`);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs for one command, with `-h`/`--help` on every command, and its errors (unknown option, missing
 * value) as one-line usage errors that name the command.
 */
export function parseCommand<O extends Options>(command: Command, args: readonly string[], options: O) {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as const;
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: all });
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw new UsageError(parseArgsMessage(e as Error), command);
    throw e;
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequest(command);
  return parsed;
}

/** node's messages, without their advice about `--` (a leading dash is nearly always a mistyped option here). */
function parseArgsMessage(e: Error): string {
  const unknown = /^Unknown option '([^']*)'/.exec(e.message);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const cut = e.message.indexOf('. ');
  const first = cut === -1 ? e.message : e.message.slice(0, cut);
  return first.charAt(0).toLowerCase() + first.slice(1);
}

export interface ScanOptions {
  readonly paths: readonly string[];
  /** undefined: `pretty` on a terminal, else `text` (decided where the terminal is known). */
  readonly format: Format | undefined;
  readonly config: string | undefined;
  /** undefined: never fail on findings (`--fail-on none`). */
  readonly failOn: Severity | undefined;
  /** findings below this severity are not reported and do not count. */
  readonly minSeverity: Severity;
  /** only these rules run (empty: all). */
  readonly rules: readonly string[];
  readonly skipRules: readonly string[];
  /** read the file's text from standard input, analyzed as if it were at this path. */
  readonly stdinFilename: string | undefined;
  readonly quiet: boolean;
  /** `--color` / `--no-color`; undefined: decide from the terminal and the environment. */
  readonly color: boolean | undefined;
  readonly baseline: string | undefined;
  /** write the report here instead of standard output. */
  readonly output: string | undefined;
  /** folder that paths in sarif, gitlab and github output are relative to. */
  readonly root: string | undefined;
  /** apply fixes and write the files. */
  readonly fix: boolean;
  /** show the changes fixing would make, write nothing. */
  readonly diff: boolean;
  /** with fix or diff: unsafe fixes too. */
  readonly unsafeFixes: boolean;
}

export interface BaselineOptions {
  readonly paths: readonly string[];
  readonly config: string | undefined;
  readonly output: string;
  readonly rules: readonly string[];
  readonly skipRules: readonly string[];
  readonly quiet: boolean;
}

export const DEFAULT_BASELINE_FILE = '.forewarn-baseline.json';

const ruleOptions = {
  rule: { type: 'string', multiple: true },
  'skip-rule': { type: 'string', multiple: true },
} as const;

export function parseScanOptions(args: readonly string[], knownRules: readonly string[]): ScanOptions {
  const { values, positionals } = parseCommand('scan', args, {
      format: { type: 'string', short: 'f' },
      config: { type: 'string', short: 'c' },
      'fail-on': { type: 'string', default: 'high' },
      'min-severity': { type: 'string', default: 'info' },
      ...ruleOptions,
      stdin: { type: 'boolean', default: false },
      'stdin-filename': { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      baseline: { type: 'string' },
      output: { type: 'string', short: 'o' },
      root: { type: 'string' },
      fix: { type: 'boolean', default: false },
      diff: { type: 'boolean', default: false },
      'unsafe-fixes': { type: 'boolean', default: false },
  });
  const format = values.format;
  const usage = (m: string) => new UsageError(m, 'scan');
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) throw usage(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
  const failOn = values['fail-on'];
  if (failOn !== 'none' && !isSeverity(failOn)) throw usage(`--fail-on must be one of ${SEVERITIES.join(', ')} or none, not '${failOn}'`);
  const minSeverity = values['min-severity'];
  if (!isSeverity(minSeverity)) throw usage(`--min-severity must be one of ${SEVERITIES.join(', ')}, not '${minSeverity}'`);
  if (values.stdin && values['stdin-filename'] === undefined) throw usage('--stdin needs --stdin-filename PATH: the path decides which kind of file the text is');
  if (!values.stdin && values['stdin-filename'] !== undefined) throw usage('--stdin-filename is only meaningful with --stdin');
  if (values.stdin && positionals.length > 0) throw usage('--stdin reads one file from standard input: give no paths');
  if (values.color && values['no-color']) throw usage('--color and --no-color contradict each other');
  if (values.fix && values.diff) throw usage('--fix writes the files and --diff only shows the changes: choose one');
  if (values['unsafe-fixes'] && !values.fix && !values.diff) throw usage('--unsafe-fixes is only meaningful with --fix or --diff');
  if ((values.fix || values.diff) && values.stdin) throw usage('--fix and --diff work on files, not on standard input');
  if ((values.fix || values.diff) && values.baseline !== undefined) throw usage('--fix and --diff cannot be combined with --baseline');
  const { rules, skipRules } = ruleSelection(values.rule, values['skip-rule'], knownRules);
  return {
    paths: positionals,
    format: format as Format | undefined,
    config: values.config,
    failOn: failOn === 'none' ? undefined : failOn,
    minSeverity,
    rules,
    skipRules,
    stdinFilename: values.stdin ? values['stdin-filename'] : undefined,
    quiet: values.quiet,
    color: values['no-color'] ? false : values.color,
    baseline: values.baseline,
    output: values.output,
    root: values.root,
    fix: values.fix,
    diff: values.diff,
    unsafeFixes: values['unsafe-fixes'],
  };
}

export function parseBaselineOptions(args: readonly string[], knownRules: readonly string[]): BaselineOptions {
  const { values, positionals } = parseCommand('baseline', args, {
    config: { type: 'string', short: 'c' },
    output: { type: 'string', short: 'o', default: DEFAULT_BASELINE_FILE },
    ...ruleOptions,
    quiet: { type: 'boolean', short: 'q', default: false },
  });
  const { rules, skipRules } = ruleSelection(values.rule, values['skip-rule'], knownRules, 'baseline');
  return { paths: positionals, config: values.config, output: values.output, rules, skipRules, quiet: values.quiet };
}

/** `--rule a --rule b` and `--rule a,b` both work; an id that does not exist is a mistake, not an empty run. */
function ruleSelection(rule: string[] | undefined, skip: string[] | undefined, known: readonly string[], command: Command = 'scan'): { rules: string[]; skipRules: string[] } {
  const split = (v: string[] | undefined) => (v ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  const rules = split(rule);
  const skipRules = split(skip);
  const unknown = [...rules, ...skipRules].filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown rule id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (see \`forewarn rules\`)`, command);
  return { rules, skipRules };
}

/**
 * Colour only for people: on a terminal, unless NO_COLOR is set (no-color.org); FORCE_COLOR forces it
 * (except FORCE_COLOR=0); the command-line flag beats both.
 */
export function useColor(flag: boolean | undefined, isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
