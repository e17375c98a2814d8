// Dockerfile `ADD <url>` without `--checksum`: the build trusts whatever the server returns that day.

import type { Range } from '../../core/types.js';
import { defineRule } from '../define.js';

const URL = /^https?:\/\//i;
/** A git source (`https://host/repo.git#ref`) is pinned by a full commit SHA, not by a checksum. */
const GIT_PINNED = /\.git#[0-9a-f]{40}(?::|$)/i;
/** A file addressed by commit (`https://github.com/o/r/raw/<sha>/path`): the content is fixed by the commit. */
const COMMIT_URL = /\/[0-9a-f]{40}\//i;

export default defineRule({
  id: 'add-without-checksum',
  family: 'pinning',
  kinds: ['dockerfile'],
  severity: 'medium',
  description: '`ADD` downloads a URL without verifying it with `--checksum`',
  cwe: [494, 353],
  fix: 'none',
  check(ctx) {
    const df = ctx.file.dockerfile;
    if (!df || !/\badd\b/i.test(ctx.file.text)) return;
    const lines = ctx.file.lines;
    for (const ins of df.getInstructions()) {
      if (ins.getKeyword() !== 'ADD') continue;
      const add = ins as unknown as {
        getFlags(): { getName(): string }[];
        getJSONStrings(): { getJSONValue(): string; getRange(): { start: never; end: never } }[];
      };
      if (add.getFlags().some((f) => f.getName().toLowerCase() === 'checksum')) continue;
      const json = add.getJSONStrings();
      const args: { value: string; range: Range }[] = (json.length > 0 ? json.map((a) => ({ value: a.getJSONValue(), r: a.getRange() })) : ins.getArguments().map((a) => ({ value: a.getValue(), r: a.getRange() }))).map(
        (a) => ({ value: a.value, range: { start: lines.offsetAt(a.r.start), end: lines.offsetAt(a.r.end) } }),
      );
      // The last argument is the destination.
      for (const src of args.slice(0, -1)) {
        if (!URL.test(src.value) || GIT_PINNED.test(src.value) || COMMIT_URL.test(src.value)) continue;
        ctx.report({
          range: src.range,
          message: `ADD downloads '${src.value}' without --checksum: if the server or the path to it is compromised, or the file is replaced, the build silently uses different content. Add --checksum=sha256:<hash> (Dockerfile syntax 1.6+), or download with RUN and verify the hash.`,
        });
      }
    }
  },
});
