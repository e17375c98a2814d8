// Kubernetes manifests as rules see them: pod specs of every workload kind (and of custom resources shaped like one),
// their containers, RBAC rules and bindings, Helm values, and edits that insert keys.

import { isMap, isPair, isScalar, isSeq, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { LineIndex } from '../core/text.js';
import type { Range, TextEdit } from '../core/types.js';
import { blankedWithin, PLACEHOLDER_MARK } from '../parsers/go-template.js';
import { entries, get, getPair, items, rangeOf } from './yaml-nodes.js';
import { isJsSpace, lineBreakOf } from '../core/text.js';

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
  /** the workload's kind (`Deployment`, `CronJob`, a CRD's kind such as `Rollout`, …). */
  readonly kind: string;
  readonly name: string | undefined;
  readonly doc: Document.Parsed;
  /** the pod spec map. */
  readonly spec: YAMLMap;
  /** the key of the pod spec (`spec:` under `template:`), where pod-level findings point. */
  readonly anchor: Range;
  readonly securityContext: unknown;
  /** the pod's `metadata.annotations` (the template's, for workloads): AppArmor and legacy seccomp settings. */
  readonly annotations: unknown;
  readonly containers: readonly Container[];
  /**
   * Only some of the pod's fields are known, so a missing key is not a finding: a patch file, or a template whose
   * `{{ … }}` lines (`{{- include … | nindent }}`, `{{- if }}`) may add any key.
   */
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

export interface RbacSubject {
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly node: YAMLMap;
}

export interface RbacBinding {
  readonly kind: 'RoleBinding' | 'ClusterRoleBinding';
  readonly name: string | undefined;
  readonly roleKind: string | undefined;
  readonly roleName: string | undefined;
  /** the `roleRef.name` scalar. */
  readonly roleNode: Scalar | undefined;
  readonly subjects: readonly RbacSubject[];
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

/**
 * Where custom resources keep a pod template (Argo Rollouts, Knative Services, OpenKruise CloneSets, KEDA
 * ScaledJobs, …). Taken only when the map there has a `containers` list of maps with an `image`: the shape of a pod spec.
 */
const CRD_POD_PATHS: readonly (readonly string[])[] = [
  ['spec', 'template', 'spec'],
  ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  ['spec', 'jobTargetRef', 'template', 'spec'],
];

const CONTAINER_LISTS: readonly ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'];

/** Kinds that are not workloads even though they may hold a `spec.template.spec`. */
const NOT_WORKLOADS = new Set(['List', 'CustomResourceDefinition', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret']);

/**
 * A strategic-merge patch (`$patch`) states only the fields it changes, so absence means nothing there. (Templated
 * documents are analysed with their actions masked; see parsers/go-template.ts.)
 */
export function isAnalyzable(doc: Document.Parsed, text: string): boolean {
  const r = doc.range;
  return !text.slice(r[0], r[2]).includes('$patch');
}

export function isPatchFile(path: string): boolean {
  return /(^|[/\\._-])patch(es)?([/\\._-]|$)/i.test(path);
}

/** A file in a Helm chart's (or any) `templates/` folder: Go templates that are YAML only once rendered. */
export function isChartTemplatePath(path: string): boolean {
  return /(^|\/)templates\//.test(path.replace(/\\/g, '/'));
}

/** `values.yaml`, `values-prod.yaml`, `values.dev.yml`: a Helm chart's default or override values. */
export function isHelmValuesPath(path: string): boolean {
  return /(^|[/\\])values([.-][^/\\]*)?\.ya?ml$/i.test(path);
}

function kindOf(root: unknown): string | undefined {
  const kind = get(root, 'kind');
  return isScalar(kind) && typeof kind.value === 'string' ? kind.value : undefined;
}

/** A scalar's text for messages: what the user wrote when it was a template action (masked while parsing). */
export function shown(node: unknown, text: string): string | undefined {
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) return undefined;
  const v = String(node.value);
  if (!v.includes(PLACEHOLDER_MARK)) return v;
  const r = rangeOf(node);
  const raw = r ? text.slice(r.start, r.end).trim() : v;
  return raw.length > 60 ? `${raw.slice(0, 59)}…` : raw;
}

function metaName(root: unknown, text: string): string | undefined {
  return shown(get(get(root, 'metadata'), 'name'), text);
}

export interface K8sObject {
  readonly doc: Document.Parsed;
  readonly root: unknown;
  /** its `kind`, when that is a string. */
  readonly kind: string | undefined;
}

/** objectsOf's answers per documents list (a new list for every parse, incremental ones included). */
const OBJECTS = new WeakMap<readonly Document.Parsed[], readonly K8sObject[]>();

/** The Kubernetes objects of a stream: each document, and the items of a `kind: List`. Built once per parse. */
export function objectsOf(docs: readonly Document.Parsed[]): readonly K8sObject[] {
  const known = OBJECTS.get(docs);
  if (known) return known;
  const out: K8sObject[] = [];
  for (const doc of docs) {
    const root = doc.contents;
    const kind = kindOf(root);
    if (kind?.endsWith('List')) {
      for (const item of items(get(root, 'items'))) if (isMap(item)) out.push({ doc, root: item, kind: kindOf(item) });
    } else out.push({ doc, root, kind });
  }
  OBJECTS.set(docs, out);
  return out;
}

function follow(root: unknown, path: readonly string[]): { pair: Pair; node: unknown; parent: unknown } | undefined {
  let node: unknown = root;
  let parent: unknown;
  let pair: Pair | undefined;
  for (const key of path) {
    parent = node;
    pair = getPair(node, key);
    node = pair?.value;
  }
  return pair ? { pair, node, parent } : undefined;
}

function looksLikePodSpec(node: unknown): boolean {
  return items(get(node, 'containers')).some((c) => isMap(c) && get(c, 'image') !== undefined);
}

/** Where a document's pod spec is: by its kind, or by shape for custom resources. */
function podSpecAt(kind: string, root: unknown): { pair: Pair; node: YAMLMap; parent: unknown } | undefined {
  const known = POD_PATHS.get(kind);
  if (known) {
    const hit = follow(root, known);
    return hit && isMap(hit.node) ? { pair: hit.pair, node: hit.node, parent: hit.parent } : undefined;
  }
  if (NOT_WORKLOADS.has(kind)) return undefined;
  for (const path of CRD_POD_PATHS) {
    const hit = follow(root, path);
    if (hit && isMap(hit.node) && looksLikePodSpec(hit.node)) return { pair: hit.pair, node: hit.node, parent: hit.parent };
  }
  return undefined;
}

export function podSpecs(docs: readonly Document.Parsed[], text: string, path: string, templateLines: readonly Range[] = []): PodSpec[] {
  const patch = isPatchFile(path);
  const out: PodSpec[] = [];
  for (const { doc, root, kind } of objectsOf(docs)) {
    if (kind === undefined || !isAnalyzable(doc, text)) continue;
    const at = podSpecAt(kind, root);
    if (!at) continue;
    const node = at.node;
    const containers: Container[] = [];
    for (const list of CONTAINER_LISTS) {
      for (const item of items(get(node, list))) {
        if (!isMap(item)) continue;
        const nameNode = get(item, 'name');
        const name = shown(nameNode, text);
        const anchor = (isScalar(nameNode) ? rangeOf(nameNode) : undefined) ?? rangeOf(item.items[0]?.key) ?? rangeOf(item)!;
        containers.push({ list, node: item, name, securityContext: get(item, 'securityContext'), anchor });
      }
    }
    const anchor = rangeOf(at.pair.key) ?? rangeOf(node)!;
    const osName = get(get(node, 'os'), 'name');
    const selector = get(get(node, 'nodeSelector'), 'kubernetes.io/os');
    const windows =
      (isScalar(osName) && osName.value === 'windows') ||
      (isScalar(selector) && selector.value === 'windows') ||
      get(get(node, 'securityContext'), 'windowsOptions') !== undefined;
    const r = isMap(root) ? rangeOf(root) : undefined;
    const templated = r !== undefined && templateLines.length > 0 && blankedWithin(templateLines, r.start, r.end);
    const annotations = get(get(kind === 'Pod' ? root : at.parent, 'metadata'), 'annotations');
    out.push({ kind, name: metaName(root, text), doc, spec: node, anchor, securityContext: get(node, 'securityContext'), annotations, containers, partial: patch || templated, windows });
  }
  return out;
}

export function rbacRules(docs: readonly Document.Parsed[], text: string): RbacRule[] {
  const out: RbacRule[] = [];
  for (const { doc, root, kind } of objectsOf(docs)) {
    if ((kind !== 'Role' && kind !== 'ClusterRole') || !isAnalyzable(doc, text)) continue;
    for (const rule of items(get(root, 'rules'))) {
      if (!isMap(rule)) continue;
      const scalars = (key: string): Scalar[] => items(get(rule, key)).filter(isScalar);
      out.push({ kind, name: metaName(root, text), node: rule, apiGroups: scalars('apiGroups'), resources: scalars('resources'), verbs: scalars('verbs') });
    }
  }
  return out;
}

function str(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

export function rbacBindings(docs: readonly Document.Parsed[], text: string): RbacBinding[] {
  const out: RbacBinding[] = [];
  for (const { root, kind } of objectsOf(docs)) {
    if (kind !== 'RoleBinding' && kind !== 'ClusterRoleBinding') continue;
    const ref = get(root, 'roleRef');
    const roleNode = get(ref, 'name');
    const subjects: RbacSubject[] = [];
    for (const s of items(get(root, 'subjects'))) {
      if (isMap(s)) subjects.push({ kind: str(get(s, 'kind')), name: str(get(s, 'name')), namespace: str(get(s, 'namespace')), node: s });
    }
    out.push({ kind, name: metaName(root, text), roleKind: str(get(ref, 'kind')), roleName: str(roleNode), roleNode: isScalar(roleNode) ? roleNode : undefined, subjects });
  }
  return out;
}

export interface ValuesSecurityContext {
  /** the keys down to the map, for messages (`controller.podSecurityContext`). */
  readonly path: string;
  readonly node: YAMLMap;
}

export interface ValuesHostFlag {
  readonly key: 'hostNetwork' | 'hostPID' | 'hostIPC';
  readonly pair: Pair;
  readonly path: string;
}

/** A Helm chart's values file as the hardening rules see it: the literal settings that templates copy into pods. */
export interface HelmValues {
  /** maps under any key ending in `securityContext` (`securityContext`, `podSecurityContext`, `containerSecurityContext`, …). */
  readonly securityContexts: readonly ValuesSecurityContext[];
  /** `hostNetwork`, `hostPID`, `hostIPC` keys at any depth. */
  readonly hostFlags: readonly ValuesHostFlag[];
}

const HOST_FLAGS = new Set(['hostNetwork', 'hostPID', 'hostIPC']);
const VALUES = new WeakMap<object, HelmValues | undefined>();

/**
 * The values of a chart (`values*.yaml` without `kind:`), or undefined. Only settings written there are seen: what a
 * template does with them, and every key a values file leaves out, is unknown.
 */
export function helmValuesOf(file: K8sFile): HelmValues | undefined {
  if (file.kind !== 'kubernetes' || !file.yaml || !isHelmValuesPath(file.path)) return undefined;
  if (VALUES.has(file.yaml)) return VALUES.get(file.yaml);
  let out: HelmValues | undefined;
  if (file.yaml.docs.every((d) => kindOf(d.contents) === undefined)) {
    const securityContexts: ValuesSecurityContext[] = [];
    const hostFlags: ValuesHostFlag[] = [];
    const walk = (node: unknown, path: string, depth: number): void => {
      if (depth > 30) return;
      if (isSeq(node)) {
        node.items.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
        return;
      }
      for (const [key, pair] of entries(node)) {
        const at = path ? `${path}.${key}` : key;
        if (/securitycontext$/i.test(key) && isMap(pair.value)) securityContexts.push({ path: at, node: pair.value });
        else if (HOST_FLAGS.has(key)) hostFlags.push({ key: key as ValuesHostFlag['key'], pair, path: at });
        else walk(pair.value, at, depth + 1);
      }
    };
    for (const doc of file.yaml.docs) walk(doc.contents, '', 0);
    out = { securityContexts, hostFlags };
  }
  VALUES.set(file.yaml, out);
  return out;
}

/**
 * An edit that adds `key:` with the given entries under it to the `securityContext` of `holder` (a container or pod
 * spec), creating the `securityContext` when there is none. Undefined when neither is a block map.
 */
export function insertSecurityContextBlock(holder: YAMLMap, key: string, sub: readonly [string, string][], text: string, lines: LineIndex): TextEdit | undefined {
  const eol = lineEnding(text);
  const block = (indent: number): string => `${' '.repeat(indent)}${key}:${sub.map(([k, v]) => `${eol}${' '.repeat(indent + 2)}${k}: ${v}`).join('')}`;
  const sc = getPair(holder, 'securityContext');
  if (sc) {
    if (!isMap(sc.value)) return undefined;
    const indent = keyIndent(sc.value, lines);
    const at = contentLineEnd(sc.value, text, lines);
    if (indent === undefined || at === undefined) return undefined;
    return { range: { start: at, end: at }, newText: `${eol}${block(indent)}` };
  }
  const indent = keyIndent(holder, lines);
  const at = contentLineEnd(holder, text, lines);
  if (indent === undefined || at === undefined) return undefined;
  return { range: { start: at, end: at }, newText: `${eol}${' '.repeat(indent)}securityContext:${eol}${block(indent + 2)}` };
}

/** A plain YAML boolean; undefined for anything else (strings, templates, missing). */
export function boolOf(node: unknown): boolean | undefined {
  return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
}

/** A literal integer; undefined for strings, templates and anything else. */
export function intOf(node: unknown): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
}

/** A scalar whose value is written as a variable or template (`${X}`, `{{ }}` (masked to `$___`), `$(X)`): only known later. */
export function isDynamic(node: unknown): boolean {
  return isScalar(node) && typeof node.value === 'string' && /\$\{|\{\{|\$\(|\$___/.test(node.value);
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
  // From the end in place: several rules ask this of every container of a manifest.
  const last = map.items.findLast(isPair);
  const r = rangeOf(last?.value) ?? rangeOf(last?.key);
  if (!r) return undefined;
  let end = r.end;
  while (end > r.start && isJsSpace(text.charCodeAt(end - 1))) end--;
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

interface K8sFile {
  readonly kind: string;
  readonly text: string;
  readonly path: string;
  readonly yaml: { readonly docs: readonly Document.Parsed[]; readonly templateLines?: readonly Range[] } | undefined;
}

const PODS = new WeakMap<object, PodSpec[]>();

/** The pod specs of a Kubernetes file (none for other kinds), worked out once per parse: most Kubernetes rules read them. */
export function podsOf(file: K8sFile): PodSpec[] {
  if (file.kind !== 'kubernetes' || !file.yaml) return [];
  let pods = PODS.get(file.yaml);
  if (!pods) PODS.set(file.yaml, (pods = podSpecs(file.yaml.docs, file.text, file.path, file.yaml.templateLines)));
  return pods;
}
