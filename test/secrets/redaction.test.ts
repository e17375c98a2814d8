// No full secret value in any output: the built CLI (text, JSON, SARIF, GitLab, GitHub), the baseline file, crash
// reports, and the language server (diagnostics, code action titles and edits, logs, the output channel).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { Analyzer, RULES } from '../../server/src/engine/index.js';
import { DETECTORS, scanTokens } from '../../server/src/models/secrets/index.js';
import { rules as testRules } from '../fixtures/test-rules.js';
import { REPO, TestClient } from '../helpers/lsp-client.js';
import { GHP, NPM } from '../helpers/secrets.js';

const PASSWORD = 'Vq7zR2mK9xLw4Tp';
const URL_PW = 'Hx4Tn8Wq2Z'; // not the docs' example value: SARIF embeds the rule pages as help text
const SHORT_PW = 'Zq7mW2xK9p';
/** Credential slots and the text kind: weak values (reported, and said weak) must be masked as well as strong ones. */
const WEAK_PW = 'Passw0rd2024';
const SLOT_TOKEN = 'Rk3mV8qL2xT9wB4z';
const QUERY_TOKEN = 'Qt7nR2vX9mK4pL8s';

/** Secret-laden files of every kind, and the secrets in them. */
function fixtures(): { files: Record<string, string>; secrets: string[] } {
  const secrets = [GHP, NPM, PASSWORD, URL_PW, SHORT_PW, btoa(`deploy:${URL_PW}`), WEAK_PW, SLOT_TOKEN, QUERY_TOKEN, btoa(WEAK_PW), btoa(`bot:${SLOT_TOKEN}`)];
  // every detector sample, each in its own block scalar so contexts (AccountKey=, sig=) survive
  const blocks = DETECTORS.flatMap((d) => d.samples.tp).map((s, i) => `  SAMPLE_${i}: |\n    ${s.replace(/\n/g, '\n    ')}\n`);
  for (const d of DETECTORS) for (const s of d.samples.tp) secrets.push(...scanTokens(s).map((m) => m.secret));
  const files: Record<string, string> = {
    '.github/workflows/ci.yml': `on: push\nenv:\n  GH_PAT: ${GHP}\n  DB_PASSWORD: "${PASSWORD}"\n${blocks.join('')}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -u deploy:${URL_PW} https://nexus.example.org\n          docker login -u me -p ${SHORT_PW} ghcr.io\n          curl -H "Authorization: Basic ${btoa(`deploy:${URL_PW}`)}" https://x.example.org\n`,
    '.gitlab-ci.yml': `variables:\n  NPM_TOKEN: ${NPM}\n  DATABASE_URL: postgres://app:${URL_PW}@db.internal/app\n`,
    Dockerfile: `FROM node:20\nENV NPM_TOKEN=${NPM}\nARG API_KEY="${PASSWORD}"\nRUN npm ci --token=$NPM_TOKEN\n`,
    'infra/main.tf': `provider "github" {\n  token = "${GHP}"\n}\nresource "aws_db_instance" "db" {\n  password = "${PASSWORD}"\n}\n`,
    'docker-compose.yml': `services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${PASSWORD}\n`,
    // credential slots (weak values too), command-line slots, URL query tokens and headers, the text kind
    'infra/azure.tf': `resource "azurerm_mssql_server" "s" {\n  administrator_login_password = "${WEAK_PW}"\n}\nresource "aws_instance" "i" {\n  user_data = <<-EOF\n    export DB_PASSWORD=${SLOT_TOKEN}\n  EOF\n}\n`,
    '.github/workflows/services.yml': `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: mysql:8\n        env:\n          MYSQL_ROOT_PASSWORD: ${WEAK_PW}\n    steps:\n      - run: |\n          mysql -h db -u root -p${WEAK_PW} -e "select 1"\n          sshpass -p ${SLOT_TOKEN} ssh deploy@host uptime\n          curl "https://api.example.org/items?access_token=${QUERY_TOKEN}" -H "PRIVATE-TOKEN: ${SLOT_TOKEN}"\n`,
    'k8s/secret-weak.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${btoa(WEAK_PW)}\n`,
    '.env': `DB_PASSWORD=${WEAK_PW}\nAPI_TOKEN=${SLOT_TOKEN}\n`,
    'web/.npmrc': `//registry.npmjs.org/:_authToken=${SLOT_TOKEN}\n`,
    '.m2/settings.xml': `<settings><servers><server><id>r</id><password>${SLOT_TOKEN}</password></server></servers></settings>\n`,
    'home/.docker/config.json': `{"auths": {"ghcr.io": {"auth": "${btoa(`bot:${SLOT_TOKEN}`)}"}}}\n`,
    'config/app.json': `{"service": {"apiKey": "${QUERY_TOKEN}"}}\n`,
    'docker/Dockerfile.args': `FROM node:20\nARG NPM_TOKEN\nARG DB_PASSWORD=${WEAK_PW}\nRUN echo $NPM_TOKEN && npm ci\nCOPY .npmrc /root/\n`,
    'infra/terraform.tfstate': `{"version": 4, "resources": [{"instances": [{"attributes": {"password": "${SLOT_TOKEN}"}}]}]}\n`,
    'k8s/app.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      env:\n        - name: API_TOKEN\n          value: ${PASSWORD}\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  conn: ${btoa(PASSWORD)}\n`,
  };
  return { files, secrets: [...new Set(secrets)] };
}

function leaks(output: string, secrets: readonly string[]): string[] {
  // report which secret leaked by its redacted id only (the test output must not leak either)
  return secrets.filter((s) => output.includes(s)).map((s) => `${s.slice(0, 4)}… (${s.length} chars)`);
}

describe('redaction', () => {
  const { files, secrets } = fixtures();
  let ws = '';
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-redaction-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(ws, path)), { recursive: true });
      writeFileSync(join(ws, path), text);
    }
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif', 'gitlab', 'github']) {
    it(`CLI scan --format ${format} prints no full secret`, () => {
      const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'scan', '.', '--format', format, '--fail-on', 'none'], { cwd: ws, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const out = r.stdout + r.stderr;
      // the scan found them (so the absence of secrets means something)
      const count = (out.match(/provider-token|generic-secret|credential-url|aws-access-key/g) ?? []).length;
      assert.ok(count >= DETECTORS.length + 10, `only ${count} secret findings`);
      assert.deepEqual(leaks(out, secrets), []);
    });
  }

  it('the new detection paths are found (slots, weak values, command lines, query tokens, headers, text files, image secrets)', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: ws, encoding: 'utf8' });
    const json = JSON.parse(r.stdout) as { findings: { ruleId: string; path: string; message: string }[] };
    const at = (path: string, rule: string): number => json.findings.filter((f) => f.path === path && f.ruleId === rule).length;
    assert.equal(at('infra/azure.tf', 'hardcoded-credential'), 2, 'Terraform slot and user_data script');
    assert.equal(at('.github/workflows/services.yml', 'hardcoded-credential'), 3, 'service env, mysql -p, sshpass -p');
    assert.equal(at('.github/workflows/services.yml', 'credential-url'), 2, 'query token and header');
    assert.equal(at('k8s/secret-weak.yaml', 'hardcoded-credential'), 1);
    assert.equal(at('.env', 'hardcoded-credential'), 2);
    assert.equal(at('web/.npmrc', 'hardcoded-credential'), 1);
    assert.equal(at('.m2/settings.xml', 'hardcoded-credential'), 1);
    assert.equal(at('home/.docker/config.json', 'hardcoded-credential'), 1);
    assert.equal(at('config/app.json', 'generic-secret'), 1);
    assert.equal(at('docker/Dockerfile.args', 'secret-in-image'), 2, 'ARG NPM_TOKEN and COPY .npmrc');
    assert.equal(at('docker/Dockerfile.args', 'hardcoded-credential'), 1, 'ARG DB_PASSWORD default');
    assert.equal(at('infra/terraform.tfstate', 'terraform-state-file'), 1);
    // weak values are said weak; a build argument's name is not a secret and stays readable
    assert.ok(json.findings.some((f) => f.path === 'k8s/secret-weak.yaml' && /weak/.test(f.message)));
    assert.ok(json.findings.some((f) => f.ruleId === 'secret-in-image' && f.message.includes('NPM_TOKEN')));
    // …and a weak password quoted by another rule's message is masked too (the redactor knows every slot value)
    const quoting = new Analyzer([...RULES, ...testRules]).analyze({ path: '.env', text: `LEAKY\n${files['.env']!}` });
    assert.ok(quoting.ruleErrors.some((e) => e.ruleId === 'test-leaky-crash'), 'the crash was reported');
    assert.deepEqual(leaks(quoting.ruleErrors.map((e) => e.message).join('\n'), secrets), []);
  });

  it('the baseline file holds no full secret', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'baseline', '.', '-o', 'redaction-baseline.json'], { cwd: ws, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(join(ws, 'redaction-baseline.json'), 'utf8');
    assert.ok((text.match(/"fingerprint"/g) ?? []).length >= DETECTORS.length, 'the baseline recorded the findings');
    assert.deepEqual(leaks(text + r.stdout + r.stderr, secrets), []);
  });

  it('crash reports: a rule that throws with the file in its message reports it redacted and cut', () => {
    const text = `LEAKY\n${files['.github/workflows/ci.yml']!}`;
    const r = new Analyzer([...RULES, ...testRules]).analyze({ path: '.github/workflows/ci.yml', text });
    const crash = r.ruleErrors.find((e) => e.ruleId === 'test-leaky-crash');
    assert.ok(crash, 'the crash was reported');
    assert.ok(crash.message.length <= 520, 'cut to a log line');
    assert.deepEqual(leaks(crash.message, secrets), []);
  });

  it('crash reports reach the output channel redacted too', async () => {
    const client = await TestClient.start({ env: { FOREWARN_TEST_RULES: join(REPO, 'out/test/fixtures/test-rules.js') } });
    try {
      const uri = 'file:///leaky/.github/workflows/ci.yml';
      await client.open(uri, `# LEAKY\n${files['.github/workflows/ci.yml']!}`);
      await client.until(() => client.logs.find((l) => l.includes('test-leaky-crash')), 'the crash log line');
      assert.deepEqual(leaks(client.logs.join('\n'), secrets), []);
    } finally {
      await client.stop();
    }
  });

  it('language server: diagnostics, code actions and logs carry no full secret', async () => {
    const client = await TestClient.start({ rootUri: pathToFileURL(ws).toString() });
    try {
      let seen = '';
      for (const [path, text] of Object.entries(files)) {
        const uri = pathToFileURL(join(ws, path)).toString();
        const languageId = path === 'Dockerfile' || path.includes('Dockerfile.') ? 'dockerfile' : path.endsWith('.tf') ? 'terraform' : path.endsWith('.json') ? 'json' : 'yaml';
        await client.open(uri, text, languageId);
        const ds: Diagnostic[] = await client.diagnostics(uri, (d) => d.length > 0);
        seen += JSON.stringify(ds);
        for (const d of ds) {
          const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
          seen += JSON.stringify(actions);
        }
      }
      seen += client.logs.join('\n');
      assert.ok(seen.includes('gh secret set'), 'no fix titles were seen');
      assert.deepEqual(leaks(seen, secrets), []);
    } finally {
      await client.stop();
    }
  });
});
