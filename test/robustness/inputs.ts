// Inputs for the robustness tests: one sample per file kind, corpus files when present, and the checks every
// analysis must pass whatever it was given.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FileKind } from '../../server/src/core/types.js';
import { FILE_KINDS } from '../../server/src/core/types.js';
import type { AnalysisResult, Analyzer } from '../../server/src/engine/index.js';
import { REPO } from '../helpers/lsp-client.js';
import { sized } from '../helpers/test-size.js';

export const CORPUS = process.env.FOREWARN_CORPUS ?? join(REPO, '../shared/corpus');
export const HAS_CORPUS = existsSync(CORPUS);
/** How hard to fuzz: 150 cases per property in `npm test`, 2,000 with FOREWARN_FULL_TESTS=1; FUZZ_RUNS sets any other number. */
export const FUZZ_RUNS = sized('FUZZ_RUNS', 150, 2_000);

/** A path that makes each kind unmistakable (kinds found by content get a neutral YAML name). */
export const PATH_OF: Record<FileKind, string> = {
  'github-workflow': '.github/workflows/ci.yml',
  'github-action': 'action.yml',
  dependabot: '.github/dependabot.yml',
  'gitlab-ci': '.gitlab-ci.yml',
  'azure-pipelines': 'azure-pipelines.yml',
  'bitbucket-pipelines': 'bitbucket-pipelines.yml',
  circleci: '.circleci/config.yml',
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  kubernetes: 'k8s/deploy.yaml',
  terraform: 'main.tf',
  text: '.env',
};

/** Small realistic samples, so every rule has something to work on. */
const SYNTHETIC: Partial<Record<FileKind, string>> = {
  text: ['# local settings', 'export DB_PASSWORD="hunter2hunter2"', 'API_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345', 'DATABASE_URL=postgres://app:Pa55w0rd@db/app', ''].join('\n'),
  'azure-pipelines': [
    'trigger: [main]',
    'variables:',
    '  system.debug: true',
    '  API_TOKEN: ghp_0123456789abcdefghijABCDEFGHIJ012345',
    'stages:',
    '  - stage: build',
    '    jobs:',
    '      - job: b',
    '        container: node:latest',
    '        steps:',
    '          - checkout: self',
    '            persistCredentials: true',
    '          - script: echo $(System.PullRequest.SourceBranch) && curl -s https://x.sh | bash',
    '          - bash: |',
    '              echo "##vso[task.setvariable variable=x;issecret=true]literal"',
    '',
  ].join('\n'),
  'bitbucket-pipelines': [
    'image: node',
    'pipelines:',
    '  default:',
    '    - step:',
    '        name: Build',
    '        script:',
    '          - export PASSWORD=hunter2hunter2',
    '          - curl -fsSL https://get.example.com | sh',
    '',
  ].join('\n'),
  circleci: [
    'version: 2.1',
    'orbs:',
    '  node: circleci/node@volatile',
    'jobs:',
    '  build:',
    '    docker:',
    '      - image: cimg/node:latest',
    '    environment:',
    '      AWS_ACCESS_KEY_ID: AKIAZ7VRSQ5TJHNLBX4D',
    '    steps:',
    '      - checkout',
    '      - run: wget -O- https://x | bash',
    '',
  ].join('\n'),
  kubernetes: [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  template:',
    '    spec:',
    '      hostNetwork: true',
    '      containers:',
    '        - name: web',
    '          image: nginx',
    '          securityContext:',
    '            privileged: true',
    '          env:',
    '            - name: DB_PASSWORD',
    '              value: s3cr3t-Pa55w0rd-xyz',
    '      volumes:',
    '        - name: sock',
    '          hostPath: {path: /var/run/docker.sock}',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata: {name: s}',
    'data:',
    '  password: aHVudGVyMmh1bnRlcjI=',
    '',
  ].join('\n'),
};

const EXAMPLE_FILES: Partial<Record<FileKind, string>> = {
  'github-workflow': 'examples/.github/workflows/ci.yml',
  'github-action': 'examples/.github/actions/setup-tools/action.yml',
  dependabot: 'examples/.github/dependabot.yml',
  'gitlab-ci': 'examples/.gitlab-ci.yml',
  dockerfile: 'examples/Dockerfile',
  compose: 'examples/docker-compose.yml',
  terraform: 'examples/infra/main.tf',
};

export interface Sample {
  readonly kind: FileKind;
  readonly path: string;
  readonly text: string;
}

/** One sample per kind (examples/ or synthetic). */
export function kindSamples(): Sample[] {
  return FILE_KINDS.map((kind) => {
    const file = EXAMPLE_FILES[kind];
    const text = file && existsSync(join(REPO, file)) ? readFileSync(join(REPO, file), 'utf8') : (SYNTHETIC[kind] ?? '');
    return { kind, path: PATH_OF[kind], text };
  });
}

/** Up to `perKind` corpus files per top-level corpus folder, when the corpus is present. */
export function corpusSamples(analyzer: Analyzer, perKind: number): Sample[] {
  if (!HAS_CORPUS) return [];
  const out: Sample[] = [];
  const byFolder = new Map<string, number>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        const rel = relative(CORPUS, p);
        const folder = rel.split(/[\\/]/)[0]!;
        if ((byFolder.get(folder) ?? 0) >= perKind) continue;
        const text = readFileSync(p, 'utf8');
        const kind = analyzer.detectKind(rel, text);
        if (!kind) continue;
        byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
        out.push({ kind, path: rel, text });
      }
    }
  };
  walk(CORPUS);
  return out;
}

/** What must hold of any analysis: no internal error, every range inside the text, fixes inside the text. */
export function assertSound(result: AnalysisResult, text: string, what: string): void {
  assert.deepEqual(result.ruleErrors, [], `${what}: a rule threw`);
  const inside = (r: { start: number; end: number }): boolean => r.start >= 0 && r.start <= r.end && r.end <= text.length;
  for (const f of result.findings) {
    assert.ok(inside(f.range), `${what}: ${f.ruleId} range ${f.range.start}-${f.range.end} outside 0-${text.length}`);
    for (const fix of f.fixes) {
      if (fix.safety === 'needs-network') assert.ok(inside(fix.resolve.range), `${what}: ${f.ruleId} resolve range`);
      else for (const e of fix.edits) assert.ok(inside(e.range), `${what}: ${f.ruleId} fix edit range`);
    }
  }
  for (const e of result.parseErrors) assert.ok(inside(e.range), `${what}: parse error range`);
}

/** Times one analysis, in milliseconds. */
export function timed(analyzer: Analyzer, path: string, text: string, kind: FileKind): { result: AnalysisResult; ms: number } {
  analyzer.forget(path);
  const t0 = performance.now();
  const result = analyzer.analyze({ path, text, kind });
  return { result, ms: performance.now() - t0 };
}
