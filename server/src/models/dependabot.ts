// Typed view of `.github/dependabot.yml`: the update entries and the keys the Dependabot rules read.

import { isMap, type Document, type Pair } from 'yaml';
import type { Range } from '../core/types.js';
import { get, getPair, items, rangeOf } from './yaml-nodes.js';
import { scalarText } from './yaml-values.js';

export interface DependabotUpdate {
  readonly node: unknown;
  readonly range: Range;
  /** `package-ecosystem`, e.g. `npm`, `github-actions`. */
  readonly ecosystem: string | undefined;
  readonly ecosystemRange: Range | undefined;
  readonly directory: string | undefined;
  readonly cooldown: Pair<unknown, unknown> | undefined;
  /** `insecure-external-code-execution` (`allow` | `deny`). */
  readonly externalCode: Pair<unknown, unknown> | undefined;
  /** the names under `registries:` (or `*`). */
  readonly registries: readonly string[];
}

export interface DependabotConfig {
  readonly doc: Document.Parsed;
  readonly version: string | undefined;
  readonly updates: readonly DependabotUpdate[];
  /** the `registries:` defined at the top (names), whose credentials updates may use. */
  readonly registries: readonly string[];
}

const cache = new WeakMap<object, DependabotConfig | null>();

export function dependabotOf(doc: Document.Parsed): DependabotConfig | undefined {
  const hit = cache.get(doc);
  if (hit !== undefined) return hit ?? undefined;
  const root = doc.contents;
  let config: DependabotConfig | undefined;
  if (isMap(root)) {
    const updates: DependabotUpdate[] = [];
    for (const node of items(get(root, 'updates'))) {
      if (!isMap(node)) continue;
      const eco = getPair(node, 'package-ecosystem');
      const regs = get(node, 'registries');
      updates.push({
        node,
        range: rangeOf(node) ?? { start: 0, end: 0 },
        ecosystem: scalarText(eco?.value),
        ecosystemRange: rangeOf(eco?.value) ?? rangeOf(eco?.key),
        directory: scalarText(get(node, 'directory')),
        cooldown: getPair(node, 'cooldown'),
        externalCode: getPair(node, 'insecure-external-code-execution'),
        registries: scalarText(regs) !== undefined ? [scalarText(regs)!] : items(regs).map(scalarText).filter((x): x is string => x !== undefined),
      });
    }
    const regMap = get(root, 'registries');
    const registries = isMap(regMap) ? regMap.items.map((p) => scalarText(p.key)).filter((x): x is string => x !== undefined) : [];
    config = { doc, version: scalarText(get(root, 'version')), updates, registries };
  }
  cache.set(doc, config ?? null);
  return config;
}

export function dependabotConfigsIn(file: { readonly kind: string; readonly yaml: { readonly docs: readonly Document.Parsed[] } | undefined }): DependabotConfig[] {
  if (file.kind !== 'dependabot' || !file.yaml) return [];
  return file.yaml.docs.map(dependabotOf).filter((c): c is DependabotConfig => c !== undefined);
}
