// Command-line options of `forewarn scan` and `forewarn baseline`: parsing (node:util parseArgs) and checking.

import { parseArgs } from 'node:util';
import { SEVERITIES, isSeverity, type Severity } from '../core/types.js';

export const FORMATS = ['text', 'json', 'sarif', 'gitlab', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** A mistake in how Forewarn was called: exit code 2 with the usage text. */
export class UsageError extends Error {}

export interface ScanOptions {
  readonly paths: readonly string[];
  readonly format: Format;
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
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
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
    },
  });
  const format = values.format;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
  const failOn = values['fail-on'];
  if (failOn !== 'none' && !isSeverity(failOn)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} or none, not '${failOn}'`);
  const minSeverity = values['min-severity'];
  if (!isSeverity(minSeverity)) throw new UsageError(`--min-severity must be one of ${SEVERITIES.join(', ')}, not '${minSeverity}'`);
  if (values.stdin && values['stdin-filename'] === undefined) throw new UsageError('--stdin needs --stdin-filename PATH: the path decides which kind of file the text is');
  if (!values.stdin && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename is only meaningful with --stdin');
  if (values.stdin && positionals.length > 0) throw new UsageError('--stdin reads one file from standard input: give no paths');
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color contradict each other');
  const { rules, skipRules } = ruleSelection(values.rule, values['skip-rule'], knownRules);
  return {
    paths: positionals,
    format: format as Format,
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
  };
}

export function parseBaselineOptions(args: readonly string[], knownRules: readonly string[]): BaselineOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: 'string', short: 'c' },
      output: { type: 'string', short: 'o', default: DEFAULT_BASELINE_FILE },
      ...ruleOptions,
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  });
  const { rules, skipRules } = ruleSelection(values.rule, values['skip-rule'], knownRules);
  return { paths: positionals, config: values.config, output: values.output, rules, skipRules, quiet: values.quiet };
}

/** `--rule a --rule b` and `--rule a,b` both work; an id that does not exist is a mistake, not an empty run. */
function ruleSelection(rule: string[] | undefined, skip: string[] | undefined, known: readonly string[]): { rules: string[]; skipRules: string[] } {
  const split = (v: string[] | undefined) => (v ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  const rules = split(rule);
  const skipRules = split(skip);
  const unknown = [...rules, ...skipRules].filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown rule id${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (see \`forewarn rules\`)`);
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
