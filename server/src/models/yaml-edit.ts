// Text edits that add keys to block mappings while keeping indentation and line endings.

import { isMap, isScalar, type Pair } from 'yaml';
import type { TextEdit } from '../core/types.js';
import { getPair, rangeOf } from './yaml-nodes.js';
import { lineBreakOf, lineStartOf } from '../core/text.js';

export function eolOf(text: string): string {
  return lineBreakOf(text);
}

/** Column of `offset`, or undefined when something other than spaces (or `- `) precedes it on its line. */
function columnIfLeading(text: string, offset: number, allowDash: boolean): number | undefined {
  const ls = lineStartOf(text, offset);
  const before = text.slice(ls, offset);
  if (/^ *$/.test(before) || (allowDash && /^ *- +$/.test(before))) return offset - ls;
  return undefined;
}

/** Offset just after the line on which a node's value ends (after its line break), or the text end. */
function afterLineOf(text: string, node: unknown): { at: number; needsEol: boolean } | undefined {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  if (!r) return undefined;
  let end = r[1];
  // Block scalars end after their last line break already.
  if (end > 0 && text[end - 1] === '\n') return { at: end, needsEol: false };
  const nl = text.indexOf('\n', end);
  if (nl === -1) return { at: text.length, needsEol: true };
  end = nl + 1;
  return { at: end, needsEol: false };
}

/** A YAML scalar for a `${{ }}` value: plain when that is unambiguous, else single-quoted. */
export function yamlValue(value: string): string {
  if (/^[^\s'"&*!|>%@`#,[\]{}-][^\n]*$/.test(value) && !/: | #|:$|\s$/.test(value)) return value;
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Edits adding `name: value` entries to the `key:` map (e.g. `env:`) of a block-mapping `holder`, creating the map
 * when absent. `anchor` is the pair the new map goes before when it is on its own line. Undefined when the holder
 * or the existing map is not in block style.
 */
export function addMapEntries(
  text: string,
  holder: unknown,
  key: string,
  anchor: Pair<unknown, unknown> | undefined,
  add: readonly { name: string; value: string }[],
): TextEdit[] | undefined {
  if (!isMap(holder) || holder.flow || add.length === 0) return undefined;
  const eol = eolOf(text);
  const existing = getPair(holder, key);
  if (existing) {
    const map = existing.value;
    if (!isMap(map) || map.flow || map.items.length === 0) return undefined;
    const first = map.items[0]!;
    const fr = rangeOf(first.key);
    if (!fr) return undefined;
    const col = columnIfLeading(text, fr.start, false);
    if (col === undefined) return undefined;
    const last = map.items[map.items.length - 1]!;
    const after = afterLineOf(text, last.value ?? last.key);
    if (!after) return undefined;
    const ind = ' '.repeat(col);
    const body = add.map((a) => `${ind}${a.name}: ${yamlValue(a.value)}`).join(eol);
    return [{ range: { start: after.at, end: after.at }, newText: after.needsEol ? `${eol}${body}` : `${body}${eol}` }];
  }
  const firstKey = holder.items[0]?.key;
  const fk = rangeOf(firstKey);
  if (!fk || !isScalar(firstKey)) return undefined;
  const col = columnIfLeading(text, fk.start, true);
  if (col === undefined) return undefined;
  const ind = ' '.repeat(col);
  const lines = [`${ind}${key}:`, ...add.map((a) => `${ind}  ${a.name}: ${yamlValue(a.value)}`)];
  const ak = anchor ? rangeOf(anchor.key) : undefined;
  if (ak && columnIfLeading(text, ak.start, false) === col) {
    const at = lineStartOf(text, ak.start);
    return [{ range: { start: at, end: at }, newText: lines.join(eol) + eol }];
  }
  const last = holder.items[holder.items.length - 1]!;
  const after = afterLineOf(text, last.value ?? last.key);
  if (!after) return undefined;
  return [{ range: { start: after.at, end: after.at }, newText: after.needsEol ? eol + lines.join(eol) : lines.join(eol) + eol }];
}

