// `ADD` of local files in a Dockerfile, where `COPY` does the same without ADD's implicit download and unpacking.

import type { Instruction } from 'dockerfile-ast';
import type { Fix } from '../../core/types.js';
import { keywordRange } from '../../models/dockerfile-stages.js';
import { defineRule } from '../define.js';

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** A URL, `git@…`, or a path ending in `.git` or `.git#<ref>` (the ref on one line). */
export function isRemote(src: string): boolean {
  if (URL_SCHEME.test(src) || src.startsWith('git@') || src.endsWith('.git')) return true;
  const ref = src.lastIndexOf('.git#');
  return ref !== -1 && !/[\n\r\u2028\u2029]/.test(src.slice(ref + 5));
}

/** Sources ADD would unpack: turning those into COPY would change the image. */
const ARCHIVE = /\.(tar|tgz|tbz|tbz2|txz|tzst|tlz|gz|bz2|xz|zst|lz4|lzma|lz|z|zip)$/i;
/** Flags that COPY accepts with the same meaning. */
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude', 'parents']);

/** The source operands of an ADD (all operands but the destination), unquoted, or undefined when the form is unclear. */
function sources(instr: Instruction): string[] | undefined {
  const raw = instr.getRawArgumentsContent() ?? '';
  let operands: string[];
  if (raw.trimStart().startsWith('[')) {
    const json = (instr as unknown as { getJSONStrings?: () => { getJSONValue(): string }[] }).getJSONStrings?.call(instr) ?? [];
    operands = json.map((s) => s.getJSONValue());
  } else {
    // `ADD "x.tar.gz" /dir`: the shell form's quotes are not part of the name.
    operands = instr.getArguments().map((a) => a.getValue().replace(/["']/g, ''));
  }
  if (operands.length < 2) return undefined;
  return operands.slice(0, -1);
}

function isPlainLocal(src: string): boolean {
  if (src.includes('$') || isRemote(src) || ARCHIVE.test(src)) return false;
  // A glob may match an archive unless its extension says otherwise.
  if (/[*?[]/.test(src) && !/\.[A-Za-z0-9]+$/.test(src)) return false;
  return true;
}

/**
 * ADD unpacks a local tar archive whatever its name, recognised by its content: only a source whose extension is
 * not an archive's, or a folder, is surely copied as-is. `app`, `files` or `rootfs` may be a tarball.
 */
function surelyNotArchive(src: string): boolean {
  if (src.startsWith('<<')) return true;
  if (src === '.' || src === '..' || src.endsWith('/') || src.endsWith('/.')) return true;
  return /\.[A-Za-z0-9]+$/.test(src.slice(src.lastIndexOf('/') + 1));
}

export default defineRule({
  id: 'dockerfile-add-local',
  family: 'hardening',
  kinds: ['dockerfile'],
  severity: 'low',
  description: '`ADD` is used for local files where `COPY` is enough',
  cwe: [829],
  fix: 'unsafe',
  check(ctx) {
    const df = ctx.file.dockerfile;
    if (!df) return;
    for (const instr of df.getInstructions()) {
      if (instr.getKeyword() !== 'ADD') continue;
      const flags = (instr as unknown as { getFlags?: () => { getName(): string }[] }).getFlags?.call(instr) ?? [];
      if (flags.some((f) => !COPY_FLAGS.has(f.getName()))) continue;
      const srcs = sources(instr);
      if (!srcs || !srcs.every((s) => s.startsWith('<<') || isPlainLocal(s))) continue;
      const range = keywordRange(instr, ctx.file.lines);
      const written = ctx.file.text.slice(range.start, range.end);
      const copy = written === written.toLowerCase() ? 'copy' : written === 'ADD' ? 'COPY' : 'Copy';
      const unsure = srcs.find((s) => !surelyNotArchive(s));
      const fix: Fix =
        unsure === undefined
          ? { title: 'Replace ADD with COPY', safety: 'safe', edits: [{ range, newText: copy }] }
          : { title: `Replace ADD with COPY (only if '${unsure.slice(0, 60)}' is not a tar archive: ADD unpacks those, COPY does not)`, safety: 'unsafe', edits: [{ range, newText: copy }] };
      ctx.report({
        range,
        message:
          '`ADD` of local files: ADD also fetches URLs and unpacks archives, so a later change to the source (a file renamed to .tar.gz, a path that becomes a URL) silently changes what lands in the image. Use `COPY`, which only copies.',
        fixes: [fix],
      });
    }
  },
});
