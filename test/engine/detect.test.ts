// File-kind detection: globs per kind, content sniffing, user globs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDetector } from '../../server/src/engine/index.js';

describe('kind detection', () => {
  const d = createDetector();
  const cases: [string, string, string | undefined][] = [
    ['.github/workflows/ci.yml', '', 'github-workflow'],
    ['/abs/repo/.github/workflows/release.yaml', '', 'github-workflow'],
    ['.github/workflows/nested/ci.yml', '', 'text'],
    ['action.yml', 'name: x\nruns:\n  using: node20\n', 'github-action'],
    ['sub/dir/action.yaml', 'runs:\n  using: composite\n', 'github-action'],
    ['action.yml', 'name: not an action\n', 'text'],
    ['.github/dependabot.yml', '', 'dependabot'],
    ['/abs/repo/.github/dependabot.yaml', '', 'dependabot'],
    ['dependabot.yml', 'version: 2\n', 'text'],
    ['.github/workflows/dependabot.yml', '', 'github-workflow'],
    ['.gitlab-ci.yml', '', 'gitlab-ci'],
    ['ci/build.gitlab-ci.yml', '', 'gitlab-ci'],
    ['azure-pipelines.yml', '', 'azure-pipelines'],
    ['azure-pipelines-release.yaml', '', 'azure-pipelines'],
    ['.azure-pipelines/templates/build.yml', '', 'azure-pipelines'],
    ['.azure-pipelines.yml', '', 'azure-pipelines'],
    ['sub/.azure-pipelines-ci.yaml', '', 'azure-pipelines'],
    ['bitbucket-pipelines.yml', '', 'bitbucket-pipelines'],
    ['.circleci/config.yml', '', 'circleci'],
    ['Dockerfile', '', 'dockerfile'],
    ['services/api/Dockerfile.prod', '', 'dockerfile'],
    ['api.Dockerfile', '', 'dockerfile'],
    ['build.dockerfile', '', 'dockerfile'],
    ['dockerfile', '', 'dockerfile'],
    ['Containerfile', '', 'dockerfile'],
    ['Dockerfile.md', '', undefined],
    ['docker-compose.yml', '', 'compose'],
    ['docker-compose.override.yaml', '', 'compose'],
    ['compose.yaml', '', 'compose'],
    ['compose.prod.yml', '', 'compose'],
    ['prod.docker-compose.yml', '', 'compose'],
    ['composer.yml', '', 'text'],
    ['\uFEFFbom.yaml', '\uFEFFapiVersion: v1\nkind: Pod\n', 'kubernetes'],
    ['main.tf', '', 'terraform'],
    ['env/prod.tfvars', '', 'terraform'],
    ['k8s/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', 'kubernetes'],
    ['k8s/multi.yaml', '# c\n---\napiVersion: v1\nkind: Service\n', 'kubernetes'],
    ['chart/templates/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n', 'kubernetes'],
    ['chart/templates/sa.yaml', '{{- if .Values.serviceAccount.create -}}\napiVersion: v1\nkind: ServiceAccount\n{{- end }}\n', 'kubernetes'],
    ['chart/values.yaml', 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: ""\n', 'kubernetes'],
    ['chart/values-prod.yaml', 'image:\n  tag: 1.2.3\nresources: {}\n', 'kubernetes'],
    ['app/values.yaml', 'colour: blue\nimage: x\n', 'text'],
    ['config/settings.yaml', 'replicaCount: 1\nimage: x\n', 'text'],
    ['random.yaml', 'name: x\n', 'text'],
    ['home/.kube/config', '', 'kubernetes'],
    ['ci/staging.kubeconfig', '', 'kubernetes'],
    ['kubeconfig', '', 'kubernetes'],
    ['kubeconfig.yaml', 'apiVersion: v1\nkind: Config\nclusters: []\n', 'kubernetes'],
    ['nested-kind.yaml', 'spec:\n  apiVersion: v1\n  kind: Pod\n', 'text'],
    ['README.md', 'apiVersion: v1\nkind: Pod\n', undefined],
    // text: files that hold credentials beside the pipelines, and JSON/YAML config as the fallback
    ['.env', '', 'text'],
    ['app/.env.production', '', 'text'],
    ['prod.env', '', 'text'],
    ['.npmrc', '', 'text'],
    ['.pypirc', '', 'text'],
    ['.netrc', '', 'text'],
    ['.m2/settings.xml', '', 'text'],
    ['NuGet.Config', '', 'text'],
    ['home/.docker/config.json', '', 'text'],
    ['envs/prod.auto.tfvars.json', '', 'text'],
    ['infra/terraform.tfstate', '', 'text'],
    ['.aws/credentials', '', 'text'],
    ['src/main/resources/application.properties', '', 'text'],
    ['setup.cfg', '', 'text'],
    ['config/app.ini', '', 'text'],
    ['config.toml', '', 'text'],
    ['certs/server.key', '', 'text'],
    ['config/settings.json', '', 'text'],
    ['package-lock.json', '', undefined],
    ['pnpm-lock.yaml', 'lockfileVersion: 9\n', undefined],
    ['.vscode/settings.json', '', undefined],
    ['app.min.json', '', undefined],
    ['.forewarn-baseline.json', '', undefined],
    ['main.go', '', undefined],
    ['terraform.tfvars', '', 'terraform'],
  ];
  for (const [path, text, kind] of cases) {
    it(`${path} → ${kind ?? 'none'}`, () => assert.equal(d.detect(path, text), kind));
  }

  it('built-in globs also match the full path, so a root inside .github/workflows still works', () => {
    assert.equal(d.detect('ci.yml', '', '/repo/.github/workflows/ci.yml'), 'github-workflow');
    assert.equal(d.byPath('config.yml', '/repo/.circleci/config.yml'), 'circleci');
    // without the full path it is just a YAML file: the `text` fallback (secrets only)
    assert.equal(d.detect('ci.yml', ''), 'text');
  });

  it('text: JSON is decided by path, YAML only after content sniffing; text.exclude narrows, kinds.text widens', () => {
    assert.equal(d.byPath('config/app.json'), 'text');
    assert.equal(d.byPath('config/app.yaml'), undefined);
    const narrow = createDetector({ text: ['secrets/*.txt'] }, ['fixtures/**', '*.json']);
    assert.equal(narrow.detect('fixtures/.env', ''), undefined);
    assert.equal(narrow.detect('config/app.json', ''), undefined);
    assert.equal(narrow.detect('.env', ''), 'text');
    assert.equal(narrow.detect('secrets/db.txt', ''), 'text');
    assert.equal(narrow.detect('k8s/pod.yaml', 'apiVersion: v1\nkind: Pod\n'), 'kubernetes');
  });

  it('user globs win over built-in ones', () => {
    const custom = createDetector({ 'gitlab-ci': ['ci/*.yml'], dockerfile: ['docker/*.build'] });
    assert.equal(custom.detect('ci/jobs.yml', ''), 'gitlab-ci');
    assert.equal(custom.detect('docker/app.build', ''), 'dockerfile');
    assert.equal(custom.detect('.github/workflows/a.yml', ''), 'github-workflow');
  });
});
