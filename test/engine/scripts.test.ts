// The `scripts` facet: which shell text each kind yields, and that offsets map back onto the file.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileKind } from '../../server/src/core/types.js';
import { SourceFile, type Script } from '../../server/src/models/source-file.js';
import { joinContinuations } from '../../server/src/models/scripts.js';

function scripts(kind: FileKind, text: string, path = 'x'): readonly Script[] {
  return new SourceFile(path, text, kind).facets.scripts;
}

/** The file text at the mapped range of `needle`'s first occurrence in the script. */
function mapped(file: string, s: Script, needle: string): string {
  const at = s.text.indexOf(needle);
  assert.ok(at >= 0, `'${needle}' not in script ${JSON.stringify(s.text)}`);
  const r = s.fileRange(at, at + needle.length);
  return file.slice(r.start, r.end);
}

describe('scripts facet: GitHub', () => {
  const wf = [
    'on: push',
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: echo plain',
    '      - run: |',
    '          echo "${{ github.event.issue.title }}"',
    '            indented more',
    '      - run: "echo \\"quoted\\" and more"',
    '      - uses: actions/github-script@v7',
    '        with:',
    '          script: console.log(context.payload)',
    '      - uses: actions/checkout@v4',
    '        with:',
    '          script: not a script',
    '  other:',
    '    steps:',
    '      - run: >',
    '          folded line one',
    '          folded line two',
    '',
  ].join('\n');
  const all = scripts('github-workflow', wf);

  it('lists run: steps and github-script, with job ids and holders', () => {
    assert.deepEqual(
      all.map((s) => [s.source, s.job, s.text]),
      [
        ['github-run', 'build', 'echo plain'],
        ['github-run', 'build', 'echo "${{ github.event.issue.title }}"\n  indented more\n'],
        ['github-run', 'build', 'echo "quoted" and more'],
        ['github-script', 'build', 'console.log(context.payload)'],
        ['github-run', 'other', 'folded line one folded line two\n'],
      ],
    );
    assert.ok(all.every((s) => s.node !== undefined && s.holder !== undefined));
  });

  it('maps script offsets back to the file: verbatim, block, escaped and folded scalars', () => {
    assert.equal(mapped(wf, all[0]!, 'plain'), 'plain');
    assert.equal(mapped(wf, all[1]!, '${{ github.event.issue.title }}'), '${{ github.event.issue.title }}');
    assert.equal(mapped(wf, all[1]!, 'indented more'), 'indented more');
    assert.equal(mapped(wf, all[2]!, 'and more'), 'and more');
    assert.equal(mapped(wf, all[4]!, 'two'), 'two');
  });

  it('every mapped range lies inside the script range, for any sub-range', () => {
    for (const s of all) {
      for (let a = 0; a <= s.text.length; a++) {
        for (let b = a; b <= s.text.length; b += 3) {
          const r = s.fileRange(a, b);
          assert.ok(r.start >= s.range.start && r.end <= s.range.end && r.start <= r.end, `${s.text} ${a}-${b}`);
        }
      }
    }
  });

  it('maps across CRLF line ends', () => {
    const crlf = wf.replace(/\n/g, '\r\n');
    const s = scripts('github-workflow', crlf)[1]!;
    assert.equal(mapped(crlf, s, 'indented more'), 'indented more');
  });

  it('composite actions', () => {
    const action = 'runs:\n  using: composite\n  steps:\n    - run: make ${{ inputs.target }}\n      shell: bash\n';
    const [s] = scripts('github-action', action);
    assert.equal(s?.text, 'make ${{ inputs.target }}');
    assert.equal(s?.job, undefined);
  });

  it('tolerates any shape', () => {
    for (const text of ['jobs: 3', 'jobs:\n  a: [1, 2]', 'jobs:\n  a:\n    steps: {run: x}', 'jobs:\n  a:\n    steps:\n      - run: [1]', '- a']) {
      assert.deepEqual(scripts('github-workflow', text), []);
    }
  });
});

describe('scripts facet: GitLab, Azure, Bitbucket, CircleCI', () => {
  it('GitLab: job scripts (nested lists too), default and global before_script, hidden jobs; not reserved keys', () => {
    const ci = [
      'default:',
      '  before_script: [echo default]',
      'before_script: echo global',
      'variables:',
      '  script: not-a-job',
      'build:',
      '  script:',
      '    - make',
      '    - - nested one',
      '  after_script: echo after',
      '.template:',
      '  script: echo hidden',
      '',
    ].join('\n');
    assert.deepEqual(
      scripts('gitlab-ci', ci).map((s) => [s.job, s.text]),
      [
        [undefined, 'echo global'],
        [undefined, 'echo default'],
        ['build', 'make'],
        ['build', 'nested one'],
        ['build', 'echo after'],
        ['.template', 'echo hidden'],
      ],
    );
    // `pages` is GitLab's Pages job, not a reserved key.
    assert.deepEqual(scripts('gitlab-ci', 'pages:\n  script: [make site]\n').map((s) => [s.job, s.text]), [['pages', 'make site']]);
  });

  it('Azure: steps at every level, script/bash/pwsh, inline Bash task, job ids', () => {
    const az = [
      'steps:',
      '  - script: echo top',
      'stages:',
      '  - stage: s',
      '    jobs:',
      '      - job: build',
      '        steps:',
      '          - bash: echo bash',
      '          - pwsh: Write-Host hi',
      '          - task: Bash@3',
      '            inputs:',
      '              targetType: inline',
      '              script: echo task',
      '      - deployment: deploy',
      '        strategy:',
      '          runOnce:',
      '            deploy:',
      '              steps:',
      '                - script: echo deploy',
      '',
    ].join('\n');
    assert.deepEqual(
      scripts('azure-pipelines', az).map((s) => [s.job, s.text]),
      [
        [undefined, 'echo top'],
        ['build', 'echo bash'],
        ['build', 'Write-Host hi'],
        ['build', 'echo task'],
        ['deploy', 'echo deploy'],
      ],
    );
  });

  it('Bitbucket: step scripts under default, branches and parallel', () => {
    const bb = [
      'pipelines:',
      '  default:',
      '    - step:',
      '        name: Build',
      '        script:',
      '          - npm ci',
      '          - pipe: atlassian/x:1.0',
      '  branches:',
      '    main:',
      '      - parallel:',
      '          - step:',
      '              script: [make deploy]',
      '              after-script: [echo done]',
      '',
    ].join('\n');
    assert.deepEqual(
      scripts('bitbucket-pipelines', bb).map((s) => [s.job, s.text]),
      [
        ['Build', 'npm ci'],
        [undefined, 'make deploy'],
        [undefined, 'echo done'],
      ],
    );
  });

  it('CircleCI: run as string and as command, in jobs, commands and when blocks', () => {
    const cc = [
      'jobs:',
      '  test:',
      '    steps:',
      '      - checkout',
      '      - run: npm test',
      '      - run:',
      '          name: lint',
      '          command: npm run lint',
      '      - when:',
      '          condition: true',
      '          steps:',
      '            - run: echo when',
      'commands:',
      '  greet:',
      '    steps:',
      '      - run: echo hello',
      '',
    ].join('\n');
    assert.deepEqual(
      scripts('circleci', cc).map((s) => [s.job, s.text]),
      [
        ['test', 'npm test'],
        ['test', 'npm run lint'],
        ['test', 'echo when'],
        ['greet', 'echo hello'],
      ],
    );
  });

  it('kinds without scripts yield none', () => {
    assert.deepEqual(scripts('compose', 'services:\n  a:\n    command: sh -c "x"\n'), []);
    assert.deepEqual(scripts('kubernetes', 'apiVersion: v1\nkind: Pod\n'), []);
  });
});

describe('scripts facet: Dockerfile RUN', () => {
  const df = [
    'FROM alpine',
    'RUN --mount=type=cache,target=/var/cache/apk apk add curl \\',
    '  # a comment Docker drops',
    '  && curl -fsSL https://example.com/install.sh | sh',
    'RUN ["sh", "-c", "echo exec form"]',
    'RUN ["echo", "no shell"]',
    'RUN <<EOF',
    'set -e',
    'echo heredoc',
    'EOF',
    'RUN echo last',
    '',
  ].join('\n');
  const all = scripts('dockerfile', df, 'Dockerfile');

  it('drops flags, joins continuations, drops comment lines, handles exec and heredoc forms', () => {
    assert.deepEqual(
      all.map((s) => s.text),
      ['apk add curl   && curl -fsSL https://example.com/install.sh | sh', 'echo exec form', 'set -e\necho heredoc\n', 'echo last'],
    );
    assert.ok(all.every((s) => s.source === 'dockerfile-run' && s.node === undefined));
  });

  it('maps offsets back across continuations', () => {
    assert.equal(mapped(df, all[0]!, 'curl -fsSL https://example.com/install.sh | sh'), 'curl -fsSL https://example.com/install.sh | sh');
    assert.equal(mapped(df, all[1]!, 'exec form'), 'exec form');
    assert.equal(mapped(df, all[2]!, 'echo heredoc'), 'echo heredoc');
    assert.equal(mapped(df, all[3]!, 'last'), 'last');
  });

  it('ONBUILD RUN triggers are scripts too', () => {
    const text = 'FROM alpine\nONBUILD RUN curl -fsSL https://x | sh \\\n  && echo done\nONBUILD COPY . /src\n';
    const got = scripts('dockerfile', text, 'Dockerfile');
    assert.deepEqual(got.map((s) => s.text), ['curl -fsSL https://x | sh   && echo done']);
    assert.equal(mapped(text, got[0]!, 'echo done'), 'echo done');
  });

  it('honours the escape directive', () => {
    const ps = '# escape=`\nFROM mcr.microsoft.com/windows\nRUN Write-Host a `\n  ; Write-Host b\n';
    assert.deepEqual(scripts('dockerfile', ps, 'Dockerfile').map((s) => s.text), ['Write-Host a   ; Write-Host b']);
    assert.equal(joinContinuations('a \\\r\n  b\r\n', '\\').text, 'a   b\r\n');
  });

  it('tolerates broken instructions', () => {
    for (const text of ['RUN', 'RUN \\', 'RUN ["sh", "-c"', 'RUN <<', 'RUN <<EOF\nno end']) {
      const got = scripts('dockerfile', `FROM a\n${text}`, 'Dockerfile');
      for (const s of got) assert.ok(s.range.end <= text.length + 7);
    }
  });
});
