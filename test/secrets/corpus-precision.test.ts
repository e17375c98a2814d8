// Precision on real files: no secret finding at all on the docker-library, docker-node and terraform-aws-modules corpus files.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer, RULES } from '../../server/src/engine/index.js';
import { decodeText } from '../../server/src/workspace/decode.js';
import { walkFiles } from '../../server/src/workspace/walk.js';
import { REPO } from '../helpers/lsp-client.js';

const CORPUS = process.env.FOREWARN_CORPUS ?? join(REPO, '../shared/corpus');
const present = existsSync(CORPUS);
/** Corpus files live at <kind>/<owner>__<repo>/<path in the repo>. */
const CLEAN_REPOS = /^(?:docker-library__.+|nodejs__docker-node|terraform-aws-modules__.+)$/;

describe('secret rules on the corpus', () => {
  it('report nothing on docker-library__*, nodejs__docker-node and terraform-aws-modules__* files', { skip: present ? false : `skipped: no corpus at ${CORPUS} (a user's clone does not have ../shared/corpus)` }, () => {
    const analyzer = new Analyzer(RULES.filter((r) => r.family === 'secrets'));
    let checked = 0;
    const found: string[] = [];
    for (const file of walkFiles(CORPUS, { file: () => true })) {
      const rel = relative(CORPUS, file);
      const repo = rel.split(sep)[1] ?? '';
      if (!CLEAN_REPOS.test(repo)) continue;
      const text = decodeText(readFileSync(file));
      const r = analyzer.analyze({ path: rel, text });
      if (!r.kind) continue;
      checked++;
      for (const f of r.findings) found.push(`${rel}:${r.file!.lines.positionAt(f.range.start).line + 1} ${f.ruleId}`);
      analyzer.forget(rel);
    }
    assert.ok(checked >= 50, `only ${checked} files from those repositories were analyzed`);
    assert.deepEqual(found, []);
  });
});
