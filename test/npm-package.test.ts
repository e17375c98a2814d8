// The npm package as users get it: staged in dist/npm (scripts/npm-package.mjs), `npm pack`, install the tarball
// into an empty project (offline: it has no dependencies), and run `npx forewarn scan`.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO } from './helpers/lsp-client.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function sh(cmd: string, args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm package', () => {
  let tmp: string;
  let tarball: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'forewarn-npm-'));
    // dist/ is built by `npm test`; staging copies the bundle without rebuilding it under running tests.
    const stage = sh(process.execPath, ['scripts/npm-package.mjs'], REPO);
    assert.equal(stage.code, 0, stage.err);
    const pack = sh(NPM, ['pack', './dist/npm', '--ignore-scripts', '--json', '--pack-destination', tmp], REPO);
    assert.equal(pack.code, 0, pack.err);
    const [info] = JSON.parse(pack.out) as { filename: string; files: { path: string }[] }[];
    tarball = join(tmp, info!.filename);
    writeFileSync(join(tmp, 'files.json'), JSON.stringify(info!.files.map((f) => f.path).sort()));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds only the CLI (loader, self-contained bundle, its code cache, rule pages), with bin, engines and no dependencies', () => {
    const files = JSON.parse(readFileSync(join(tmp, 'files.json'), 'utf8')) as string[];
    assert.deepEqual(files, ['LICENSE', 'README.md', 'dist/cli-bundle.cache', 'dist/cli-bundle.js', 'dist/cli.js', 'dist/rule-docs.json', 'package.json']);
    const pkg = JSON.parse(readFileSync(join(REPO, 'dist/npm/package.json'), 'utf8')) as Record<string, unknown> & { bin: Record<string, string>; engines: { node: string }; dependencies?: Record<string, string> };
    assert.equal(pkg.name, 'forewarn');
    assert.equal(pkg.bin.forewarn, 'dist/cli.js');
    assert.equal(pkg.engines.node, '>=20');
    // Everything is bundled by esbuild: a runtime dependency would be installed for nothing (add libraries as devDependencies).
    assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
    // Nothing of the extension's manifest, and no placeholder repository.
    for (const key of ['contributes', 'main', 'scripts', 'devDependencies', 'repository', 'private']) assert.equal(pkg[key], undefined, key);
    assert.match(readFileSync(join(REPO, 'dist/npm/dist/cli.js'), 'utf8').slice(0, 40), /^#!\/usr\/bin\/env node\n/);
  });

  it('the repository itself packs to the same CLI files (pre-commit installs it that way; .npmignore)', () => {
    const pack = sh(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], REPO);
    assert.equal(pack.code, 0, pack.err);
    const [info] = JSON.parse(pack.out) as { files: { path: string }[] }[];
    assert.deepEqual(info!.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'dist/cli-bundle.cache', 'dist/cli-bundle.js', 'dist/cli.js', 'dist/rule-docs.json', 'package.json']);
  });

  it('its README is written for command-line users, not the repository\'s developers', () => {
    const readme = readFileSync(join(REPO, 'dist/npm/README.md'), 'utf8');
    assert.match(readme, /^# forewarn\n/);
    assert.match(readme, /npx forewarn scan/);
    for (const topic of ['--fix', '--format sarif', 'forewarn baseline', 'forewarn explain', 'Exit codes']) assert.ok(readme.includes(topic), topic);
    assert.doesNotMatch(readme, /npm (test|ci)|test:e2e|VSIX/, 'no developer instructions');
    assert.doesNotMatch(readme, /\]\((?!https?:)[^)]*\)/, 'no relative links: the docs folder is not in the package');
  });

  it('installs offline into an empty project and `npx forewarn scan` works', () => {
    const project = join(tmp, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "sample", "version": "1.0.0", "private": true }\n');
    writeFileSync(join(project, 'Dockerfile'), 'FROM node:latest\nRUN npm ci\nUSER node\n');
    const install = sh(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
    assert.equal(install.code, 0, install.err);
    // Nothing but Forewarn itself was installed.
    assert.deepEqual(readdirSync(join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['forewarn']);
    assert.ok(statSync(join(project, 'node_modules/.bin/forewarn')).isFile());

    const scan = sh(NPX, ['--offline', 'forewarn', 'scan', '--format', 'json', '--fail-on', 'medium'], project);
    assert.equal(scan.code, 1, scan.err);
    const json = JSON.parse(scan.out) as { findings: { ruleId: string; path: string; line: number }[] };
    assert.deepEqual(json.findings.map((f) => [f.ruleId, f.path, f.line]), [['image-latest', 'Dockerfile', 1]]);
    const version = sh(NPX, ['--offline', 'forewarn', '--version'], project);
    assert.equal(version.out.trim(), (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
