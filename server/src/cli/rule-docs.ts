// docs/rules/<id>.md for `forewarn explain` and SARIF help text. The build writes them to dist/rule-docs.json beside
// the CLI bundle, read here on first use only: a scan in any other format never reads or parses them.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file build.mjs writes beside the bundle: `{ "<rule id>": "<markdown page>" }`. */
export const RULE_DOCS_FILE = 'rule-docs.json';

let docs: Readonly<Record<string, string>> | undefined;

/**
 * Every rule's page by id; empty where there is no docs file beside this module (the unbundled tree of the unit
 * tests), and then the CLI falls back to the rule's one-line description.
 */
export function ruleDocs(dir: string = __dirname): Readonly<Record<string, string>> {
  if (docs && dir === __dirname) return docs;
  let read: Readonly<Record<string, string>> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, RULE_DOCS_FILE), 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) read = parsed as Record<string, string>;
  } catch {
    // no docs file: descriptions only
  }
  if (dir === __dirname) docs = read;
  return read;
}
