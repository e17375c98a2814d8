// The VSIX's contents (as `vsce ls` reports them) and the manifest facts that code-server 4.100.3 needs.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/engine/index.js';
import { REPO } from './helpers/lsp-client.js';

describe('extension package', () => {
  it('holds only the bundles, the grammars, the schema, the icon, the README and the rule pages', () => {
    const out = execFileSync(process.execPath, [join(REPO, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8' });
    assert.deepEqual(
      out.trim().split('\n').sort(),
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
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
    for (const key of ['publisher', 'license', 'repository', 'icon', 'main']) assert.ok(pkg[key], key);
    for (const [name, prop] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.ok(prop.description ?? prop.markdownDescription, `${name} has a description`);
    }
  });
});
