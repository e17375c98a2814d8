// The VSIX's contents (as `vsce ls` reports them) and the manifest facts that code-server 4.100.3 needs.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/engine/index.js';
import { REPO } from './helpers/lsp-client.js';

const README = 'packaging/vsix/README.md';

function pkgSettings(): Record<string, unknown> {
  return (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } }).contributes.configuration.properties;
}

describe('extension package', () => {
  it('holds only the bundles, the grammars, the schema, the icon, the README and the rule pages', () => {
    const out = execFileSync(process.execPath, [join(REPO, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies', '--readme-path', README], { cwd: REPO, encoding: 'utf8' });
    assert.deepEqual(
      out.trim().split('\n').sort(),
      [
        'CHANGELOG.md',
        'LICENSE',
        // The extension's own README (for its users), not the repository's developer README.
        README,
        'dist/extension.js',
        'dist/forewarn.schema.json',
        'dist/scan-worker.js',
        'dist/server.js',
        'images/icon.png',
        'package.json',
        'syntaxes/forewarn-suppression-dockerfile.injection.json',
        'syntaxes/forewarn-suppression.injection.json',
        'syntaxes/github-expression-scalar-start.injection.json',
        'syntaxes/github-expression-single-quoted.injection.json',
        'syntaxes/github-expression.injection.json',
        'syntaxes/terraform.language-configuration.json',
        'syntaxes/terraform.tmLanguage.json',
        // "Show Rule Documentation" renders these inside the editor.
        ...RULES.map((r) => `docs/rules/${r.id}.md`),
      ].sort(),
    );
  });

  it('targets VS Code 1.100 and declares what vsce needs', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Record<string, unknown> & { engines: { vscode: string }; contributes: { configuration: { properties: Record<string, { description?: string; markdownDescription?: string }> } } };
    assert.equal(pkg.engines.vscode, '^1.100.0');
    for (const key of ['publisher', 'license', 'icon', 'main']) assert.ok(pkg[key], key);
    // No placeholder repository URL: vsce is told there is none (--allow-missing-repository).
    assert.equal(pkg.repository, undefined);
    assert.equal(pkg.private, true, 'the npm package is staged from dist/npm (scripts/npm-package.mjs), never published from here');
    const scripts = pkg.scripts as Record<string, string>;
    assert.match(scripts.package!, /--readme-path packaging\/vsix\/README\.md --allow-missing-repository/);
    // npm 11 blocks dependencies' install scripts: these two are denied on purpose, so `npm ci` is quiet.
    assert.deepEqual(pkg.allowScripts, { esbuild: false, '@vscode/vsce-sign': false });
    for (const [name, prop] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.ok(prop.description ?? prop.markdownDescription, `${name} has a description`);
    }
  });

  it('the VSIX README is written for users of the extension and needs no repository to render', () => {
    const text = readFileSync(join(REPO, README), 'utf8');
    assert.match(text, /^# Forewarn for VS Code/);
    for (const section of ['## First run', '## Commands', '## Settings']) assert.ok(text.includes(section), section);
    // vsce rewrites relative links against the repository, and there is none: only absolute links or none.
    assert.doesNotMatch(text, /\]\((?!https?:)[^)]*\)/);
    assert.doesNotMatch(text, /npm (test|run)|\bgit clone/, 'no developer instructions');
    for (const setting of Object.keys(pkgSettings())) assert.ok(text.includes(`\`${setting}\``), `${setting} documented`);
  });
});
