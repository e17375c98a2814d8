// Real files from public repositories (../shared/corpus): each must analyze without an internal error.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer } from '../server/src/engine/index.js';
import { SourceFile } from '../server/src/models/source-file.js';
import { decodeText } from '../server/src/workspace/decode.js';
import { walkFiles } from '../server/src/workspace/walk.js';
import { REPO } from './helpers/lsp-client.js';

const CORPUS = process.env.FOREWARN_CORPUS ?? join(REPO, '../shared/corpus');
const present = existsSync(CORPUS);

describe('corpus', () => {
  it('every file analyzes without an internal error, with ranges inside the text', { skip: present ? false : `skipped: no corpus at ${CORPUS} (a user's clone does not have ../shared/corpus)` }, () => {
    const analyzer = new Analyzer();
    let analyzed = 0;
    for (const file of walkFiles(CORPUS, { file: () => true })) {
      const text = decodeText(readFileSync(file));
      const rel = relative(CORPUS, file);
      const r = analyzer.analyze({ path: rel, text });
      if (!r.kind) continue;
      analyzed++;
      assert.deepEqual(r.ruleErrors, [], rel);
      for (const f of r.findings) assert.ok(f.range.start >= 0 && f.range.end <= text.length && f.range.start <= f.range.end, rel);
      analyzer.forget(rel);
    }
    assert.ok(analyzed > 1000, `only ${analyzed} corpus files were recognised`);
  });

  it('every script of the scripts facet maps inside its range', { skip: present ? false : `skipped: no corpus at ${CORPUS}` }, () => {
    const analyzer = new Analyzer();
    let count = 0;
    for (const file of walkFiles(CORPUS, { file: () => true })) {
      const rel = relative(CORPUS, file);
      const text = decodeText(readFileSync(file));
      const kind = analyzer.detectKind(rel, text);
      if (!kind) continue;
      for (const s of new SourceFile(rel, text, kind).facets.scripts) {
        count++;
        assert.ok(s.range.start >= 0 && s.range.end <= text.length, rel);
        const whole = s.fileRange(0, s.text.length);
        assert.ok(whole.start >= s.range.start && whole.end <= s.range.end, rel);
      }
    }
    assert.ok(count > 1000, `only ${count} scripts found`);
  });
});
