// `if:` gates that trust a bot by `github.actor` in privileged workflows: the actor is whoever caused the latest event.

import type { Fix } from '../../core/types.js';
import { conditionsOf, sourceRangeOf, type Condition } from '../../models/github-conditions.js';
import { conditionShape, parseExpression, type ExprNode } from '../../models/github-expression-ast.js';
import { hasTrigger } from '../../models/github-triggers.js';
import type { Workflow } from '../../models/github-workflow.js';
import { defineRule } from '../define.js';

/** Triggers where a fork can make the actor a bot: the bot updates the fork's branch, and the pull request syncs. */
const SPOOFABLE = ['pull_request_target', 'workflow_run'];
const ACTOR_NAMES = new Set(['github.actor', 'github.triggering_actor', 'github.event.sender.login', 'github.event.pull_request.sender.login']);
const ACTOR_IDS = new Set(['github.actor_id', 'github.triggering_actor_id', 'github.event.sender.id']);
/** Account ids of Dependabot (and its integration), Dependabot Preview and Renovate. */
const BOT_IDS = new Set(['49699333', '29110', '27856297', '29139614']);
const SOUND: Readonly<Record<'name' | 'id', string>> = { name: 'github.event.pull_request.user.login', id: 'github.event.pull_request.user.id' };

interface BotCheck {
  /** the actor context in the expression body. */
  readonly context: Extract<ExprNode, { type: 'context' }>;
  readonly kind: 'name' | 'id';
  /** the check decides the condition alone (not one side of an `&&`). */
  readonly decides: boolean;
}

const isBotName = (n: ExprNode): boolean => n.type === 'string' && /\[bot\]$/i.test(n.value.trim());
const isBotId = (n: ExprNode): boolean => (n.type === 'string' || n.type === 'number') && BOT_IDS.has(n.type === 'string' ? n.value.trim() : n.raw);

/** Positive checks that an actor context names a bot: `==`, `contains`, `startsWith`/`endsWith` (not under `!`, not `!=`). */
function botChecks(node: ExprNode, negated: boolean, decides: boolean, out: BotCheck[]): void {
  switch (node.type) {
    case 'not':
      botChecks(node.operand, !negated, false, out);
      return;
    case 'binary': {
      if (node.op === '==' || node.op === '!=') {
        const positive = (node.op === '==') !== negated;
        for (const [a, b] of [
          [node.left, node.right],
          [node.right, node.left],
        ] as const) {
          if (a.type !== 'context') continue;
          if (ACTOR_NAMES.has(a.path) && isBotName(b) && positive) out.push({ context: a, kind: 'name', decides });
          if (ACTOR_IDS.has(a.path) && isBotId(b) && positive) out.push({ context: a, kind: 'id', decides });
        }
        return;
      }
      const keeps = node.op === '||' ? decides : false;
      botChecks(node.left, negated, keeps, out);
      botChecks(node.right, negated, keeps, out);
      return;
    }
    case 'call': {
      const [hay, needle] = node.args;
      if (!negated && hay && needle) {
        // contains(github.actor, '[bot]'), startsWith(github.actor, 'dependabot'), contains('a[bot] b[bot]', github.actor)
        if (['contains', 'startswith', 'endswith'].includes(node.name) && hay.type === 'context' && ACTOR_NAMES.has(hay.path) && needle.type === 'string' && /bot/i.test(needle.value)) {
          out.push({ context: hay, kind: 'name', decides });
        }
        if (node.name === 'contains' && needle.type === 'context' && ACTOR_NAMES.has(needle.path) && (hay.type === 'string' || hay.type === 'call') && /\[bot\]/i.test(JSON.stringify(hay))) {
          out.push({ context: needle, kind: 'name', decides });
        }
      }
      for (const a of node.args) botChecks(a, negated, false, out);
      return;
    }
    default:
      return;
  }
}

/** The condition also requires the pull request's author (the sound context) somewhere: it is checked soundly already. */
function checksAuthor(body: string): boolean {
  return /github\.event\.pull_request\.user\.(?:login|id)/i.test(body);
}

function replaceFix(text: string, c: Condition, wf: Workflow, bodyOffset: number, check: BotCheck): Fix | undefined {
  // The pull request's author exists only in pull request events.
  if (!wf.triggers.every((t) => t.name === 'pull_request_target' || t.name === 'pull_request')) return undefined;
  const range = sourceRangeOf(text, c.node, c.value, bodyOffset + check.context.start, bodyOffset + check.context.end);
  if (!range) return undefined;
  return {
    title: `Check the pull request's author (${SOUND[check.kind]}) instead of whoever triggered the run`,
    safety: 'unsafe',
    edits: [{ range, newText: SOUND[check.kind] }],
  };
}

export default defineRule({
  id: 'bot-conditions',
  family: 'permissions',
  kinds: ['github-workflow'],
  severity: 'high',
  description: 'Spoofable bot check (`github.actor == \'dependabot[bot]\'`) gating a pull_request_target or workflow_run job or step',
  cwe: [290],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    for (const c of conditionsOf(ctx.file)) {
      const wf = c.wf;
      if (!wf || !SPOOFABLE.some((t) => hasTrigger(wf, t))) continue;
      const shape = conditionShape(c.value);
      if (shape.kind === 'template') continue;
      if (checksAuthor(shape.body)) continue;
      const ast = parseExpression(shape.body);
      if (!ast) continue;
      const checks: BotCheck[] = [];
      botChecks(ast, false, true, checks);
      for (const check of checks) {
        const range = sourceRangeOf(text, c.node, c.value, shape.offset + check.context.start, shape.offset + check.context.end);
        const where = c.step ? `step${c.step.name ? ` '${c.step.name}'` : ''}` : `job '${c.job?.id ?? ''}'`;
        const fix = replaceFix(text, c, wf, shape.offset, check);
        ctx.report({
          range: range ?? { start: c.node.range?.[0] ?? 0, end: c.node.range?.[1] ?? 0 },
          severity: check.decides ? 'high' : 'medium',
          message:
            `This ${where} trusts a bot by '${shape.body.slice(check.context.start, check.context.end)}', the account that caused the latest event. ` +
            `In a ${SPOOFABLE.filter((t) => hasTrigger(wf, t)).join('/')} workflow a fork can make that a bot (by letting the bot update its branch) while the code is the attacker's. ` +
            `Check who opened the pull request (${SOUND[check.kind]}), or use dependabot/fetch-metadata.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});
