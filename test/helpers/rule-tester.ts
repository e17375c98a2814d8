// Table tests for one rule, after ESLint's RuleTester: valid code, invalid code with positions, and fix output.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/text.js';
import type { Finding, ResolveRequest } from '../../server/src/core/types.js';
import { Analyzer, applyEdits, DEFAULT_CONFIG, type ForewarnConfig, type ModuleContext, type Rule } from '../../server/src/engine/index.js';

export interface ValidCase {
  readonly name?: string;
  /** decides the file kind, e.g. `.github/workflows/ci.yml` or `Dockerfile`. */
  readonly path: string;
  readonly code: string;
  readonly config?: Partial<ForewarnConfig>;
  /** Terraform: the other files of the folder (`variables.tf`, `terraform.tfvars` …) for `var.x` / `local.y`. */
  readonly module?: ModuleContext;
}

export interface ExpectedError {
  /** 1-based, like editors show. */
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** text that must appear in the message (e.g. a redacted value), and text that must not. */
  readonly messageIncludes?: string;
  readonly messageExcludes?: string;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
  /** the text after applying the first edit fix of every finding; null: no finding offers one. */
  readonly output?: string | null;
  /** safety of that first edit fix, when `output` is given. */
  readonly fixSafety?: 'safe' | 'unsafe';
  /** for needs-network fixes: what each finding asks the resolver for (null: nothing). */
  readonly resolves?: readonly (Pick<ResolveRequest, 'type' | 'target' | 'ref'> & { readonly rangeText: string } | null)[];
}

export function analyzeWith(rule: Rule, c: ValidCase, mustHaveKind = true): { findings: readonly Finding[]; ruleErrors: readonly unknown[] } {
  // A rule that is off by default is tested as if the user had turned it on.
  const on = rule.defaultOff ? { rules: { [rule.id]: rule.severity, ...c.config?.rules } } : {};
  const result = new Analyzer([rule]).analyze({ path: c.path, text: c.code, ...(c.module ? { module: c.module } : {}) }, { ...DEFAULT_CONFIG, ...c.config, ...on });
  if (mustHaveKind) assert.ok(result.kind, `no file kind detected for ${c.path}`);
  return result;
}

export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(`rule ${rule.id}`, () => {
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { findings, ruleErrors } = analyzeWith(rule, c, false);
        assert.deepEqual(ruleErrors, []);
        assert.deepEqual(
          findings.map((f) => f.message),
          [],
          'expected no findings',
        );
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const { findings, ruleErrors } = analyzeWith(rule, c);
        assert.deepEqual(ruleErrors, []);
        const lines = new LineIndex(c.code);
        const actual = findings.map((f) => {
          const s = lines.positionAt(f.range.start);
          const e = lines.positionAt(f.range.end);
          return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
        });
        assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} findings, got ${JSON.stringify(actual)}`);
        c.errors.forEach((exp, j) => {
          const got = actual[j]!;
          const f = findings[j]!;
          assert.equal(f.ruleId, rule.id);
          assert.equal(f.family, rule.family);
          assert.deepEqual(
            { line: got.line, column: got.column, ...(exp.endLine !== undefined && { endLine: got.endLine }), ...(exp.endColumn !== undefined && { endColumn: got.endColumn }) },
            { line: exp.line, column: exp.column, ...(exp.endLine !== undefined && { endLine: exp.endLine }), ...(exp.endColumn !== undefined && { endColumn: exp.endColumn }) },
            `finding ${j + 1} position`,
          );
          if (exp.messageIncludes) assert.ok(f.message.includes(exp.messageIncludes), `message lacks '${exp.messageIncludes}': ${f.message}`);
          if (exp.messageExcludes) assert.ok(!f.message.includes(exp.messageExcludes), `message contains '${exp.messageExcludes}'`);
        });
        if (c.output !== undefined) {
          const fixes = findings.map((f) => f.fixes.find((x) => x.safety === 'safe' || x.safety === 'unsafe'));
          const edits = fixes.flatMap((fix) => (fix && fix.safety !== 'needs-network' ? fix.edits : []));
          if (c.output === null) assert.equal(edits.length, 0, 'expected no edit fix');
          else {
            assert.ok(edits.length > 0, 'expected an edit fix');
            assert.equal(applyEdits(c.code, edits), c.output);
            if (c.fixSafety) for (const fix of fixes) if (fix) assert.equal(fix.safety, c.fixSafety);
          }
        }
        if (c.resolves) {
          const got = findings.map((f) => {
            const fix = f.fixes.find((x) => x.safety === 'needs-network');
            if (!fix || fix.safety !== 'needs-network') return null;
            const { type, target, ref, range } = fix.resolve;
            return { type, target, ref, rangeText: c.code.slice(range.start, range.end) };
          });
          assert.deepEqual(got, c.resolves);
        }
      });
    });
  });
}
