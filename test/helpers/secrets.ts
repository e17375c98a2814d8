// Helpers for the secret rules' tests: where a value sits, and that applying a fix removes the finding.

import assert from 'node:assert/strict';
import { Analyzer, applyEdits, type Rule } from '../../server/src/engine/index.js';
import { RULES } from '../../server/src/rules/index.js';
import { withCrc32 } from '../../server/src/models/secrets/fake.js';

/** 1-based line/column of the first occurrence of `needle` (after `from`) in `code`, with its end column. */
export function at(code: string, needle: string, from = 0): { line: number; column: number; endColumn: number } {
  const i = code.indexOf(needle, from);
  assert.ok(i >= 0, `${needle.slice(0, 8)}… not in the code`);
  const before = code.slice(0, i);
  const line = before.split('\n').length;
  const column = i - before.lastIndexOf('\n');
  return { line, column, endColumn: column + needle.length };
}

/** Fake GitHub / npm tokens with valid checksums (not real credentials). */
export const GHP = `ghp_${withCrc32('tests-ghp')}`;
export const NPM = `npm_${withCrc32('tests-npm')}`;

const SECRET_RULES = RULES.filter((r) => r.family === 'secrets');

/**
 * Applies the first edit fix of every finding of `rule`, then re-analyses with every secret rule:
 * no secret finding is left, the kind is the same and no new parse error appeared.
 */
export function assertFixResolves(rule: Rule, path: string, code: string, remaining: readonly string[] = []): string {
  const analyzer = new Analyzer([rule]);
  const before = analyzer.analyze({ path, text: code });
  const edits = before.findings.flatMap((f) => {
    const fix = f.fixes.find((x) => x.safety === 'safe' || x.safety === 'unsafe');
    return fix && fix.safety !== 'needs-network' ? fix.edits : [];
  });
  assert.ok(edits.length > 0, 'no fix to apply');
  const after = applyEdits(code, edits);
  const again = new Analyzer(SECRET_RULES).analyze({ path, text: after });
  assert.equal(again.kind, before.kind, 'kind changed');
  // `remaining`: rules whose finding a fix may leave on purpose (an ARG without its default is still a build argument)
  assert.deepEqual(again.findings.filter((f) => !remaining.includes(f.ruleId)).map((f) => `${f.ruleId}@${f.range.start}`), [], `findings left after the fix:\n${after}`);
  assert.equal(again.parseErrors.length, before.parseErrors.length, `the fix broke the file:\n${after}`);
  return after;
}
