// Incremental YAML re-parse: after any sequence of edits, the spliced tree equals a full parse of the text, and an
// analysis that starts from the previous version's parse equals a fresh analysis.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { FileKind } from '../../server/src/core/types.js';
import { Analyzer } from '../../server/src/engine/index.js';
import { fileCommands } from '../../server/src/models/file-commands.js';
import { mappedCommands, type Command } from '../../server/src/models/shell-words.js';
import { pairAt, scalarAt } from '../../server/src/models/yaml-nodes.js';
import { SourceFile } from '../../server/src/models/source-file.js';
import { parseYaml, type YamlFile } from '../../server/src/parsers/yaml.js';
import { reparseYaml } from '../../server/src/parsers/yaml-incremental.js';
import { textChange } from '../../server/src/core/text.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
/** A fixed seed, so a run is repeatable (FUZZ_SEED tries others, as in fuzz.test.ts). */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261203);

const WORKFLOW = `# CI
name: ci
on:
  pull_request_target:
  push:
    branches: [main]
permissions: write-all
env:
  TOKEN: \${{ secrets.TOKEN }}
  API_KEY: "AKIAZ7VRSQ5TJHNLBX4D"
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - name: Build
        run: |
          echo "\${{ github.event.issue.title }}"
          curl -fsSL https://example.com/install.sh | sh
      # a comment between steps
      - uses: codecov/codecov-action@main
  test:
    needs: build
    runs-on: ubuntu-latest
    container: node:latest
    steps:
      - run: npm ci && npm test
      - uses: actions/upload-artifact@v4
        with:
          name: out
          path: out/

  deploy:
    uses: org/repo/.github/workflows/deploy.yml@main
    secrets: inherit
`;

const MANIFESTS = `apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  containers:
    - name: app
      image: nginx:latest
      securityContext:
        privileged: true
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: b
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: web
          image: registry.example.com/web
          env:
            - name: PASSWORD
              value: hunter2hunter2
...
---
# last
apiVersion: v1
kind: Secret
metadata:
  name: c
stringData:
  password: s3cr3t-v4lue-here
`;

const GITLAB = `stages: [build, test]
variables:
  DOCKER_TLS_VERIFY: "0"
build:
  image: docker:latest
  script:
    - docker build -t app .
    - curl https://x.example/get.sh | bash
test:
  stage: test
  script:
    - echo $CI_JOB_TOKEN
`;

/** GitLab's habit: a hidden job's anchor merged into every job, a sequence alias as a script. */
const GITLAB_ANCHORS = `.base: &base
  image: docker:latest
  tags: [docker]
.setup: &setup
  - apt-get update
build:
  <<: *base
  before_script: *setup
  script:
    - docker build -t app .
test:
  <<: *base
  script:
    - echo $CI_JOB_TOKEN
`;

/** A multi-job workflow with comments everywhere a person puts them: between steps, after the last step, between jobs. */
function commentedWorkflow(jobs: number): string {
  const lines = ['# release pipeline', 'name: big', 'on: [push, pull_request]', 'permissions:', '  contents: read', '  # more scopes below', 'jobs:'];
  for (let j = 0; j < jobs; j++) {
    lines.push(`  # job ${j}`, `  job-${j}:`, `    # runs on linux`, '    runs-on: ubuntu-latest');
    if (j > 0) lines.push(`    needs: [job-${j - 1}]`);
    lines.push('    env:', `      PART: "${j}"`, '      # the token for the step below', '    steps:');
    for (let s = 0; s < 4; s++) {
      lines.push(`      # step ${s} of job ${j}`, `      - name: step ${s}`);
      if (s % 2 === 0) lines.push(`        uses: actions/checkout@v${s + 3}`, '        with:', '          fetch-depth: 0', '          # keep the history');
      else lines.push('        run: |', `          npm ci # part ${j}`, '          # a shell comment in the script', `          npm publish --tag t${s}`);
    }
    // A key as the job's last line: a position lookup there (aws-access-key's pairAt) is near the job's end.
    if (j % 5 === 3) lines.push('      - run: ./deploy.sh', '        env:', `          AWS_ACCESS_KEY_ID: AKIAZ7VRSQ5TJN2XBL${String(j).padStart(2, '0')}`);
    if (j % 3 === 0) lines.push('      # after the last step');
    if (j % 4 === 1) lines.push('', '    # after the job', '');
  }
  lines.push('# end');
  return `${lines.join('\n')}\n`;
}

/** 18 jobs: the jobs map has a span index (16 children or more, see models/yaml-nodes.ts). */
const BIG_WORKFLOW = commentedWorkflow(18);

const BASES: readonly { path: string; kind: FileKind; text: string }[] = [
  { path: '.github/workflows/ci.yml', kind: 'github-workflow', text: WORKFLOW },
  { path: 'k8s/app.yaml', kind: 'kubernetes', text: MANIFESTS },
  { path: '.gitlab-ci.yml', kind: 'gitlab-ci', text: GITLAB },
  { path: '.gitlab-ci.yml', kind: 'gitlab-ci', text: GITLAB_ANCHORS },
];

/** Whether a parse holds an anchor or an alias (which only a full parse may read). */
function hasAnchorOrAlias(file: YamlFile): boolean {
  let found = false;
  for (const doc of file.docs)
    visit(doc, (_key, node) => {
      if (isAlias(node) || ((isScalar(node) || isCollection(node)) && node.anchor !== undefined)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    });
  return found;
}

/** What a parse says: every node's type, range and value, every document's range and errors. */
function shape(file: YamlFile): unknown {
  return {
    errors: file.errors,
    docs: file.docs.map((doc) => {
      const nodes: unknown[] = [doc.range];
      visit(doc, (_key, node) => {
        if (isPair(node)) nodes.push('pair');
        else if (isScalar(node)) nodes.push(['scalar', node.range, node.value, node.type]);
        else if (isMap(node) || isSeq(node)) nodes.push([isMap(node) ? 'map' : 'seq', node.range, node.flow ?? false]);
        // A key can be null (`{{ a }}` reads as a flow map whose key is a flow map with a null value).
        else nodes.push(['other', (node as { range?: unknown } | null)?.range]);
      });
      return { nodes, errors: doc.errors.length, warnings: doc.warnings.length };
    }),
  };
}

/** Mostly small, harmless edits (the incremental path), with structural ones mixed in (the fallbacks). */
const INSERTS = ['a', 'x', 'Z', '0', ' ', ' ', '\n', '  ', '- ', ': ', '#', '"', "'", '|', '\t', '{', '}', '[', ']', '&a ', '*a', '!t ', '---\n', '\r', '${{ secrets.A }}', '  - run: echo hi\n', 'AKIAZ7VRSQ5TJHNLBX4D', 'key: value\n'];
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 40 }) }),
  insert: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('a', 'x', 'q') }, { weight: 2, arbitrary: fc.constantFrom(...INSERTS) }, { weight: 1, arbitrary: fc.constant('') }),
});
type Edit = { at: number; remove: number; insert: string };

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** Edits of the big workflow, half of them inside or at the end of a comment line (where a piece can end in one). */
const bigEdit = fc.record({
  comment: fc.boolean(),
  pick: fc.double({ min: 0, max: 1, noNaN: true }),
  into: fc.integer({ min: 0, max: 40 }),
  remove: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 4, max: 30 }) }),
  insert: fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'x', ' ') }, { weight: 2, arbitrary: fc.constantFrom(...INSERTS) }, { weight: 1, arbitrary: fc.constant('') }),
});
type BigEdit = { comment: boolean; pick: number; into: number; remove: number; insert: string };

function applyBig(text: string, e: BigEdit): string {
  let at = Math.floor(e.pick * text.length);
  if (e.comment) {
    const hashes: number[] = [];
    for (let i = text.indexOf('#'); i !== -1; i = text.indexOf('#', i + 1)) hashes.push(i);
    if (hashes.length > 0) {
      const hash = hashes[Math.floor(e.pick * hashes.length)]!;
      const eol = text.indexOf('\n', hash);
      at = Math.min(hash + e.into, eol === -1 ? text.length : eol);
    }
  }
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental YAML re-parse', () => {
  it('re-parses only the job step an edit is in, and the result equals a full parse', () => {
    const before = WORKFLOW;
    const at = before.indexOf('npm ci');
    const after = `${before.slice(0, at)}pnpm ci${before.slice(at + 'npm ci'.length)}`;
    const reused = reparseYaml(parseYaml(before), before, after);
    assert.ok(reused, 'an edit inside a step is re-parsed incrementally');
    assert.deepEqual(shape(reused), shape(parseYaml(after)));
  });

  it('re-parses one document of a stream', () => {
    const before = MANIFESTS;
    const at = before.indexOf('kind: Secret');
    const after = `${before.slice(0, at)}kind: Secrets${before.slice(at + 'kind: Secret'.length)}`;
    const reused = reparseYaml(parseYaml(before), before, after);
    assert.ok(reused, 'a top-level edit of one document is re-parsed incrementally');
    assert.deepEqual(shape(reused), shape(parseYaml(after)));
  });

  it('falls back to a full parse where a piece alone could read differently', () => {
    const cases: [string, string][] = [
      ['a: &x 1\nb: 2\nc: *x\n', 'a: &x 1\nb: 3\nc: *x\n'],
      ['a:\n  b: 1\nc: 2\n', 'a:\n b: 1\nc: 2\n'],
      ['%YAML 1.2\n---\na: 1\nb: 2\n', '%YAML 1.2\n---\na: 2\nb: 2\n'],
      ['a: [1,\n  2]\nb: 1\n', 'a: [1,\n  3]\nb: 1\n'],
    ];
    for (const [before, after] of cases) {
      const reused = reparseYaml(parseYaml(before), before, after);
      if (reused) assert.deepEqual(shape(reused), shape(parseYaml(after)), JSON.stringify(after));
    }
    const aliased = 'a: &x 1\nb: 2\nc: *x\n';
    assert.equal(reparseYaml(parseYaml(aliased), aliased, aliased.replace('b: 2', 'b: 3')), undefined);
    // An edit that brings an anchor or an alias into a piece (which the fast reader reads) takes the full parse too.
    const plain = 'a: 1\nb: 2\nc: 3\n';
    for (const after of ['a: 1\nb: &x 2\nc: 3\n', 'a: 1\nb: *x\nc: 3\n', 'a: 1\nb: &x\n  d: 1\nc: 3\n']) {
      assert.equal(reparseYaml(parseYaml(plain), plain, after), undefined, JSON.stringify(after));
    }
    const items = 'a:\n  - x\n  - y\n  - z\nb: 1\n';
    assert.equal(reparseYaml(parseYaml(items), items, items.replace('- y', '- *y')), undefined);
    const stream = 'a: 1\nb: 2\n---\nc: 3\n---\nd: 4\n';
    assert.equal(reparseYaml(parseYaml(stream), stream, stream.replace('c: 3', 'c: &c 3')), undefined);
  });

  it('a no-op edit and a null node compare', () => {
    const text = '{{ secrets.A }}\nname: ci\n';
    const reused = reparseYaml(parseYaml(text), text, text);
    if (reused) assert.deepEqual(shape(reused), shape(parseYaml(text)));
  });

  it('textChange finds the changed span', () => {
    assert.deepEqual(textChange('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(textChange('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
    assert.deepEqual(textChange('aaa', 'aaaa'), { start: 3, oldEnd: 3, newEnd: 4 });
  });

  it('property: textChange (compared in blocks) equals a character-by-character comparison', () => {
    const naive = (before: string, after: string): unknown => {
      const min = Math.min(before.length, after.length);
      let start = 0;
      while (start < min && before[start] === after[start]) start++;
      let tail = 0;
      while (tail < min - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
      return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
    };
    // Texts around the block sizes (16, 256, 4096), of repeated characters so prefix and suffix can overlap.
    const text = fc.tuple(fc.constantFrom('a', 'ab', 'abc\n'), fc.integer({ min: 0, max: 3000 })).map(([unit, n]) => unit.repeat(n).slice(0, n * 3));
    fc.assert(
      fc.property(text, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 5000 }), fc.constantFrom('', 'a', 'b', 'xyz', 'a'.repeat(300)), (before, at, remove, insert) => {
        const i = Math.floor(at * before.length);
        const after = before.slice(0, i) + insert + before.slice(i + remove);
        assert.deepEqual(textChange(before, after), naive(before, after));
        assert.deepEqual(textChange(after, before), naive(after, before));
      }),
      { numRuns: RUNS * 2, seed: SEED },
    );
  });

  it('a piece that ends in a comment is cut at the next sibling\'s key, its indentation included', () => {
    // In the whole text the collections ending in the comment reach to the next key; cut at the next line's start
    // they would stop there (found by the property below, seed 614929557, when such pieces were re-parsed as others).
    const cases: [string, string, string][] = [
      ['jobs:\n  build:\n    steps:\n      - run: a\n      # a comment between steps\n      - uses: b@v1\n  test:\n    runs-on: x\n', 'between steps\n', 'a'],
      ['jobs:\n  build:\n    steps:\n      - run: a\n      # a comment between steps\n      - uses: b@v1\n  test:\n    runs-on: x\n', 'run: a', 'run: ab'],
      ['jobs:\n  build:\n    steps:\n      - run: a\n        with:\n          k: v\n          # deep\n      # mid\n  # before the job\n  test:\n    runs-on: x\n', 'k: v', 'k: vw'],
      ['jobs:\n  build:\n    steps:\n      - run: |\n          echo\n          # a script line, not a comment\n\n  test:\n    runs-on: x\n', 'echo', 'echo hi'],
      ['jobs:\n  build:\n    steps:\n      - run: >-\n          echo\n      # after a folded scalar\n  test:\n    runs-on: x\n', 'echo', 'echo hi'],
    ];
    for (const [before, from, to] of cases) {
      const after = before.replace(from, to);
      const reused = reparseYaml(parseYaml(before), before, after);
      assert.ok(reused, `re-parsed incrementally: ${JSON.stringify(after)}`);
      assert.deepEqual(shape(reused), shape(parseYaml(after)), JSON.stringify(after));
    }
    // Nothing bounds the last step of the last job: a single document takes the full parse.
    const last = 'jobs:\n  build:\n    steps:\n      - run: a\n      # note\n';
    assert.equal(reparseYaml(parseYaml(last), last, last.replace('run: a', 'run: b')), undefined);
  });

  it('most edits of comments in a large workflow take the incremental path', () => {
    // One-character edits inside every comment of the workflow (the typing of the editor benchmark).
    let text = BIG_WORKFLOW;
    let file = parseYaml(text);
    let incremental = 0;
    let total = 0;
    for (let i = text.indexOf('# '); i !== -1; i = text.indexOf('# ', i + 3)) {
      const next = `${text.slice(0, i + 2)}z${text.slice(i + 2)}`;
      const reused = reparseYaml(file, text, next);
      total++;
      if (reused) {
        incremental++;
        assert.deepEqual(shape(reused), shape(parseYaml(next)), `edit at ${i}`);
      }
      text = next;
      file = reused ?? parseYaml(text);
    }
    assert.ok(total > 100, `${total} comments`);
    // Only the comments that no bounded piece can hold (the first and last lines' top-level comments, the trailing
    // comments of the last job) take the full parse.
    assert.ok(incremental >= total * 0.9, `only ${incremental} of ${total} comment edits were re-parsed incrementally`);
  });

  it('position lookups (indexed children of big maps) see the offsets of the version asked about', () => {
    // A map of 30 jobs gets a span index; the splice keeps the map (and its items) and moves the jobs after the edit.
    const jobs = Array.from({ length: 30 }, (_, j) => `  job-${j}:\n    runs-on: ubuntu-latest\n    env:\n      KEY: AKIAZ7VRSQ5TJN2XBL${String(j).padStart(2, '0')}\n`).join('');
    const before = `jobs:\n${jobs}after: end\n`;
    const file = parseYaml(before);
    const target = 'AKIAZ7VRSQ5TJN2XBL15';
    const last = before.indexOf(target) + target.length - 1;
    assert.equal(scalarAt(file.docs, last)?.value, target);
    assert.equal(pairAt(file.docs, last)?.key, 'KEY');
    const after = before.replace('runs-on: ubuntu-latest', `runs-on: ubuntu-latest${' '.repeat(200)}`);
    const reused = reparseYaml(file, before, after);
    assert.ok(reused, 'the edit in job 0 is re-parsed alone');
    const moved = after.indexOf(target) + target.length - 1;
    assert.equal(scalarAt(reused.docs, moved)?.value, target);
    assert.equal(pairAt(reused.docs, moved)?.key, 'KEY');
    assert.deepEqual(shape(reused), shape(parseYaml(after)));
  });

  it('scripts kept by the splice: their commands are the earlier ones (moved when after the edit) and equal a fresh split', () => {
    const path = '.github/workflows/big.yml';
    const fresh = (file: SourceFile): Command[] => file.facets.scripts.flatMap((s) => mappedCommands(s.text, (a, b) => s.fileRange(a, b)));
    let file = new SourceFile(path, BIG_WORKFLOW, 'github-workflow');
    let before = fileCommands(file);
    assert.ok(file.facets.scripts.length > 20);
    // A comment in the middle grows by one character (its step, before it, is re-parsed), then shrinks back.
    for (const [from, to] of [['# step 2 of job 6', '# step 2 of job 6x'], ['# step 2 of job 6x', '# step 2 of job 6']] as const) {
      const next = new SourceFile(path, file.text.replace(from, to), 'github-workflow', undefined, file);
      const at = file.text.indexOf(from);
      const cmds = fileCommands(next);
      assert.deepEqual(cmds, fresh(next));
      let same = 0;
      let moved = 0;
      let remade = 0;
      for (let i = 0; i < cmds.length; i++) {
        const start = before[i]![0]!.range.start;
        if (cmds[i] === before[i]) same++;
        else if (start > at && cmds[i]![0]!.range.start === start + (to.length - from.length)) moved++;
        else remade++;
      }
      // Only the commands of the re-parsed step are split again (the scripts are copies of a few templates).
      assert.ok(same > 10 && moved > 10 && remade <= 3, `${same} kept, ${moved} moved, ${remade} split again of ${cmds.length}`);
      file = next;
      before = cmds;
    }
  });

  it('assignments: a same-length edit inside a kept collection is seen (its content stamp changed), the collections after a longer edit move', () => {
    const jobs = Array.from({ length: 4 }, (_, j) => [`  job-${j}:`, '    env:', ...Array.from({ length: 40 }, (_, k) => `      SETTING_${k}: "value ${j}-${k}"`), '    steps:', '      - run: make'].join('\n'));
    const path = '.github/workflows/memo.yml';
    const view = (file: SourceFile): unknown => file.facets.assignments.map(({ node: _node, ...a }) => a);
    let file = new SourceFile(path, `name: memo\njobs:\n${jobs.join('\n')}\n`, 'github-workflow');
    const first = file.facets.assignments;
    for (const [from, to] of [['value 2-4"', 'valuX 2-4"'], ['value 1-7"', 'value 1-7 and more"']] as const) {
      const text = file.text.replace(from, to);
      const next = new SourceFile(path, text, 'github-workflow', undefined, file);
      assert.deepEqual(view(next), view(new SourceFile(path, text, 'github-workflow')), `${from} -> ${to}`);
      assert.ok(next.facets.assignments.some((a) => a.value === to.slice(0, -1)), 'the edited value is read');
      file = next;
    }
    // job-0 is before both edits: its list is the first version's, object for object.
    const job0 = (list: readonly { path: readonly (string | number)[] }[]): unknown[] => list.filter((a) => a.path[1] === 'job-0');
    assert.deepEqual(job0(file.facets.assignments), job0(first));
    assert.ok(job0(file.facets.assignments).every((a, i) => a === job0(first)[i]), 'job-0 keeps its assignment objects');
  });

  it('a large workflow: the secret scan starts from the earlier version\'s keyword hits, and a token typed in and cut again is seen both times', () => {
    const path = '.github/workflows/big.yml';
    const big = commentedWorkflow(120);
    assert.ok(big.length > 64 * 1024, `${big.length} characters: large enough to keep keyword hits`);
    const editor = new Analyzer();
    const first = editor.analyze({ path, text: big, kind: 'github-workflow' });
    assert.ok(first.file?.tokenScan.after, 'the scan kept its hits for the next version');
    const token = 'xoxb-966745096157-4672834395798-ocKnRYSlO8YC7GDuo11rPAHv';
    const at = big.indexOf('# step 1 of job 60');
    const versions = [big.slice(0, at) + `# ${token}\n      ` + big.slice(at), big.slice(0, at) + '# \n      ' + big.slice(at)];
    const ids = (r: typeof first): string[] => r.findings.map((f) => f.ruleId).filter((id) => id === 'provider-token');
    for (const [i, text] of versions.entries()) {
      const got = editor.analyze({ path, text, kind: 'github-workflow' });
      const want = new Analyzer().analyze({ path, text, kind: 'github-workflow' });
      assert.deepEqual(got.findings, want.findings, `version ${i}`);
      assert.equal(ids(got).length, i === 0 ? 1 : 0, `version ${i}: the token is ${i === 0 ? 'found' : 'gone'}`);
    }
  });

  it('property: the assignments of large collections the splice kept are the earlier ones (moved when after the edit) and equal a fresh build', () => {
    // Jobs over 1 kB (the walk keeps lists from that size on), with env maps, a Kubernetes-style env list and a list of KEY=value items.
    const jobs = Array.from({ length: 8 }, (_, j) =>
      [
        `  # job ${j}`,
        `  job-${j}:`,
        '    runs-on: ubuntu-latest',
        '    env:',
        ...Array.from({ length: 30 }, (_, k) => `      SETTING_${k}: "value ${j}-${k}"`),
        `      DB_PASSWORD: "Zq8${j}hF2LzR7vWx1Kd9"`,
        '    steps:',
        '      - name: build',
        '        run: make',
        '        env:',
        `          API_TOKEN: q8Hf2LzR7vWx1Kd9TmP${j}`,
        '      - name: containers',
        '        with:',
        '          env:',
        '            - name: SECRET_KEY',
        `              value: kP3vX9qL2mZ8${j}`,
        '          args:',
        `            - PASSWORD=hunter${j}x`,
        '      # between steps',
        '      - run: echo done',
      ].join('\n'),
    );
    const base = `name: memo\non: push\njobs:\n${jobs.join('\n')}\n# end\n`;
    const path = '.github/workflows/memo.yml';
    const view = (file: SourceFile): unknown => file.facets.assignments.map(({ node: _node, ...a }) => a);
    let kept = 0;
    fc.assert(
      fc.property(fc.array(bigEdit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = base;
        let file = new SourceFile(path, text, 'github-workflow');
        let before = file.facets.assignments;
        for (const e of edits) {
          const previous = text;
          text = applyBig(text, e);
          const next = new SourceFile(path, text, 'github-workflow', undefined, file);
          const got = next.facets.assignments;
          assert.deepEqual(view(next), view(new SourceFile(path, text, 'github-workflow')), `after ${JSON.stringify(e)} on ${JSON.stringify(text)}`);
          const earlier = new Set(before);
          if (text !== previous) kept += got.filter((a) => earlier.has(a)).length;
          file = next;
          before = got;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    assert.ok(kept > 0, 'no assignment was kept from one version to the next: the memo was never used');
  });

  it('property: after random edits of a large commented workflow the incremental parse equals a full parse', () => {
    let incremental = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.array(bigEdit, { minLength: 1, maxLength: 8 }), (edits) => {
        let text = BIG_WORKFLOW;
        let file = parseYaml(text);
        for (const e of edits) {
          const next = applyBig(text, e);
          const fresh = parseYaml(next);
          const reused = reparseYaml(file, text, next);
          if (file.errors.length === 0 && file.docs.every((d) => d.warnings.length === 0)) total++;
          if (reused) {
            incremental++;
            assert.deepEqual(shape(reused), shape(fresh), `after ${JSON.stringify(e)} on ${JSON.stringify(next)}`);
            // (the same text keeps its parse, whatever it holds)
            if (next !== text) assert.ok(!hasAnchorOrAlias(fresh), `spliced a text with an anchor or alias: ${JSON.stringify(next)}`);
          }
          text = next;
          file = reused ?? fresh;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Edits of indentation and keys take the full parse, and there is a lot of both.
    assert.ok(incremental > total / 10, `only ${incremental} of ${total} edits of a clean parse were re-parsed incrementally`);
  });

  it('property: an analysis of a large commented workflow starting from the previous version equals a fresh analysis', () => {
    const path = '.github/workflows/big.yml';
    fc.assert(
      fc.property(fc.array(bigEdit, { minLength: 1, maxLength: 5 }), (edits) => {
        const editor = new Analyzer();
        let text = BIG_WORKFLOW;
        editor.analyze({ path, text, kind: 'github-workflow' });
        for (const e of edits) {
          text = applyBig(text, e);
          const got = editor.analyze({ path, text, kind: 'github-workflow' });
          const want = new Analyzer().analyze({ path, text, kind: 'github-workflow' });
          const view = (r: typeof got): unknown => ({ findings: r.findings, parseErrors: r.parseErrors, ruleErrors: r.ruleErrors, suppressed: r.suppressed });
          assert.deepEqual(view(got), view(want), `after ${JSON.stringify(e)} on ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: Math.max(10, Math.floor(RUNS / 3)), seed: SEED },
    );
  });

  it('property: after random edits the incremental parse equals a full parse', () => {
    let incremental = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(edit, { minLength: 1, maxLength: 8 }), (base, edits) => {
        let text = base.text;
        let file = parseYaml(text);
        for (const e of edits) {
          const next = apply(text, e);
          const fresh = parseYaml(next);
          const reused = reparseYaml(file, text, next);
          // Only a clean previous parse is a starting point (an error anywhere sends the edit to a full parse).
          if (file.errors.length === 0 && file.docs.every((d) => d.warnings.length === 0)) total++;
          if (reused) {
            incremental++;
            assert.deepEqual(shape(reused), shape(fresh), `after ${JSON.stringify(e)} on ${JSON.stringify(next)}`);
            // (the same text keeps its parse, whatever it holds)
            if (next !== text) assert.ok(!hasAnchorOrAlias(fresh), `spliced a text with an anchor or alias: ${JSON.stringify(next)}`);
          }
          text = next;
          file = reused ?? fresh;
        }
      }),
      { numRuns: RUNS * 4, seed: SEED },
    );
    // The property is only worth something if many edits took the incremental path (edits of keys, of the last
    // top-level entry and after an error take the full parse).
    assert.ok(incremental > total / 10, `only ${incremental} of ${total} edits of a clean parse were re-parsed incrementally`);
  });

  it('property: an analysis starting from the previous version equals a fresh analysis', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(edit, { minLength: 1, maxLength: 6 }), (base, edits) => {
        const editor = new Analyzer();
        let text = base.text;
        editor.analyze({ path: base.path, text, kind: base.kind });
        for (const e of edits) {
          text = apply(text, e);
          const got = editor.analyze({ path: base.path, text, kind: base.kind });
          const want = new Analyzer().analyze({ path: base.path, text, kind: base.kind });
          const view = (r: typeof got): unknown => ({ findings: r.findings, parseErrors: r.parseErrors, ruleErrors: r.ruleErrors, suppressed: r.suppressed });
          assert.deepEqual(view(got), view(want), `after ${JSON.stringify(e)} on ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
