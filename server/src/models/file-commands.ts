// Every shell command of a file, whatever its kind: Dockerfile RUN (exact ranges) and CI scripts (from the scripts facet).

import { dockerfileCommands } from './dockerfile-stages.js';
import { mappedCommands, type Command } from './shell-words.js';
import type { Script } from './scripts.js';
import type { SourceFile } from './source-file.js';

const CACHE = new WeakMap<SourceFile, Command[]>();
const BY_SCRIPT = new WeakMap<Script, Command[]>();

/**
 * The commands of one script of the scripts facet, ranges in the file, split once per script whichever rule asks
 * (a script of 500,000 commands was split again by every rule that reads commands per job).
 */
export function scriptCommands(s: Script): Command[] {
  let cmds = BY_SCRIPT.get(s);
  if (!cmds) BY_SCRIPT.set(s, (cmds = mappedCommands(s.text, (a, b) => s.fileRange(a, b))));
  return cmds;
}

export function fileCommands(file: SourceFile): Command[] {
  const df = file.dockerfile;
  if (df) return dockerfileCommands(df, file.text, file.lines);
  const cached = CACHE.get(file);
  if (cached) return cached;
  const out: Command[] = [];
  for (const s of file.facets.scripts) {
    if (s.source === 'dockerfile-run') continue;
    // One by one: spreading a script of 200,000 commands into push() overflows the call stack.
    for (const cmd of scriptCommands(s)) out.push(cmd);
  }
  // Cached once complete, so a throw above cannot leave a partial (or empty) list for the next rule.
  CACHE.set(file, out);
  return out;
}
