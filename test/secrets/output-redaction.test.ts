// Redaction is a property of the output layer: whichever rule quotes the text (secret rules or not, on or off), no
// full secret reaches a message, a fix title, a parse or rule error, a configuration or baseline error, the CLI or the
// language server.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { Analyzer, DEFAULT_CONFIG, RULES, parseConfig, type AnalysisResult, type ForewarnConfig } from '../../server/src/engine/index.js';
import { parseBaseline } from '../../server/src/engine/baseline.js';
import fc from 'fast-check';
import { createRedactor, redactText } from '../../server/src/engine/redaction.js';
import { flagCredentials } from '../../server/src/models/secrets/commands.js';
import { fake, withCrc32 } from '../../server/src/models/secrets/fake.js';
import { walkFiles } from '../../server/src/workspace/walk.js';
import { rules as testRules } from '../fixtures/test-rules.js';
import { REPO, TestClient } from '../helpers/lsp-client.js';
import { GHP } from '../helpers/secrets.js';

const DIGITS = '0123456789';
const GHP2 = `ghp_${withCrc32('tests-ghp-two')}`;
const GLPAT = 'glpat-Zq8Xw3Lr7Tm2Nv5Kp9Hc';
const XOXB = `xoxb-${fake('out1', 12, DIGITS)}-${fake('out2', 13, DIGITS)}-${fake('out3', 24)}`;
const AKIA = 'AKIAZ7VRSQ5TJHNLBX4D';
const PW = 'Hx4Tn8Wq2Zr6';
const SECRETS = [GHP, GHP2, GLPAT, XOXB, AKIA, PW];

/** Every text a result would show a person. */
function shown(r: AnalysisResult): string {
  return JSON.stringify([
    r.findings.map((f) => [f.message, f.fixes.map((x) => x.title)]),
    r.parseErrors.map((e) => e.message),
    r.ruleErrors.map((e) => e.message),
  ]);
}

function leaks(output: string, secrets: readonly string[] = SECRETS): string[] {
  return secrets.filter((s) => output.includes(s)).map((s) => `${s.slice(0, 4)}… (${s.length} chars)`);
}

const SECRET_RULES_OFF: ForewarnConfig = { ...DEFAULT_CONFIG, rules: Object.fromEntries(RULES.filter((r) => r.family === 'secrets').map((r) => [r.id, 'off'])) };

/** The cases: non-secret rules that quote text holding a credential. */
const CASES: { rule: string; path: string; text: string; secrets: string[] }[] = [
  { rule: 'add-without-checksum', path: 'Dockerfile', text: `FROM alpine:3.20\nADD https://deploy:${PW}@files.example.org/tool.tgz /opt/\nUSER app\n`, secrets: [PW] },
  { rule: 'add-without-checksum', path: 'Dockerfile', text: `FROM alpine:3.20\nADD https://files.example.org/tool.tgz?access_token=${GHP} /opt/\nUSER app\n`, secrets: [GHP] },
  {
    rule: 'unpinned-include',
    path: '.gitlab-ci.yml',
    text: `include:\n  - remote: https://gitlab-ci-token:${PW}@gitlab.example.com/ci/t.yml\n  - remote: https://gitlab.example.com/ci/u.yml?private_token=${GLPAT}\n`,
    secrets: [PW, GLPAT],
  },
  { rule: 'unpinned-action', path: '.github/workflows/ci.yml', text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: org/a@${GHP}\n`, secrets: [GHP] },
  { rule: 'unpinned-action', path: '.github/workflows/ci.yml', text: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker://img:${XOXB}\n`, secrets: [XOXB] },
  { rule: 'hardcoded-credential', path: '.gitlab-ci.yml', text: `variables:\n  ${AKIA}_SECRET: "Zq8Xw3Lr7Tm2Nv5Kp9Hc4Bd"\n`, secrets: [AKIA] },
  {
    rule: 'k8s-privileged',
    path: 'k8s/pod.yaml',
    text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${GHP2}\nspec:\n  containers:\n    - name: ${GHP2}\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n`,
    secrets: [GHP2],
  },
];

describe('redaction in the output layer', () => {
  for (const c of CASES) {
    const isSecretRule = RULES.find((r) => r.id === c.rule)?.family === 'secrets';
    const modes: [string, ForewarnConfig][] = [['secret rules on', DEFAULT_CONFIG]];
    if (!isSecretRule) modes.push(['secret rules off', SECRET_RULES_OFF]);
    for (const [label, config] of modes) {
      it(`${c.rule} quoting ${c.secrets.map((s) => s.slice(0, 5)).join(', ')}…: redacted (${label})`, () => {
        const rule = RULES.find((r) => r.id === c.rule)!;
        const r = new Analyzer([rule]).analyze({ path: c.path, text: c.text }, config);
        assert.ok(r.findings.length > 0, `${c.rule} must report something here for the test to mean anything`);
        assert.deepEqual(leaks(shown(r), c.secrets), []);
      });
    }
  }

  it('a rule that quotes every line, with every secret rule off: messages, titles and errors are redacted', () => {
    const quoting = testRules.filter((r) => r.id === 'test-quotes-everything' || r.id === 'test-leaky-crash');
    const text = [
      'QUOTE-ME: 1',
      'LEAKY: 1',
      `token: ${GHP}`,
      `url: https://ci:${PW}@git.example.org/r.git`,
      `hook: https://hooks.slack.com/x?token=${GLPAT}`,
      `key: ${AKIA}`,
      `password: ${PW}x`,
      '',
    ].join('\n');
    const r = new Analyzer(quoting).analyze({ path: '.gitlab-ci.yml', text }, SECRET_RULES_OFF);
    assert.ok(r.findings.length >= 6 && r.ruleErrors.length === 1);
    assert.deepEqual(leaks(shown(r), [...SECRETS, `${PW}x`]), []);
  });

  it('a YAML parse error that quotes a token is redacted even when only a non-secret rule runs', () => {
    const text = `on: push\njobs:\n  a: !${GHP} [\n`;
    const rule = RULES.find((r) => r.id === 'unpinned-action')!;
    const r = new Analyzer([rule]).analyze({ path: '.github/workflows/ci.yml', text }, SECRET_RULES_OFF);
    assert.ok(r.parseErrors.length > 0);
    assert.deepEqual(leaks(shown(r)), []);
  });

  it('configuration errors that echo unknown rule ids and alias names are redacted', () => {
    const { errors } = parseConfig(`rules:\n  ${GHP}: off\nignore: *${GHP2}\n`);
    assert.ok(errors.length > 0);
    assert.deepEqual(leaks(JSON.stringify(errors)), []);
  });

  it('baseline errors do not echo the version value or the JSON text', () => {
    for (const text of [`{"version": "${GHP}", "findings": []}`, `{"version": 1, "findings": [${GHP}]}`, `${GHP}`]) {
      const parsed = parseBaseline(text);
      assert.ok(parsed.error);
      assert.deepEqual(leaks(parsed.error), []);
    }
  });

  it('every rule: a secret written where the rule points is never shown in full', (t) => {
    // For the findings of every rule in the examples, the file again with a token written into the finding's range
    // (before it, after it, in its middle): wherever a rule quotes its own range, it quotes the token.
    const root = join(REPO, 'examples');
    const withOptIns = { ...DEFAULT_CONFIG, rules: Object.fromEntries(RULES.filter((r) => r.defaultOff).map((r) => [r.id, r.severity])) };
    const analyzer = new Analyzer();
    const tried = new Set<string>();
    for (const file of walkFiles(root, { file: () => true })) {
      const path = relative(root, file);
      const text = readFileSync(file, 'utf8');
      const base = analyzer.analyze({ path, text }, withOptIns);
      analyzer.forget(path);
      for (const f of base.findings) {
        if (tried.has(f.ruleId)) continue;
        const rule = RULES.find((r) => r.id === f.ruleId)!;
        const mid = f.range.start + Math.floor((f.range.end - f.range.start) / 2);
        // '.' and '-' keep the token a token: a word that runs on into the text is no secret by any shape.
        for (const variant of [
          `${text.slice(0, f.range.start)}${GHP2}.${text.slice(f.range.start)}`,
          `${text.slice(0, f.range.end)}.${GHP2}${text.slice(f.range.end)}`,
          `${text.slice(0, mid)}-${GHP2}-${text.slice(mid)}`,
        ]) {
          const r = new Analyzer([rule]).analyze({ path, text: variant }, withOptIns);
          const mine = r.findings.filter((x) => x.ruleId === f.ruleId);
          if (mine.length === 0) continue; // the token changed what the rule sees
          tried.add(f.ruleId);
          assert.deepEqual(leaks(shown(r), [GHP2]), [], `${f.ruleId} in ${path}`);
        }
      }
    }
    const untried = RULES.filter((r) => !tried.has(r.id)).map((r) => r.id);
    t.diagnostic(`${tried.size} of ${RULES.length} rules exercised with a token in their own range; the others no longer report once it is there: ${untried.join(', ')}`);
    assert.ok(tried.size >= RULES.length / 2, `only ${tried.size} of ${RULES.length} rules tried`);
  });

  describe('the redactor', () => {
    it('masks by shape: tokens, key ids, URL passwords, query tokens, Authorization headers', () => {
      const s = `a ${GHP} b ${AKIA} c https://u:${PW}@h.example/x d https://h.example/?access_token=${PW}q e Authorization: Bearer ${PW}Zq8Xw3Lr`;
      const out = redactText(s);
      assert.deepEqual(leaks(out, [GHP, AKIA, PW]), []);
      assert.ok(out.includes('https://u:') && out.includes('@h.example/x'), 'the URL around the password stays readable');
    });
    it('leaves references and ordinary text alone', () => {
      for (const s of ['run: echo ${{ secrets.TOKEN }}', 'https://h.example/?token=$TOKEN', 'uses: actions/checkout@v4', 'image: node:20-alpine']) {
        assert.equal(redactText(s), s);
      }
    });
    it('masks the file secrets it was given wherever a message repeats them', () => {
      const text = `password: ${PW}\n`;
      const r = createRedactor(text, [{ start: 10, end: 10 + PW.length }]);
      assert.equal(leaks(r.text(`the value ${PW} is weak`)).length, 0);
      assert.equal(r.hasSecret(`x${PW}x`), true);
      assert.equal(r.hasSecret('nothing here'), false);
    });
    it('source excerpts keep their length, so a caret under them still lines up', () => {
      const text = `token: ${GHP} # ok\n`;
      const r = createRedactor(text, [{ start: 7, end: 7 + GHP.length }]);
      const ex = r.source(0, text.length - 1);
      assert.equal(ex.length, text.length - 1);
      assert.equal(leaks(ex).length, 0);
      assert.ok(ex.startsWith('token: ghp_') && ex.endsWith(' # ok'));
    });
    it('masks every occurrence of every file secret, at any offset of any message (the sampled pair filter misses none)', () => {
      const units = fc.constantFrom('a', 'b', 'c', 'A', 'B', '1', '2', '-', ' ', '…', '\n');
      const word = (min: number) => fc.array(units, { minLength: min, maxLength: 12 }).map((u) => u.join(''));
      fc.assert(
        fc.property(fc.array(word(1), { minLength: 1, maxLength: 6 }), fc.array(fc.oneof(word(0), fc.nat({ max: 5 })), { maxLength: 12 }), (values, parts) => {
          const text = values.join('\n');
          let at = 0;
          const ranges = values.map((v) => {
            const r = { start: at, end: at + v.length };
            at += v.length + 1;
            return r;
          });
          // a message of filler and file values (a number picks a value), so values sit at every offset
          const message = parts.map((p) => (typeof p === 'number' ? values[p % values.length]! : p)).join('');
          const secrets = values.filter((v) => v.length >= 6);
          const masked = createRedactor(text, ranges).text(message);
          for (const v of secrets) assert.ok(!masked.includes(v), `${JSON.stringify(v)} left in ${JSON.stringify(masked)} (from ${JSON.stringify(message)})`);
          // nothing else is touched: without file secrets in the message, it comes back as it was (shapes aside)
          if (!secrets.some((v) => message.includes(v))) assert.equal(masked, redactText(message));
        }),
        { numRuns: 2000, seed: 20261203 },
      );
    });
    it('leaves a `--secret id=…,env=…` option list readable (a fix title that tells how to build)', () => {
      const title = 'Pass S0_API_KEY as a BuildKit secret to the RUN that uses it (build with --secret id=s0_api_key,env=S0_API_KEY)';
      assert.equal(redactText(title), title);
      assert.deepEqual(flagCredentials('docker build --secret id=npmrc_token,env=NPM_TOKEN .'), []);
      assert.deepEqual(flagCredentials('tool --signing-key 9fQ2xL7vK3mT8wRz').map((c) => c.secret), ['9fQ2xL7vK3mT8wRz']);
    });
    it('stays linear: a message checked against a hundred thousand file secrets', () => {
      const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
      const ids = Array.from({ length: 100_000 }, (_, i) => `AKIAQ${Array.from({ length: 15 }, (_, k) => B32[Math.floor(i / 32 ** (k % 4)) % 32 ^ (k * 7) % 32]).join('')}`);
      const text = ids.join(' ');
      const ranges = ids.map((_, i) => ({ start: i * 21, end: i * 21 + 20 }));
      const r = createRedactor(text, ranges);
      const message = `found ${ids[50_000]} and ${ids[99_999]}`;
      assert.equal(leaks(r.text(message), [ids[50_000]!, ids[99_999]!]).length, 0);
    });
  });

  describe('CLI and language server', () => {
    let ws = '';
    const files: Record<string, string> = {
      '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: org/a@${GHP}\n      - uses: docker://img:${XOXB}\n  b: !${GHP2} [\n`,
      'Dockerfile': `FROM alpine:3.20\nADD https://deploy:${PW}@files.example.org/tool.tgz /opt/\nUSER app\n`,
      '.gitlab-ci.yml': `include:\n  - remote: https://gitlab.example.com/ci/u.yml?private_token=${GLPAT}\n`,
    };
    before(() => {
      ws = mkdtempSync(join(tmpdir(), 'forewarn-out-redaction-'));
      mkdirSync(join(ws, '.git'));
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(ws, path)), { recursive: true });
        writeFileSync(join(ws, path), text);
      }
    });
    after(() => rmSync(ws, { recursive: true, force: true }));

    for (const format of ['text', 'json', 'sarif', 'gitlab', 'github']) {
      for (const args of [['--rule', 'unpinned-action,add-without-checksum,unpinned-include'], ['--skip-rule', 'provider-token,generic-secret,credential-url,aws-access-key,hardcoded-credential']]) {
        it(`scan --format ${format} ${args[0]}: nothing in full`, () => {
          const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'scan', '.', '--format', format, '--fail-on', 'none', ...args], { cwd: ws, encoding: 'utf8' });
          assert.ok(r.status === 0 || r.status === 2, r.stderr);
          assert.ok(/unpinned-action/.test(r.stdout), 'the rule reported');
          assert.deepEqual(leaks(r.stdout + r.stderr), []);
        });
      }
    }

    it('scan -o FILE: the report file holds nothing in full either', () => {
      const out = join(ws, '..', `${ws.split(/[\\/]/).pop()}-report.sarif`);
      try {
        const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'scan', '.', '--format', 'sarif', '--fail-on', 'none', '-o', out, '--skip-rule', 'provider-token,generic-secret,credential-url,aws-access-key,hardcoded-credential'], { cwd: ws, encoding: 'utf8' });
        assert.ok(r.status === 0 || r.status === 2, r.stderr);
        const text = readFileSync(out, 'utf8');
        assert.ok(/unpinned-action/.test(text), 'the rule reported');
        assert.deepEqual(leaks(text), []);
      } finally {
        rmSync(out, { force: true });
      }
    });

    it('a configuration error echoing a token, and a bad baseline, are redacted on stderr', () => {
      writeFileSync(join(ws, '.forewarn.yml'), `rules:\n  ${GHP}: off\n`);
      try {
        const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'scan', '.'], { cwd: ws, encoding: 'utf8' });
        assert.equal(r.status, 2);
        assert.match(r.stderr, /not a known rule id/);
        assert.deepEqual(leaks(r.stderr + r.stdout), []);
      } finally {
        rmSync(join(ws, '.forewarn.yml'));
      }
      writeFileSync(join(ws, 'b.json'), `{"version": "${GHP}", "findings": []}`);
      const b = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'scan', '.', '--baseline', 'b.json'], { cwd: ws, encoding: 'utf8' });
      assert.equal(b.status, 2);
      assert.deepEqual(leaks(b.stderr + b.stdout), []);
    });

    it('language server: a quoting rule with secret rules off shows nothing in full (diagnostics, titles, logs)', async () => {
      const client = await TestClient.start({
        rootUri: pathToFileURL(ws).toString(),
        env: { FOREWARN_TEST_RULES: join(REPO, 'out/test/fixtures/test-rules.js') },
        settings: { rules: Object.fromEntries(RULES.filter((r) => r.family === 'secrets').map((r) => [r.id, 'off'])) },
      });
      try {
        const uri = pathToFileURL(join(ws, '.gitlab-ci.yml')).toString();
        const text = `# QUOTE-ME LEAKY\nvariables:\n  A: ${GHP}\n  B: https://ci:${PW}@git.example.org/r.git\n  C: ${AKIA}\n`;
        await client.open(uri, text, 'yaml');
        const ds: Diagnostic[] = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'test-quotes-everything'));
        let seen = JSON.stringify(ds);
        for (const d of ds) {
          const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
          seen += JSON.stringify(actions.map((a) => a.title));
        }
        await client.until(() => client.logs.find((l) => l.includes('test-leaky-crash')), 'the crash log line');
        seen += client.logs.join('\n');
        assert.ok(seen.includes('Replace '), 'the fix titles were seen');
        assert.deepEqual(leaks(seen), []);
      } finally {
        await client.stop();
      }
    });
  });
});
