// Small helpers for Terraform rules: literal attribute values and the edits that replace them.

import type { TextEdit } from '../core/types.js';
import { allBlocks, attribute, type HclAttribute, type HclBlock, type TerraformFile } from './terraform.js';

/** Resource blocks of the given types, with their name for messages. */
export function resources(tf: TerraformFile, types: ReadonlySet<string>): { block: HclBlock; type: string; name: string }[] {
  return tf
    .blocksOfType('resource')
    .filter((b) => types.has(b.labels[0]?.value ?? ''))
    .map((block) => ({ block, type: block.labels[0]!.value, name: block.labels[1]?.value ?? '?' }));
}

/** An attribute of `block` (or of any block nested in it when `deep`) whose value is the literal `value`. */
export function literalAttributes(block: HclBlock, name: string, value: string | boolean, deep = false): HclAttribute[] {
  const blocks = deep ? [block, ...allBlocks(block.body)] : [block];
  const out: HclAttribute[] = [];
  for (const b of blocks) {
    const a = attribute(b.body, name);
    if (!a) continue;
    const v = a.value;
    if ((v.type === 'bool' || v.type === 'string') && v.value === value) out.push(a);
  }
  return out;
}

/** Replace an attribute's value: strings keep their quotes (the edit covers the characters inside them). */
export function replaceValue(attr: HclAttribute, newValue: string | boolean): TextEdit | undefined {
  const v = attr.value;
  if (v.type === 'string' && !v.heredoc && typeof newValue === 'string') return { range: v.valueRange, newText: newValue };
  if (v.type === 'bool' && typeof newValue === 'boolean') return { range: v.range, newText: String(newValue) };
  return undefined;
}

/**
 * An edit that adds `lines` (an attribute, or a nested block over several lines, without indentation) as the last item
 * of `block`, indented like the block's other items and with the file's line ends; undefined for an unclosed block.
 */
export function insertIntoBlock(text: string, block: HclBlock, lines: readonly string[]): TextEdit | undefined {
  const close = block.range.end - 1;
  if (!block.closed || text.charCodeAt(close) !== 125 /* } */) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const blockIndent = indentOf(text, block.range.start) ?? '';
  const unit = blockIndent.startsWith('\t') ? '\t' : '  ';
  const first = block.body.items[0];
  const inner = (first && indentOf(text, first.range.start)) ?? blockIndent + unit;
  const body = lines.map((l, i) => (i === 0 ? l : `${inner}${l}`)).join(eol);
  const lineStart = Math.max(text.lastIndexOf('\n', close - 1), text.lastIndexOf('\r', close - 1)) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, close))) {
    // The closing brace is on its own line: the new item goes on a line before it.
    return { range: { start: lineStart, end: lineStart }, newText: `${inner}${body}${eol}` };
  }
  // `{}` or `{ a = 1 }` on one line: the brace moves to a line of its own.
  let end = close;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { range: { start: end, end: close }, newText: `${eol}${inner}${body}${eol}${blockIndent}` };
}

/** The whitespace before `offset` when only whitespace precedes it on its line; undefined otherwise. */
function indentOf(text: string, offset: number): string | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

const OPEN_WORDS = new Set(['*', 'internet', 'any']);
/** Any IPv4 address with prefix length 0 (`0.0.0.0/0`, but also `10.0.0.1/0`), any IPv6 `…/0`. */
const V4_ANY = /^\d{1,3}(?:\.\d{1,3}){3}\/0$/;
const V6_ANY = /^[0-9a-f:]+\/0$/i;

/** `0.0.0.0/0`, `::/0`, any `a.b.c.d/0`; with `words`, also Azure's `*`, `Internet` and `Any`. */
export function isWholeInternet(source: string, words = true): boolean {
  const s = source.trim();
  return V4_ANY.test(s) || (V6_ANY.test(s) && s.includes(':')) || (words && OPEN_WORDS.has(s.toLowerCase()));
}
