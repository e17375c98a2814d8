// Precision on real files: no secret finding on the docker-library, docker-node and terraform-aws-modules corpus files
// beyond the few listed as true, each with its reason.

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
/**
 * Findings in those repositories that are true, each read and kept on purpose (file:line rule — why). A hardcoded
 * password in a module's example is still one: users copy examples, and the issue asks for weak slot values too.
 */
const TRUE_FINDINGS: Readonly<Record<string, string>> = {
  'terraform/terraform-aws-modules__terraform-aws-rds/examples/complete-mssql/main.tf:144 hardcoded-credential':
    'aws_directory_service_directory.password = "SuperSecretPassw0rd": the AD admin password of the example, weak, in a credential slot',
};

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
    assert.deepEqual(found.filter((f) => !(f.replace(/\\/g, '/') in TRUE_FINDINGS)), []);
  });
});
