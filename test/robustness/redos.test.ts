// ReDoS: every regular expression in the code base (literals and `new RegExp("literal")` in server/src and client/src,
// found with the TypeScript parser) is checked by recheck, and run against crafted 200 KB adversarial lines; the engine
// runs over 1 MB adversarial lines. No wall-clock budget: whatever is slow must also grow linearly (n vs 2n).
// Patterns built at run time are listed and exercised through the engine instead (see fuzz.test.ts).
// The default run rechecks only patterns recheck has not already called safe (test/helpers/redos-verified.ts);
// FOREWARN_FULL_TESTS=1 rechecks all of them.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { FILE_KINDS } from '../../server/src/core/types.js';
import { Analyzer } from '../../server/src/engine/index.js';
import { walkFiles } from '../../server/src/workspace/walk.js';
import { assertLinear, describeGrowth } from '../helpers/complexity.js';
import { REPO } from '../helpers/lsp-client.js';
import { flushVerified, markSafe, needsRecheck } from '../helpers/redos-verified.js';
import { PATH_OF } from './inputs.js';

interface Found {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

/** Regular expressions written in the source: literals, and RegExp constructors with literal arguments. */
function findRegexes(): { found: Found[]; dynamic: string[] } {
  const found: Found[] = [];
  const dynamic: string[] = [];
  for (const dir of ['server/src', 'client/src']) {
    for (const file of walkFiles(join(REPO, dir), { file: (p) => p.endsWith('.ts') })) {
      const text = readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const rel = relative(REPO, file);
      const visit = (node: ts.Node): void => {
        const where = `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (ts.isRegularExpressionLiteral(node)) {
          const lit = node.text;
          const end = lit.lastIndexOf('/');
          found.push({ where, source: lit.slice(1, end), flags: lit.slice(end + 1) });
        } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const [pattern, flags] = node.arguments ?? [];
          if (pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern))) {
            found.push({ where, source: pattern.text, flags: flags && ts.isStringLiteral(flags) ? flags.text : '' });
          } else if (pattern) dynamic.push(`${where}: ${pattern.getText(sf).slice(0, 80)}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return { found, dynamic };
}

const { found, dynamic } = findRegexes();

/** Strings that make backtracking regexes blow up: long runs of one class, alternations of near-misses. */
const SIZE = 200_000;
const ADVERSARIAL: readonly [string, string][] = [
  ['letters', 'a'.repeat(SIZE)],
  ['digits', '1'.repeat(SIZE)],
  ['hex', 'f0'.repeat(SIZE / 2)],
  ['spaces', ' '.repeat(SIZE) + '!'],
  ['tabs and spaces', ' \t'.repeat(SIZE / 2) + '\n'],
  ['base64-ish', 'Ab9+/'.repeat(SIZE / 5)],
  ['dashes and underscores', '-_'.repeat(SIZE / 2) + '!'],
  ['dots', '.'.repeat(SIZE)],
  ['backslashes', '\\'.repeat(SIZE)],
  ['quotes', `"'`.repeat(SIZE / 2)],
  ['expression openers', '${{ '.repeat(SIZE / 4)],
  ['dollar braces', '${'.repeat(SIZE / 2)],
  ['colons', 'a:'.repeat(SIZE / 2)],
  ['equals', 'a='.repeat(SIZE / 2)],
  ['slashes', 'a/'.repeat(SIZE / 2)],
  ['at signs', 'a@'.repeat(SIZE / 2)],
  ['token prefix repeated', 'ghp_'.repeat(SIZE / 4)],
  ['url-ish', 'https://a'.repeat(SIZE / 9)],
  ['newlines', 'a\n'.repeat(SIZE / 2)],
];

/** A regex or analysis slower than this on the adversarial input is checked for linear growth (n vs 2n). */
const SLOW_MS = 50;

describe('ReDoS', () => {
  it(`finds the regular expressions of the code base (${found.length} literal, ${dynamic.length} built at run time)`, (t) => {
    assert.ok(found.length > 50, `only ${found.length} regexes found: the extraction is broken`);
    t.diagnostic(`built at run time (exercised through the engine by the fuzz tests): ${dynamic.join(' | ') || 'none'}`);
  });

  it('recheck reports none of them vulnerable', (t) => {
    const vulnerable: string[] = [];
    const unknown: string[] = [];
    let checked = 0;
    for (const r of found) {
      const flags = r.flags.replace(/[^gimsuyd]/g, '');
      if (!needsRecheck(r.source, flags)) continue;
      checked++;
      const result = checkSync(r.source, flags, { timeout: 10_000 });
      if (result.status === 'vulnerable') vulnerable.push(`${r.where} /${r.source}/${r.flags}: ${result.complexity.type}`);
      else if (result.status === 'unknown') unknown.push(`${r.where} /${r.source}/`);
      else markSafe(r.source, flags);
    }
    flushVerified();
    t.diagnostic(`${checked} of ${found.length} rechecked (the others were already verified safe); unknown (recheck gave up, covered by the growth test below): ${unknown.length}`);
    assert.deepEqual(vulnerable, []);
  });

  it(`every regex runs over ${ADVERSARIAL.length} adversarial 200 KB lines, linear where it is not instant`, (t) => {
    let worst = { ms: 0, what: '' };
    for (const r of found) {
      let re: RegExp;
      try {
        re = new RegExp(r.source, r.flags.replace(/[gy]/g, ''));
      } catch {
        continue; // a fragment composed into a larger pattern elsewhere
      }
      const g = new RegExp(r.source, `${r.flags.replace(/[gy]/g, '')}g`);
      const run = (input: string): void => {
        re.test(input);
        // Global scanning too, as rules use matchAll.
        g.lastIndex = 0;
        let n = 0;
        while (g.exec(input) !== null && n++ < 10_000) if (g.lastIndex === 0) break;
      };
      for (const [name, input] of ADVERSARIAL) {
        const t0 = performance.now();
        run(input);
        const ms = performance.now() - t0;
        if (ms > worst.ms) worst = { ms, what: `${r.where} on ${name}` };
        if (ms > SLOW_MS) {
          const half = input.slice(0, input.length / 2);
          const growthOf = assertLinear(`${r.where} /${r.source}/ on ${name}`, (n) => (n === half.length ? half : input), run, half.length);
          t.diagnostic(describeGrowth(`${r.where} on ${name}`, growthOf));
        }
      }
    }
    t.diagnostic(`slowest single run: ${worst.ms.toFixed(1)} ms (${worst.what})`);
  });

  it('the engine on a 1 MB adversarial line per pattern family, every kind, linear where it is not instant', (t) => {
    const analyzer = new Analyzer();
    const families: [string, string][] = [
      ['secrets', `password: ${'Ab9+/'.repeat(200_000)}`],
      ['secret prefixes', `token: ${'ghp_xoxb-AKIAsk_live_glpat-'.repeat(38_000)}`],
      ['expressions', `run: ${'${{ github.event.issue.title '.repeat(34_000)}`],
      ['shell pipes', `run: ${'curl -fsSL https://x | '.repeat(42_000)}sh`],
      ['image refs', `image: ${'registry.example.com:5000/a/'.repeat(37_000)}x:latest`],
      ['uses refs', `uses: ${'a/b/'.repeat(250_000)}@v1`],
      ['hcl', `x = "${'${var.a}'.repeat(125_000)}"`],
      ['urls with credentials', `url: ${'https://u:p@'.repeat(83_000)}h`],
    ];
    let worst = { ms: 0, what: '' };
    for (const kind of FILE_KINDS) {
      for (const [name, line] of families) {
        const run = (text: string): void => {
          const r = analyzer.analyze({ path: PATH_OF[kind], text, kind });
          analyzer.forget(PATH_OF[kind]);
          assert.deepEqual(r.ruleErrors, [], `${kind} ${name}`);
        };
        const t0 = performance.now();
        run(line);
        const ms = performance.now() - t0;
        if (ms > worst.ms) worst = { ms, what: `${kind} ${name}` };
        if (ms > SLOW_MS * 10) {
          const half = line.slice(0, line.length / 2);
          assertLinear(`${kind} ${name}`, (n) => (n === half.length ? half : line), run, half.length, 3, 1);
        }
      }
    }
    t.diagnostic(`slowest: ${worst.ms.toFixed(0)} ms (${worst.what})`);
  });
});
