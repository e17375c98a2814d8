// Deep comparison of two `yaml` document lists: same prototypes and the same own enumerable properties, recursively
// (`srcToken`, yaml's CST token, skipped); reports the first path where they differ. Objects shared in one list must
// be shared the same way in the other, except inside a document's `schema` and `options`: the fast reader gives every
// document of a stream the same two objects (nothing changes them after the parse), `yaml` a copy each, so those are
// compared by content only.

import { parseAllDocuments, type Document } from 'yaml';
import { YAML_OPTIONS } from '../../server/src/parsers/yaml.js';

/** The first difference between `a` and `b` as `path: what`, or undefined when they are equal. */
export function firstDifference(a: unknown, b: unknown): string | undefined {
  const seen = new Map<object, object>();
  /** pairs already compared inside schemas and options (by content: one object may pair with several). */
  const compared = new Map<object, Set<object>>();
  // an explicit stack: documents nest deeper than the call stack allows
  const stack: [unknown, unknown, string, boolean][] = [[a, b, '$', false]];
  while (stack.length > 0) {
    const [x, y, path, byContent] = stack.pop()!;
    if (Object.is(x, y)) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) {
      if (typeof x === 'function' && typeof y === 'function' && x.toString() === y.toString()) continue;
      return `${path}: ${show(x)} !== ${show(y)}`;
    }
    if (byContent) {
      let partners = compared.get(x);
      if (!partners) compared.set(x, (partners = new Set()));
      if (partners.has(y)) continue;
      partners.add(y);
    } else {
      const paired = seen.get(x);
      if (paired !== undefined) {
        if (paired === y) continue;
        return `${path}: a shared object is paired with two different ones`;
      }
      seen.set(x, y);
    }
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${path}: prototype ${name(x)} !== ${name(y)}`;
    if (Array.isArray(x) !== Array.isArray(y)) return `${path}: array vs non-array`;
    const kx = Object.keys(x).filter((k) => k !== 'srcToken');
    const ky = Object.keys(y).filter((k) => k !== 'srcToken');
    const sx = new Set(kx);
    for (const k of ky) if (!sx.has(k)) return `${path}.${k}: missing in the first (${show((y as Record<string, unknown>)[k])})`;
    if (kx.length !== ky.length) {
      const sy = new Set(ky);
      const extra = kx.find((k) => !sy.has(k))!;
      return `${path}.${extra}: missing in the second (${show((x as Record<string, unknown>)[extra])})`;
    }
    for (let i = kx.length - 1; i >= 0; i--) {
      const k = kx[i]!;
      stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`, byContent || k === 'schema' || k === 'options']);
    }
  }
  return undefined;
}

function name(o: object): string {
  const p = Object.getPrototypeOf(o) as { constructor?: { name?: string } } | null;
  return p?.constructor?.name ?? String(p);
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' && v !== null ? name(v) : String(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** `yaml`'s documents for `text` as the project parses them (an empty stream as no document). */
export function yamlDocs(text: string): Document.Parsed[] {
  const parsed = parseAllDocuments(text, YAML_OPTIONS);
  return Array.isArray(parsed) ? parsed : [];
}
