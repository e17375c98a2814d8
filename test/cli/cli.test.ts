// The CLI as users and pipelines run it: output formats, the JSON contract, exit codes, ignores.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run, sourceMapHint } from '../../server/src/cli/main.js';
import { RULES } from '../../server/src/engine/index.js';
import { withTempDir, writeFiles } from '../helpers/temp-files.js';
import { REPO } from '../helpers/lsp-client.js';

const CLI = resolve(REPO, 'dist/cli.js');
const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';

function cli(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface JsonReport {
  version: number;
  findings: { ruleId: string; family: string; severity: string; path: string; fixable: boolean; message: string }[];
  errors: unknown[];
}

/** `forewarn scan ARGS --format json` in `cwd`, parsed. */
function scanJson(args: string[], cwd: string): JsonReport {
  return JSON.parse(cli(['scan', ...args, '--format', 'json'], cwd).out) as JsonReport;
}

/** Runs `fn` in a fresh folder holding `files`, removed afterwards. */
async function inTempDir(files: Record<string, string | Buffer>, fn: (dir: string) => void | Promise<void>): Promise<void> {
  await withTempDir('forewarn-cli-case-', async (dir) => {
    writeFiles(dir, files);
    await fn(dir);
  });
}

describe('forewarn CLI', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-cli-'));
    writeFiles(ws, {
      '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    env:\n      K: ${KEY}\n    steps:\n      - uses: actions/checkout@v4\npermissions: {}\n`,
      'Dockerfile': 'FROM node\nUSER node\n',
      'ignored-by-git/Dockerfile': 'FROM alpine\n',
      'node_modules/pkg/Dockerfile': 'FROM alpine\n',
      '.gitignore': 'ignored-by-git/\n',
      'broken/.github/workflows/x.yml': 'jobs:\n  a:\n    steps:\n      - uses: a/b@v1\n      - run: "oops\n',
      'bin/Dockerfile.bin': Buffer.from([0x46, 0x52, 0x00, 0x01]),
      'src/app.ts': `const k = "${KEY}";\n`,
    });
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('text format: path:line:col severity rule-id message; summary on stderr; exit 1 at the default --fail-on high', () => {
    const r = cli(['scan'], ws);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.deepEqual(
      lines.map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        '.github/workflows/ci.yml:5:10 critical aws-access-key',
        '.github/workflows/ci.yml:7:15 high unpinned-action',
        'Dockerfile:1:6 medium image-latest',
        'broken/.github/workflows/x.yml:4:15 high unpinned-action',
      ],
    );
    assert.ok(!r.out.includes(KEY) && !r.err.includes(KEY), 'the key is never printed');
    assert.match(r.err, /4 findings \(1 critical, 2 high, 1 medium\) in 3 files/);
    assert.match(r.err, /broken\/.github\/workflows\/x.yml:\d+:\d+ parse:/);
    // Said once: "skipped: Forewarn skipped this file" repeated itself.
    assert.match(r.err, /^bin\/Dockerfile.bin: Forewarn skipped this file: .*NUL/m);
    assert.doesNotMatch(r.err, /skipped: Forewarn skipped/);
  });

  it('JSON format follows the documented contract', () => {
    const r = cli(['scan', '.github', 'Dockerfile', '--format', 'json'], ws);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out) as { version: number; findings: Record<string, unknown>[]; errors: unknown[] };
    assert.equal(json.version, 1);
    assert.deepEqual(json.errors, []);
    assert.deepEqual(json.findings[0], {
      ruleId: 'aws-access-key',
      family: 'secrets',
      severity: 'critical',
      path: '.github/workflows/ci.yml',
      line: 5,
      column: 10,
      endLine: 5,
      endColumn: 30,
      message: json.findings[0]!.message,
      fixable: true,
      fingerprint: json.findings[0]!.fingerprint,
    });
    assert.match(String(json.findings[0]!.fingerprint), /^[0-9a-f]{32}$/);
    assert.deepEqual(
      json.findings.map((f) => [f.ruleId, f.family, f.fixable]),
      [
        ['aws-access-key', 'secrets', true],
        ['unpinned-action', 'pinning', false],
        ['image-latest', 'pinning', false],
      ],
    );
    assert.ok(!r.out.includes(KEY));
  });

  it('--fail-on sets the exit code threshold', () => {
    assert.equal(cli(['scan', 'Dockerfile', '--fail-on', 'medium'], ws).code, 1);
    assert.equal(cli(['scan', 'Dockerfile', '--fail-on', 'high'], ws).code, 0);
    assert.equal(cli(['scan', '--fail-on', 'none'], ws).code, 0);
    assert.equal(cli(['scan', '.github', '--fail-on', 'critical'], ws).code, 1);
  });

  it('scanning from inside .github/workflows still knows the files are workflows', () => {
    const json = scanJson([], join(ws, '.github/workflows'));
    assert.deepEqual(json.findings.map((f) => `${f.path} ${f.ruleId}`), ['ci.yml aws-access-key', 'ci.yml unpinned-action']);
  });

  it('paths are relative to the current directory', () => {
    assert.equal(scanJson([join(ws, 'Dockerfile')], join(ws, '.github')).findings[0]!.path, '../Dockerfile');
  });

  it('config: ignores, severities and kinds from .forewarn.yml; --config picks another file', () => {
    writeFiles(ws, { 'cfg/strict.yml': 'rules:\n  image-latest: critical\nignore: ["broken/**"]\n' });
    const json = scanJson(['--config', 'cfg/strict.yml'], ws);
    // Globs in a config file are relative to its folder: broken/** under cfg/ matches nothing here.
    assert.ok(json.findings.some((f) => f.path.startsWith('broken/')));
    assert.equal(json.findings.find((f) => f.ruleId === 'image-latest')!.severity, 'critical');
    writeFiles(ws, { '.forewarn.yml': 'ignore: ["broken/**"]\nrules:\n  unpinned-action: off\n' });
    try {
      const j2 = scanJson([], ws);
      assert.deepEqual(j2.findings.map((f) => f.ruleId), ['aws-access-key', 'image-latest']);
    } finally {
      rmSync(join(ws, '.forewarn.yml'));
    }
  });

  it('exit 2 with a clear message on usage and configuration errors', () => {
    const bad = cli(['scan', '--format', 'xml'], ws);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be one of pretty, text, json, sarif, gitlab, github/);
    assert.equal(cli(['scan', '--fail-on', 'severe'], ws).code, 2);
    assert.equal(cli(['scan', '--nope'], ws).code, 2);
    assert.equal(cli(['frobnicate'], ws).code, 2);
    writeFiles(ws, { 'bad.yml': 'rules:\n  no-such-rule: off\n' });
    const cfg = cli(['scan', '--config', 'bad.yml'], ws);
    assert.equal(cfg.code, 2);
    assert.match(cfg.err, /no-such-rule/);
    const missing = cli(['scan', '--config', 'missing.yml'], ws);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /Cannot read configuration/);
  });

  it('a path that does not exist is a usage error, not a clean pass', () => {
    const r = cli(['scan', 'Dockerfile', 'no-such-dir'], ws);
    assert.equal(r.code, 2);
    assert.match(r.err, /no such file or directory: no-such-dir/);
  });

  it('no command prints usage to stderr and exits 2', () => {
    const r = cli([], ws);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /Usage:/);
  });

  it('ignore patterns follow .gitignore syntax; .gitignore files above the scanned folder count inside a repository', () =>
    inTempDir(
      {
        '.git/info/exclude': 'excluded/\n',
        '.gitignore': 'generated/\n',
        'app/generated/Dockerfile': 'FROM a\n',
        'app/excluded/Dockerfile': 'FROM b\n',
        'app/Dockerfile': 'FROM c\n',
        'app/sub/Dockerfile': 'FROM d\n',
        'app/keep/Dockerfile': 'FROM e\n',
        'app/big.yaml': `x: "${'y'.repeat(3000)}"\n`,
        '.forewarn.yml': 'ignore: ["/app/Dockerfile", "app/*/", "!app/keep/"]\nmaxFileSize: 1000\n',
      },
      (repo) => {
        const json = scanJson(['app'], repo);
        // /app/Dockerfile is anchored; app/*/ ignores folders under app/ except the negated keep/.
        assert.deepEqual([...new Set(json.findings.map((f) => f.path))], ['app/keep/Dockerfile']);
        // The large YAML file matches no kind: no message about skipping it.
        assert.deepEqual(json.errors, []);
      },
    ));

  it('ignore patterns of .forewarn.yml apply inside a folder named on the command line, and from a subfolder', () =>
    inTempDir(
      {
        '.git/HEAD': '',
        '.forewarn.yml': 'ignore:\n  - sub/third_party/\n  - "**/gen/**"\n  - "*.local"\n',
        'sub/third_party/Dockerfile': 'FROM a\n',
        'sub/app/gen/Dockerfile': 'FROM b\n',
        'sub/app/Dockerfile.local': 'FROM c\n',
        'sub/app/Dockerfile': 'FROM d\n',
      },
      (repo) => {
        const paths = (args: string[], cwd: string) => [...new Set(scanJson(args, cwd).findings.map((f) => f.path))];
        for (const named of ['sub', 'sub/', './sub', 'sub/app']) assert.deepEqual(paths([named], repo), ['sub/app/Dockerfile'], named);
        // From inside sub/, the configuration is found above and its anchored patterns still mean sub/third_party/.
        assert.deepEqual(paths(['.'], join(repo, 'sub')), ['app/Dockerfile']);
        assert.deepEqual(paths([], join(repo, 'sub/app')), ['Dockerfile']);
      },
    ));

  it('text files: .env, .npmrc, config JSON/YAML and tfstate are scanned for secrets only; what git ignores, lock files and text.exclude are not', () =>
    inTempDir(
      {
        '.git/info/exclude': '',
        '.gitignore': '.env.local\n',
        '.env': 'DB_PASSWORD=Zq7mW2xK9pLrT4vB\n',
        '.env.local': 'DB_PASSWORD=Zq7mW2xK9pLrT4vB\n',
        'web/.npmrc': '//registry.npmjs.org/:_authToken=Zq7mW2xK9pLrT4vB\n',
        'config/app.json': '{\n  "service": { "apiKey": "q8Hf2LzR7vWx1Kd9TmPa4Ns6" }\n}\n',
        'config/values.yaml': 'image: nginx:latest\nprivileged: true\n',
        'infra/terraform.tfstate': '{"version": 4, "resources": []}\n',
        'package-lock.json': '{"token": "q8Hf2LzR7vWx1Kd9TmPa4Ns6"}\n',
        'fixtures/keys.json': '{"apiKey": "q8Hf2LzR7vWx1Kd9TmPa4Ns6"}\n',
        'big.json': `{"x": "${'y'.repeat(3000)}"}\n`,
        '.forewarn.yml': 'text:\n  exclude: ["fixtures/**"]\nmaxFileSize: 2000\n',
      },
      (repo) => {
        const json = scanJson(['.'], repo);
        const got = json.findings.map((f) => `${f.path} ${f.ruleId}`).sort();
        assert.deepEqual(got, ['.env hardcoded-credential', 'config/app.json generic-secret', 'infra/terraform.tfstate terraform-state-file', 'web/.npmrc hardcoded-credential']);
        // other rules never run on text files; a large text file is skipped without a message
        assert.ok(json.findings.every((f) => f.family === 'secrets'));
        assert.deepEqual(json.errors, []);
      },
    ));

  it('a folder named explicitly is scanned even when ignored; a deeper .gitignore can re-include', () =>
    inTempDir(
      {
        '.git/HEAD': '',
        '.gitignore': 'build/\nDockerfile.*\n',
        'build/Dockerfile': 'FROM node\nUSER node\n',
        'svc/.gitignore': '!Dockerfile.prod\n',
        'svc/Dockerfile.prod': 'FROM alpine\n',
        'svc/Dockerfile.dev': 'FROM alpine\n',
      },
      (repo) => {
        assert.deepEqual([...new Set(scanJson([], repo).findings.map((f) => f.path))], ['svc/Dockerfile.prod']);
        assert.deepEqual([...new Set(scanJson(['build'], repo).findings.map((f) => f.path))], ['build/Dockerfile']);
      },
    ));

  it('a reader that stops early (| head) does not turn the exit code into 1', () =>
    inTempDir({ Dockerfile: 'FROM node\n'.repeat(5000) }, async (dir) => {
      const child = spawn(process.execPath, [CLI, 'scan', '--fail-on', 'critical'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
      child.stdout.once('data', () => child.stdout.destroy());
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
    }));

  it('run() reports paths relative to the cwd it is given', () => {
    let out = '';
    const code = run(['scan', 'Dockerfile', '--format', 'json'], { out: (t) => (out += t), err: () => {}, cwd: ws });
    assert.equal(code, 0);
    assert.equal((JSON.parse(out) as { findings: { path: string }[] }).findings[0]!.path, 'Dockerfile');
  });

  it('rules, schema, version and help', () => {
    const rules = cli(['rules'], ws);
    assert.equal(rules.code, 0);
    assert.match(rules.out, /^aws-access-key\s+secrets\s+critical/m);
    const schema = JSON.parse(cli(['schema'], ws).out) as { properties: Record<string, unknown> };
    assert.ok(schema.properties.rules);
    assert.match(cli(['--version'], ws).out, /^\d+\.\d+\.\d+/);
    assert.equal(cli(['--help'], ws).code, 0);
  });
});

describe('internal errors of the minified bundle', () => {
  /** An internal error inside the built bundle (a cwd that is no path), as `forewarn` reports it. */
  function crash(nodeArgs: string[]): { code: number | null; err: string } {
    const bundle = JSON.stringify(resolve(REPO, 'dist/cli-bundle.js'));
    const script = `const io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), cwd: 42 };
      process.exitCode = require(${bundle}).run(['scan', '.'], io);`;
    const r = spawnSync(process.execPath, [...nodeArgs, '-e', script], { encoding: 'utf8' });
    return { code: r.status, err: r.stderr };
  }

  it('the report keeps the error and its stack, and says how to map the stack to the sources', () => {
    const plain = crash([]);
    assert.equal(plain.code, 2);
    assert.match(plain.err, /^forewarn: internal error: TypeError \[ERR_INVALID_ARG_TYPE\]/);
    assert.match(plain.err, /cli-bundle\.js:\d+:\d+/);
    assert.match(plain.err, /NODE_OPTIONS=--enable-source-maps/);
    const mapped = crash(['--enable-source-maps']);
    assert.equal(mapped.code, 2);
    assert.match(mapped.err, /server[\\/]src[\\/]cli[\\/]main\.ts:\d+:\d+/, 'the stack names the sources');
    assert.doesNotMatch(mapped.err, /enable-source-maps/);
  });

  it('gives the hint only for a stack through a bundle with its source map beside it', () => {
    const stack = 'TypeError: x\n    at Lf (/opt/forewarn/dist/cli-bundle.js:307:132)\n    at main (/opt/forewarn/dist/cli.js:1:2)';
    const asked: string[] = [];
    assert.match(sourceMapHint(stack, (p) => (asked.push(p), true)), /enable-source-maps/);
    assert.deepEqual(asked, ['/opt/forewarn/dist/cli-bundle.js.map']);
    assert.equal(sourceMapHint(stack, () => false), '', 'no map shipped (a production build): nothing to suggest');
    assert.equal(sourceMapHint('Error: x\n    at f (/src/server/src/cli/main.ts:1:2)', () => true), '');
  });
});

describe('examples workspace', () => {
  it('reports every rule that is on by default', () => {
    const ids = new Set(scanJson(['examples'], REPO).findings.map((f) => f.ruleId));
    assert.deepEqual([...ids].sort(), RULES.filter((r) => !r.defaultOff).map((r) => r.id).sort());
  });
});
