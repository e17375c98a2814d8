// Fixes tested as users apply them: apply the first edit fix of every finding, re-analyse, and check the file.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analyzer, applyEdits, DEFAULT_CONFIG, type Rule } from '../../server/src/engine/index.js';

export interface RoundTripCase {
  readonly name: string;
  readonly path: string;
  readonly code: string;
}

/**
 * For each case: the rule offers at least one edit fix; after applying them the file is still the same kind, has
 * no more parse errors than before, and only the findings that offered no fix remain.
 */
export function fixRoundTrip(rule: Rule, cases: readonly RoundTripCase[]): void {
  describe(`rule ${rule.id}: fixes round-trip`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const analyzer = new Analyzer([rule]);
        const before = analyzer.analyze({ path: c.path, text: c.code }, DEFAULT_CONFIG);
        const fixes = before.findings.map((f) => f.fixes.find((x) => x.safety === 'safe' || x.safety === 'unsafe'));
        const edits = fixes.flatMap((fix) => (fix && fix.safety !== 'needs-network' ? fix.edits : []));
        assert.ok(edits.length > 0, 'expected an edit fix');
        const fixed = applyEdits(c.code, edits);
        const after = new Analyzer([rule]).analyze({ path: c.path, text: fixed }, DEFAULT_CONFIG);
        assert.equal(after.kind, before.kind, 'the fixed file is still the same kind');
        assert.ok(after.parseErrors.length <= before.parseErrors.length, `the fixed file parses: ${JSON.stringify(after.parseErrors)}\n${fixed}`);
        assert.deepEqual(after.ruleErrors, []);
        assert.equal(after.findings.length, fixes.filter((f) => f === undefined).length, `findings left after the fix:\n${fixed}`);
      });
    }
  });
}
