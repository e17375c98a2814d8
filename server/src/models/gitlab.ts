// Typed views over GitLab CI files: jobs (not reserved keys), variables at global and job level, scripts, default:, spec inputs.

import { isMap, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import { entryList, scalarText } from './yaml-values.js';
import { entries, get, rangeOf } from './yaml-nodes.js';
import type { Range } from '../core/types.js';

/** Top-level keys that configure the pipeline rather than name a job. */
export const GITLAB_RESERVED: ReadonlySet<string> = new Set([
  'default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec',
  'types',
]);

export interface Variable {
  readonly name: string;
  readonly key: Scalar;
  /** the value node (`value:` of the expanded `{ value, description }` form). */
  readonly valueNode: unknown;
  readonly value: string | undefined;
  readonly range: Range;
}

export interface ScriptLine {
  readonly section: 'before_script' | 'script' | 'after_script';
  readonly node: Scalar;
  readonly text: string;
}

export interface GitlabJob {
  readonly name: string;
  readonly key: Scalar;
  readonly node: unknown;
  /** hidden job (template) such as `.build`. */
  readonly hidden: boolean;
  readonly variables: readonly Variable[];
  readonly scripts: readonly ScriptLine[];
  readonly image: unknown;
  readonly services: unknown;
  readonly extends: readonly string[];
}

export interface SpecInput {
  readonly name: string;
  /** `string` unless the spec says otherwise. */
  readonly type: string;
  /** restricted to `options:` (so not free text). */
  readonly hasOptions: boolean;
  readonly regex: string | undefined;
}

export interface GitlabPipeline {
  readonly doc: Document.Parsed;
  readonly variables: readonly Variable[];
  /** `default:` (image, before_script, …), and its scripts. */
  readonly default: unknown;
  readonly defaultScripts: readonly ScriptLine[];
  /** top-level `before_script`/`after_script` (deprecated form of `default:`). */
  readonly globalScripts: readonly ScriptLine[];
  readonly jobs: readonly GitlabJob[];
  /** `spec: inputs:` from a header document of the same file. */
  readonly inputs: ReadonlyMap<string, SpecInput>;
}

export function variablesOf(node: unknown): Variable[] {
  const out: Variable[] = [];
  for (const e of entryList(node)) {
    const expanded = isMap(e.valueNode) ? get(e.valueNode, 'value') : e.valueNode;
    const range = rangeOf(expanded) ?? rangeOf(e.key);
    if (!range) continue;
    out.push({ name: e.name, key: e.key, valueNode: expanded, value: scalarText(expanded), range });
  }
  return out;
}

function scriptsOf(holder: unknown): ScriptLine[] {
  const out: ScriptLine[] = [];
  for (const section of ['before_script', 'script', 'after_script'] as const) {
    const walk = (n: unknown, depth: number): void => {
      if (depth > 8) return;
      if (isScalar(n) && typeof n.value === 'string') out.push({ section, node: n, text: n.value });
      else if (isSeq(n)) for (const it of n.items) walk(it, depth + 1);
    };
    walk(get(holder, section), 0);
  }
  return out;
}

function specInputs(doc: Document.Parsed): Map<string, SpecInput> {
  const out = new Map<string, SpecInput>();
  for (const [name, pair] of entries(get(get(doc.contents, 'spec'), 'inputs'))) {
    const v = pair.value;
    out.set(name, {
      name,
      type: scalarText(get(v, 'type')) ?? 'string',
      hasOptions: isSeq(get(v, 'options')),
      regex: scalarText(get(v, 'regex')),
    });
  }
  return out;
}

/** Pipeline views per parse (a new parse, incremental too, is a new documents array). */
const PIPELINES = new WeakMap<readonly Document.Parsed[], readonly GitlabPipeline[]>();

/**
 * The pipeline views of a file's documents; `spec:` header documents lend their inputs to the documents after them.
 * Built once per parse: five rules read them (each built its own, a walk of every job of a 28,000-job file).
 */
export function gitlabPipelines(docs: readonly Document.Parsed[]): readonly GitlabPipeline[] {
  let views = PIPELINES.get(docs);
  if (!views) PIPELINES.set(docs, (views = buildPipelines(docs)));
  return views;
}

function buildPipelines(docs: readonly Document.Parsed[]): GitlabPipeline[] {
  const out: GitlabPipeline[] = [];
  let inputs = new Map<string, SpecInput>();
  for (const doc of docs) {
    const root = doc.contents;
    if (!isMap(root)) continue;
    if (get(root, 'spec') !== undefined) {
      inputs = specInputs(doc);
      if (root.items.length === 1) continue;
    }
    const jobs: GitlabJob[] = [];
    for (const [name, pair] of entries(root)) {
      if (GITLAB_RESERVED.has(name) || !isMap(pair.value)) continue;
      const node = pair.value;
      const ext = get(node, 'extends');
      jobs.push({
        name,
        key: pair.key as Scalar,
        node,
        hidden: name.startsWith('.'),
        variables: variablesOf(get(node, 'variables')),
        scripts: scriptsOf(node),
        image: get(node, 'image'),
        services: get(node, 'services'),
        extends: isSeq(ext) ? ext.items.map(scalarText).filter((x): x is string => x !== undefined) : [scalarText(ext)].filter((x): x is string => x !== undefined),
      });
    }
    const def = get(root, 'default');
    out.push({
      doc,
      variables: variablesOf(get(root, 'variables')),
      default: def,
      defaultScripts: scriptsOf(def),
      globalScripts: scriptsOf(root),
      jobs,
      inputs,
    });
  }
  return out;
}

/** Every script line of a pipeline, with the job it belongs to (undefined for `default:` and global scripts). */
export function allScriptLines(p: GitlabPipeline): { line: ScriptLine; job: GitlabJob | undefined }[] {
  return [
    ...p.globalScripts.map((line) => ({ line, job: undefined })),
    ...p.defaultScripts.map((line) => ({ line, job: undefined })),
    ...p.jobs.flatMap((job) => job.scripts.map((line) => ({ line, job }))),
  ];
}

