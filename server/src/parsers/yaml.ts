// YAML parsing that never throws: every document of a stream, with source ranges and parse errors.

import { parseAllDocuments, type Document } from 'yaml';
import type { ParseError, Range } from '../core/types.js';
import { maskTemplateActions } from './go-template.js';

export interface YamlFile {
  readonly docs: readonly Document.Parsed[];
  readonly errors: readonly ParseError[];
  /**
   * Set when the text was parsed with its `{{ … }}` template actions masked (see go-template.ts): the lines that
   * held only actions. Node values that were actions start with `$___`.
   */
  readonly templateLines?: readonly Range[];
}

/**
 * `templates`: parse Go-templated YAML (Helm charts) leniently, actions masked. `chart`: the file is a chart
 * template, whose YAML errors are not reported: it is YAML only once rendered, and errors in the masked text would
 * point at the template, not at a mistake.
 */
export function parseYaml(text: string, opts: { templates?: boolean; chart?: boolean } = {}): YamlFile {
  const masked = opts.templates ? maskTemplateActions(text) : undefined;
  if (masked) {
    const parsed = parseYaml(masked.text);
    return { docs: parsed.docs, errors: opts.chart ? [] : parsed.errors, templateLines: masked.blankedLines };
  }
  const errors: ParseError[] = [];
  let docs: Document.Parsed[] = [];
  try {
    const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, strict: false });
    // An empty stream yields an EmptyStream (an array-like with no documents).
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    // `yaml` reports problems as errors on the document; a throw is a library bug, kept as one error.
    errors.push({ message: `YAML parser failed: ${e instanceof Error ? e.message : String(e)}`, range: { start: 0, end: 0 } });
  }
  for (const doc of docs) {
    for (const err of doc.errors) {
      // `yaml` may point one past the end of the text; keep ranges inside the document.
      const start = Math.min(Math.max(0, err.pos[0]), text.length);
      const end = Math.min(Math.max(start, err.pos[1]), text.length);
      errors.push({ message: message(err.message), range: { start, end } });
    }
  }
  return { docs, errors };
}

/**
 * First line of a `yaml` message, without source text it quotes: the error's range already points at it, and the
 * text may be a secret (`KEY: |AKIA…` is a bad block-scalar header quoting the key).
 */
function message(s: string): string {
  const i = s.indexOf('\n');
  const line = i === -1 ? s : s.slice(0, i);
  return line.replace(/^(Block scalar header includes extra characters): .*$/, '$1');
}
