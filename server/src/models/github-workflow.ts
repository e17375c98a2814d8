// Typed views over GitHub Actions workflows and composite actions: triggers, permissions, jobs, steps, env, outputs.

import { isMap, isScalar, isSeq, type Document, type Pair, type Scalar } from 'yaml';
import type { Range } from '../core/types.js';
import { entries, get, getPair, items, rangeOf } from './yaml-nodes.js';
import { entryList, scalarText, type Entry } from './yaml-values.js';

export { entryList, isTruthy, scalarText, type Entry } from './yaml-values.js';

export interface Trigger {
  /** event name, e.g. `pull_request_target`. */
  readonly name: string;
  /** where the event is named (the key, the scalar, or the sequence item). */
  readonly range: Range;
  /** the event's configuration (`types:`, `branches:`, `workflows:` …), when written as a map. */
  readonly config: unknown;
}

export type PermissionsKind = 'read-all' | 'write-all' | 'none' | 'map' | 'unknown';

export interface Permissions {
  readonly pair: Pair<unknown, unknown>;
  readonly node: unknown;
  readonly range: Range;
  readonly kind: PermissionsKind;
  /** scope → `read` | `write` | `none` (map form only). */
  readonly scopes: ReadonlyMap<string, { readonly value: string; readonly range: Range }>;
}

export interface RunsOn {
  readonly node: unknown;
  readonly range: Range;
  /** literal labels (from a string, a list, or `labels:`/`group:` of the map form). */
  readonly labels: readonly string[];
  /** some part is an expression (`${{ matrix.os }}`): the labels are not all known. */
  readonly dynamic: boolean;
}

export interface Step {
  readonly node: unknown;
  readonly index: number;
  readonly range: Range;
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly uses: Scalar | undefined;
  /** `uses:` value as text, e.g. `actions/checkout@v4`. */
  readonly usesValue: string | undefined;
  /** `owner/repo[/path]` of `uses:` without the ref, lower-cased. */
  readonly action: string | undefined;
  readonly run: Scalar | undefined;
  /** `shell:` of the step, else of `defaults.run.shell` of the job, then of the workflow. */
  readonly shell: string | undefined;
  readonly with: readonly Entry[];
  readonly withNode: unknown;
  readonly env: readonly Entry[];
  readonly envPair: Pair<unknown, unknown> | undefined;
  readonly ifNode: unknown;
}

export interface Job {
  readonly id: string;
  readonly key: Scalar;
  readonly node: unknown;
  readonly range: Range;
  readonly name: string | undefined;
  readonly runsOn: RunsOn | undefined;
  readonly permissions: Permissions | undefined;
  readonly needs: readonly string[];
  readonly outputs: readonly Entry[];
  readonly env: readonly Entry[];
  readonly steps: readonly Step[];
  /** reusable workflow call (`jobs.<id>.uses`). */
  readonly uses: Scalar | undefined;
  readonly with: readonly Entry[];
  /** `secrets:` of a reusable workflow call: `inherit` or a map. */
  readonly secrets: unknown;
  readonly container: unknown;
  readonly strategy: unknown;
}

export interface Workflow {
  readonly doc: Document.Parsed;
  readonly triggers: readonly Trigger[];
  readonly permissions: Permissions | undefined;
  readonly env: readonly Entry[];
  readonly jobs: readonly Job[];
}

export interface ActionInput {
  readonly name: string;
  readonly key: Scalar;
  readonly default: string | undefined;
}

export interface CompositeAction {
  readonly doc: Document.Parsed;
  /** `runs.using`, e.g. `composite`, `node20`, `docker`. */
  readonly using: string | undefined;
  readonly inputs: readonly ActionInput[];
  readonly steps: readonly Step[];
}

const EMPTY: Range = { start: 0, end: 0 };

function rangeOr(node: unknown, fallback: Range = EMPTY): Range {
  return rangeOf(node) ?? fallback;
}

function parsePermissions(holder: unknown): Permissions | undefined {
  const pair = getPair(holder, 'permissions');
  if (!pair) return undefined;
  const node = pair.value;
  const range = rangeOf(node) ?? rangeOr(pair.key);
  const scopes = new Map<string, { value: string; range: Range }>();
  let kind: PermissionsKind = 'unknown';
  const text = scalarText(node);
  if (text === 'read-all' || text === 'write-all') kind = text;
  else if (isMap(node)) {
    kind = node.items.length === 0 ? 'none' : 'map';
    for (const e of entryList(node)) {
      if (e.value !== undefined) scopes.set(e.name, { value: e.value, range: rangeOr(e.valueNode) });
    }
  } else if (node === null || (isScalar(node) && (node.value === null || node.value === ''))) kind = 'none';
  return { pair, node, range, kind, scopes };
}

function parseTriggers(root: unknown): Trigger[] {
  // `on` may be read by YAML 1.1 tools as `true`; the `yaml` library keeps it as the string `on`.
  const pair = getPair(root, 'on') ?? getPair(root, 'true');
  if (!pair) return [];
  const v = pair.value;
  const out: Trigger[] = [];
  const text = scalarText(v);
  if (text !== undefined) {
    for (const name of text.split(',')) {
      const n = name.trim();
      if (n) out.push({ name: n, range: rangeOr(v), config: undefined });
    }
  } else if (isSeq(v)) {
    for (const it of v.items) {
      const n = scalarText(it);
      if (n) out.push({ name: n, range: rangeOr(it), config: undefined });
    }
  } else if (isMap(v)) {
    for (const [name, p] of entries(v)) out.push({ name, range: rangeOr(p.key), config: p.value });
  }
  return out;
}

function parseRunsOn(job: unknown): RunsOn | undefined {
  const node = get(job, 'runs-on');
  if (node === undefined || node === null) return undefined;
  const labels: string[] = [];
  let dynamic = false;
  const add = (n: unknown): void => {
    const t = scalarText(n);
    if (t === undefined) {
      if (n !== null && n !== undefined) dynamic = true;
      return;
    }
    if (t.includes('${{')) dynamic = true;
    else labels.push(t);
  };
  if (isSeq(node)) node.items.forEach(add);
  else if (isMap(node)) {
    const l = get(node, 'labels');
    if (isSeq(l)) l.items.forEach(add);
    else if (l !== undefined) add(l);
    const g = get(node, 'group');
    if (g !== undefined) add(g);
  } else add(node);
  return { node, range: rangeOr(node), labels, dynamic };
}

function defaultShell(holder: unknown): string | undefined {
  return scalarText(get(get(get(holder, 'defaults'), 'run'), 'shell'));
}

/** `owner/repo[/path]` of a `uses:` value, lower-cased, without the ref; undefined for local and docker actions. */
export function actionName(uses: string | undefined): string | undefined {
  if (!uses || uses.startsWith('./') || uses.startsWith('../') || uses.startsWith('docker://')) return undefined;
  const at = uses.indexOf('@');
  return (at === -1 ? uses : uses.slice(0, at)).toLowerCase();
}

function parseSteps(stepsNode: unknown, inheritedShell: string | undefined): Step[] {
  const out: Step[] = [];
  items(stepsNode).forEach((node, index) => {
    if (!isMap(node)) return;
    const usesNode = get(node, 'uses');
    const uses = isScalar(usesNode) ? usesNode : undefined;
    const usesValue = scalarText(uses);
    const runNode = get(node, 'run');
    const withNode = get(node, 'with');
    out.push({
      node,
      index,
      range: rangeOr(node),
      id: scalarText(get(node, 'id')),
      name: scalarText(get(node, 'name')),
      uses,
      usesValue,
      action: actionName(usesValue),
      run: isScalar(runNode) ? runNode : undefined,
      shell: scalarText(get(node, 'shell')) ?? inheritedShell,
      with: entryList(withNode),
      withNode,
      env: entryList(get(node, 'env')),
      envPair: getPair(node, 'env'),
      ifNode: get(node, 'if'),
    });
  });
  return out;
}

function parseNeeds(job: unknown): string[] {
  const n = get(job, 'needs');
  const t = scalarText(n);
  if (t !== undefined) return [t];
  return items(n)
    .map(scalarText)
    .filter((x): x is string => x !== undefined);
}

const workflowCache = new WeakMap<object, Workflow | null>();

/** The workflow view of one YAML document (cached per document); undefined when it has no mapping at the top. */
export function workflowOf(doc: Document.Parsed): Workflow | undefined {
  const hit = workflowCache.get(doc);
  if (hit !== undefined) return hit ?? undefined;
  const root = doc.contents;
  let wf: Workflow | undefined;
  if (isMap(root)) {
    const wfShell = defaultShell(root);
    const jobs: Job[] = [];
    for (const [id, pair] of entries(get(root, 'jobs'))) {
      const node = pair.value;
      const usesNode = get(node, 'uses');
      jobs.push({
        id,
        key: pair.key as Scalar,
        node,
        range: rangeOr(node, rangeOr(pair.key)),
        name: scalarText(get(node, 'name')),
        runsOn: parseRunsOn(node),
        permissions: parsePermissions(node),
        needs: parseNeeds(node),
        outputs: entryList(get(node, 'outputs')),
        env: entryList(get(node, 'env')),
        steps: parseSteps(get(node, 'steps'), defaultShell(node) ?? wfShell),
        uses: isScalar(usesNode) ? usesNode : undefined,
        with: entryList(get(node, 'with')),
        secrets: get(node, 'secrets'),
        container: get(node, 'container'),
        strategy: get(node, 'strategy'),
      });
    }
    wf = { doc, triggers: parseTriggers(root), permissions: parsePermissions(root), env: entryList(get(root, 'env')), jobs };
  }
  workflowCache.set(doc, wf ?? null);
  return wf;
}

const actionCache = new WeakMap<object, CompositeAction | null>();

/** The action view of an `action.yml` document (cached); steps are those of a composite action. */
export function actionOf(doc: Document.Parsed): CompositeAction | undefined {
  const hit = actionCache.get(doc);
  if (hit !== undefined) return hit ?? undefined;
  const root = doc.contents;
  let action: CompositeAction | undefined;
  if (isMap(root)) {
    const runs = get(root, 'runs');
    const inputs: ActionInput[] = [];
    for (const [name, pair] of entries(get(root, 'inputs'))) {
      inputs.push({ name, key: pair.key as Scalar, default: scalarText(get(pair.value, 'default')) });
    }
    action = { doc, using: scalarText(get(runs, 'using')), inputs, steps: parseSteps(get(runs, 'steps'), undefined) };
  }
  actionCache.set(doc, action ?? null);
  return action;
}

/** Step outputs a step's script visibly sets: `echo "name=…" >> $GITHUB_OUTPUT` and `::set-output name=…::`. */
export interface OutputWrite {
  readonly name: string;
  /** the text assigned (up to the end of the line). */
  readonly value: string;
}

/** `name=value`; the match starts where a word starts, and skips leading digits and dashes as the first letter would. */
const OUTPUT_LINE = /(?<![\w-])[\d-]*([A-Za-z_][\w-]*)=([^\n]*)/g;

const SET_OUTPUT = '::set-output name=';
const OUTPUT_NAME = /[\w-]+/y;

/**
 * The first `::set-output name=<name>::<value>` on a line whose value runs to the end of the line without another line
 * break character (`\r`, U+2028, U+2029), as `/::set-output name=([\w-]+)::(.*)$/` would find it, in one pass.
 */
export function setOutputCommand(line: string): OutputWrite | undefined {
  const lastBreak = Math.max(line.lastIndexOf('\r'), line.lastIndexOf('\u2028'), line.lastIndexOf('\u2029'), line.lastIndexOf('\n'));
  for (let i = line.indexOf(SET_OUTPUT); i !== -1; i = line.indexOf(SET_OUTPUT, i + 1)) {
    const from = i + SET_OUTPUT.length;
    OUTPUT_NAME.lastIndex = from;
    if (!OUTPUT_NAME.test(line)) continue;
    const end = OUTPUT_NAME.lastIndex;
    if (line.startsWith('::', end) && lastBreak < end + 2) return { name: line.slice(from, end), value: line.slice(end + 2) };
  }
  return undefined;
}

export function scriptOutputWrites(script: string): OutputWrite[] {
  const out: OutputWrite[] = [];
  for (const line of script.split('\n')) {
    if (line.length > 4000) continue;
    const setOutput = setOutputCommand(line);
    if (setOutput) {
      out.push(setOutput);
      continue;
    }
    if (!line.includes('GITHUB_OUTPUT')) continue;
    OUTPUT_LINE.lastIndex = 0;
    const m = OUTPUT_LINE.exec(line);
    if (m) out.push({ name: m[1]!, value: m[2]! });
  }
  return out;
}

/** The workflow views of a file's documents (none unless it is a workflow). */
export function workflowsIn(file: { readonly kind: string; readonly yaml: { readonly docs: readonly Document.Parsed[] } | undefined }): Workflow[] {
  if (file.kind !== 'github-workflow' || !file.yaml) return [];
  return file.yaml.docs.map(workflowOf).filter((w): w is Workflow => w !== undefined);
}

/** The permissions a job's token gets from the file: its own block, else the workflow's; undefined: the repository default. */
export function effectivePermissions(wf: Workflow, job: Job): Permissions | undefined {
  return job.permissions ?? wf.permissions;
}

/** Scopes whose `write` does not give the job token itself write access (they allow requesting other tokens). */
const NOT_TOKEN_WRITES = new Set(['id-token', 'attestations']);

/** The job token can write somewhere (`write-all`, or a token scope set to `write`; `id-token: write` alone does not count). */
export function grantsWrite(p: Permissions | undefined): boolean {
  if (!p) return false;
  if (p.kind === 'write-all') return true;
  for (const [name, s] of p.scopes) if (s.value === 'write' && !NOT_TOKEN_WRITES.has(name)) return true;
  return false;
}
