// Links in `.forewarn.yml`: every rule id (a `rules:` key, or in the commented template) and the header's command
// URI open the rule's page bundled with the extension, so the file documents itself offline.

import type { DocumentLink } from 'vscode-languageserver';
import { LineIndex } from '../core/text.js';
import { RULE_DOCS_COMMAND_URI } from '../engine/config.js';
import { ruleDocsUri, toLspRange } from './convert.js';

/** A rule id as a mapping key, commented out or not: `  image-latest: low`, `#   image-latest:   medium`. */
const KEY = /^[ \t]*(?:#[ \t]*)?([a-z0-9]+(?:-[a-z0-9]+)*):/;

export function configDocumentLinks(text: string, ruleIds: ReadonlySet<string>): DocumentLink[] {
  const lines = new LineIndex(text);
  const links: DocumentLink[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const content = lines.lineText(line);
    const key = KEY.exec(content);
    if (key && ruleIds.has(key[1]!)) {
      const at = start + key[0].length - key[1]!.length - 1;
      links.push({ range: toLspRange(lines, { start: at, end: at + key[1]!.length }), target: ruleDocsUri(key[1]!), tooltip: `Show the page of ${key[1]}` });
    }
    const cmd = content.indexOf(RULE_DOCS_COMMAND_URI);
    if (cmd !== -1) {
      const at = start + cmd;
      links.push({ range: toLspRange(lines, { start: at, end: at + RULE_DOCS_COMMAND_URI.length }), target: RULE_DOCS_COMMAND_URI, tooltip: 'Pick a rule and show its page' });
    }
  }
  return links;
}
