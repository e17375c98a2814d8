// Fix-all of the pipeline rules over the real-world corpus: files stay valid YAML, rewritten scripts still parse as shell.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { Analyzer, applyEdits, RULES, safeFixEdits } from '../server/src/engine/index.js';
import { decodeText } from '../server/src/workspace/decode.js';
import { walkFiles } from '../server/src/workspace/walk.js';
import { bashParses, runScripts } from './helpers/fix-check.js';
import { REPO } from './helpers/lsp-client.js';

const CORPUS = process.env.FOREWARN_CORPUS ?? join(REPO, '../shared/corpus');
const PIPELINES = new Set(['github-workflow', 'github-action', 'gitlab-ci', 'azure-pipelines']);

describe('pipeline fixes over the corpus', () => {
  it('fix-all keeps every file valid and every rewritten run: script parseable', { skip: existsSync(CORPUS) ? false : `skipped: no corpus at ${CORPUS}` }, () => {
    const analyzer = new Analyzer(RULES.filter((r) => r.family === 'permissions' || r.family === 'injection'));
    let fixed = 0;
    for (const file of walkFiles(CORPUS, { file: () => true })) {
      const rel = relative(CORPUS, file);
      const original = decodeText(readFileSync(file));
      let text = original;
      let r = analyzer.analyze({ path: rel, text });
      if (!r.kind || !PIPELINES.has(r.kind)) continue;
      for (let round = 0; round < 6; round++) {
        const edits = safeFixEdits(r.findings);
        if (edits.length === 0) break;
        text = applyEdits(text, edits);
        analyzer.forget(rel);
        r = analyzer.analyze({ path: rel, text });
      }
      analyzer.forget(rel);
      if (text === original) continue;
      fixed++;
      for (const doc of parseAllDocuments(text)) assert.deepEqual(doc.errors.map((e) => e.message), [], rel);
      assert.deepEqual(r.ruleErrors, [], rel);
      assert.equal(r.findings.filter((f) => f.fixes.some((x) => x.safety === 'safe')).length, 0, `${rel}: safe fixes left after fix-all`);
      const before = new Set(runScripts(original));
      for (const run of runScripts(text)) if (!before.has(run)) assert.ok(bashParses(run), `${rel}: bash -n rejects\n${run}`);
    }
    assert.ok(fixed > 0, 'no corpus file had a fixable finding');
  });
});
