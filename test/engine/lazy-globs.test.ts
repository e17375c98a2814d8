// A start-up saving of the CLI that must not change a result: the built-in kind globs compiled on first use
// (engine/globs.ts `lazy`), compared with the eagerly compiled ones.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { TEXT_EXCLUDED, TEXT_GLOBS } from '../../server/src/engine/detect.js';
import { compileGlobs } from '../../server/src/engine/globs.js';
import { REPO } from '../helpers/lsp-client.js';

describe('lazily compiled globs', () => {
  /** Paths of every file in the repository's examples and fixtures, plus odd names around the built-in globs. */
  function paths(): string[] {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.name === 'node_modules' || e.name === '.git') continue;
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else out.push(relative(REPO, p));
      }
    };
    walk(join(REPO, 'examples'));
    walk(join(REPO, 'test', 'fixtures'));
    for (const name of ['Dockerfile', 'dockerfile.dev', 'x.DOCKERFILE', 'Containerfile', 'compose.yml', 'docker-compose.override.YML', '.env', '.ENV.local', 'a.env', 'X.TFSTATE', 'settings.xml', 'id_rsa', 'id_rsa.pub', '.npmrc', 'pip.conf', 'kubeconfig', 'a.kubeconfig', 'credentials', 'x.yml', 'x.yaml', 'x.json', 'package-lock.json', 'a.min.json', 'x.map', 'yarn.lock', '.terraform.lock.hcl', 'main.tf', 'vars.tfvars', 'azure-pipelines.yml', 'azure-pipelines-ci.yaml', '.gitlab-ci.yml', 'a.gitlab-ci.yml', 'bitbucket-pipelines.yml', 'action.yml', 'config.yml']) {
      for (const dir of ['', 'a/', 'a/b/', '.github/workflows/', 'x/.github/workflows/', '.circleci/', '.kube/', 'x/.docker/', '.azure-pipelines/', 'p/.azure-pipelines/q/', '.vscode/', 'x/.idea/y/', 'C:\\\\w\\\\']) out.push(dir + name);
    }
    return out;
  }

  it('give what eagerly compiled ones give, for the built-in kind globs and odd paths', () => {
    const groups: [readonly string[], boolean][] = [
      [TEXT_GLOBS, true],
      [TEXT_EXCLUDED, true],
      [['.github/workflows/*.yml', '**/.github/workflows/*.yaml'], false],
      [['Dockerfile', 'Dockerfile.*', '*.Dockerfile', 'Containerfile', 'Containerfile.*'], true],
      [['docker-compose*.yml', 'compose.*.yaml', 'compose-*.yml'], false],
      [['**/.azure-pipelines/**/*.yml', '.azure-pipelines/**/*.yaml', 'azure-pipelines*.yml'], false],
      // patterns the literal pre-check leaves alone: classes, braces, extglobs, `?`, `**` last
      [['*.{yml,yaml}', 'Docker[fF]ile', '?ompose.yml', '+(a|b).tf', 'infra/**', '**/.vscode/**', 'x\\*.yml'], false],
    ];
    const all = paths();
    for (const [globs, nocase] of groups) {
      const eager = compileGlobs(globs, { nocase });
      const lazy = compileGlobs(globs, { nocase, lazy: true });
      for (const p of all) assert.equal(lazy(p), eager(p), `${p} with ${globs.join(' ')}`);
    }
  });
});
