// Every rule in four places (source, registry, doc page, tests), and its declared fix kind matches what it emits.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer, DEFAULT_CONFIG, RULES } from '../server/src/engine/index.js';
import { walkFiles } from '../server/src/workspace/walk.js';
import { REPO } from './helpers/lsp-client.js';
import { INDEX_PATH, peerReferences, ruleIndex } from '../scripts/rule-index.js';

const DOC_HEADINGS = ['What it flags', 'Why it matters', 'Example', 'Fix', 'References'];

describe('rule conformance', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has its source file under its family', () => {
        assert.ok(existsSync(join(REPO, 'server/src/rules', rule.family, `${rule.id}.ts`)));
      });
      it('has a test file', () => {
        assert.ok(existsSync(join(REPO, 'test/rules', `${rule.id}.test.ts`)));
      });
      it('has a doc page with the fixed headings, in order', () => {
        const page = join(REPO, 'docs/rules', `${rule.id}.md`);
        assert.ok(existsSync(page), `missing ${relative(REPO, page)}`);
        const headings = [...readFileSync(page, 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
        assert.deepEqual(headings, DOC_HEADINGS);
      });
      it('declares CWE ids, and its doc page references exactly those', () => {
        assert.ok(rule.cwe.length > 0, 'no CWE id declared');
        const text = readFileSync(join(REPO, 'docs/rules', `${rule.id}.md`), 'utf8');
        const references = text.slice(text.indexOf('## References'));
        const cited = [...new Set([...references.matchAll(/\bCWE-(\d+)/g)].map((m) => Number(m[1])))];
        assert.deepEqual(cited.sort((a, b) => a - b), [...rule.cwe].sort((a, b) => a - b));
      });
    });
  }

  it('every rule source file is registered, and ids are unique', () => {
    const dir = join(REPO, 'server/src/rules');
    const files = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(dir, d.name)).map((f) => `${d.name}/${f.replace(/\.ts$/, '')}`));
    assert.deepEqual(files.sort(), RULES.map((r) => `${r.family}/${r.id}`).sort());
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  });

  it(`${INDEX_PATH} is current (npm run docs:index)`, () => {
    assert.equal(readFileSync(join(REPO, INDEX_PATH), 'utf8'), ruleIndex(REPO));
  });

  it('the index reads peer checks from a page\'s references only', () => {
    const page = '## Fix\n\n- Checkov is mentioned here\n\n## References\n\n- CWE-1: x\n- Peers: zizmor `a`; poutine `b`\n- Checkov: `CKV_1` (x)\n- KICS: Some Title\n- GitHub Docs, "Checkov"\n- Trivyish: no\n';
    assert.deepEqual(peerReferences(page), ['zizmor `a`; poutine `b`', 'Checkov `CKV_1` (x)', 'KICS Some Title']);
  });

  it('every doc page belongs to a rule', () => {
    const pages = readdirSync(join(REPO, 'docs/rules')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));
    assert.deepEqual(pages.sort(), RULES.map((r) => r.id).sort());
  });

  it('over the examples, rules emit exactly the fix kinds they declare and never fail', () => {
    const analyzer = new Analyzer();
    // Rules that are off by default are checked too, as a user who opts in would run them.
    const withOptIns = { ...DEFAULT_CONFIG, rules: Object.fromEntries(RULES.filter((r) => r.defaultOff).map((r) => [r.id, r.severity])) };
    const emitted = new Map<string, Set<string>>();
    const root = join(REPO, 'examples');
    for (const file of walkFiles(root, { file: () => true })) {
      const r = analyzer.analyze({ path: relative(root, file), text: readFileSync(file, 'utf8') }, withOptIns);
      assert.deepEqual(r.ruleErrors, [], file);
      for (const f of r.findings) {
        const set = emitted.get(f.ruleId) ?? new Set<string>();
        f.fixes.forEach((x) => set.add(x.safety));
        emitted.set(f.ruleId, set);
      }
    }
    for (const rule of RULES) {
      assert.ok(emitted.has(rule.id), `${rule.id} has no finding in examples/`);
      const kinds = emitted.get(rule.id)!;
      if (rule.fix === 'none') assert.equal(kinds.size, 0, `${rule.id} declares no fix`);
      else assert.ok(kinds.has(rule.fix), `${rule.id} declares fix: ${rule.fix} but emitted ${[...kinds].join(', ') || 'none'}`);
    }
  });
});
