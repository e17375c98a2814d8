// Container image references in YAML kinds: job/service containers, pod templates, compose services, CI images.

import { isMap, isPair, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import type { FileKind, Range } from '../core/types.js';
import { entries, get, items, valueRange } from './yaml-nodes.js';

export type YamlImageSource =
  | 'github-container'
  | 'github-service'
  | 'github-action-image'
  | 'gitlab-image'
  | 'gitlab-service'
  | 'azure-container'
  | 'bitbucket-image'
  | 'circleci-docker'
  | 'compose-image'
  | 'kubernetes-container'
  | 'helm-values';

export interface YamlImage {
  readonly source: YamlImageSource;
  /** the image as written, e.g. `node:20` (a `docker://` prefix is not part of it). */
  readonly raw: string;
  readonly range: Range;
  /** undefined when the value depends on a variable, expression or template parameter. */
  readonly resolved: string | undefined;
  /** the range covers `raw` character for character, so offsets inside `raw` map onto the text. */
  readonly exact: boolean;
}

/** `$VAR`, `${{ … }}`, `$(var)`, `<< parameters.x >>`, `{{ .Values.x }}`: known only when the pipeline runs. */
const DYNAMIC = /[$<{]/;

function push(out: YamlImage[], source: YamlImageSource, node: unknown, text: string, prefix = ''): void {
  if (!isScalar(node) || typeof node.value !== 'string') return;
  const value = node.value;
  if (!value.startsWith(prefix)) return;
  const raw = value.slice(prefix.length).trim();
  if (!raw) return;
  const full = valueRange(node as Scalar, text);
  const exact = full.end - full.start === value.length && text.slice(full.start, full.end) === value;
  const lead = value.slice(prefix.length).length - value.slice(prefix.length).trimStart().length;
  const range = exact ? { start: full.start + prefix.length + lead, end: full.start + prefix.length + lead + raw.length } : full;
  out.push({ source, raw, range, resolved: DYNAMIC.test(raw) ? undefined : raw, exact });
}

/** `image: x` or `{ name: x }` (GitLab, Bitbucket) / `{ image: x }` (GitHub, Azure). */
function pushForm(out: YamlImage[], source: YamlImageSource, node: unknown, text: string, mapKey: 'name' | 'image'): void {
  if (isMap(node)) push(out, source, get(node, mapKey), text);
  else push(out, source, node, text);
}

const GITLAB_KEYWORDS = new Set(['stages', 'variables', 'include', 'workflow', 'default', 'spec', 'cache', 'before_script', 'after_script']);

export function yamlImages(kind: FileKind, docs: readonly Document.Parsed[], text: string): YamlImage[] {
  const out: YamlImage[] = [];
  for (const doc of docs) {
    const root = doc.contents;
    switch (kind) {
      case 'github-workflow':
        for (const [, job] of entries(get(root, 'jobs'))) {
          pushForm(out, 'github-container', get(job.value, 'container'), text, 'image');
          for (const [, svc] of entries(get(job.value, 'services'))) pushForm(out, 'github-service', svc.value, text, 'image');
        }
        break;
      case 'github-action': {
        const runs = get(root, 'runs');
        const using = get(runs, 'using');
        if (isScalar(using) && using.value === 'docker') push(out, 'github-container', get(runs, 'image'), text, 'docker://');
        break;
      }
      case 'gitlab-ci': {
        const gitlabJob = (job: unknown): void => {
          pushForm(out, 'gitlab-image', get(job, 'image'), text, 'name');
          for (const s of items(get(job, 'services'))) pushForm(out, 'gitlab-service', s, text, 'name');
        };
        gitlabJob(root);
        gitlabJob(get(root, 'default'));
        for (const [key, job] of entries(root)) {
          if (GITLAB_KEYWORDS.has(key) || key === 'image' || key === 'services' || !isMap(job.value)) continue;
          gitlabJob(job.value);
        }
        break;
      }
      case 'azure-pipelines':
        azureImages(root, text, out);
        break;
      case 'bitbucket-pipelines':
        walkBitbucket(root, text, out, 0);
        break;
      case 'circleci':
        for (const section of ['jobs', 'executors']) {
          for (const [, holder] of entries(get(root, section))) {
            for (const d of items(get(holder.value, 'docker'))) push(out, 'circleci-docker', get(d, 'image'), text);
          }
        }
        break;
      case 'compose':
        for (const [, svc] of entries(get(root, 'services'))) {
          // With `build:`, `image:` names the image Compose builds and tags, not one it pulls.
          if (get(svc.value, 'build') === undefined) push(out, 'compose-image', get(svc.value, 'image'), text);
        }
        break;
      case 'kubernetes':
        walkPodSpecs(root, text, out, 0);
        break;
      default:
        break;
    }
  }
  out.sort((a, b) => a.range.start - b.range.start);
  return out;
}

function azureImages(root: unknown, text: string, out: YamlImage[]): void {
  const aliases = new Set<string>();
  for (const c of items(get(get(root, 'resources'), 'containers'))) {
    const alias = get(c, 'container');
    if (isScalar(alias) && typeof alias.value === 'string') aliases.add(alias.value);
    push(out, 'azure-container', get(c, 'image'), text);
  }
  const job = (j: unknown): void => {
    const c = get(j, 'container');
    if (isMap(c)) push(out, 'azure-container', get(c, 'image'), text);
    // A bare name may be an alias of `resources.containers` (here or in a template): only `name:tag`/`host/name` is surely an image.
    else if (isScalar(c) && typeof c.value === 'string' && !aliases.has(c.value) && /[:/@]/.test(c.value)) push(out, 'azure-container', c, text);
  };
  job(root);
  for (const j of items(get(root, 'jobs'))) job(j);
  for (const s of items(get(root, 'stages'))) for (const j of items(get(s, 'jobs'))) job(j);
}

function walkBitbucket(node: unknown, text: string, out: YamlImage[], depth: number): void {
  if (depth > 40) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isScalar(pair.key) && pair.key.value === 'image') pushForm(out, 'bitbucket-image', pair.value, text, 'name');
      else walkBitbucket(pair.value, text, out, depth + 1);
    }
  } else if (isSeq(node)) for (const i of node.items) walkBitbucket(i, text, out, depth + 1);
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Pod specs sit at different depths (Pod, Deployment, CronJob, List items): find their container lists anywhere. */
function walkPodSpecs(node: unknown, text: string, out: YamlImage[], depth: number): void {
  if (depth > 40) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && CONTAINER_LISTS.has(pair.key.value) && isSeq(pair.value)) {
        for (const c of pair.value.items) if (isMap(c) && get(c, 'name') !== undefined) push(out, 'kubernetes-container', get(c, 'image'), text);
      } else walkPodSpecs(pair.value, text, out, depth + 1);
    }
  } else if (isSeq(node)) for (const i of node.items) walkPodSpecs(i, text, out, depth + 1);
}

function literalText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
}

/**
 * Images of a Helm values file: maps under an `image` key (or one ending in `Image`) with a literal `repository` and
 * `tag` (and optional `registry`, `digest`). Without a `tag` (or with an empty one) a chart usually falls back to its
 * appVersion: not an image we can name. The range is the tag's value, where a fix would go.
 */
export function helmValuesImages(docs: readonly Document.Parsed[], text: string): YamlImage[] {
  const out: YamlImage[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 30) return;
    if (isSeq(node)) {
      for (const i of node.items) walk(i, depth + 1);
      return;
    }
    for (const [key, pair] of entries(node)) {
      const m = pair.value;
      if ((key === 'image' || key.endsWith('Image')) && isMap(m)) {
        const repository = literalText(get(m, 'repository'));
        const tagNode = get(m, 'tag');
        const tag = literalText(tagNode);
        if (repository && tag && isScalar(tagNode)) {
          const registry = literalText(get(m, 'registry'));
          const digest = literalText(get(m, 'digest'));
          const raw = `${registry ? `${registry}/` : ''}${repository}:${tag}${digest ? `@${digest}` : ''}`;
          out.push({ source: 'helm-values', raw, range: valueRange(tagNode as Scalar, text), resolved: DYNAMIC.test(raw) ? undefined : raw, exact: false });
        }
        continue;
      }
      walk(m, depth + 1);
    }
  };
  for (const doc of docs) walk(doc.contents, 0);
  return out;
}
