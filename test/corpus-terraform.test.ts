// The corpus Terraform files (../shared/corpus/terraform): each parses without a parse error, with every range inside the text.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parseHcl } from '../server/src/parsers/hcl.js';
import { decodeText } from '../server/src/workspace/decode.js';
import { walkFiles } from '../server/src/workspace/walk.js';
import { rangesOf } from './helpers/hcl-ranges.js';
import { REPO } from './helpers/lsp-client.js';

const CORPUS = join(process.env.FOREWARN_CORPUS ?? join(REPO, '../shared/corpus'), 'terraform');
const present = existsSync(CORPUS);

describe('corpus: Terraform', () => {
  it('every file parses without a parse error, with ranges inside the text', { skip: present ? false : `skipped: no corpus at ${CORPUS} (a user's clone does not have ../shared/corpus)` }, () => {
    let parsed = 0;
    for (const file of walkFiles(CORPUS, { file: (p) => /\.tf(vars)?$/.test(p) })) {
      const text = decodeText(readFileSync(file));
      const rel = relative(CORPUS, file);
      const f = parseHcl(text);
      assert.deepEqual(f.errors, [], rel);
      for (const r of [...rangesOf(f.body), ...f.comments.map((c) => c.range)]) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, rel);
      parsed++;
    }
    assert.ok(parsed > 500, `only ${parsed} Terraform files found`);
  });
});
