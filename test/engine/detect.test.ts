// File-kind detection: globs per kind, content sniffing, user globs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDetector } from '../../server/src/engine/index.js';

describe('kind detection', () => {
  const d = createDetector();
  const cases: [string, string, string | undefined][] = [
    ['.github/workflows/ci.yml', '', 'github-workflow'],
    ['/abs/repo/.github/workflows/release.yaml', '', 'github-workflow'],
    ['.github/workflows/nested/ci.yml', '', undefined],
    ['action.yml', 'name: x\nruns:\n  using: node20\n', 'github-action'],
    ['sub/dir/action.yaml', 'runs:\n  using: composite\n', 'github-action'],
    ['action.yml', 'name: not an action\n', undefined],
    ['.github/dependabot.yml', '', 'dependabot'],
    ['/abs/repo/.github/dependabot.yaml', '', 'dependabot'],
    ['dependabot.yml', 'version: 2\n', undefined],
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
    ['composer.yml', '', undefined],
    ['\uFEFFbom.yaml', '\uFEFFapiVersion: v1\nkind: Pod\n', 'kubernetes'],
    ['main.tf', '', 'terraform'],
    ['env/prod.tfvars', '', 'terraform'],
    ['k8s/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', 'kubernetes'],
    ['k8s/multi.yaml', '# c\n---\napiVersion: v1\nkind: Service\n', 'kubernetes'],
    ['chart/templates/deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n', 'kubernetes'],
    ['chart/templates/sa.yaml', '{{- if .Values.serviceAccount.create -}}\napiVersion: v1\nkind: ServiceAccount\n{{- end }}\n', 'kubernetes'],
    ['chart/values.yaml', 'replicaCount: 1\nimage:\n  repository: nginx\n  tag: ""\n', 'kubernetes'],
    ['chart/values-prod.yaml', 'image:\n  tag: 1.2.3\nresources: {}\n', 'kubernetes'],
    ['app/values.yaml', 'colour: blue\nimage: x\n', undefined],
    ['config/settings.yaml', 'replicaCount: 1\nimage: x\n', undefined],
    ['random.yaml', 'name: x\n', undefined],
    ['home/.kube/config', '', 'kubernetes'],
    ['ci/staging.kubeconfig', '', 'kubernetes'],
    ['kubeconfig', '', 'kubernetes'],
    ['kubeconfig.yaml', 'apiVersion: v1\nkind: Config\nclusters: []\n', 'kubernetes'],
    ['nested-kind.yaml', 'spec:\n  apiVersion: v1\n  kind: Pod\n', undefined],
    ['README.md', 'apiVersion: v1\nkind: Pod\n', undefined],
  ];
  for (const [path, text, kind] of cases) {
    it(`${path} → ${kind ?? 'none'}`, () => assert.equal(d.detect(path, text), kind));
  }

  it('built-in globs also match the full path, so a root inside .github/workflows still works', () => {
    assert.equal(d.detect('ci.yml', '', '/repo/.github/workflows/ci.yml'), 'github-workflow');
    assert.equal(d.byPath('config.yml', '/repo/.circleci/config.yml'), 'circleci');
    assert.equal(d.detect('ci.yml', ''), undefined);
  });

  it('user globs win over built-in ones', () => {
    const custom = createDetector({ 'gitlab-ci': ['ci/*.yml'], dockerfile: ['docker/*.build'] });
    assert.equal(custom.detect('ci/jobs.yml', ''), 'gitlab-ci');
    assert.equal(custom.detect('docker/app.build', ''), 'dockerfile');
    assert.equal(custom.detect('.github/workflows/a.yml', ''), 'github-workflow');
  });
});
