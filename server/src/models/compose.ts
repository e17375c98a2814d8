// docker-compose files as rules see them: each service with its map and name.

import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import type { Range } from '../core/types.js';
import { entries, get, rangeOf } from './yaml-nodes.js';

export interface ComposeService {
  readonly name: string;
  readonly node: YAMLMap;
  /** the service's key, where findings about the service as a whole point. */
  readonly anchor: Range;
}

export function composeServices(docs: readonly Document.Parsed[]): ComposeService[] {
  const out: ComposeService[] = [];
  for (const doc of docs) {
    for (const [name, pair] of entries(get(doc.contents, 'services'))) {
      if (!isMap(pair.value)) continue;
      out.push({ name, node: pair.value, anchor: rangeOf(pair.key) ?? rangeOf(pair.value)! });
    }
  }
  return out;
}

export function servicesOf(file: { readonly kind: string; readonly yaml: { readonly docs: readonly Document.Parsed[] } | undefined }): ComposeService[] {
  if (file.kind !== 'compose' || !file.yaml) return [];
  return composeServices(file.yaml.docs);
}

/** A literal string value (not a variable such as `${MODE}`); undefined otherwise. */
export function literalString(node: unknown): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  return node.value.includes('$') ? undefined : node.value;
}
