// `cond && '' || other`: a pseudo-ternary whose "then" value is falsy, so it always yields the "else" value.

import { isPair, isScalar, visit, type Scalar } from 'yaml';
import { conditionShape, parseExpression, walkExpression, type ExprNode } from '../../models/github-expression-ast.js';
import { sourceRangeOf } from '../../models/github-conditions.js';
import { findExpressions } from '../../models/github-expressions.js';
import { defineRule } from '../define.js';

/** Keys whose value decides whether or where a job runs, or what it may reach: a wrong value there is a security bug. */
const GATES = new Set(['if', 'runs-on', 'environment']);
const MAX_SCALAR = 20_000;

/** A literal GitHub treats as false: `''`, `0`, `false`, `null`, `fromJSON` of one of them. */
function falsy(n: ExprNode): boolean {
  switch (n.type) {
    case 'string':
      return n.value === '';
    case 'number':
      return Number(n.raw) === 0;
    case 'boolean':
      return n.raw.toLowerCase() === 'false';
    case 'null':
      return true;
    case 'call':
      return n.name === 'fromjson' && n.args.length === 1 && n.args[0]!.type === 'string' && /^\s*(?:false|0|null|""|0\.0)\s*$/.test(n.args[0]!.value);
    default:
      return false;
  }
}

const literal = (n: ExprNode): boolean => n.type === 'string' || n.type === 'number' || n.type === 'boolean' || n.type === 'null';

/** The falsy "then" values of the `a && b || c` chains in an expression tree. */
function unsoundThenValues(ast: ExprNode): ExprNode[] {
  const ors: ExprNode[] = [];
  const orChildren = new Set<ExprNode>();
  walkExpression(ast, (n) => {
    if (n.type === 'binary' && n.op === '||') {
      ors.push(n);
      orChildren.add(n.left);
      orChildren.add(n.right);
    }
  });
  const out: ExprNode[] = [];
  for (const top of ors) {
    if (orChildren.has(top) && top.type === 'binary' && top.op === '||') continue; // part of a longer chain, read from its top
    // The operands of `a || b || c`, left to right (the parser nests them to the left).
    const operands: ExprNode[] = [];
    let n: ExprNode = top;
    while (n.type === 'binary' && n.op === '||') {
      operands.push(n.right);
      n = n.left;
    }
    operands.push(n);
    operands.reverse();
    for (const op of operands.slice(0, -1)) {
      if (op.type === 'binary' && op.op === '&&' && falsy(op.right) && !literal(op.left)) out.push(op.right);
    }
  }
  return out;
}

interface Site {
  readonly node: Scalar;
  /** the key of the nearest mapping entry holding the scalar (`runs-on` for an item of its list). */
  readonly key: string | undefined;
  readonly gate: boolean;
}

const keyOf = (p: unknown): string | undefined => (isPair(p) && isScalar(p.key) ? String(p.key.value) : undefined);

export default defineRule({
  id: 'unsound-ternary',
  family: 'permissions',
  kinds: ['github-workflow', 'github-action'],
  severity: 'low',
  description: "`a && '' || b` pseudo-ternary with a falsy middle value: it always yields `b`",
  cwe: [480, 670],
  fix: 'none',
  check(ctx) {
    const text = ctx.file.text;
    if (!text.includes('||')) return;
    const sites: Site[] = [];
    for (const doc of ctx.file.yaml?.docs ?? []) {
      visit(doc, {
        Scalar(_k, node, path) {
          if (typeof node.value !== 'string' || node.value.length > MAX_SCALAR || !node.value.includes('||')) return;
          const parent = path[path.length - 1];
          if (isPair(parent) && parent.key === node) return; // a key, not a value
          const pairs = path.filter(isPair);
          const key = keyOf(pairs[pairs.length - 1]);
          const outer = keyOf(pairs[pairs.length - 2]);
          // `runs-on: {labels: …}`, `environment: {name: …}` decide as much as the short forms.
          const gate = (key !== undefined && GATES.has(key)) || outer === 'runs-on' || (outer === 'environment' && key === 'name');
          sites.push({ node: node as Scalar, key, gate });
        },
      });
    }
    for (const { node, key, gate } of sites) {
      const value = node.value as string;
      const bodies: { body: string; offset: number }[] = [];
      const shape = key === 'if' ? conditionShape(value) : undefined;
      if (shape?.kind === 'bare') bodies.push({ body: shape.body, offset: 0 });
      else {
        for (const e of findExpressions(value)) {
          const offset = e.start + 3;
          bodies.push({ body: value.slice(offset, e.end - 2), offset });
        }
      }
      for (const { body, offset } of bodies) {
        if (!body.includes('||')) continue;
        const ast = parseExpression(body);
        if (!ast) continue;
        for (const then of unsoundThenValues(ast)) {
          const range = sourceRangeOf(text, node, value, offset + then.start, offset + then.end);
          const shown = body.slice(then.start, then.end);
          ctx.report({
            range: range ?? { start: node.range?.[0] ?? 0, end: node.range?.[1] ?? 0 },
            ...(gate ? { severity: 'medium' as const } : {}),
            message:
              `In \`cond && ${shown} || other\`, ${shown} is falsy, so when the condition holds the \`||\` falls through to the other value: the expression never yields ${shown}` +
              (gate ? ` and this \`${key ?? ''}:\` does not decide what it appears to` : '') +
              `. Put the falsy value last (\`!cond && other || ${shown}\`, when other is never falsy) or use separate steps or jobs.`,
          });
        }
      }
    }
  },
});
