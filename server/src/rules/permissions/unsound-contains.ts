// `contains('refs/heads/main refs/heads/dev', github.ref)`: a substring test where a list membership test was meant.

import type { Fix } from '../../core/types.js';
import { conditionsOf, sourceRangeOf } from '../../models/github-conditions.js';
import { conditionShape, parseExpression, walkExpression, type ExprNode } from '../../models/github-expression-ast.js';
import { isUntrustedPath } from '../../models/github-expressions.js';
import { defineRule } from '../define.js';

/** Contexts whose value someone other than the workflow's author picks (a branch name, an input, an env value …). */
function userControlled(path: string): boolean {
  return (
    /^github\.(?:ref|ref_name|head_ref|base_ref|actor|triggering_actor)$/.test(path) ||
    /^(?:env|inputs|steps|needs)\./.test(path) ||
    path.startsWith('github.event.inputs.') ||
    isUntrustedPath(path)
  );
}

/** The items of a list written as one string (`'main dev'`, `'a,b'`, `'a|b'`), when each is a plain word. */
function listItems(s: string): string[] | undefined {
  const items = s.split(/[\s,;|]+/).filter((x) => x !== '');
  if (items.length === 0 || !items.every((x) => /^[\w./@:+*-]+$/.test(x))) return undefined;
  return items;
}

export default defineRule({
  id: 'unsound-contains',
  family: 'permissions',
  kinds: ['github-workflow', 'github-action'],
  severity: 'medium',
  description: '`contains()` of a context in a string literal: a substring test that values like `main` or `refs/heads/ma` pass',
  cwe: [697],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    for (const c of conditionsOf(ctx.file)) {
      const shape = conditionShape(c.value);
      if (shape.kind === 'template') continue;
      const ast = parseExpression(shape.body);
      if (!ast) continue;
      walkExpression(ast, (n: ExprNode) => {
        if (n.type !== 'call' || n.name !== 'contains' || n.args.length !== 2) return;
        const [hay, needle] = n.args as [ExprNode, ExprNode];
        if (hay.type !== 'string' || needle.type !== 'context' || !userControlled(needle.path)) return;
        const ctxText = shape.body.slice(needle.start, needle.end);
        const range = sourceRangeOf(text, c.node, c.value, shape.offset + n.start, shape.offset + n.end);
        const items = listItems(hay.value);
        let fix: Fix | undefined;
        const lit = sourceRangeOf(text, c.node, c.value, shape.offset + hay.start, shape.offset + hay.end);
        if (items && lit && c.node.type !== 'QUOTE_DOUBLE' && c.node.type !== 'QUOTE_SINGLE') {
          fix = {
            title: `Test membership in the list ${JSON.stringify(items)} instead of a substring`,
            safety: 'unsafe',
            edits: [{ range: lit, newText: `fromJSON('${JSON.stringify(items)}')` }],
          };
        }
        ctx.report({
          range: range ?? { start: c.node.range?.[0] ?? 0, end: c.node.range?.[1] ?? 0 },
          message:
            `contains('${hay.value}', ${ctxText}) tests whether ${ctxText} is a substring of that text, not one of its items: ` +
            `a value such as '${hay.value.split(/[\s,;|]+/).find((x) => x.length > 1)?.slice(0, -1) ?? 'x'}' passes too, and ${ctxText} can be chosen by whoever names the branch or fills the value. ` +
            `Compare against an array: contains(fromJSON('["a", "b"]'), ${ctxText}), or use ==.`,
          fixes: fix ? [fix] : [],
        });
      });
    }
  },
});
