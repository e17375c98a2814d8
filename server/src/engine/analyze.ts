// The engine's entry point: detect the kind, parse once, run each applicable rule in isolation, apply suppressions.

import { SEVERITIES, type FileKind, type Finding, type Fix, type ParseError, type Range, type RuleError, type Skipped } from '../core/types.js';
import { SourceFile } from '../models/source-file.js';
import type { ModuleContext } from '../models/terraform-values.js';
import { allowedSafeties, type Report, type Rule, type RuleOptions } from '../rules/define.js';
import { RULES } from '../rules/index.js';
import { DEFAULT_CONFIG, ruleSetting, type ForewarnConfig } from './config.js';
import { createDetector, type KindDetector } from './detect.js';
import { findSecrets } from '../models/secrets/find.js';
import { createRedactor, SHAPES_ONLY, type Redactor } from './redaction.js';
import { findSuppressions } from './suppress.js';

export interface AnalyzeInput {
  /** path of the file, relative to the project root where known; used for kind detection. */
  readonly path: string;
  readonly text: string;
  /** the absolute path, when there is one: built-in kind globs match it (see KindDetector). */
  readonly fullPath?: string;
  /** skip detection when the caller knows the kind. */
  readonly kind?: FileKind;
  /**
   * Terraform: the `.tf` and `.tfvars` files of the file's folder, so `var.x` and `local.y` resolve to the values
   * declared there. Give the same object for every file of a folder (its parse is kept per object).
   */
  readonly module?: ModuleContext;
}

export interface AnalysisResult {
  readonly kind: FileKind | undefined;
  readonly findings: readonly Finding[];
  readonly parseErrors: readonly ParseError[];
  readonly ruleErrors: readonly RuleError[];
  readonly skipped?: Skipped;
  /** how many findings inline suppressions silenced. */
  readonly suppressed: number;
  /** the parsed file, for callers that need positions (line/column) or fixes. */
  readonly file: SourceFile | undefined;
  /**
   * Masks this file's secrets in any text shown to people (messages, titles, errors and logs are masked already;
   * use `source()` for excerpts of the file, never `text.slice`).
   */
  readonly redactor: Redactor;
}

/** The result for a file Forewarn does not analyze. */
export const NO_RESULT: AnalysisResult = Object.freeze({ kind: undefined, findings: [], parseErrors: [], ruleErrors: [], suppressed: 0, file: undefined, redactor: SHAPES_ONLY });


/**
 * Runs rules over documents. Holds only caches: the kind detector for the config it was last given,
 * and the parse of the last text seen per path, so a re-analysis of unchanged text does not re-parse.
 */
export class Analyzer {
  private detector: KindDetector;
  private detectorFor: ForewarnConfig['kinds'];
  private detectorText: readonly string[];
  private readonly lastParse = new Map<string, SourceFile>();

  constructor(readonly rules: readonly Rule[] = RULES) {
    this.detectorFor = DEFAULT_CONFIG.kinds;
    this.detectorText = DEFAULT_CONFIG.text.exclude;
    this.detector = createDetector(this.detectorFor, this.detectorText);
  }

  detectKind(path: string, text: string, config: ForewarnConfig = DEFAULT_CONFIG, fullPath?: string): FileKind | undefined {
    return this.detectorOf(config).detect(path, text, fullPath);
  }

  /** The kind the path alone gives, before any text is read. */
  kindByPath(path: string, config: ForewarnConfig = DEFAULT_CONFIG, fullPath?: string): FileKind | undefined {
    return this.detectorOf(config).byPath(path, fullPath);
  }

  analyze(input: AnalyzeInput, config: ForewarnConfig = DEFAULT_CONFIG): AnalysisResult {
    const { path, text } = input;
    const kind = input.kind ?? this.detectorOf(config).detect(path, text, input.fullPath);
    if (!kind) return NO_RESULT;
    const skipped = checkLimits(text, config.maxFileSize);
    // A large or binary file of the catch-all `text` kind (a data dump, a keystore) is not worth a message.
    if (skipped) return kind === 'text' ? NO_RESULT : { ...NO_RESULT, kind, skipped };

    const file = this.sourceFile(path, text, kind, kind === 'terraform' ? input.module : undefined);
    const options: RuleOptions = { allowedActions: config.allow.actions };
    const findings: Finding[] = [];
    const ruleErrors: RuleError[] = [];
    /** Every range a secret rule reported, suppressed or not: what the redactor masks. */
    const secretRanges: Range[] = [];
    for (const rule of this.rules) {
      if (!rule.kinds.includes(kind)) continue;
      const setting = ruleSetting(config, rule);
      if (setting === 'off') continue;
      const reports = runRule(rule, file, options, ruleErrors);
      if (!reports) continue;
      for (const r of reports) {
        if (rule.family === 'secrets' && !rule.rangesAreNotSecrets) secretRanges.push(r.range);
        const finding = toFinding(rule, setting ?? r.severity ?? rule.severity, r, text.length, ruleErrors);
        if (finding) findings.push(finding);
      }
    }

    let suppressed = 0;
    let kept = oneSecretFindingPerValue(findings);
    if (kept.length > 0) {
      const sup = findSuppressions(file);
      const before = kept.length;
      kept = kept.filter((f) => !sup.isSuppressed(f.ruleId, f.range.start));
      suppressed = before - kept.length;
    }
    kept.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));

    // Every secret the detection finds is masked, whether or not its rule is on, filtered out or in this analyzer
    // (models/secrets/find.ts: formats, key ids, credential slots, URLs and headers, entropy; computed once per parse).
    for (const s of findSecrets(file)) secretRanges.push(s);
    const redactor = createRedactor(text, secretRanges.filter((r) => inside(r, text.length)));
    return {
      kind,
      findings: kept.map((f) => redactFinding(f, redactor)),
      parseErrors: file.parseErrors.map((e) => ({ ...e, message: redactor.text(e.message) })),
      ruleErrors: ruleErrors.map((e) => capMessage({ ...e, message: redactor.text(e.message) })),
      suppressed,
      file,
      redactor,
    };
  }

  /** Forget the cached parse of a path (e.g. when its document closes). */
  forget(path: string): void {
    this.lastParse.delete(path);
  }

  private sourceFile(path: string, text: string, kind: FileKind, module: ModuleContext | undefined): SourceFile {
    const cached = this.lastParse.get(path);
    if (cached && cached.text === text && cached.kind === kind && cached.module === module) return cached;
    // The previous version of the document (the editor's last analysis of it): its parse is re-used where it can be.
    const file = new SourceFile(path, text, kind, module, cached && cached.kind === kind ? cached : undefined);
    // The cache serves the editor (a few open documents); a batch scan must not grow it without bound.
    if (this.lastParse.size >= 64 && !this.lastParse.has(path)) this.lastParse.delete(this.lastParse.keys().next().value!);
    this.lastParse.set(path, file);
    return file;
  }

  private detectorOf(config: ForewarnConfig): KindDetector {
    // A configuration built by hand (tests, older callers) may lack `text`.
    const textExclude = config.text?.exclude ?? DEFAULT_CONFIG.text.exclude;
    if (config.kinds !== this.detectorFor || textExclude !== this.detectorText) {
      this.detectorFor = config.kinds;
      this.detectorText = textExclude;
      this.detector = createDetector(config.kinds, textExclude);
    }
    return this.detector;
  }
}

function checkLimits(text: string, maxFileSize: number): Skipped | undefined {
  // A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4): a text this short needs no count.
  if (text.length * 3 > maxFileSize && utf8Length(text, maxFileSize) > maxFileSize) return tooLarge(maxFileSize);
  if (text.includes('\0')) return { reason: 'binary', message: 'Forewarn skipped this file: it contains NUL bytes, so it looks binary.' };
  return undefined;
}

/** The one message for a file over the size limit, whoever finds out first (the CLI checks before reading). */
export function tooLarge(maxFileSize: number): Skipped {
  return { reason: 'too-large', message: `Forewarn skipped this file: it is larger than ${formatSize(maxFileSize)} (maxFileSize).` };
}

/** UTF-8 length of `text`, counting no further than just past `limit` (the engine has no Buffer). */
export function utf8Length(text: string, limit = Infinity): number {
  if (text.length > limit) return text.length;
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} bytes`;
}

/** Validates a report against the rule's metadata and the document; what breaks the contract becomes a rule error. */
function toFinding(rule: Rule, severity: Finding['severity'], r: Report, length: number, errors: RuleError[]): Finding | undefined {
  if (!inside(r.range, length)) {
    errors.push({ ruleId: rule.id, message: `rule '${rule.id}' reported a range outside the document` });
    return undefined;
  }
  const allowed = allowedSafeties(rule.fix);
  const given = r.fixes ?? NO_FIXES;
  // The report's own list when every fix passes (most do; a Pod manifest makes a hundred thousand findings).
  let fixes: readonly Fix[] = given;
  for (let i = 0; i < given.length; i++) {
    const fix = given[i]!;
    const problem =
      !allowed.has(fix.safety) ? `emitted a ${fix.safety} fix but declares fix: ${rule.fix}`
      : !fixInside(fix, length) ? 'emitted a fix with an edit outside the document'
      : undefined;
    if (problem === undefined) {
      if (fixes !== given) (fixes as Fix[]).push(fix);
      continue;
    }
    errors.push({ ruleId: rule.id, message: `rule '${rule.id}' ${problem}` });
    if (fixes === given) fixes = given.slice(0, i);
  }
  return { ruleId: rule.id, family: rule.family, severity, message: r.message, range: r.range, fixes };
}

/**
 * A secret is reported once: when several secrets rules flag overlapping text (a provider format and the generic
 * rule, say), the most severe finding stays, and on a tie the one whose rule comes first in the registry.
 */
export function oneSecretFindingPerValue(findings: Finding[]): Finding[] {
  const secrets = findings.filter((f) => f.family === 'secrets');
  if (secrets.length < 2) return findings;
  const rank = (f: Finding): number => SEVERITIES.indexOf(f.severity);
  const order = new Map(findings.map((f, i) => [f, i]));
  const byStrength = [...secrets].sort((a, b) => rank(b) - rank(a) || order.get(a)! - order.get(b)!);
  // f overlaps a kept k when k.start < f.end and f.start < k.end: so the question is whether the largest end among
  // the kept findings that start before f.end lies after f.start. A Fenwick tree of prefix maxima over the sorted
  // starts answers it in O(log n), where comparing with every kept finding made a line of keys quadratic.
  const starts = [...new Set(secrets.map((f) => f.range.start))].sort((a, b) => a - b);
  const maxEnd = new Array<number>(starts.length + 1).fill(-1);
  /** how many distinct starts are below `x`. */
  const below = (x: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const dropped = new Set<Finding>();
  for (const f of byStrength) {
    let end = -1;
    for (let i = below(f.range.end); i > 0; i -= i & -i) end = Math.max(end, maxEnd[i]!);
    if (end > f.range.start) {
      dropped.add(f);
      continue;
    }
    for (let i = below(f.range.start) + 1; i <= starts.length; i += i & -i) maxEnd[i] = Math.max(maxEnd[i]!, f.range.end);
  }
  return dropped.size === 0 ? findings : findings.filter((f) => !dropped.has(f));
}

/** Runs one rule in isolation; a throw becomes a rule error (or is dropped, for the redactor's own runs). */
function runRule(rule: Rule, file: SourceFile, options: RuleOptions, errors: RuleError[] | undefined): Report[] | undefined {
  const reports: Report[] = [];
  try {
    rule.check({ file, options, report: (r) => void reports.push(r) });
  } catch (e) {
    errors?.push({ ruleId: rule.id, message: `rule '${rule.id}' failed: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
  return reports;
}

/** Messages and fix titles may quote the file: whatever they quote, no secret of the file or of any known shape stays. */
function redactFinding(f: Finding, redactor: Redactor): Finding {
  // The redactor gives every repetition of a message back as one string object: findings repeating a message share it.
  const message = redactor.text(f.message);
  // the fixes list is copied only when a title changes (most findings keep theirs as they are)
  let fixes = f.fixes;
  for (let i = 0; i < f.fixes.length; i++) {
    const fix = f.fixes[i]!;
    const title = redactor.text(fix.title);
    if (title === fix.title) continue;
    if (fixes === f.fixes) fixes = f.fixes.slice();
    (fixes as Fix[])[i] = { ...fix, title };
  }
  if (fixes !== f.fixes || message !== f.message) return { ...f, message, fixes };
  // The same text: `f` was made by this analysis (toFinding), so it takes the shared string in place of its own copy.
  (f as { message: string }).message = message;
  return f;
}

/** A crash report is for the log, not a copy of the file: long exception messages are cut. */
function capMessage(e: RuleError): RuleError {
  return e.message.length <= 500 ? e : { ...e, message: `${e.message.slice(0, 500)}… (cut)` };
}

const NO_FIXES: readonly Fix[] = [];

function fixInside(fix: Fix, length: number): boolean {
  if (fix.safety === 'needs-network') return inside(fix.resolve.range, length);
  for (const e of fix.edits) if (!inside(e.range, length)) return false;
  return true;
}

function inside(r: Range, length: number): boolean {
  return Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start <= r.end && r.end <= length;
}
