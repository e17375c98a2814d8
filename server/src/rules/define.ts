// The rule contract: metadata that declares behaviour, and a check over one source file.

import type { Family, FileKind, Fix, FixKind, Range, Severity } from '../core/types.js';
import type { SourceFile } from '../models/source-file.js';

/** What a rule may read of the user's configuration. */
export interface RuleOptions {
  /** `owner/repo` globs of actions that need not be pinned (config `allow.actions`). */
  readonly allowedActions: readonly string[];
}

export interface Report {
  readonly range: Range;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** this finding's default severity when it differs from the rule's (a configured severity still wins). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly file: SourceFile;
  readonly options: RuleOptions;
  report(r: Report): void;
}

export interface RuleMeta {
  /** kebab-case, names the hazard; never renamed once shipped. */
  readonly id: string;
  readonly family: Family;
  /** the file kinds the rule runs on. */
  readonly kinds: readonly FileKind[];
  readonly severity: Severity;
  /** one line, shown in rule lists and SARIF. */
  readonly description: string;
  /** CWE ids (numbers) the hazard maps to; SARIF tags and the doc page's References list them. */
  readonly cwe: readonly number[];
  /** the strongest fix the rule emits: `needs-network` and `unsafe` may come with `safe` fixes too. */
  readonly fix: FixKind;
  /** off unless the configuration gives it a severity (`rules: { <id>: low }`): for opt-in policies. */
  readonly defaultOff?: boolean;
  /**
   * A `secrets` rule whose ranges are not secret values (a build argument's name, a file path, a whole state file):
   * the redactor does not mask them in other messages. Secret values come from models/secrets/find.ts either way.
   */
  readonly rangesAreNotSecrets?: boolean;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function defineRule(rule: Rule): Rule {
  if (!ID.test(rule.id)) throw new Error(`rule id '${rule.id}' is not kebab-case`);
  return Object.freeze(rule);
}

/** The fix safeties each declared fix kind allows (one set per kind, not one per report). */
const ALLOWED_SAFETIES: Readonly<Record<FixKind, ReadonlySet<Fix['safety']>>> = {
  none: new Set(),
  safe: new Set(['safe']),
  unsafe: new Set(['safe', 'unsafe']),
  'needs-network': new Set(['safe', 'unsafe', 'needs-network']),
};

/** The fix safeties a rule declaring `kind` may emit. */
export function allowedSafeties(kind: FixKind): ReadonlySet<Fix['safety']> {
  return ALLOWED_SAFETIES[kind];
}
