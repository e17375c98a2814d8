// Quick-fix soundness over real files: every safe fix any rule offers on the corpus (and the examples), applied
// alone, leaves a file of the same kind that parses no worse, removes its finding and brings no new one; and "fix
// all" is idempotent: applied twice, the second time changes nothing.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { AnalysisResult } from '../../server/src/engine/index.js';
import { Analyzer, applyEdits, safeFixEdits } from '../../server/src/engine/index.js';
import { decodeText } from '../../server/src/workspace/decode.js';
import { walkFiles } from '../../server/src/workspace/walk.js';
import { REPO } from '../helpers/lsp-client.js';
import { CORPUS, HAS_CORPUS } from './inputs.js';

/**
 * New findings a safe fix may legitimately bring, by the rule whose fix it is, each with why.
 */
const DOCUMENTED_NEW: Readonly<Record<string, readonly string[]>> = {
  // An always-true `if:` is skipped by the rules that read conditions; once it is evaluated, they read it.
  'unsound-condition': ['bot-conditions', 'unsound-contains'],
};

function counts(r: AnalysisResult): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of r.findings) m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1);
  return m;
}

function files(): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  for (const root of [join(REPO, 'examples'), ...(HAS_CORPUS ? [CORPUS] : [])]) {
    for (const file of walkFiles(root, { file: () => true })) {
      out.push({ rel: relative(root, file), text: decodeText(readFileSync(file)) });
    }
  }
  return out;
}

describe('quick-fix soundness', () => {
  const all = files();
  const analyzer = new Analyzer();

  it(`every safe fix, alone, is sound (${HAS_CORPUS ? 'examples and corpus' : 'examples only: no corpus'})`, (t) => {
    let fixes = 0;
    const byRule = new Map<string, number>();
    for (const { rel, text } of all) {
      const before = analyzer.analyze({ path: rel, text });
      analyzer.forget(rel);
      if (!before.kind) continue;
      const beforeCounts = counts(before);
      for (const f of before.findings) {
        for (const fix of f.fixes) {
          if (fix.safety !== 'safe') continue;
          fixes++;
          byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
          const what = `${rel}: ${f.ruleId} "${fix.title}"`;
          const fixed = applyEdits(text, fix.edits);
          assert.notEqual(fixed, text, `${what} changes nothing`);
          const after = analyzer.analyze({ path: rel, text: fixed, kind: before.kind });
          analyzer.forget(rel);
          assert.equal(analyzer.detectKind(rel, fixed), analyzer.detectKind(rel, text), `${what}: the kind changed`);
          assert.ok(after.parseErrors.length <= before.parseErrors.length, `${what}: ${after.parseErrors.length - before.parseErrors.length} new parse errors: ${after.parseErrors.map((e) => e.message).join('; ')}`);
          const afterCounts = counts(after);
          assert.ok((afterCounts.get(f.ruleId) ?? 0) < (beforeCounts.get(f.ruleId) ?? 0), `${what}: the finding is still there`);
          for (const [rule, n] of afterCounts) {
            if (rule === f.ruleId || DOCUMENTED_NEW[f.ruleId]?.includes(rule)) continue;
            assert.ok(n <= (beforeCounts.get(rule) ?? 0), `${what}: brings a new ${rule} finding`);
          }
        }
      }
    }
    t.diagnostic(`${fixes} safe fixes checked: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`);
    assert.ok(fixes > 0, 'no safe fix was exercised');
  });

  it('fix-all twice: the second run changes nothing', (t) => {
    let changed = 0;
    for (const { rel, text } of all) {
      const r1 = analyzer.analyze({ path: rel, text });
      analyzer.forget(rel);
      if (!r1.kind) continue;
      const edits = safeFixEdits(r1.findings);
      if (edits.length === 0) continue;
      changed++;
      const once = applyEdits(text, edits);
      const r2 = analyzer.analyze({ path: rel, text: once, kind: r1.kind });
      analyzer.forget(rel);
      const again = applyEdits(once, safeFixEdits(r2.findings));
      assert.equal(again, once, `${rel}: a second fix-all changed the file again (${safeFixEdits(r2.findings).length} edits)`);
    }
    t.diagnostic(`${changed} files changed by one fix-all and left alone by the second`);
  });
});
