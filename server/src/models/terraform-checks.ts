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
