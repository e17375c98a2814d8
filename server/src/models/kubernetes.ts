// Kubernetes manifests as rules see them: pod specs of every workload kind, their containers, RBAC rules, and edits that insert keys.

import { isMap, isPair, isScalar, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { LineIndex } from '../core/text.js';
import type { Range, TextEdit } from '../core/types.js';
import { entries, get, getPair, items, rangeOf } from './yaml-nodes.js';
import { lineBreakOf } from '../core/text.js';

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface Container {
  readonly list: ContainerList;
  readonly node: YAMLMap;
  readonly name: string | undefined;
  /** the container's `securityContext` map, if it is one. */
  readonly securityContext: unknown;
  /** where to point a finding about something the container lacks: its name, or the item. */
  readonly anchor: Range;
}

export interface PodSpec {
  /** the workload's kind (`Deployment`, `CronJob`, …). */
  readonly kind: string;
  readonly name: string | undefined;
  readonly doc: Document.Parsed;
  /** the pod spec map. */
  readonly spec: YAMLMap;
  /** the key of the pod spec (`spec:` under `template:`), where pod-level findings point. */
  readonly anchor: Range;
  readonly securityContext: unknown;
  readonly containers: readonly Container[];
  /** from a patch file: only the fields it changes are there, so a missing key is not a finding. */
  readonly partial: boolean;
  /** a Windows pod (`os.name`, the `kubernetes.io/os` node selector, or `windowsOptions`): Linux user and privilege settings do not apply. */
  readonly windows: boolean;
}

export interface RbacRule {
  readonly kind: 'Role' | 'ClusterRole';
  readonly name: string | undefined;
  readonly node: YAMLMap;
  readonly apiGroups: readonly Scalar[];
  readonly resources: readonly Scalar[];
  readonly verbs: readonly Scalar[];
}

/** Where the pod spec sits in each workload kind. */
const POD_PATHS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Pod', ['spec']],
  ['PodTemplate', ['template', 'spec']],
  ['Deployment', ['spec', 'template', 'spec']],
  ['StatefulSet', ['spec', 'template', 'spec']],
  ['DaemonSet', ['spec', 'template', 'spec']],
  ['ReplicaSet', ['spec', 'template', 'spec']],
  ['ReplicationController', ['spec', 'template', 'spec']],
  ['Job', ['spec', 'template', 'spec']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
]);

const CONTAINER_LISTS: readonly ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'];

/**
 * A document is only analysed when it is plain YAML: Helm/Go templates (`{{ }}`) can inject any key, so
 * neither a value nor the absence of a key means anything there. A strategic-merge patch (`$patch`, or a file
 * named like a patch) states only the fields it changes, so absence means nothing there either.
 */
export function isAnalyzable(doc: Document.Parsed, text: string): boolean {
  const r = doc.range;
  const src = text.slice(r[0], r[2]);
  return !src.includes('{{') && !src.includes('$patch');
}

export function isPatchFile(path: string): boolean {
  return /(^|[/\\._-])patch(es)?([/\\._-]|$)/i.test(path);
}

function docKind(doc: Document.Parsed): string | undefined {
  const kind = get(doc.contents, 'kind');
  return isScalar(kind) && typeof kind.value === 'string' ? kind.value : undefined;
}

function metaName(doc: Document.Parsed): string | undefined {
  const n = get(get(doc.contents, 'metadata'), 'name');
  return isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
}

export function podSpecs(docs: readonly Document.Parsed[], text: string, path: string): PodSpec[] {
  const partial = isPatchFile(path);
  const out: PodSpec[] = [];
  for (const doc of docs) {
    const kind = docKind(doc);
    const path = kind === undefined ? undefined : POD_PATHS.get(kind);
    if (!path || !isAnalyzable(doc, text)) continue;
    let node: unknown = doc.contents;
    let pair: Pair | undefined;
    for (const key of path) {
      pair = getPair(node, key);
      node = pair?.value;
    }
    if (!isMap(node) || !pair) continue;
    const containers: Container[] = [];
    for (const list of CONTAINER_LISTS) {
      for (const item of items(get(node, list))) {
        if (!isMap(item)) continue;
        const nameNode = get(item, 'name');
        const name = isScalar(nameNode) && typeof nameNode.value === 'string' ? nameNode.value : undefined;
        const anchor = (isScalar(nameNode) ? rangeOf(nameNode) : undefined) ?? rangeOf(item.items[0]?.key) ?? rangeOf(item)!;
        containers.push({ list, node: item, name, securityContext: get(item, 'securityContext'), anchor });
      }
    }
    const anchor = rangeOf(pair.key) ?? rangeOf(node)!;
    const osName = get(get(node, 'os'), 'name');
    const selector = get(get(node, 'nodeSelector'), 'kubernetes.io/os');
    const windows =
      (isScalar(osName) && osName.value === 'windows') ||
      (isScalar(selector) && selector.value === 'windows') ||
      get(get(node, 'securityContext'), 'windowsOptions') !== undefined;
    out.push({ kind: kind!, name: metaName(doc), doc, spec: node, anchor, securityContext: get(node, 'securityContext'), containers, partial, windows });
  }
  return out;
}

export function rbacRules(docs: readonly Document.Parsed[], text: string): RbacRule[] {
  const out: RbacRule[] = [];
  for (const doc of docs) {
    const kind = docKind(doc);
    if ((kind !== 'Role' && kind !== 'ClusterRole') || !isAnalyzable(doc, text)) continue;
    for (const rule of items(get(doc.contents, 'rules'))) {
      if (!isMap(rule)) continue;
      const scalars = (key: string): Scalar[] => items(get(rule, key)).filter(isScalar);
      out.push({ kind, name: metaName(doc), node: rule, apiGroups: scalars('apiGroups'), resources: scalars('resources'), verbs: scalars('verbs') });
    }
  }
  return out;
}

/** A plain YAML boolean; undefined for anything else (strings, templates, missing). */
export function boolOf(node: unknown): boolean | undefined {
  return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
}

/** A literal integer; undefined for strings, templates and anything else. */
export function intOf(node: unknown): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

/** A scalar whose value is written as a variable or template (`${X}`, `{{ }}`, `$(X)`): only known later. */
export function isDynamic(node: unknown): boolean {
  return isScalar(node) && typeof node.value === 'string' && /\$\{|\{\{|\$\(/.test(node.value);
}

export function lineEnding(text: string): string {
  return lineBreakOf(text);
}

/** Column of the keys of a block map (undefined for flow maps and empty maps). */
function keyIndent(map: YAMLMap, lines: LineIndex): number | undefined {
  if (map.flow) return undefined;
  const first = map.items.find(isPair);
  const r = rangeOf(first?.key);
  return r ? lines.positionAt(r.start).character : undefined;
}

/** End of the last line of a block map's content (after any trailing comment on that line). */
function contentLineEnd(map: YAMLMap, text: string, lines: LineIndex): number | undefined {
  const last = [...map.items].reverse().find(isPair);
  const r = rangeOf(last?.value) ?? rangeOf(last?.key);
  if (!r) return undefined;
  let end = r.end;
  while (end > r.start && /\s/.test(text[end - 1]!)) end--;
  return lines.lineEnd(lines.lineOf(end));
}

/** An edit that adds `key: value` as the last entry of a block map, matching its indentation. */
export function insertEntry(map: YAMLMap, key: string, value: string, text: string, lines: LineIndex): TextEdit | undefined {
  const indent = keyIndent(map, lines);
  const at = contentLineEnd(map, text, lines);
  if (indent === undefined || at === undefined) return undefined;
  return { range: { start: at, end: at }, newText: `${lineEnding(text)}${' '.repeat(indent)}${key}: ${value}` };
}

/**
 * An edit that sets `securityContext.<key>: <value>` in `holder` (a container or pod spec): into its block-map
 * `securityContext`, or as a new `securityContext` when it has none. Undefined when neither fits (flow maps).
 */
export function insertSecurityContextEntry(holder: YAMLMap, key: string, value: string, text: string, lines: LineIndex): TextEdit | undefined {
  const sc = getPair(holder, 'securityContext');
  if (sc) return isMap(sc.value) ? insertEntry(sc.value, key, value, text, lines) : undefined;
  const indent = keyIndent(holder, lines);
  const at = contentLineEnd(holder, text, lines);
  if (indent === undefined || at === undefined) return undefined;
  const eol = lineEnding(text);
  return { range: { start: at, end: at }, newText: `${eol}${' '.repeat(indent)}securityContext:${eol}${' '.repeat(indent + 2)}${key}: ${value}` };
}

/** Entries of a map as [key, value-node] pairs, for rules that look at several keys. */
export function mapEntries(node: unknown): [string, unknown][] {
  return [...entries(node)].map(([k, p]) => [k, p.value]);
}

/** The pod specs of a Kubernetes file (none for other kinds). */
export function podsOf(file: { readonly kind: string; readonly text: string; readonly path: string; readonly yaml: { readonly docs: readonly Document.Parsed[] } | undefined }): PodSpec[] {
  if (file.kind !== 'kubernetes' || !file.yaml) return [];
  return podSpecs(file.yaml.docs, file.text, file.path);
}
