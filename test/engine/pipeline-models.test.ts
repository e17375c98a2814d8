// The GitHub, GitLab and Azure views the pipeline rules (and later ones) build on: every written form, any AST shape.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../../server/src/parsers/yaml.js';
import { actionOf, grantsWrite, scriptOutputWrites, workflowOf } from '../../server/src/models/github-workflow.js';
import { contextPaths, isUntrustedPath, UNTRUSTED, untrustedPathIn, workflowTaint } from '../../server/src/models/github-expressions.js';
import { gitlabPipelines } from '../../server/src/models/gitlab.js';
import { allAzureVariables, azurePipelines } from '../../server/src/models/azure.js';

const doc = (text: string) => parseYaml(text).docs[0]!;

describe('github-workflow model', () => {
  it('reads every form of on:', () => {
    const names = (t: string) => workflowOf(doc(`${t}\njobs: {}\n`))!.triggers.map((x) => x.name);
    assert.deepEqual(names('on: push'), ['push']);
    assert.deepEqual(names('on: [push, pull_request_target]'), ['push', 'pull_request_target']);
    assert.deepEqual(names('on:\n  issues:\n    types: [opened]\n  workflow_dispatch:'), ['issues', 'workflow_dispatch']);
    assert.deepEqual(names('on:\n  - issue_comment'), ['issue_comment']);
  });

  it('permissions, runs-on, needs, outputs, steps', () => {
    const wf = workflowOf(
      doc(
        'on: push\npermissions: read-all\ndefaults:\n  run:\n    shell: bash\njobs:\n  a:\n    runs-on: [self-hosted, linux]\n    permissions:\n      contents: write\n      id-token: write\n' +
          '    outputs:\n      v: ${{ steps.s.outputs.v }}\n    steps:\n      - id: s\n        run: echo "v=1" >> "$GITHUB_OUTPUT"\n        env: { X: "1" }\n      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n' +
          '  b:\n    needs: a\n    runs-on:\n      group: big\n      labels: ubuntu-latest\n    permissions: {}\n  c:\n    needs: [a, b]\n    runs-on: ${{ matrix.os }}\n    uses: o/r/.github/workflows/x.yml@v1\n    secrets: inherit\n',
      ),
    )!;
    assert.equal(wf.permissions?.kind, 'read-all');
    const [a, b, c] = wf.jobs;
    assert.equal(a!.permissions?.kind, 'map');
    assert.equal(a!.permissions?.scopes.get('contents')?.value, 'write');
    assert.ok(grantsWrite(a!.permissions));
    assert.deepEqual(a!.runsOn?.labels, ['self-hosted', 'linux']);
    assert.deepEqual(a!.outputs.map((o) => o.name), ['v']);
    assert.deepEqual(a!.steps.map((s) => [s.id, s.action, s.shell]), [['s', undefined, 'bash'], [undefined, 'actions/checkout', 'bash']]);
    assert.deepEqual(a!.steps[0]!.env.map((e) => [e.name, e.value]), [['X', '1']]);
    assert.deepEqual(a!.steps[1]!.with.map((e) => [e.name, e.value]), [['fetch-depth', '0']]);
    assert.equal(b!.permissions?.kind, 'none');
    assert.deepEqual(b!.runsOn?.labels, ['ubuntu-latest', 'big']);
    assert.deepEqual(b!.needs, ['a']);
    assert.deepEqual(c!.needs, ['a', 'b']);
    assert.equal(c!.runsOn?.dynamic, true);
    assert.equal(c!.uses?.value, 'o/r/.github/workflows/x.yml@v1');
  });

  it('tolerates broken shapes', () => {
    for (const t of ['on:\njobs:\n  a:\n', 'jobs: [1, 2]\n', 'jobs:\n  a: 3\n  b:\n    steps: {x: 1}\n', '- a\n- b\n', 'on: push\njobs:\n  a:\n    steps:\n      - 1\n      - [x]\n      - run:\n']) {
      const wf = workflowOf(doc(t));
      if (wf) for (const j of wf.jobs) assert.ok(Array.isArray(j.steps));
    }
  });

  it('composite actions: inputs and steps', () => {
    const action = actionOf(doc('inputs:\n  name:\n    default: x\n  other: {}\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n'))!;
    assert.equal(action.using, 'composite');
    assert.deepEqual(action.inputs.map((i) => [i.name, i.default]), [['name', 'x'], ['other', undefined]]);
    assert.equal(action.steps[0]!.shell, 'bash');
  });

  it('isUntrustedPath (set lookups) answers as a scan of the list does, for every prefix and near miss', () => {
    const scan = (path: string): boolean => UNTRUSTED.some((u) => u === path || (path.startsWith('github') && u.startsWith(`${path}.`)));
    const candidates = new Set(['', 'github', 'githubx', 'github.', 'x.github.event', 'github.event.issue.number', 'GITHUB.event.issue']);
    for (const u of UNTRUSTED) {
      const parts = u.split('.');
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join('.');
        for (const c of [prefix, `${prefix}.`, `${prefix}x`, prefix.slice(0, -1), `${prefix}.x`, `x${prefix}`]) candidates.add(c);
      }
    }
    let untrusted = 0;
    for (const c of candidates) {
      assert.equal(isUntrustedPath(c), scan(c), c);
      if (scan(c)) untrusted++;
    }
    assert.ok(untrusted > UNTRUSTED.length, `${untrusted} untrusted of ${candidates.size}`);
  });

  it('contextPaths gives the same (frozen) answer when asked again', () => {
    const inner = "github.event['issue'].title || matrix.os";
    const first = contextPaths(inner);
    assert.deepEqual([...first], ['github.event.issue.title', 'matrix.os']);
    assert.deepEqual([...contextPaths(inner)], [...first]);
    assert.ok(Object.isFrozen(first), 'a shared answer cannot be changed by a caller');
  });

  it('expressions: context paths, attacker-controlled fields, taint through env and outputs', () => {
    assert.deepEqual(contextPaths("github.event['pull_request'].title || format('x.y', github.event.commits[0].message)"), [
      'github.event.pull_request.title',
      'github.event.commits.*.message',
    ]);
    assert.ok(isUntrustedPath('github.event.issue'));
    assert.ok(!isUntrustedPath('github.event.issue.number'));
    assert.equal(untrustedPathIn('github.event.pull_request.head.sha'), undefined);
    assert.deepEqual(scriptOutputWrites('echo "t=${{ x }}" >> $GITHUB_OUTPUT\necho "::set-output name=u::v"'), [
      { name: 't', value: '${{ x }}" >> $GITHUB_OUTPUT' },
      { name: 'u', value: 'v"' },
    ]);
    const wf = workflowOf(
      doc('on: issues\njobs:\n  a:\n    outputs:\n      t: ${{ steps.s.outputs.t }}\n    steps:\n      - id: s\n        env:\n          T: ${{ github.event.issue.title }}\n        run: echo "t=$T" >> "$GITHUB_OUTPUT"\n'),
    )!;
    assert.deepEqual([...workflowTaint(wf).outputs].sort(), ['needs.a.outputs.t', 'steps.s.outputs.t']);
  });
});

describe('gitlab model', () => {
  it('jobs vs reserved keys, variables at both levels, scripts, default:, spec inputs', () => {
    const [p] = gitlabPipelines(
      parseYaml(
        'spec:\n  inputs:\n    env:\n      options: [a, b]\n---\nvariables:\n  A: "1"\n  B:\n    value: two\n    description: x\ndefault:\n  before_script: [echo d]\nstages: [test]\n.tpl:\n  script: echo t\ntest:\n  extends: .tpl\n  variables:\n    C: three\n  script:\n    - echo 1\n    - [echo 2, echo 3]\n  after_script: echo z\n',
      ).docs,
    );
    assert.deepEqual(p!.variables.map((v) => [v.name, v.value]), [['A', '1'], ['B', 'two']]);
    assert.deepEqual(p!.jobs.map((j) => [j.name, j.hidden]), [['.tpl', true], ['test', false]]);
    const test = p!.jobs[1]!;
    assert.deepEqual(test.extends, ['.tpl']);
    assert.deepEqual(test.scripts.map((s) => [s.section, s.text]), [['script', 'echo 1'], ['script', 'echo 2'], ['script', 'echo 3'], ['after_script', 'echo z']]);
    assert.deepEqual(p!.defaultScripts.map((s) => s.text), ['echo d']);
    assert.equal(p!.inputs.get('env')?.hasOptions, true);
  });
});

describe('azure model', () => {
  it('stages/jobs/steps in every nesting form, variables in map and list form, checkouts', () => {
    const [p] = azurePipelines(
      parseYaml(
        'variables:\n  a: 1\nstages:\n  - stage: S\n    variables:\n      - name: b\n        value: 2\n      - group: g\n    jobs:\n      - job: J\n        steps:\n          - checkout: self\n            persistCredentials: true\n          - bash: echo 1\n          - ${{ if eq(1, 1) }}:\n            - pwsh: echo 2\n      - deployment: D\n        strategy:\n          runOnce:\n            deploy:\n              steps:\n                - task: Bash@3\n                  inputs:\n                    targetType: inline\n                    script: echo 3\n',
      ).docs,
    );
    assert.deepEqual(allAzureVariables(p!).map((v) => [v.name, v.value]), [['a', '1'], ['b', '2']]);
    assert.deepEqual(p!.stages.map((s) => s.name), ['S']);
    assert.deepEqual(p!.jobs.map((j) => [j.name, j.deployment, j.steps.length]), [['J', false, 3], ['D', true, 1]]);
    assert.deepEqual(p!.steps.map((s) => [s.kind, s.shell, s.job]), [['checkout', undefined, 'J'], ['bash', 'bash', 'J'], ['pwsh', 'pwsh', 'J'], ['task', 'bash', 'D']]);
  });

  it('top-level steps and jobs', () => {
    assert.equal(azurePipelines(parseYaml('steps:\n  - script: echo\n').docs)[0]!.jobs[0]!.steps[0]!.shell, 'default');
    assert.equal(azurePipelines(parseYaml('jobs:\n  - job: A\n    steps:\n      - powershell: x\n').docs)[0]!.jobs[0]!.steps[0]!.kind, 'powershell');
  });
});
