// The hostile-input set of the hardening issue (#14): file shapes an attacker (or an unlucky generator) can hand the
// engine, each scalable by a repetition count so a benchmark or a test can compare the work for n and 2n.
// Used by `npm run bench` (scripts/bench-hostile.ts) and test/robustness/hostile-complexity.test.ts.

import type { FileKind } from '../server/src/core/types.js';

export interface HostileShape {
  /** short id, stable across runs (bench rows and test names). */
  readonly id: string;
  /** what the shape is, for humans. */
  readonly what: string;
  readonly kind: FileKind;
  readonly path: string;
  /** the text for `n` repetitions of the shape's unit. */
  make(n: number): string;
  /** repetitions that make about 1 MB (the bench runs this and twice this). */
  readonly perMB: number;
}

const MB = 1024 * 1024;

/** A deterministic stream of distinct AWS-key-shaped ids (`AKIA` + 16 base32 characters, no run of 8 equal ones). */
export function awsKeyIds(n: number): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const out: string[] = [];
  let x = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    let id = 'AKIA';
    for (let k = 0; k < 16; k++) {
      // xorshift32: cheap, deterministic, good enough to make every id distinct-looking.
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      id += alphabet[(x >>> 0) % 32];
    }
    out.push(id);
  }
  return out;
}

const WORKFLOW_HEAD = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n';

function shape(s: Omit<HostileShape, 'perMB'> & { unitLength: number; headLength?: number }): HostileShape {
  const { unitLength, headLength = 0, ...rest } = s;
  return { ...rest, perMB: Math.max(1, Math.round((MB - headLength) / unitLength)) };
}

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  shape({
    id: 'dockerfile-stages-comments',
    what: "Dockerfile: 'FROM a:1 AS s' and a comment line, repeated (many stages × many comments)",
    kind: 'dockerfile',
    path: 'Dockerfile',
    make: (n) => 'FROM a:1 AS s\n# c\n'.repeat(n),
    unitLength: 'FROM a:1 AS s\n# c\n'.length,
  }),
  shape({
    id: 'dockerfile-stages-comments-cr',
    what: 'the same with lone-CR line ends',
    kind: 'dockerfile',
    path: 'Dockerfile',
    make: (n) => 'FROM a:1 AS s\r# c\r'.repeat(n),
    unitLength: 'FROM a:1 AS s\r# c\r'.length,
  }),
  shape({
    id: 'dockerfile-run-line',
    what: 'Dockerfile: one RUN instruction on a single line of `echo a && ` repeated',
    kind: 'dockerfile',
    path: 'Dockerfile',
    make: (n) => `FROM alpine:3\nRUN ${'echo a && '.repeat(n)}true\n`,
    unitLength: 'echo a && '.length,
  }),
  shape({
    id: 'dockerfile-run-commands',
    what: 'Dockerfile: one RUN of `a;` repeated (hundreds of thousands of shell commands)',
    kind: 'dockerfile',
    path: 'Dockerfile',
    make: (n) => `FROM alpine:3\nRUN ${'a;'.repeat(n)}\n`,
    unitLength: 2,
  }),
  shape({
    id: 'dockerfile-env-secrets-runs',
    what: 'Dockerfile: thousands of ENV secrets, then as many RUNs each using one (the secret-mount fix looks up the RUNs per secret)',
    kind: 'dockerfile',
    path: 'Dockerfile',
    make: (n) => {
      const ids = awsKeyIds(n);
      const parts = ['FROM alpine:3\n'];
      for (let i = 0; i < n; i++) parts.push(`ENV S${i}_API_KEY=q8Hf2${ids[i]!.slice(4)}\n`);
      for (let i = 0; i < n; i++) parts.push(`RUN curl -H "X-Key: $S${i}_API_KEY" https://example.org\n`);
      return parts.join('');
    },
    unitLength: 'ENV S1234_API_KEY=q8Hf2ABCDEFGHIJKLMNOP\nRUN curl -H "X-Key: $S1234_API_KEY" https://example.org\n'.length,
  }),
  shape({
    id: 'aws-key-line',
    what: 'workflow: one env value holding a line of distinct AWS access key ids',
    kind: 'github-workflow',
    path: '.github/workflows/ci.yml',
    make: (n) => `on: push\nenv:\n  KEYS: ${awsKeyIds(n).join(' ')}\njobs: {}\n`,
    unitLength: 21,
  }),
  shape({
    id: 'pem-headers',
    what: 'workflow: a run of private-key BEGIN lines without an END',
    kind: 'github-workflow',
    path: '.github/workflows/ci.yml',
    make: (n) => `on: push\nenv:\n  KEY: |\n${'    -----BEGIN PRIVATE KEY-----\n'.repeat(n)}jobs: {}\n`,
    unitLength: '    -----BEGIN PRIVATE KEY-----\n'.length,
  }),
  shape({
    id: 'download-exec-line',
    what: 'workflow: one `run:` of `curl a | ` repeated on a single line',
    kind: 'github-workflow',
    path: '.github/workflows/ci.yml',
    make: (n) => `${WORKFLOW_HEAD}      - run: ${'curl a | '.repeat(n)}sh\n`,
    unitLength: 'curl a | '.length,
  }),
  shape({
    id: 'script-commands',
    what: 'workflow: one `run:` of `a;` repeated (hundreds of thousands of shell commands)',
    kind: 'github-workflow',
    path: '.github/workflows/ci.yml',
    make: (n) => `${WORKFLOW_HEAD}      - run: ${'a;'.repeat(n)}\n`,
    unitLength: 2,
  }),
  shape({
    id: 'workflow-steps',
    what: 'workflow: one job with tens of thousands of steps',
    kind: 'github-workflow',
    path: '.github/workflows/ci.yml',
    make: (n) => WORKFLOW_HEAD + '      - name: deploy prod\n        run: kubectl apply -f prod.yaml --context prod\n'.repeat(n),
    unitLength: '      - name: deploy prod\n        run: kubectl apply -f prod.yaml --context prod\n'.length,
  }),
  shape({
    id: 'workflow-jobs',
    what: 'workflow: tens of thousands of jobs, each with a deploy step',
    kind: 'github-workflow',
    path: '.github/workflows/ci.yml',
    make: (n) => {
      let s = 'on: push\njobs:\n';
      for (let i = 0; i < n; i++) s += `  j${i}:\n    runs-on: x\n    steps:\n      - run: kubectl apply --context prod\n`;
      return s;
    },
    unitLength: '  j12345:\n    runs-on: x\n    steps:\n      - run: kubectl apply --context prod\n'.length,
  }),
  shape({
    id: 'gitlab-merged-jobs',
    what: 'GitLab: tens of thousands of jobs merging one anchor (`<<: *base`), each deploying',
    kind: 'gitlab-ci',
    path: '.gitlab-ci.yml',
    make: (n) => {
      let s = '.base: &base\n  image: alpine:3\n  environment: production\n  script:\n    - kubectl apply --context prod\n';
      for (let i = 0; i < n; i++) s += `j${i}:\n  <<: *base\n  script: [kubectl apply --context prod]\n`;
      return s;
    },
    unitLength: 'j12345:\n  <<: *base\n  script: [kubectl apply --context prod]\n'.length,
  }),
  shape({
    id: 'gitlab-extends-jobs',
    what: 'GitLab: tens of thousands of jobs with `extends:` a template',
    kind: 'gitlab-ci',
    path: '.gitlab-ci.yml',
    make: (n) => {
      let s = '.base:\n  image: alpine:3\n  script:\n    - curl https://x | sh\n';
      for (let i = 0; i < n; i++) s += `j${i}:\n  extends: .base\n  variables: {A: b}\n`;
      return s;
    },
    unitLength: 'j12345:\n  extends: .base\n  variables: {A: b}\n'.length,
  }),
  shape({
    id: 'yaml-document-separators',
    what: 'Kubernetes: `---` repeated (hundreds of thousands of empty documents)',
    kind: 'kubernetes',
    path: 'k8s/deploy.yaml',
    make: (n) => '---\n'.repeat(n),
    unitLength: 4,
  }),
  shape({
    id: 'k8s-pods',
    what: 'Kubernetes: tens of thousands of Pods in one manifest',
    kind: 'kubernetes',
    path: 'k8s/deploy.yaml',
    make: (n) => '---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx\n'.repeat(n),
    unitLength: '---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx\n'.length,
  }),
  shape({
    id: 'k8s-secret-env',
    what: 'Kubernetes: tens of thousands of Pods, each with a hardcoded secret env value (the fix names the workload of each)',
    kind: 'kubernetes',
    path: 'k8s/deploy.yaml',
    make: (n) => {
      const parts: string[] = [];
      for (let i = 0; i < n; i++) {
        parts.push(`---\napiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  containers:\n    - name: c\n      image: nginx:1\n      env:\n        - name: API_KEY\n          value: q8Hf2LzR7vWx1Kd9TmP${i}\n`);
      }
      return parts.join('');
    },
    unitLength: '---\napiVersion: v1\nkind: Pod\nmetadata: {name: p12345}\nspec:\n  containers:\n    - name: c\n      image: nginx:1\n      env:\n        - name: API_KEY\n          value: q8Hf2LzR7vWx1Kd9TmP12345\n'.length,
  }),
  shape({
    id: 'yaml-map-keys',
    what: 'workflow: an `env:` map with hundreds of thousands of keys',
    kind: 'github-workflow',
    path: '.github/workflows/ci.yml',
    make: (n) => {
      const parts = ['on: push\nenv:\n'];
      for (let i = 0; i < n; i++) parts.push(`  K${i}: v\n`);
      parts.push('jobs: {}\n');
      return parts.join('');
    },
    unitLength: '  K123456: v\n'.length,
  }),
  shape({
    id: 'suppression-comments',
    what: 'workflow: tens of thousands of suppression comments, each above a secret',
    kind: 'github-workflow',
    path: '.github/workflows/ci.yml',
    make: (n) => {
      const keys = awsKeyIds(n);
      const parts = ['on: push\nenv:\n'];
      for (let i = 0; i < n; i++) parts.push(`  # forewarn-ignore[aws-access-key] test key\n  K${i}: ${keys[i]}\n`);
      parts.push('jobs: {}\n');
      return parts.join('');
    },
    unitLength: '  # forewarn-ignore[aws-access-key] test key\n  K12345: AKIAZ7VRSQ5TJHNLBX4D\n'.length,
  }),
  shape({
    id: 'dockerfile-suppression-comments',
    what: 'Dockerfile: tens of thousands of suppression comments, each above an instruction with a finding',
    kind: 'dockerfile',
    path: 'Dockerfile',
    make: (n) => 'FROM alpine:3\n' + '# forewarn-ignore[dockerfile-sudo] needed\nRUN sudo true\n'.repeat(n),
    unitLength: '# forewarn-ignore[dockerfile-sudo] needed\nRUN sudo true\n'.length,
  }),
];

/** The shape with this id (throws for an unknown id: a typo in a test must not pass silently). */
export function hostileShape(id: string): HostileShape {
  const s = HOSTILE_SHAPES.find((x) => x.id === id);
  if (!s) throw new Error(`no hostile shape '${id}'`);
  return s;
}
