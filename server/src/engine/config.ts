// `.forewarn.yml`: its JSON Schema, loading with validation, and the defaults that apply when it is wrong.

import type * as AjvModule from 'ajv';
import type { default as Ajv, ErrorObject } from 'ajv';
import { isScalar, isSeq, visit, type Document } from 'yaml';
import { get, getPair, rangeOf } from '../models/yaml-nodes.js';
import { FILE_KINDS, SEVERITIES, type FileKind, type ParseError, type Range, type Severity } from '../core/types.js';
import { parseYaml } from '../parsers/yaml.js';
import { redactText } from './redaction.js';
import { RULES } from '../rules/index.js';

export type RuleSetting = Severity | 'off';

export interface ForewarnConfig {
  /** per-rule severity override or `off`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** paths never analyzed, in .gitignore syntax. */
  readonly ignore: readonly string[];
  /** extra globs mapped to a file kind, checked before the built-in ones. */
  readonly kinds: Partial<Record<FileKind, readonly string[]>>;
  readonly allow: { readonly actions: readonly string[] };
  /** the `text` kind (credentials in `.env`, `.npmrc`, config files …): globs its built-in list no longer claims. */
  readonly text: { readonly exclude: readonly string[] };
  /** files larger than this many bytes (UTF-8) are skipped. */
  readonly maxFileSize: number;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/**
 * The largest `maxFileSize` accepted: the cap exists so that one huge file cannot stall analysis, and a config (or a
 * setting) of `.inf` must not lift it.
 */
export const MAX_FILE_SIZE_LIMIT = 64 * 1024 * 1024;

export const DEFAULT_CONFIG: ForewarnConfig = Object.freeze({
  rules: {},
  ignore: [],
  kinds: {},
  allow: { actions: [] },
  text: { exclude: [] },
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
});

export const CONFIG_FILE_NAMES = ['.forewarn.yml', '.forewarn.yaml'] as const;

const globList = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/** The schema of `.forewarn.yml`; rule ids come from the registry so a typo is caught. */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Forewarn configuration (.forewarn.yml)',
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: {
      description: 'Severity override per rule id, or off.',
      type: 'object',
      propertyNames: { enum: RULES.map((r) => r.id) },
      additionalProperties: { enum: ['off', ...SEVERITIES] },
    },
    ignore: { ...globList, description: 'Patterns of files Forewarn never analyzes, in .gitignore syntax, relative to this file.' },
    kinds: {
      description: 'Extra globs per file kind, checked before the built-in globs.',
      type: 'object',
      propertyNames: { enum: [...FILE_KINDS] },
      additionalProperties: globList,
    },
    allow: {
      type: 'object',
      additionalProperties: false,
      properties: {
        actions: { ...globList, description: '`owner/repo` globs of actions exempt from pinning rules, e.g. `my-org/*`.' },
      },
    },
    text: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exclude: { ...globList, description: 'Files the built-in `text` globs (.env, .npmrc, JSON/YAML config …) no longer claim for a secret scan; `kinds.text` adds globs.' },
      },
    },
    maxFileSize: { type: 'integer', minimum: 1, maximum: MAX_FILE_SIZE_LIMIT, description: `Files larger than this many bytes (UTF-8) are skipped; at most ${MAX_FILE_SIZE_LIMIT} (64 MB).` },
  },
} as const;

let validator: ReturnType<Ajv['compile']> | undefined;
function validate(data: unknown): ErrorObject[] {
  // ajv is loaded with the first configuration file to check: a CLI run without one never loads it (cold start).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validator ??= new (require('ajv') as typeof AjvModule).default({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA);
  if (validator(data)) return [];
  // A bad property name yields the inner `enum` error and the `propertyNames` one: keep the latter.
  return (validator.errors ?? []).filter((e) => e.keyword === 'propertyNames' || (e as { propertyName?: string }).propertyName === undefined);
}

export interface LoadedConfig {
  /** the configuration in force: the file's when it is valid, the defaults otherwise. */
  readonly config: ForewarnConfig;
  /** problems in the file, with ranges in it; non-empty means defaults apply. */
  readonly errors: readonly ParseError[];
}

/** Loads `.forewarn.yml` text. Error messages pass the redactor: they can echo keys and values the user wrote. */
export function parseConfig(text: string): LoadedConfig {
  const loaded = parseConfigText(text);
  return loaded.errors.length === 0 ? loaded : { ...loaded, errors: loaded.errors.map((e) => ({ ...e, message: redactText(e.message) })) };
}

function parseConfigText(text: string): LoadedConfig {
  const yaml = parseYaml(text);
  if (yaml.errors.length > 0) {
    return { config: DEFAULT_CONFIG, errors: yaml.errors.map((e) => ({ ...e, message: `Invalid YAML: ${e.message}` })) };
  }
  if (yaml.docs.length > 1) {
    return { config: DEFAULT_CONFIG, errors: [{ message: 'Configuration must be a single YAML document.', range: { start: 0, end: 0 } }] };
  }
  const doc = yaml.docs[0];
  const keyProblem = doc ? keyErrors(doc) : undefined;
  if (keyProblem) return { config: DEFAULT_CONFIG, errors: [keyProblem] };
  let data: unknown;
  try {
    data = doc ? doc.toJS({ maxAliasCount: 100 }) : null;
  } catch (e) {
    // e.g. an alias whose anchor is not written yet: a configuration error, never a crash.
    return { config: DEFAULT_CONFIG, errors: [{ message: `Invalid YAML: ${(e as Error).message}`, range: { start: 0, end: 0 } }] };
  }
  if (data === null || data === undefined) return { config: DEFAULT_CONFIG, errors: [] };
  const errors = validate(data);
  if (errors.length > 0) {
    return { config: DEFAULT_CONFIG, errors: errors.map((e) => ({ message: describe(e), range: locate(doc!, e) })) };
  }
  const d = data as Partial<ForewarnConfig>;
  return {
    config: {
      rules: d.rules ?? {},
      ignore: d.ignore ?? [],
      kinds: d.kinds ?? {},
      allow: { actions: d.allow?.actions ?? [] },
      text: { exclude: d.text?.exclude ?? [] },
      maxFileSize: d.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    },
    errors: [],
  };
}

/** A key given twice (the later would win silently) or a key that is not a plain scalar (`? [a, b]: c`). */
function keyErrors(doc: Document.Parsed): ParseError | undefined {
  let problem: ParseError | undefined;
  visit(doc, {
    Map(_k, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) {
          problem = { message: 'Configuration keys must be plain names, not lists or maps.', range: rangeOf(key) ?? { start: 0, end: 0 } };
          return visit.BREAK;
        }
        if (seen.has(key.value)) {
          problem = { message: `Key '${String(key.value)}' is given twice; keep one.`, range: rangeOf(key) ?? { start: 0, end: 0 } };
          return visit.BREAK;
        }
        seen.add(key.value);
      }
      return undefined;
    },
  });
  return problem;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'configuration';
  switch (e.keyword) {
    case 'additionalProperties':
      return `Unknown key '${String(e.params.additionalProperty)}' in ${where}.`;
    case 'propertyNames':
      return `'${String(e.params.propertyName)}' is not ${where === 'rules' ? 'a known rule id' : where === 'kinds' ? `a file kind (one of ${FILE_KINDS.join(', ')})` : 'allowed here'}.`;
    case 'enum':
      return `${where} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}.`;
    case 'maximum':
      return `${where} must be at most ${String(e.params.limit)}.`;
    default:
      return `${where} ${e.message ?? 'is invalid'}.`;
  }
}

/** The range of the node an ajv error points at (the offending key where there is one). */
function locate(doc: Document.Parsed, e: ErrorObject): Range {
  const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  for (const seg of path) node = isSeq(node) ? node.items[Number(seg)] : get(node, seg);
  const params = e.params as { additionalProperty?: string; propertyName?: string };
  const badKey = params.additionalProperty ?? params.propertyName;
  // Point at the offending key itself rather than at the whole map.
  if (badKey !== undefined) node = getPair(node, badKey)?.key ?? node;
  return rangeOf(node) ?? { start: 0, end: 0 };
}

/** The setting in force for a rule: the configured one, else `off` for a rule that is off by default, else undefined (its own severity). */
export function ruleSetting(config: ForewarnConfig, rule: { readonly id: string; readonly defaultOff?: boolean }): RuleSetting | undefined {
  return config.rules[rule.id] ?? (rule.defaultOff ? 'off' : undefined);
}

/** Layers per-rule overrides (editor settings) over a loaded configuration. */
export function withRuleOverrides(config: ForewarnConfig, overrides: Readonly<Record<string, RuleSetting>>): ForewarnConfig {
  if (Object.keys(overrides).length === 0) return config;
  return { ...config, rules: { ...config.rules, ...overrides } };
}

/** The editor command that shows a rule's page, as a URI the extension links in this file (works offline). */
export const RULE_DOCS_COMMAND_URI = 'command:forewarn.showRuleDocumentation';

/**
 * A commented `.forewarn.yml` for "Create Configuration File": every key with its default, and every rule
 * with its default severity, commented out so the file changes nothing until the user edits it.
 */
export function configTemplate(rules: readonly { id: string; severity: string; description: string }[]): string {
  const width = rules.reduce((w, r) => Math.max(w, r.id.length), 0) + 1;
  return [
    '# Forewarn configuration. Every line below is a default, commented out: uncomment and edit what you want to change.',
    `# Rule pages: ${RULE_DOCS_COMMAND_URI} (in VS Code, Ctrl+click it or any rule id below),`,
    '# or `forewarn explain <rule-id>` in a terminal.',
    '',
    '# Severity per rule (info, low, medium, high, critical) or off.',
    '# rules:',
    ...rules.map((r) => `#   ${`${r.id}:`.padEnd(width + 1)} ${r.severity.padEnd(8)} # ${r.description}`),
    '',
    '# Paths never analysed, in .gitignore syntax, relative to this file.',
    '# ignore:',
    '#   - test/fixtures/',
    '',
    '# Extra globs mapped to a file kind (github-workflow, github-action, dependabot, gitlab-ci, azure-pipelines,',
    '# bitbucket-pipelines, circleci, dockerfile, compose, kubernetes, terraform, text).',
    '# kinds:',
    '#   gitlab-ci:',
    '#     - ci/templates/*.yml',
    '',
    '# Files the built-in text globs (.env, .npmrc, JSON/YAML config …) leave to other tools.',
    '# text:',
    '#   exclude:',
    '#     - test/fixtures/**/*.json',
    '',
    '# Actions that need not be pinned to a commit SHA (owner/repo globs).',
    '# allow:',
    '#   actions:',
    '#     - my-org/*',
    '',
    `# Files larger than this many bytes are skipped.`,
    `# maxFileSize: ${DEFAULT_MAX_FILE_SIZE}`,
    '',
  ].join('\n');
}
