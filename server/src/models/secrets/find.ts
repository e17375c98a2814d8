// Every secret in a file, once: known token formats, AWS key ids, credential slots, credentials in URLs and headers,
// and entropy-based guesses. The secret rules report their share of it; the output redactor masks all of it.

import type { Range } from '../../core/types.js';
import type { Assignment } from '../assignments.js';
import type { SourceFile } from '../source-file.js';
import { attributesOf, allBlocks, subExpressions, type HclExpr } from '../terraform.js';
import { awsKeyIds } from './aws-key-id.js';
import { decodeBase64 } from './checksums.js';
import { commandCredentials, curlUserCredentials, flagCredentials, httpCredentials, type TextCredential } from './commands.js';
import { isPasswordName, isSecretName, looksLikeSecret } from './generic.js';
import { DETECTORS, failsChecksum, scanTokens, type TokenMatch } from './index.js';
import { slotOf, type SlotContext, type SlotInfo } from './slots.js';
import { isWeakValue, slotNonValue } from './values.js';

/** The rule that reports a span; also the order in which overlapping spans win (first wins). */
export const SECRET_RULE_ORDER = ['provider-token', 'aws-access-key', 'hardcoded-credential', 'credential-url', 'generic-secret'] as const;
export type SecretRuleId = (typeof SECRET_RULE_ORDER)[number];

interface SpanBase extends Range {
  /** the characters at the range, as written in the file. */
  readonly secret: string;
}

export type SecretSpan = SpanBase &
  (
    | { readonly rule: 'provider-token'; readonly token: TokenMatch }
    | { readonly rule: 'aws-access-key' }
    | {
        readonly rule: 'hardcoded-credential';
        /** the slot, for the message (`Terraform aws_db_instance.password`, `docker login -p`). */
        readonly where: string;
        /** the value as the consumer sees it (base64-decoded for a Kubernetes Secret's `data:`). */
        readonly value: string;
        readonly weak: boolean;
        readonly assignment?: Assignment;
        readonly command?: TextCredential;
      }
    | { readonly rule: 'credential-url'; readonly credential: TextCredential; readonly weak: boolean }
    | { readonly rule: 'generic-secret'; readonly value: string; readonly assignment?: Assignment; readonly command?: TextCredential }
  );

const cache = new WeakMap<SourceFile, readonly SecretSpan[]>();

/**
 * Every secret in the file, one span per value: where two detections overlap, the first in SECRET_RULE_ORDER wins.
 * Computed once per parsed file and shared by the secret rules and the redactor.
 */
export function findSecrets(file: SourceFile): readonly SecretSpan[] {
  let spans = cache.get(file);
  if (!spans) {
    spans = compute(file);
    cache.set(file, spans);
  }
  return spans;
}

/** Terraform state is reported once, as a file (terraform-state-file): its hundreds of values are not findings each. */
export function isTerraformState(file: SourceFile): boolean {
  return file.textFormat === 'tfstate';
}

function compute(file: SourceFile): readonly SecretSpan[] {
  if (isTerraformState(file)) return [];
  const { text } = file;
  const groups: SecretSpan[][] = [[], [], [], [], []];
  const [tokens, keyIds, slots, urls, generic] = groups as [SecretSpan[], SecretSpan[], SecretSpan[], SecretSpan[], SecretSpan[]];

  for (const t of scanTokens(text, DETECTORS, file.tokenScan)) tokens.push({ rule: 'provider-token', start: t.start, end: t.end, secret: t.secret, token: t });
  for (const r of awsKeyIds(text)) keyIds.push({ rule: 'aws-access-key', ...r });

  const assignments = file.facets.assignments;
  const ctx = slotContext(file, assignments);
  for (const a of assignments) {
    const slot = slotOf(ctx, a);
    if (slot) {
      const span = slotSpan(file, a, slot);
      if (span) slots.push(span);
      continue;
    }
    if (a.numeric || !isSecretName(a.key) || !looksLikeSecret(a.value, isPasswordName(a.key))) continue;
    generic.push({ rule: 'generic-secret', start: a.valueRange.start, end: a.valueRange.end, secret: text.slice(a.valueRange.start, a.valueRange.end), value: a.value, assignment: a });
  }

  for (const c of httpCredentials(text)) if (!c.documentation) urls.push({ rule: 'credential-url', start: c.start, end: c.end, secret: c.secret, credential: c, weak: weakCredential(c) });
  const scripts: { text: string; node?: object | undefined; map: (s: number, e: number) => Range }[] = file.facets.scripts.map((s) => ({ text: s.text, node: s.node, map: (a, b) => s.fileRange(a, b) }));
  for (const r of terraformScripts(file)) scripts.push({ text: text.slice(r.start, r.end), map: (a, b) => ({ start: r.start + a, end: r.start + b }) });
  for (const s of scripts) {
    const found = scriptCredentials(s.text, s.node);
    for (const c of found.curl) urls.push({ rule: 'credential-url', ...s.map(c.start, c.end), secret: c.secret, credential: c, weak: isWeakValue(c.secret) });
    for (const c of found.command) {
      if (failsChecksum(c.secret)) continue;
      const r = s.map(c.start, c.end);
      slots.push({ rule: 'hardcoded-credential', ...r, secret: text.slice(r.start, r.end), where: c.kind === 'env' ? `variable ${c.label}` : `\`${c.label}\``, value: c.secret, weak: isWeakValue(c.secret), command: c });
    }
    for (const c of found.flag) {
      const r = s.map(c.start, c.end);
      generic.push({ rule: 'generic-secret', ...r, secret: text.slice(r.start, r.end), value: c.secret, command: c });
    }
  }
  return merge(groups);
}

interface ScriptCredentials {
  readonly text: string;
  readonly curl: readonly TextCredential[];
  readonly command: readonly TextCredential[];
  readonly flag: readonly TextCredential[];
}

/**
 * The credentials of a YAML script's text, by its scalar node. They are pure functions of the text with offsets in it,
 * so an entry holds whenever the text is the same (compared): a scalar the incremental re-parse kept (decision 0006)
 * is not scanned again on the next keystroke. Weakly held, so a discarded tree takes its entries with it.
 */
const BY_SCRIPT_NODE = new WeakMap<object, ScriptCredentials>();

function scriptCredentials(text: string, node: object | undefined): ScriptCredentials {
  const seen = node && BY_SCRIPT_NODE.get(node);
  if (seen && seen.text === text) return seen;
  const found: ScriptCredentials = { text, curl: curlUserCredentials(text), command: commandCredentials(text), flag: flagCredentials(text) };
  if (node) BY_SCRIPT_NODE.set(node, found);
  return found;
}

function weakCredential(c: TextCredential): boolean {
  if (c.kind === 'presigned-url') return false;
  if (c.kind === 'basic-auth') {
    const decoded = decodeBase64(c.secret) ?? '';
    return isWeakValue(decoded.slice(decoded.indexOf(':') + 1));
  }
  return isWeakValue(c.secret);
}

function slotSpan(file: SourceFile, a: Assignment, slot: SlotInfo): SecretSpan | undefined {
  let value = a.value;
  if (slot.basicAuth) {
    const decoded = decodeBase64(value.trim());
    const colon = decoded?.indexOf(':') ?? -1;
    if (decoded !== undefined && colon > 0) value = decoded.slice(colon + 1);
  }
  if (slotNonValue(value) !== undefined || failsChecksum(value)) return undefined;
  const r = a.valueRange;
  if (r.end <= r.start) return undefined;
  const weak = a.numeric === true || (!slot.structured && isWeakValue(value));
  return { rule: 'hardcoded-credential', start: r.start, end: r.end, secret: file.text.slice(r.start, r.end), where: slot.where, value: a.value, weak, assignment: a };
}

function slotContext(file: SourceFile, assignments: readonly Assignment[]): SlotContext {
  if (file.kind !== 'terraform') return { kind: file.kind, path: file.path };
  // Siblings: attributes of the same block, in the line-based scan's block stack; indexed on the first question
  // (only `value` attributes and SSM parameters ask).
  let byBlock: Map<string, Map<string, string>> | undefined;
  const keyOf = (a: Assignment): string => `${a.path.join('\u0000')}\u0001${a.path.length}`;
  const siblings = (): Map<string, Map<string, string>> => {
    if (byBlock) return byBlock;
    byBlock = new Map();
    for (const a of assignments) {
      if (a.source !== 'terraform-attribute') continue;
      let m = byBlock.get(keyOf(a));
      if (!m) byBlock.set(keyOf(a), (m = new Map()));
      if (!m.has(a.key)) m.set(a.key, a.value);
    }
    return byBlock;
  };
  const sensitive = new Set<string>();
  for (const b of file.terraform?.blocksOfType('variable') ?? []) {
    const s = attributesOf(b.body).find((x) => x.name === 'sensitive');
    if (s && s.value.type === 'bool' && s.value.value && b.labels[0]) sensitive.add(b.labels[0].value);
  }
  return { kind: file.kind, path: file.path, sibling: (a, key) => siblings().get(keyOf(a))?.get(key), sensitiveVariables: sensitive };
}

/** Attributes whose value is a script run on the machine (cloud-init user data, startup scripts). */
const SCRIPT_ATTRIBUTES = new Set(['user_data', 'custom_data', 'metadata_startup_script', 'startup_script', 'startup-script', 'user-data', 'inline']);

/** The heredocs and strings of Terraform's user-data and startup-script attributes: scanned like any shell script. */
function terraformScripts(file: SourceFile): Range[] {
  const tf = file.terraform;
  if (!tf) return [];
  const out: Range[] = [];
  const visit = (expr: HclExpr): void => {
    for (const e of subExpressions(expr)) {
      if (e.type === 'string') out.push(e.valueRange);
      else if (e.type === 'template') out.push(e.range);
    }
  };
  for (const top of tf.blocks) {
    for (const b of [top, ...allBlocks(top.body)]) {
      for (const attr of attributesOf(b.body)) {
        if (SCRIPT_ATTRIBUTES.has(attr.name)) visit(attr.value);
        else if (attr.name === 'metadata' && attr.value.type === 'object') {
          for (const item of attr.value.items) if (item.key !== undefined && SCRIPT_ATTRIBUTES.has(item.key)) visit(item.value);
        }
      }
    }
  }
  return out;
}

/**
 * One span per value: groups in SECRET_RULE_ORDER, each span kept unless it overlaps one kept before it.
 * Linear per group (two sorted lists walked together), so a file of a hundred thousand matches stays cheap.
 */
function merge(groups: readonly SecretSpan[][]): SecretSpan[] {
  let kept: SecretSpan[] = [];
  for (const group of groups) {
    if (group.length === 0) continue;
    const sorted = [...group].sort((a, b) => a.start - b.start || b.end - a.end);
    const accepted: SecretSpan[] = [];
    let k = 0;
    let lastEnd = -1;
    for (const s of sorted) {
      if (s.start < lastEnd) continue; // overlaps an accepted span of the same group
      while (k < kept.length && kept[k]!.end <= s.start) k++;
      if (k < kept.length && kept[k]!.start < s.end) continue;
      accepted.push(s);
      lastEnd = s.end;
    }
    kept = mergeSorted(kept, accepted);
  }
  return kept;
}

function mergeSorted(a: SecretSpan[], b: SecretSpan[]): SecretSpan[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: SecretSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
