// Privileged workflows (`pull_request_target`, `workflow_run`, `issue_comment` …) that check out untrusted code and run it.

import { isMap } from 'yaml';
import type { Fix, Range, TextEdit } from '../../core/types.js';
import { contextPaths, findExpressions } from '../../models/github-expressions.js';
import { parseExpression, type ExprNode } from '../../models/github-expression-ast.js';
import { privilegedTriggers } from '../../models/github-triggers.js';
import { scalarText, workflowsIn, type Step } from '../../models/github-workflow.js';
import type { Script } from '../../models/source-file.js';
import { executionFinder, stepExecutes, workspaceDir } from '../../models/workspace-execution.js';
import { addMapEntries, eolOf } from '../../models/yaml-edit.js';
import { get, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';
import { append } from '../../core/arrays.js';

/** The triggers that get the low "trigger alone" finding (zizmor's dangerous-triggers). */
const ALWAYS_REPORTED = new Set(['pull_request_target', 'workflow_run']);

/** Context paths naming the code of a pull request or of the run that triggered a workflow_run. */
const UNTRUSTED_REFS = new Set([
  'github.event.pull_request.head.sha',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.merge_commit_sha',
  'github.event.pull_request.head.repo.full_name',
  'github.event.pull_request.head.repo.clone_url',
  'github.head_ref',
  'github.event.workflow_run.head_sha',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.head_commit.id',
  'github.event.workflow_run.head_repository.full_name',
  'github.event.workflow_run.pull_requests.*.head.sha',
  'github.event.workflow_run.pull_requests.*.head.ref',
]);
/** `refs/pull/1/head`, `pull/1/merge` (what `git fetch origin pull/N/head` fetches). */
/** What follows `pull/` in a pull request ref: a number, an expression or a variable, then `/head` or `/merge`. */
const PULL_REF_TAIL = /(?:\d{1,12}|\$\{\{[^}\n]{0,256}\}\}|\$\{?\w{1,128}\}?)\/(?:head|merge)\b/y;
const PULL_REF_BEFORE = new Set([' ', '\t', '\n', '\r', ':', '/', "'", '"']);

/** `pull/N/head`, `refs/pull/${{ … }}/merge` …: each `pull/` is tried once, at its own position (linear). */
function hasPullRef(value: string): boolean {
  for (let i = value.indexOf('pull/'); i >= 0; i = value.indexOf('pull/', i + 1)) {
    // At the start, or after white space, `:`, a quote or `/` (so `refs/pull/` too).
    if (i > 0 && !PULL_REF_BEFORE.has(value[i - 1]!)) continue;
    PULL_REF_TAIL.lastIndex = i + 5;
    if (PULL_REF_TAIL.test(value)) return true;
  }
  return false;
}

function isHeadOutput(path: string): boolean {
  const parts = path.split('.');
  return parts.length === 4 && parts[0] === 'steps' && parts[2] === 'outputs' && parts[3]!.includes('head');
}

function readsUntrustedRef(value: string | undefined): boolean {
  if (!value) return false;
  if (/refs\/pull\//.test(value) || hasPullRef(value)) return true;
  return findExpressions(value).some((e) => contextPaths(e.inner).some((p) => UNTRUSTED_REFS.has(p) || isHeadOutput(p)));
}

interface Checkout {
  /** what to point at. */
  readonly node: unknown;
  /** where the untrusted code lands, workspace-relative (`''`: the workspace itself); undefined: outside it. */
  readonly dir: string | undefined;
  readonly viaAction: boolean;
}

/** The step fetches the pull request's (or triggering run's) code into the workspace. */
function untrustedCheckout(step: Step): Checkout | undefined {
  if (step.action === 'actions/checkout') {
    for (const w of step.with) {
      if ((w.name === 'ref' || w.name === 'repository') && readsUntrustedRef(w.value)) {
        return { node: w.valueNode, dir: workspaceDir(step.with.find((x) => x.name === 'path')?.value), viaAction: true };
      }
    }
    return undefined;
  }
  const run = typeof step.run?.value === 'string' ? step.run.value : undefined;
  if (!run) return undefined;
  if (/\bgh\s+pr\s+checkout\b/.test(run) || (/\bgit\s+(?:-C\s+\S+\s+)?(?:fetch|checkout|switch|pull|worktree\s+add)\b/.test(run) && readsUntrustedRef(run))) {
    return { node: step.run, dir: workspaceDir(scalarText(get(step.node, 'working-directory'))), viaAction: false };
  }
  return undefined;
}

function conjuncts(n: ExprNode): ExprNode[] {
  return n.type === 'binary' && n.op === '&&' ? [...conjuncts(n.left), ...conjuncts(n.right)] : [n];
}

function isContext(n: ExprNode, path: string): boolean {
  return n.type === 'context' && n.path === path;
}

/**
 * The condition only lets through pull requests whose branch lives in this repository (people with write access
 * pushed it): `head.repo.full_name == github.repository`, `!head.repo.fork`, or a pull request a bot opened (a
 * Dependabot or Renovate branch lives in the base repository).
 */
function sameRepositoryOnly(cond: unknown): boolean {
  const raw = scalarText(cond);
  if (raw === undefined) return false;
  const body = raw.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const ast = parseExpression(body);
  if (!ast) return false;
  const FULL_NAMES = ['github.event.pull_request.head.repo.full_name', 'github.event.workflow_run.head_repository.full_name'];
  const FORK = ['github.event.pull_request.head.repo.fork', 'github.event.workflow_run.head_repository.fork'];
  return conjuncts(ast).some((c) => {
    if (c.type === 'not') return FORK.some((f) => isContext(c.operand, f));
    if (c.type !== 'binary' || c.op !== '==') return false;
    const pair = [c.left, c.right];
    if (FULL_NAMES.some((f) => pair.some((x) => isContext(x, f))) && pair.some((x) => isContext(x, 'github.repository'))) return true;
    if (FORK.some((f) => pair.some((x) => isContext(x, f))) && pair.some((x) => x.type === 'boolean' && x.raw.toLowerCase() === 'false')) return true;
    return pair.some((x) => isContext(x, 'github.event.pull_request.user.login')) && pair.some((x) => x.type === 'string' && /^(?:dependabot|renovate)\[bot\]$/i.test(x.value));
  });
}

/** Lines of a block map entry, from its line start to the end of its value's line. */
function entryLines(text: string, keyStart: number, valueEnd: number): Range | undefined {
  const start = text.lastIndexOf('\n', keyStart - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(start, keyStart))) return undefined;
  const nl = text.indexOf('\n', valueEnd);
  const end = nl === -1 ? text.length : nl + 1;
  const rest = text.slice(valueEnd, nl === -1 ? text.length : nl).trim();
  if (rest !== '' && !rest.startsWith('#')) return undefined;
  return { start, end };
}

/** Check out the base instead (drop `ref:`/`repository:` of the pull request) without leaving the token in .git/config. */
function baseCheckoutFix(text: string, step: Step): Fix | undefined {
  const withNode = step.withNode;
  if (!isMap(withNode) || withNode.flow) return undefined;
  const eol = eolOf(text);
  const edits: TextEdit[] = [];
  const untrusted = step.with.filter((w) => (w.name === 'ref' || w.name === 'repository') && readsUntrustedRef(w.value));
  const persist = step.with.find((w) => w.name === 'persist-credentials');
  let replaced = false;
  for (const w of untrusted) {
    const kr = rangeOf(w.key);
    const vr = rangeOf(w.valueNode);
    if (!kr || !vr) return undefined;
    const lines = entryLines(text, kr.start, vr.end);
    if (!lines) return undefined;
    const indent = text.slice(lines.start, kr.start);
    // The first removed line becomes `persist-credentials: false` when the step does not say.
    const newText: string = !persist && !replaced ? `${indent}persist-credentials: false${text.slice(lines.end - eol.length, lines.end) === eol ? eol : ''}` : '';
    replaced ||= newText !== '';
    edits.push({ range: lines, newText });
  }
  if (persist && persist.value !== 'false') {
    const vr = rangeOf(persist.valueNode);
    if (!vr) return undefined;
    edits.push({ range: vr, newText: 'false' });
  }
  if (edits.length === 0) return undefined;
  if (!persist && !replaced) {
    const add = addMapEntries(text, step.node, 'with', undefined, [{ name: 'persist-credentials', value: 'false' }]);
    if (!add) return undefined;
    append(edits, add);
  }
  return {
    title: 'Check out the base branch instead of the pull request, with `persist-credentials: false` (the job then no longer tests the pull request\'s code)',
    safety: 'unsafe',
    edits,
  };
}

export default defineRule({
  id: 'dangerous-triggers',
  family: 'injection',
  kinds: ['github-workflow'],
  severity: 'critical',
  description: 'Privileged workflow (`pull_request_target`, `workflow_run`, `issue_comment` …) that checks out and runs untrusted code, or uses such a trigger at all',
  cwe: [829],
  fix: 'unsafe',
  check(ctx) {
    const scripts = new Map<unknown, Script>();
    for (const s of ctx.file.facets.scripts) if (s.source === 'github-run') scripts.set(s.holder, s);
    for (const wf of workflowsIn(ctx.file)) {
      const privileged = privilegedTriggers(wf);
      if (privileged.length === 0) continue;
      const names = [...new Set(privileged.map((t) => t.name))].join('/');
      let found = false;
      for (const job of wf.jobs) {
        const guardedJob = sameRepositoryOnly(get(job.node, 'if'));
        const find = executionFinder(job.steps, (s) => scripts.get(s.node));
        job.steps.forEach((step, i) => {
          const checkout = untrustedCheckout(step);
          if (!checkout) return;
          found = true;
          const range = rangeOf(checkout.node);
          if (!range || guardedJob || sameRepositoryOnly(step.ifNode)) return;
          // The checking-out script itself counts too (`gh pr checkout 1 && make`); an action step does not.
          const own = checkout.dir !== undefined && !step.uses ? stepExecutes(step, scripts.get(step.node), checkout.dir) : undefined;
          const exec = checkout.dir === undefined ? undefined : (own ?? find(i + 1, checkout.dir)?.exec);
          const line = exec ? ctx.file.lines.positionAt(exec.range.start).line + 1 : 0;
          const fix = checkout.viaAction ? baseCheckoutFix(ctx.file.text, step) : undefined;
          ctx.report({
            range,
            severity: exec ? 'critical' : 'high',
            message:
              `Job '${job.id}' checks out untrusted code (the pull request's head, or the triggering run's) in a ${names} workflow, which runs with a write token and the repository's secrets` +
              (exec
                ? ` and then runs it (${exec.what}, line ${line}): a fork can replace build scripts, hooks or dependencies and take over the repository.`
                : ': any tool that later reads that code can be made to run it.') +
              ' Build untrusted code in a `pull_request` workflow instead, and pass results to this one as artifacts treated as data.',
            fixes: fix ? [fix] : [],
          });
        });
      }
      if (found) continue;
      for (const t of privileged) {
        if (!ALWAYS_REPORTED.has(t.name)) continue;
        ctx.report({
          range: t.range,
          severity: 'low',
          message: `\`${t.name}\` runs with a write token and the repository's secrets even for pull requests from forks. This workflow does not check out their code; keep it that way, and do not pass event text to scripts.`,
        });
      }
    }
  },
});
