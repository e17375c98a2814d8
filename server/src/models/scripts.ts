// The `scripts` facet: shell text from every kind (`run:`, `script:`, Azure `bash:`, Dockerfile `RUN`), mapped back to the file.

import type { Dockerfile, Instruction } from '../parsers/dockerfile.js';
import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { isJsSpace, type LineIndex } from '../core/text.js';
import type { FileKind, Range } from '../core/types.js';
import { entries, get, items, rangeOf } from './yaml-nodes.js';

export type ScriptSource =
  | 'github-run'
  | 'github-script'
  | 'gitlab-script'
  | 'azure-script'
  | 'bitbucket-script'
  | 'circleci-run'
  | 'dockerfile-run';

export interface Script {
  readonly source: ScriptSource;
  /** the shell text as the shell sees it (block scalars unfolded, Dockerfile `\` continuations joined). */
  readonly text: string;
  /** the whole script value in the file. */
  readonly range: Range;
  /** file range of `text[start, end)`: exact where the text is written as-is, best effort otherwise, always inside `range`. */
  fileRange(start: number, end: number): Range;
  /** the YAML scalar holding the script (undefined for Dockerfile `RUN`). */
  readonly node: Scalar | undefined;
  /** the step or job map that holds the script (YAML), for `env:`, `shell:` and `uses:` siblings; the instruction for Dockerfile. */
  readonly holder: unknown;
  /** GitHub/Azure/CircleCI job id, GitLab job name, Bitbucket step name; undefined where there is none. */
  readonly job: string | undefined;
}

const BY_JOB = new WeakMap<readonly Script[], Map<ScriptSource, Map<string | undefined, Script[]>>>();

/**
 * The scripts of one source grouped by job, built once per scripts facet: rules that judge each job by its
 * scripts look them up here, where filtering every script for every job was quadratic in jobs.
 */
export function scriptsByJob(scripts: readonly Script[], source: ScriptSource): ReadonlyMap<string | undefined, readonly Script[]> {
  let bySource = BY_JOB.get(scripts);
  if (!bySource) BY_JOB.set(scripts, (bySource = new Map()));
  let byJob = bySource.get(source);
  if (!byJob) {
    byJob = new Map();
    for (const s of scripts) {
      if (s.source !== source) continue;
      const list = byJob.get(s.job);
      if (list) list.push(s);
      else byJob.set(s.job, [s]);
    }
    bySource.set(source, byJob);
  }
  return byJob;
}

/** How far ahead the aligner looks for a character the source spells differently (escapes, folding). */
const LOOKAHEAD = 16;

/**
 * Maps each offset of `value` to an offset of `source` (a slice of the file starting at `base`),
 * matching characters greedily: exact for text written as-is, close for indented, folded or escaped
 * text. Linear: each value character looks at most LOOKAHEAD source characters ahead.
 */
export function alignOffsets(value: string, source: string, base: number): Int32Array {
  const map = new Int32Array(value.length + 1);
  let p = 0;
  for (let i = 0; i < value.length; i++) {
    // Character codes, not one-character strings and a regex test per source character.
    const c = value.charCodeAt(i);
    // Indentation and folded line ends are whitespace the value does not spell: skip them freely.
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      while (p < source.length && isJsSpace(source.charCodeAt(p))) p++;
    }
    let q = p;
    const limit = Math.min(source.length, p + LOOKAHEAD);
    while (q < limit && source.charCodeAt(q) !== c) q++;
    if (q < limit) {
      map[i] = base + q;
      p = q + 1;
    } else {
      map[i] = base + Math.min(p, Math.max(0, source.length - 1));
    }
  }
  map[value.length] = base + Math.min(p, source.length);
  return map;
}

/**
 * Offset maps of YAML scalars seen before, relative to the scalar's range start. A scalar node is only ever part of
 * the tree of a text that holds its source at its range: after an incremental re-parse the scalars outside the
 * re-parsed piece are the same objects over the same characters, moved as a whole (decision 0006), so their map is the
 * same relative to their new start. The value and the source's length are compared as well. (The source itself is
 * not kept: a slice would keep the whole text of an old version alive.)
 */
const ALIGNED = new WeakMap<object, { readonly value: string; readonly length: number; readonly relative: Int32Array }>();

class MappedScript implements Script {
  /** `map[i] + mapBase` is the file offset of text offset i. */
  private map: Int32Array | undefined;
  private mapBase = 0;

  constructor(
    readonly source: ScriptSource,
    readonly text: string,
    readonly range: Range,
    readonly node: Scalar | undefined,
    readonly holder: unknown,
    readonly job: string | undefined,
    private readonly fileText: string,
    /** the text is the file slice at `range` verbatim. */
    private readonly verbatimAt: number | undefined,
    /** file offset of each text offset, when the caller knows it exactly. */
    exact?: Int32Array,
  ) {
    this.map = exact;
  }

  fileRange(start: number, end: number): Range {
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    if (this.verbatimAt !== undefined) return { start: this.verbatimAt + s, end: this.verbatimAt + e };
    const map = (this.map ??= this.alignment());
    const from = map[s]! + this.mapBase;
    const to = e > s ? map[e - 1]! + this.mapBase + 1 : from;
    const clamp = (o: number): number => Math.max(this.range.start, Math.min(o, this.range.end));
    return { start: clamp(from), end: Math.max(clamp(from), clamp(to)) };
  }

  private alignment(): Int32Array {
    this.mapBase = this.range.start;
    const length = this.range.end - this.range.start;
    const seen = this.node && ALIGNED.get(this.node);
    if (seen && seen.value === this.text && seen.length === length) return seen.relative;
    const relative = alignOffsets(this.text, this.fileText.slice(this.range.start, this.range.end), 0);
    if (this.node) ALIGNED.set(this.node, { value: this.text, length, relative });
    return relative;
  }
}

function fromScalar(
  source: ScriptSource,
  node: unknown,
  holder: unknown,
  job: string | undefined,
  text: string,
  out: Script[],
): void {
  if (!isScalar(node) || typeof node.value !== 'string') return;
  const range = rangeOf(node);
  if (!range) return;
  let verbatim: number | undefined;
  if (node.type === 'PLAIN' && text.slice(range.start, range.end) === node.value) verbatim = range.start;
  else if ((node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') && text.slice(range.start + 1, range.end - 1) === node.value) {
    verbatim = range.start + 1;
  }
  const valueRange = verbatim === undefined ? range : { start: verbatim, end: verbatim + node.value.length };
  out.push(new MappedScript(source, node.value, valueRange, node, holder, job, text, verbatim));
}

/** Scalars of a GitLab `script:`-style value: a string or a (possibly nested) list of strings. */
function scriptLines(node: unknown): unknown[] {
  if (isScalar(node)) return [node];
  if (!isSeq(node)) return [];
  return node.items.flatMap((item) => scriptLines(item));
}

function githubSteps(steps: unknown, job: string | undefined, text: string, out: Script[]): void {
  for (const step of items(steps)) {
    fromScalar('github-run', get(step, 'run'), step, job, text, out);
    const uses = get(step, 'uses');
    if (isScalar(uses) && typeof uses.value === 'string' && /^actions\/github-script@/i.test(uses.value)) {
      fromScalar('github-script', get(get(step, 'with'), 'script'), step, job, text, out);
    }
  }
}

const GITLAB_RESERVED = new Set([
  'default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script',
  'after_script', 'spec',
]);

function gitlabScripts(holder: unknown, job: string | undefined, text: string, out: Script[]): void {
  for (const key of ['before_script', 'script', 'after_script']) {
    for (const line of scriptLines(get(holder, key))) fromScalar('gitlab-script', line, holder, job, text, out);
  }
}

const AZURE_SCRIPT_KEYS = ['script', 'bash', 'powershell', 'pwsh'];

/** Azure: every `steps:` list anywhere (stages, jobs, deployment strategies, templates). */
function azureWalk(node: unknown, job: string | undefined, text: string, out: Script[], depth: number): void {
  if (depth > 64) return;
  if (isSeq(node)) {
    for (const item of node.items) azureWalk(item, job, text, out, depth + 1);
    return;
  }
  if (!isMap(node)) return;
  const id = get(node, 'job') ?? get(node, 'deployment');
  const here = isScalar(id) && typeof id.value === 'string' ? id.value : job;
  for (const [key, pair] of entries(node)) {
    if (key === 'steps') {
      for (const step of items(pair.value)) {
        for (const k of AZURE_SCRIPT_KEYS) fromScalar('azure-script', get(step, k), step, here, text, out);
        const task = get(step, 'task');
        if (isScalar(task) && typeof task.value === 'string' && /^(Bash|PowerShell|CmdLine)@\d+$/i.test(task.value)) {
          fromScalar('azure-script', get(get(step, 'inputs'), 'script'), step, here, text, out);
        }
        azureWalk(step, here, text, out, depth + 1);
      }
    } else if (typeof pair.value === 'object' && pair.value !== null) {
      azureWalk(pair.value, here, text, out, depth + 1);
    }
  }
}

/** Bitbucket: every `step:` map anywhere under `pipelines:` (branches, pull-requests, parallel, stages). */
function bitbucketWalk(node: unknown, text: string, out: Script[], depth: number): void {
  if (depth > 64) return;
  if (isSeq(node)) {
    for (const item of node.items) bitbucketWalk(item, text, out, depth + 1);
    return;
  }
  if (!isMap(node)) return;
  for (const [key, pair] of entries(node)) {
    if (key === 'step' && isMap(pair.value)) {
      const name = get(pair.value, 'name');
      const job = isScalar(name) && typeof name.value === 'string' ? name.value : undefined;
      for (const k of ['script', 'after-script']) {
        for (const line of scriptLines(get(pair.value, k))) fromScalar('bitbucket-script', line, pair.value, job, text, out);
      }
    } else if (typeof pair.value === 'object' && pair.value !== null) {
      bitbucketWalk(pair.value, text, out, depth + 1);
    }
  }
}

function circleSteps(steps: unknown, job: string | undefined, text: string, out: Script[]): void {
  for (const step of items(steps)) {
    const run = get(step, 'run');
    if (isScalar(run)) fromScalar('circleci-run', run, step, job, text, out);
    else fromScalar('circleci-run', get(run, 'command'), run, job, text, out);
    // `when:`/`unless:` blocks nest steps.
    for (const cond of ['when', 'unless']) circleSteps(get(get(step, cond), 'steps'), job, text, out);
  }
}

/** Shell scripts of one YAML document of the given kind. */
export function yamlScripts(kind: FileKind, contents: unknown, text: string): Script[] {
  const out: Script[] = [];
  switch (kind) {
    case 'github-workflow':
      for (const [id, job] of entries(get(contents, 'jobs'))) githubSteps(get(job.value, 'steps'), id, text, out);
      break;
    case 'github-action':
      githubSteps(get(get(contents, 'runs'), 'steps'), undefined, text, out);
      break;
    case 'gitlab-ci':
      gitlabScripts(contents, undefined, text, out);
      gitlabScripts(get(contents, 'default'), undefined, text, out);
      for (const [name, pair] of entries(contents)) {
        if (!GITLAB_RESERVED.has(name) && isMap(pair.value)) gitlabScripts(pair.value, name, text, out);
      }
      break;
    case 'azure-pipelines':
      azureWalk(contents, undefined, text, out, 0);
      break;
    case 'bitbucket-pipelines':
      bitbucketWalk(get(contents, 'pipelines'), text, out, 0);
      break;
    case 'circleci':
      for (const [id, job] of entries(get(contents, 'jobs'))) circleSteps(get(job.value, 'steps'), id, text, out);
      for (const [id, cmd] of entries(get(contents, 'commands'))) circleSteps(get(cmd.value, 'steps'), id, text, out);
      break;
    default:
      break;
  }
  return out;
}

const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', '/usr/bin/env bash', 'ash', 'dash', 'zsh']);

/**
 * Dockerfile `RUN` instructions as the shell sees them: flags dropped, escaped newlines joined,
 * comment lines inside a continuation removed (Docker drops them), heredoc bodies, and the
 * `["sh", "-c", "…"]` exec form, and `ONBUILD RUN` triggers. Other exec forms run no shell and are skipped.
 */
export function dockerfileScripts(df: Dockerfile, lines: LineIndex, text: string): Script[] {
  const out: Script[] = [];
  const escape = df.getEscapeCharacter();
  for (const instruction of df.getInstructions()) {
    // `ONBUILD RUN …` runs in every image built FROM this one: its script counts too.
    const run = instruction.getKeyword() === 'ONBUILD' ? onbuildTrigger(instruction) : instruction;
    if (run?.getKeyword() !== 'RUN') continue;
    const script = runScript(run, escape, lines, text);
    if (script) out.push(script);
  }
  return out;
}

function onbuildTrigger(instruction: Instruction): Instruction | undefined {
  const get = (instruction as Partial<{ getTriggerInstruction(): Instruction | null }>).getTriggerInstruction;
  return typeof get === 'function' ? (get.call(instruction) ?? undefined) : undefined;
}

function runScript(instruction: Instruction, escape: string, lines: LineIndex, text: string): Script | undefined {
  const args = instruction.getArguments();
  const first = args[0];
  if (!first) return undefined;
  const start = lines.offsetAt(first.getRange().start);
  const end = lines.offsetAt(instruction.getRange().end);
  if (end <= start) return undefined;
  const range = { start, end };
  const raw = text.slice(start, end);
  const make = (body: string, exact?: Int32Array): Script =>
    new MappedScript('dockerfile-run', body, range, undefined, instruction, undefined, text, body === raw ? start : undefined, exact);

  if (raw.startsWith('[')) {
    const json = execForm(raw);
    if (!json || json.length < 3 || !SHELLS.has(json[0]!) || json[1] !== '-c') return undefined;
    return make(json[2]!);
  }
  if (raw.startsWith('<<')) {
    // RUN <<EOF … EOF: the body between the marker line and the terminator.
    const m = /^<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_])["']?[^\n]*\n/.exec(raw);
    if (!m) return make(raw);
    const rest = raw.slice(m[0].length);
    const term = new RegExp(`(^|\\n)[\\t ]*${m[1]}[\\t ]*(\\r?\\n|$)`).exec(rest);
    return make(term ? rest.slice(0, term.index + (term[1] ? 1 : 0)) : rest);
  }
  const joined = joinContinuations(raw, escape);
  return make(joined.text, joined.offsets.map((o) => start + o));
}

function execForm(raw: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(raw.replace(/\\\r?\n/g, ''));
    return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Joins `\`-continued lines and drops comment and blank lines inside the continuation, as Docker
 * does; `offsets[i]` is the offset in `raw` of `text[i]` (one extra entry for the end).
 */
export function joinContinuations(raw: string, escape: string): { text: string; offsets: Int32Array } {
  const offsets = new Int32Array(raw.length + 1);
  let text = '';
  const keep = (from: number, to: number): void => {
    for (let o = from; o < to; o++) offsets[text.length + o - from] = o;
    text += raw.slice(from, to);
  };
  let continued = false;
  let lineStart = 0;
  while (lineStart <= raw.length) {
    const nl = raw.indexOf('\n', lineStart);
    const end = nl === -1 ? raw.length : nl;
    const contentEnd = end > lineStart && raw[end - 1] === '\r' ? end - 1 : end;
    const line = raw.slice(lineStart, contentEnd);
    const skip = continued && (/^\s*#/.test(line) || line.trim() === '');
    if (!skip) {
      const trimmed = line.trimEnd();
      if (nl !== -1 && trimmed.endsWith(escape)) {
        keep(lineStart, lineStart + trimmed.length - escape.length);
        continued = true;
      } else {
        keep(lineStart, nl === -1 ? end : end + 1);
        continued = false;
      }
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  offsets[text.length] = raw.length;
  return { text, offsets: offsets.slice(0, text.length + 1) };
}
