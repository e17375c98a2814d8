// GitHub Actions `${{ }}` expressions: where they sit, which contexts they read, and which of those an outsider controls.

import { isMap, isScalar, isSeq } from 'yaml';
import { scalarText, scriptOutputWrites, type CompositeAction, type Entry, type Job, type Step, type Workflow } from './github-workflow.js';
import { matchesOf } from '../core/regex.js';
import { memoByString } from '../core/memo.js';

export interface Expression {
  /** offsets of `${{` and just past `}}` in the searched text. */
  readonly start: number;
  readonly end: number;
  /** the text between the braces, trimmed. */
  readonly inner: string;
}

/** Every `${{ … }}` in `text`; an unterminated one ends the search. */
export function findExpressions(text: string): Expression[] {
  const out: Expression[] = [];
  let i = text.indexOf('${{');
  while (i !== -1) {
    const close = text.indexOf('}}', i + 3);
    if (close === -1) break;
    out.push({ start: i, end: close + 2, inner: text.slice(i + 3, close).trim() });
    i = text.indexOf('${{', close + 2);
  }
  return out;
}

/** `['x']`, `["x"]`, `[anything]`; no `[` inside, so an index is read once (a nested one counts as its inner index). */
const INDEX = /\[\s*'([^'\][]*)'\s*\]|\[\s*"([^"\][]*)"\s*\]|\[[^\][]*\]/g;
const STRING = /'[^']*'/g;
const PATH = /[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_*-]+)*/g;

/**
 * The paths of recent expressions: the same few expressions (`matrix.os`, `github.sha`) recur in every step, and the
 * rules read them again on every keystroke. A pure function of the string, so a hit is the same answer; the lists are
 * frozen (shared by every caller). Emptied when it reaches its bound.
 */
const pathsSeen = memoByString(20_000, (inner): readonly string[] => Object.freeze(readContextPaths(inner)));

/** Context paths an expression reads, lower-cased, with `['x']` as `.x` and `[0]`/`[*]` as `.*`. */
export function contextPaths(inner: string): readonly string[] {
  return pathsSeen(inner);
}

function readContextPaths(inner: string): string[] {
  if (inner.length > 2000) return [];
  const norm = inner
    .replace(INDEX, (_m, a: string | undefined, b: string | undefined) => `.${a ?? b ?? '*'}`)
    .replace(STRING, ' ')
    .toLowerCase();
  const out: string[] = [];
  for (const m of matchesOf(PATH, norm)) {
    // A function name (`contains(`) is not a context.
    if (norm[m.index + m[0].length] === '(') continue;
    out.push(m[0]);
  }
  return out;
}

/** Event fields whose text the author of an issue, comment, pull request, branch or commit chooses. */
export const UNTRUSTED: readonly string[] = [
  'github.head_ref',
  'github.event.issue.title',
  'github.event.issue.body',
  'github.event.pull_request.title',
  'github.event.pull_request.body',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.head.label',
  'github.event.pull_request.head.repo.default_branch',
  'github.event.discussion.title',
  'github.event.discussion.body',
  'github.event.comment.body',
  'github.event.review.body',
  'github.event.review_comment.body',
  'github.event.pages.*.page_name',
  'github.event.commits.*.message',
  'github.event.commits.*.author.email',
  'github.event.commits.*.author.name',
  'github.event.commits.*.committer.email',
  'github.event.commits.*.committer.name',
  'github.event.head_commit.message',
  'github.event.head_commit.author.email',
  'github.event.head_commit.author.name',
  'github.event.head_commit.committer.email',
  'github.event.head_commit.committer.name',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.display_title',
  'github.event.workflow_run.head_commit.message',
  'github.event.workflow_run.head_commit.author.email',
  'github.event.workflow_run.head_commit.author.name',
  'github.event.workflow_run.head_commit.committer.email',
  'github.event.workflow_run.head_commit.committer.name',
  'github.event.workflow_run.pull_requests.*.head.ref',
  // `edited` events carry the previous title and body.
  'github.event.changes.title.from',
  'github.event.changes.body.from',
  'github.event.answer.body',
  'github.event.review_comment.diff_hunk',
  // A merge queue's commit carries the queued pull request's title and its author's name.
  'github.event.merge_group.head_commit.message',
  'github.event.merge_group.head_commit.author.email',
  'github.event.merge_group.head_commit.author.name',
  'github.event.merge_group.head_commit.committer.email',
  'github.event.merge_group.head_commit.committer.name',
];

const UNTRUSTED_PATHS: ReadonlySet<string> = new Set(UNTRUSTED);
/** Every object that holds an untrusted field: each dot-prefix of an UNTRUSTED path (`github.event.issue`, `github`). */
const UNTRUSTED_HOLDERS: ReadonlySet<string> = new Set(UNTRUSTED.flatMap((u) => [...u.matchAll(/\./g)].map((m) => u.slice(0, m.index))));

/** A path names attacker-controlled text itself, or an object that contains some (`toJSON(github.event.issue)`). */
export function isUntrustedPath(path: string): boolean {
  return UNTRUSTED_PATHS.has(path) || (path.startsWith('github') && UNTRUSTED_HOLDERS.has(path));
}

/** What else carries attacker data in a file: env names, step outputs, job outputs, composite inputs. */
export interface TaintScope {
  /** lower-cased `env.NAME` */
  readonly env: ReadonlySet<string>;
  /** lower-cased `steps.<id>.outputs.<name>` and `needs.<job>.outputs.<name>` */
  readonly outputs: ReadonlySet<string>;
  /** composite actions: every `inputs.*` is chosen by the caller. */
  readonly inputs: boolean;
}

export const NO_TAINT: TaintScope = { env: new Set(), outputs: new Set(), inputs: false };

/** The first attacker-controlled path an expression reads, or undefined. */
export function untrustedPathIn(inner: string, scope: TaintScope = NO_TAINT): string | undefined {
  for (const p of contextPaths(inner)) {
    if (isUntrustedPath(p)) return p;
    if (p.startsWith('env.') && scope.env.has(p)) return p;
    if ((p.startsWith('steps.') || p.startsWith('needs.')) && scope.outputs.has(p)) return p;
    if (scope.inputs && p.startsWith('inputs.') && p.length > 7) return p;
  }
  return undefined;
}

function exprTainted(text: string | undefined, scope: TaintScope): string | undefined {
  if (!text) return undefined;
  for (const e of findExpressions(text)) {
    const p = untrustedPathIn(e.inner, scope);
    if (p) return p;
  }
  return undefined;
}

function addEnv(set: Set<string>, env: readonly Entry[], scope: TaintScope): void {
  for (const e of env) if (exprTainted(e.value, scope)) set.add(`env.${e.name.toLowerCase()}`);
}

/** `$NAME`/`${NAME}` names a shell line reads. */
const SHELL_VAR = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
/** github-script: `core.setOutput('name', …)` */
const SET_OUTPUT = /core\.setOutput\(\s*['"`]([\w-]+)['"`]\s*,([^\n]*)/g;
const PAYLOAD = /context\.payload\.(issue|pull_request|comment|review|review_comment|discussion)\.(title|body|head\.ref)\b/;
/** github-script: `return …` (one line). */
const RETURN = /(?<![\w$.])return[ \t]+([^\s;][^\n;]*)/g;
/** Outputs of well-known actions that carry pull request text: the branch of the PR an `issue_comment` is about. */
const ACTION_OUTPUTS: ReadonlyMap<string, readonly string[]> = new Map([['xt0rted/pull-request-comment-branch', ['head_ref', 'ref']]]);

function stepOutputs(step: Step, scope: TaintScope, envNames: ReadonlySet<string>): string[] {
  if (!step.id) return [];
  const out: string[] = [];
  const prefix = `steps.${step.id.toLowerCase()}.outputs.`;
  const run = scalarText(step.run);
  if (run !== undefined) {
    for (const w of scriptOutputWrites(run)) {
      let bad = exprTainted(w.value, scope) !== undefined;
      if (!bad) for (const m of matchesOf(SHELL_VAR, w.value)) if (envNames.has(`env.${m[1]!.toLowerCase()}`)) bad = true;
      if (bad) out.push(prefix + w.name.toLowerCase());
    }
  }
  if (step.action === 'actions/github-script') {
    const script = step.with.find((w) => w.name === 'script')?.value;
    if (script) {
      for (const m of matchesOf(SET_OUTPUT, script)) {
        if (PAYLOAD.test(m[2]!) || exprTainted(m[2], scope)) out.push(prefix + m[1]!.toLowerCase());
      }
      // What the script returns becomes the `result` output.
      for (const m of matchesOf(RETURN, script)) {
        if (PAYLOAD.test(m[1]!) || exprTainted(m[1], scope)) out.push(`${prefix}result`);
      }
    }
  }
  const known = step.action !== undefined ? ACTION_OUTPUTS.get(step.action) : undefined;
  if (known) for (const o of known) out.push(prefix + o);
  return out;
}

/** Taint of a whole workflow: env entries, step outputs and job outputs fed from attacker data (iterated to a fixpoint). */
export function workflowTaint(wf: Workflow): { outputs: Set<string>; envOf(job: Job, step: Step | undefined): TaintScope } {
  const outputs = new Set<string>();
  const base: TaintScope = { env: new Set(), outputs, inputs: false };
  const wfEnv = new Set<string>();
  addEnv(wfEnv, wf.env, base);
  for (let round = 0; round < 4; round++) {
    const before = outputs.size;
    for (const job of wf.jobs) {
      const jobEnv = new Set(wfEnv);
      addEnv(jobEnv, job.env, { ...base, env: jobEnv });
      for (const step of job.steps) {
        const env = new Set(jobEnv);
        addEnv(env, step.env, { ...base, env });
        for (const o of stepOutputs(step, { ...base, env }, env)) outputs.add(o);
      }
      for (const o of job.outputs) {
        if (exprTainted(o.value, { ...base, env: jobEnv })) outputs.add(`needs.${job.id.toLowerCase()}.outputs.${o.name.toLowerCase()}`);
      }
    }
    if (outputs.size === before) break;
  }
  return {
    outputs,
    envOf(job, step) {
      const env = new Set(wfEnv);
      addEnv(env, job.env, { ...base, env });
      if (step) addEnv(env, step.env, { ...base, env });
      return { env, outputs, inputs: false };
    },
  };
}

/** Taint inside a composite action: inputs, and env/outputs derived from them. */
export function actionTaint(action: CompositeAction, step: Step | undefined, inputs = true): TaintScope {
  const outputs = new Set<string>();
  const scope: TaintScope = { env: new Set(), outputs, inputs };
  for (const s of action.steps) {
    const env = new Set<string>();
    addEnv(env, s.env, { ...scope, env });
    for (const o of stepOutputs(s, { ...scope, env }, env)) outputs.add(o);
  }
  const env = new Set<string>();
  if (step) addEnv(env, step.env, { ...scope, env });
  return { env, outputs, inputs };
}

/** All scalar strings under a node (bounded), e.g. to read a build matrix. */
export function scalarStrings(node: unknown, limit = 500): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (out.length >= limit) return;
    if (isScalar(n)) {
      const t = scalarText(n);
      if (t !== undefined) out.push(t);
    } else if (isMap(n)) {
      for (const p of n.items) {
        walk(p.key);
        walk(p.value);
      }
    } else if (isSeq(n)) n.items.forEach(walk);
  };
  walk(node);
  return out;
}

/**
 * Attacker-controlled fields that cannot hold a line break: branch names (git refuses control characters in refs) and
 * commit identities (git strips line breaks from names and e-mails). The rest (titles, bodies, messages) can.
 */
const SINGLE_LINE = /(?:^github\.head_ref$|\.head\.ref$|\.head\.label$|\.head_branch$|\.default_branch$|\.(?:author|committer)\.(?:name|email)$|\.page_name$)/;

/** An untrusted path whose text may contain a line break (and so add lines to $GITHUB_ENV-style files). */
export function mayHoldNewline(path: string): boolean {
  return !SINGLE_LINE.test(path);
}
