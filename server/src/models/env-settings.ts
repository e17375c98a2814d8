// Environment variables set in a file: Dockerfile `ENV`/`ARG`, and YAML `NAME: value` maps (`env:`, `variables:`,
// Compose `environment:`), `NAME=value` list items and Kubernetes `- name: NAME` / `value:` entries. Rules that look
// for a switch by variable name (TLS verification off, an extra package index) share this walk.

import type { Dockerfile, Property } from '../parsers/dockerfile.js';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { LineIndex } from '../core/text.js';
import type { Range } from '../core/types.js';
import { get, rangeOf, yamlMayContain } from './yaml-nodes.js';
import { append } from '../core/arrays.js';

export interface EnvSetting {
  readonly name: string;
  /** how it is written: Dockerfile property, YAML map pair, `NAME=value` list item, Kubernetes name/value entry. */
  readonly form: 'dockerfile' | 'map' | 'list' | 'k8s';
  /** the literal value (numbers and booleans as text); undefined when it is not a plain scalar. */
  readonly value: string | undefined;
  /** YAML map pairs: the value node is a scalar (possibly empty or null). */
  readonly scalar: boolean;
  /** the name as written (Dockerfile: the whole `NAME=value` property). */
  readonly keyRange: Range;
  /** the value as written (Dockerfile and list items: the whole property or item). */
  readonly valueRange: Range;
}

const DOCKERFILE_SETTINGS = new WeakMap<Dockerfile, readonly EnvSetting[]>();

/**
 * `ENV` (every property) and `ARG` (its one property); values with their quotes and escapes resolved, as the build
 * sees them (`ENV A="0"` sets `0`). Built once per parse.
 */
export function dockerfileEnvSettings(df: Dockerfile, lines: LineIndex): readonly EnvSetting[] {
  let settings = DOCKERFILE_SETTINGS.get(df);
  if (!settings) DOCKERFILE_SETTINGS.set(df, (settings = buildDockerfileSettings(df, lines)));
  return settings;
}

function buildDockerfileSettings(df: Dockerfile, lines: LineIndex): EnvSetting[] {
  const out: EnvSetting[] = [];
  for (const instr of df.getInstructions()) {
    const keyword = instr.getKeyword();
    const props: Property[] = [];
    if (keyword === 'ENV') append(props, (instr as unknown as { getProperties(): Property[] }).getProperties());
    else if (keyword === 'ARG') {
      const p = (instr as unknown as { getProperty(): Property | null }).getProperty();
      if (p) props.push(p);
    }
    for (const p of props) {
      const r = p.getRange();
      const range = { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) };
      out.push({ name: p.getName(), form: 'dockerfile', value: p.getValue() ?? undefined, scalar: true, keyRange: range, valueRange: range });
    }
  }
  return out;
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/**
 * Whether YAML `text` can hold a key, `name:` value or `NAME=` list item equal to one of `names`: a scalar's value
 * spells its characters as written, except in a double-quoted scalar, whose escapes (`\x5F`, a `\` line join)
 * all start with a backslash. So a text without a backslash must contain the name itself.
 */
export function mayNameInYaml(text: string, names: Iterable<string>): boolean {
  if (text.includes('\\')) return true;
  for (const n of names) if (yamlMayContain(text, n)) return true;
  return false;
}

/** yamlEnvSettings for the variables in `names`, without walking a text that cannot name any of them. */
export function yamlEnvSettingsNamed(text: string, docs: readonly { contents: unknown }[], names: ReadonlySet<string> | ReadonlyMap<string, unknown>): EnvSetting[] {
  return mayNameInYaml(text, names.keys()) ? yamlEnvSettings(docs, (n) => names.has(n)) : [];
}

/** Settings of the variables `wanted` accepts, anywhere in the YAML documents. */
export function yamlEnvSettings(docs: readonly { contents: unknown }[], wanted: (name: string) => boolean): EnvSetting[] {
  const out: EnvSetting[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (isMap(node)) {
      const name = get(node, 'name');
      if (isScalar(name) && typeof name.value === 'string' && wanted(name.value)) {
        const value = get(node, 'value');
        const keyRange = rangeOf(name);
        const valueRange = rangeOf(value);
        if (keyRange && valueRange) out.push({ name: name.value, form: 'k8s', value: scalarText(value), scalar: isScalar(value), keyRange, valueRange });
      }
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key) && typeof pair.key.value === 'string' && wanted(pair.key.value)) {
          const keyRange = rangeOf(pair.key);
          const valueRange = rangeOf(pair.value) ?? keyRange;
          if (keyRange && valueRange) out.push({ name: pair.key.value, form: 'map', value: scalarText(pair.value), scalar: isScalar(pair.value), keyRange, valueRange });
        }
        walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isScalar(item) && typeof item.value === 'string') {
          const eq = item.value.indexOf('=');
          const range = rangeOf(item);
          if (eq > 0 && range && wanted(item.value.slice(0, eq))) {
            out.push({ name: item.value.slice(0, eq), form: 'list', value: item.value.slice(eq + 1), scalar: true, keyRange: range, valueRange: range });
          }
        }
        walk(item, depth + 1);
      }
    }
  };
  for (const doc of docs) walk(doc.contents, 0);
  return out;
}
