// `if:` values that GitHub turns into a non-empty string (text around `${{ }}`), which is always true.

import type { Fix } from '../../core/types.js';
import { conditionsOf, type Condition } from '../../models/github-conditions.js';
import { conditionShape, parseExpression } from '../../models/github-expression-ast.js';
import { eolOf, yamlValue } from '../../models/yaml-edit.js';
import { rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const BLOCK_HEADER = /^([|>])([1-9]?)([+-]?)([1-9]?)/;

/** `if: |` with one `${{ }}` and a trailing line break: strip the line break (`|-`), the intended condition. */
function chompFix(text: string, c: Condition): Fix | undefined {
  if (c.node.type !== 'BLOCK_LITERAL' && c.node.type !== 'BLOCK_FOLDED') return undefined;
  const inner = c.value.trimEnd();
  if (conditionShape(inner).kind !== 'fenced') return undefined;
  const r = rangeOf(c.node);
  if (!r) return undefined;
  const m = BLOCK_HEADER.exec(text.slice(r.start, r.start + 4));
  if (!m) return undefined;
  // Only line breaks follow the expression: a value with trailing spaces would need more than chomping.
  if (/[^\n]/.test(c.value.slice(inner.length))) return undefined;
  const header = `${m[1]}${m[2]}-${m[4]}`;
  return {
    title: `Use '${header}' so the value ends with the expression, and the condition is evaluated`,
    safety: 'safe',
    edits: [{ range: { start: r.start, end: r.start + m[0].length }, newText: header }],
  };
}

/** `if: ${{ a }} && ${{ b }}`, `if: | x || ${{ y }}`: one expression `${{ a && b }}`, when the joined text parses. */
function mergeFix(text: string, c: Condition): Fix | undefined {
  const joined = c.value.replace(/\$\{\{/g, ' ').replace(/\}\}/g, ' ').replace(/\s+/g, ' ').trim();
  if (joined === '' || !parseExpression(joined)) return undefined;
  const r = rangeOf(c.node);
  if (!r) return undefined;
  const block = c.node.type === 'BLOCK_LITERAL' || c.node.type === 'BLOCK_FOLDED';
  const value = `\${{ ${joined} }}`;
  // A block scalar's range runs through its last line break: the plain value replaces it on the key's line.
  const newText = yamlValue(value) + (block && text[r.end - 1] === '\n' ? eolOf(text) : '');
  return { title: `Write the condition as one expression: ${value}`, safety: 'unsafe', edits: [{ range: r, newText }] };
}

export default defineRule({
  id: 'unsound-condition',
  family: 'permissions',
  kinds: ['github-workflow', 'github-action'],
  severity: 'medium',
  description: '`if:` with text around `${{ }}` (a block scalar\'s line break, a second expression): always true',
  cwe: [571],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    for (const c of conditionsOf(ctx.file)) {
      if (conditionShape(c.value).kind !== 'template') continue;
      const r = rangeOf(c.node);
      if (!r) continue;
      const fix = chompFix(text, c) ?? mergeFix(text, c);
      const block = c.node.type === 'BLOCK_LITERAL' || c.node.type === 'BLOCK_FOLDED';
      ctx.report({
        range: block ? { start: r.start, end: r.start + 1 } : r,
        message:
          `This condition is ${block ? "a block scalar whose value ends with a line break after '}}'" : "text around or between '${{ }}' expressions"}: GitHub substitutes the expressions into a string, and any non-empty string is true, so the ${c.step ? 'step' : 'job'} always runs. ` +
          (block ? "Use '|-' (or '>-'), or write the condition without the block scalar." : 'Write the whole condition inside one ${{ }} (or without one).'),
        fixes: fix ? [fix] : [],
      });
    }
  },
});
