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
  if (!cmds) BY_SCRIPT.set(s, (cmds = s.node ? keptCommands(s, s.node) : mappedCommands(s.text, (a, b) => s.fileRange(a, b))));
  return cmds;
}

/**
 * The commands of a YAML script seen in an earlier version, by its scalar node. After an incremental re-parse the
 * scalars outside the re-parsed piece are the same objects over the same characters, moved as a whole (decision 0006):
 * every word range of their script moves by the same amount, so the words are the earlier ones (unmoved) or copies
 * moved by it — the script is not split again. The value and the range's length are compared as well. The lists are
 * never changed once made (an earlier analysis may still hold them).
 */
const BY_NODE = new WeakMap<object, { readonly value: string; readonly start: number; readonly length: number; readonly commands: Command[] }>();

function keptCommands(s: Script, node: object): Command[] {
  const { start, end } = s.range;
  const seen = BY_NODE.get(node);
  let commands: Command[];
  if (seen && seen.value === s.text && seen.length === end - start) {
    if (seen.start === start) return seen.commands;
    const by = start - seen.start;
    commands = seen.commands.map((cmd) => cmd.map((w) => ({ ...w, range: { start: w.range.start + by, end: w.range.end + by } })));
  } else {
    commands = mappedCommands(s.text, (a, b) => s.fileRange(a, b));
  }
  BY_NODE.set(node, { value: s.text, start, length: end - start, commands });
  return commands;
}

/**
 * Every shell command of the file, with file ranges: a Dockerfile's RUNs (`dockerfileCommands`) or its scripts, made
 * once per parse. The rules that read it loop by index: a `for…of` over a list of 500,000 commands ran interpreted
 * long enough to make an iterator result per command (a Dockerfile RUN of 500k commands: 48–49 scavenges per analysis
 * with `for…of`, 34–44 by index; a workflow `run:` of as many: 44 and 32).
 */
export function fileCommands(file: SourceFile): Command[] {
  const df = file.dockerfile;
  if (df) return dockerfileCommands(df, file.text, file.lines);
  const cached = CACHE.get(file);
  if (cached) return cached;
  const out: Command[] = [];
  for (const s of file.facets.scripts) {
    if (s.source === 'dockerfile-run') continue;
    // One by one: spreading a script of 200,000 commands into push() overflows the call stack.
    const cmdList = scriptCommands(s);
    for (let cmdAt = 0; cmdAt < cmdList.length; cmdAt++) out.push(cmdList[cmdAt]!);
  }
  // Cached once complete, so a throw above cannot leave a partial (or empty) list for the next rule.
  CACHE.set(file, out);
  return out;
}
