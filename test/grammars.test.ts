// The TextMate grammars in syntaxes/: the `SYNTAX TEST` samples in test/grammars/ run through vscode-tmgrammar-test
// (vscode-textmate with the oniguruma wasm, as VS Code tokenizes), with the grammars package.json contributes and, as
// hosts for the injections, the YAML and Dockerfile grammars of the tm-grammars package.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { createRegistry, loadConfiguration } from 'vscode-tmgrammar-test/dist/common/index.js';
import { parseGrammarTestCase, runGrammarTestCase } from 'vscode-tmgrammar-test/dist/unit/index.js';
import { walkFiles } from '../server/src/workspace/walk.js';
import { REPO } from './helpers/lsp-client.js';

const SAMPLES = join(REPO, 'test/grammars');
const HOSTS = ['yaml', 'docker'].map((name) => require.resolve(`tm-grammars/grammars/${name}.json`));
const CORPUS = process.env.FOREWARN_CORPUS ?? join(REPO, '../shared/corpus');
const noCorpus = existsSync(CORPUS) ? false : `skipped: no corpus at ${CORPUS} (a user's clone does not have ../shared/corpus)`;

interface Manifest {
  contributes: {
    languages: { id: string; extensions?: string[]; aliases?: string[]; configuration?: string }[];
    grammars: { language?: string; scopeName: string; path: string; injectTo?: string[] }[];
  };
}
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Manifest;

/** One registry for the whole file: package.json's grammars plus the hosts. */
const shared = createRegistry(loadConfiguration(join(REPO, 'package.json'), undefined, HOSTS).grammars);

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(REPO, path), 'utf8')) as Record<string, unknown>;
}

describe('grammar samples', () => {
  const samples = readdirSync(SAMPLES, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name).sort();

  it('there is a sample for Terraform, for expressions in workflows and for suppressions', () => {
    for (const name of ['terraform.tf', 'github-expression.yml', 'suppression.tf', 'suppression.yml', 'suppression.Dockerfile']) {
      assert.ok(samples.includes(name), name);
    }
  });

  for (const name of samples) {
    it(`${name} is tokenized as its assertions say`, async () => {
      const text = readFileSync(join(SAMPLES, name), 'utf8');
      const testCase = parseGrammarTestCase(text);
      // A sample whose assertions all fell off (a typo in the comment token) would pass vacuously.
      const count = testCase.assertions.reduce((n, a) => n + a.scopeAssertions.length, 0);
      assert.ok(count >= 10, `${name} has only ${count} assertions`);
      const failures = await runGrammarTestCase(shared, testCase);
      const report = failures.map((f) => {
        const what = [f.missing.length ? `missing [${f.missing.join(' ')}]` : '', f.unexpected.length ? `unexpected [${f.unexpected.join(' ')}]` : ''].filter(Boolean).join(', ');
        return `${name}:${f.line + 1}:${f.start + 1} ${JSON.stringify(testCase.source[f.srcLine]?.slice(f.start, f.end))} ${what}; actual: ${f.actual.join(' ')}`;
      });
      assert.deepEqual(report, []);
    });
  }
});

describe('grammar contributions', () => {
  it('contribute the terraform language the client selects and the server maps to the Terraform kind', () => {
    const lang = manifest.contributes.languages.find((l) => l.id === 'terraform');
    assert.ok(lang, 'a terraform language');
    assert.deepEqual(lang.extensions, ['.tf', '.tfvars']);
    assert.ok(lang.aliases?.includes('Terraform'));
    const grammar = manifest.contributes.grammars.find((g) => g.language === 'terraform');
    assert.equal(grammar?.scopeName, 'source.terraform');
    assert.equal(readJson(grammar.path).scopeName, 'source.terraform');
    // Both sides name the language by id; keep the three in step.
    const client = readFileSync(join(REPO, 'client/src/extension.ts'), 'utf8');
    assert.match(/const LANGUAGES = \[([^\]]*)\]/.exec(client)?.[1] ?? '', /'terraform'/);
    const server = readFileSync(join(REPO, 'server/src/server.ts'), 'utf8');
    assert.match(server, /\n\s*terraform: 'terraform',/);
  });

  it('the language configuration has comments, brackets, auto-closing pairs and folding markers', () => {
    const lang = manifest.contributes.languages.find((l) => l.id === 'terraform');
    assert.ok(lang?.configuration);
    const config = readJson(lang.configuration) as { comments: { lineComment: string; blockComment: string[] }; brackets: string[][]; autoClosingPairs: { open: string }[]; folding: { markers: { start: string; end: string } }; indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string } };
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
    assert.deepEqual(config.brackets.map((b) => b.join('')), ['{}', '[]', '()']);
    assert.deepEqual(config.autoClosingPairs.map((p) => p.open), ['{', '[', '(', '"']);
    assert.match('  # region network', new RegExp(config.folding.markers.start));
    assert.match('// endregion', new RegExp(config.folding.markers.end));
    const indent = new RegExp(config.indentationRules.increaseIndentPattern);
    for (const line of ['resource "a" "b" {', '  tags = { # note', '  list = [', '  x = f(']) assert.match(line, indent);
    for (const line of ['  a = { b = 1 }', '  s = "{"  # }']) assert.doesNotMatch(line, indent);
    assert.match('  }]', new RegExp(config.indentationRules.decreaseIndentPattern));
  });

  it('every grammar file is contributed, under the scope name it declares', () => {
    const files = readdirSync(join(REPO, 'syntaxes')).filter((f) => f.endsWith('.tmLanguage.json') || f.endsWith('.injection.json'));
    const contributed = manifest.contributes.grammars.map((g) => g.path.replace(/^\.\//, ''));
    assert.deepEqual([...contributed].sort(), files.map((f) => `syntaxes/${f}`).sort());
    for (const g of manifest.contributes.grammars) {
      const raw = readJson(g.path);
      assert.equal(raw.scopeName, g.scopeName, g.path);
      assert.equal(typeof raw.injectionSelector === 'string', Boolean(g.injectTo), `${g.path}: an injection has injectTo and a selector`);
    }
  });

  it('the expression grammars share their rules, apart from how a string is written inside a single-quoted scalar', () => {
    const main = readJson('syntaxes/github-expression.injection.json') as { repository: Record<string, unknown> };
    const single = readJson('syntaxes/github-expression-single-quoted.injection.json') as { repository: Record<string, unknown> };
    const { string: a, ...restMain } = main.repository;
    const { string: b, ...restSingle } = single.repository;
    assert.notDeepEqual(a, b);
    assert.deepEqual(restSingle, restMain);
  });
});

describe('grammars on the corpus', () => {
  // A sample of the corpus keeps this under a few seconds; the sample is fixed (every n-th file in path order).
  function sample(dir: string, pattern: RegExp, every: number): string[] {
    const root = join(CORPUS, dir);
    if (!existsSync(root)) return [];
    return [...walkFiles(root, { file: (p: string) => pattern.test(p) })].sort().filter((_, i) => i % every === 0);
  }

  it('every sampled Terraform file ends at the top level (no block, string or heredoc left open)', { skip: noCorpus }, async () => {
    const grammar = await shared.loadGrammar('source.terraform');
    assert.ok(grammar);
    const files = sample('terraform', /\.(tf|tfvars)$/, 4);
    assert.ok(files.length > 50, `only ${files.length} Terraform files`);
    const open: string[] = [];
    for (const file of files) {
      let state = null as Parameters<typeof grammar.tokenizeLine>[1];
      for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) state = grammar.tokenizeLine(line, state).ruleStack;
      if (state && state.depth !== 1) open.push(relative(CORPUS, file));
    }
    assert.deepEqual(open, []);
  });

  it('in sampled workflows every ${{ outside a comment opens an expression, and YAML around it is tokenized as without the injection', { skip: noCorpus }, async () => {
    const injected = await shared.loadGrammar('source.yaml');
    const plain = await createRegistry([{ path: HOSTS[0]!, scopeName: 'source.yaml' }]).loadGrammar('source.yaml');
    assert.ok(injected && plain);
    const files = sample('gha', /\.ya?ml$/, 6);
    assert.ok(files.length > 50, `only ${files.length} workflow files`);
    const problems: string[] = [];
    let expressions = 0;
    for (const file of files) {
      let s0 = null as Parameters<typeof plain.tokenizeLine>[1];
      let s1 = null as Parameters<typeof injected.tokenizeLine>[1];
      readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, n) => {
        const r0 = plain.tokenizeLine(line, s0);
        const r1 = injected.tokenizeLine(line, s1);
        s0 = r0.ruleStack;
        s1 = r1.ruleStack;
        const where = `${relative(CORPUS, file)}:${n + 1}`;
        // The host's scopes at each character, outside expressions (the scalar may start after an expression that starts it).
        const hostScopes = (tokens: typeof r0.tokens) => {
          const at: string[] = new Array<string>(line.length).fill('');
          for (const t of tokens) {
            const s = t.scopes.filter((x) => !x.includes('github-expression')).join(' ');
            const inside = t.scopes.length !== s.split(' ').length;
            for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) at[i] = inside ? '(expression)' : s;
          }
          return at;
        };
        const a0 = hostScopes(r0.tokens);
        const a1 = hostScopes(r1.tokens);
        const differs = a1.findIndex((s, i) => s !== '(expression)' && s !== a0[i] && a0[i]?.replace(/ string\.unquoted\.plain\.out\.yaml$/, '') !== s);
        if (differs >= 0) problems.push(`${where}:${differs + 1} YAML scopes changed: ${a0[differs]} -> ${a1[differs]}`);
        for (let at = line.indexOf('${{'); at >= 0; at = line.indexOf('${{', at + 3)) {
          const token = r1.tokens.find((t) => t.startIndex <= at + 2 && at + 2 < t.endIndex);
          if (token?.scopes.some((x) => x.startsWith('comment'))) continue;
          expressions++;
          if (!token?.scopes.some((x) => x.startsWith('punctuation.definition.expression.begin'))) problems.push(`${where}:${at + 1} not highlighted`);
        }
      });
    }
    assert.ok(expressions > 200, `only ${expressions} expressions`);
    assert.deepEqual(problems, []);
  });
});
