// Every shell command of a file, whatever its kind: Dockerfile RUN (exact ranges) and CI scripts (from the scripts facet).

import { dockerfileCommands } from './dockerfile-stages.js';
import { mappedCommands, type Command } from './shell-words.js';
import type { SourceFile } from './source-file.js';

const CACHE = new WeakMap<SourceFile, Command[]>();

export function fileCommands(file: SourceFile): Command[] {
  const df = file.dockerfile;
  if (df) return dockerfileCommands(df, file.text, file.lines);
  const cached = CACHE.get(file);
  if (cached) return cached;
  const out: Command[] = [];
  for (const s of file.facets.scripts) {
    if (s.source === 'dockerfile-run') continue;
    // One by one: spreading a script of 200,000 commands into push() overflows the call stack.
    for (const cmd of mappedCommands(s.text, (a, b) => s.fileRange(a, b))) out.push(cmd);
  }
  // Cached once complete, so a throw above cannot leave a partial (or empty) list for the next rule.
  CACHE.set(file, out);
  return out;
}
