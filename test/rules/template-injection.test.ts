// Table tests for template-injection, and checks that every fix leaves valid YAML and a script bash can parse.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import vm from 'node:vm';
import { applyEdits, safeFixEdits } from '../../server/src/engine/index.js';
import rule, { envNameFor } from '../../server/src/rules/injection/template-injection.js';
import { shellContexts } from '../../server/src/models/quote-context.js';
import { findExpressions } from '../../server/src/models/github-expressions.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';
import { applyAllFixes, assertYamlParses, bashParses, runScripts } from '../helpers/fix-check.js';

const WF = '.github/workflows/triage.yml';
const wf = (steps: string, on = 'issues') => `on: ${on}\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    { name: 'PR number is not text', path: WF, code: wf('      - run: echo ${{ github.event.pull_request.number }}\n') },
    { name: 'sha and issue number', path: WF, code: wf('      - run: git checkout ${{ github.sha }} && echo ${{ github.event.issue.number }}\n') },
    { name: 'expression in if: is not injection', path: WF, code: wf("      - if: contains(github.event.issue.title, 'bug')\n        run: echo bug\n") },
    { name: 'already passed through env', path: WF, code: wf('      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: echo "$TITLE"\n') },
    { name: 'with: of an ordinary action', path: WF, code: wf('      - uses: actions-ecosystem/action-add-labels@v1\n        with:\n          labels: ${{ github.event.issue.title }}\n') },
    { name: 'step output from trusted data', path: WF, code: wf('      - id: v\n        run: echo "version=$(cat VERSION)" >> "$GITHUB_OUTPUT"\n      - run: echo ${{ steps.v.outputs.version }}\n') },
    {
      name: 'boolean, number and choice inputs cannot carry syntax',
      path: WF,
      code:
        'on:\n  workflow_dispatch:\n    inputs:\n      dry:\n        type: boolean\n      n:\n        type: number\n      env:\n        type: choice\n        options: [a, b]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n' +
        '      - run: ./release ${{ inputs.dry }} ${{ inputs.n }} ${{ github.event.inputs.env }}\n',
    },
    {
      name: 'an input that is a command or command-line words by name or place: the caller passes code on purpose',
      path: WF,
      code: 'on:\n  workflow_call:\n    inputs:\n      setup:\n        type: string\n      extra-args:\n        type: string\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${{ inputs.setup }}\n      - run: pip install . ${{ inputs.extra-args }}\n',
    },
    { name: 'github.actor inside quotes: a login cannot break out', path: WF, code: wf('      - run: echo "Thanks @${{ github.actor }}" && gh pr comment --body "by ${{ github.event.pull_request.user.login }}"\n', 'pull_request_target') },
    { name: 'toJSON pasted as JavaScript code is a JSON literal', path: WF, code: wf('      - uses: actions/github-script@v7\n        with:\n          script: |\n            const issue = ${{ toJSON(github.event.issue) }};\n            core.info(issue.title);\n') },
    { name: 'env var in eval, but from a constant', path: WF, code: wf('      - env:\n          CMD: make test\n        run: eval "$CMD"\n') },
    { name: 'env var from the title in single quotes of bash -c: the inner shell reads it as a variable', path: WF, code: wf("      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: bash -c 'echo \"$TITLE\"'\n") },
    { name: 'env var from the title, quoted as an argument', path: WF, code: wf('      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: |\n          printf \'%s\\n\' "$TITLE"\n          cat <<EOF\n          $TITLE\n          EOF\n') },
    { name: 'sha, run id and numbers in a code-running action input', path: WF, code: wf('      - uses: azure/cli@v2\n        with:\n          inlineScript: az tag --sha ${{ github.sha }} --run ${{ github.run_id }} --pr ${{ github.event.pull_request.number }}\n', 'pull_request_target') },
    { name: 'string literal that looks like a path', path: WF, code: wf("      - run: echo ${{ format('github.event.issue.title') }}\n") },
    { name: 'not a workflow', path: 'notes/x.yml', code: wf('      - run: echo ${{ github.event.issue.title }}\n') },
    { name: 'inputs of a repository-local action are its own workflows\' values', path: '.github/actions/build/action.yml', code: 'runs:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.target }}\n      shell: bash\n' },
    { name: 'composite action with an ordinary context', path: 'action.yml', code: 'runs:\n  using: composite\n  steps:\n    - run: echo ${{ github.action_path }}\n      shell: bash\n' },
  ],
  invalid: [
    {
      name: 'issue title unquoted in a plain scalar',
      path: WF,
      code: wf('      - run: echo ${{ github.event.issue.title }}\n'),
      errors: [{ line: 6, column: 19, endColumn: 50, messageIncludes: 'github.event.issue.title' }],
      output: wf('      - run: echo "${ISSUE_TITLE}"\n        env:\n          ISSUE_TITLE: ${{ github.event.issue.title }}\n'),
      fixSafety: 'safe',
    },
    {
      name: 'inside double quotes, env created before run:',
      path: WF,
      code: wf('      - name: Greet\n        run: |\n          echo "Thanks for ${{ github.event.comment.body }}!"\n', 'issue_comment'),
      errors: [{ line: 8, column: 28 }],
      output: wf('      - name: Greet\n        env:\n          COMMENT_BODY: ${{ github.event.comment.body }}\n        run: |\n          echo "Thanks for ${COMMENT_BODY}!"\n', 'issue_comment'),
    },
    {
      name: 'inside single quotes, existing env extended',
      path: WF,
      code: wf("      - env:\n          GH_TOKEN: ${{ github.token }}\n        run: gh pr comment 1 --body 'Branch ${{ github.head_ref }} built'\n", 'pull_request'),
      errors: [{ line: 8, column: 45 }],
      output: wf("      - env:\n          GH_TOKEN: ${{ github.token }}\n          HEAD_REF: ${{ github.head_ref }}\n        run: gh pr comment 1 --body 'Branch '\"${HEAD_REF}\"' built'\n", 'pull_request'),
    },
    {
      name: 'existing identical env entry is reused',
      path: WF,
      code: wf('      - env:\n          T: ${{ github.event.pull_request.title }}\n        run: echo ${{ github.event.pull_request.title }}\n', 'pull_request'),
      errors: [{ line: 8, column: 19 }],
      output: wf('      - env:\n          T: ${{ github.event.pull_request.title }}\n        run: echo "${T}"\n', 'pull_request'),
    },
    {
      name: 'CRLF, folded block',
      path: WF,
      code: wf('      - run: >\r\n          echo ${{ github.event.issue.body }}\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
      errors: [{ line: 7, column: 16 }],
      output: wf('      - run: >\r\n          echo "${ISSUE_BODY}"\r\n        env:\r\n          ISSUE_BODY: ${{ github.event.issue.body }}\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
    },
    {
      name: 'double-quoted YAML scalar gets escaped quotes',
      path: WF,
      code: wf('      - run: "echo ${{ github.event.issue.title }}"\n'),
      errors: [{ line: 6, column: 20 }],
      output: wf('      - run: "echo \\"${ISSUE_TITLE}\\""\n        env:\n          ISSUE_TITLE: ${{ github.event.issue.title }}\n'),
    },
    {
      name: 'single-quoted YAML scalar with shell single quotes inside',
      path: WF,
      code: wf("      - run: 'echo ''${{ github.event.issue.title }}'''\n"),
      errors: [{ line: 6, column: 22 }],
      output: wf("      - run: 'echo ''''\"${ISSUE_TITLE}\"'''''\n        env:\n          ISSUE_TITLE: ${{ github.event.issue.title }}\n"),
    },
    {
      name: 'literal block with strip chomping',
      path: WF,
      code: wf('      - run: |-\n          echo ${{ github.event.review.body }}\n        shell: bash\n'),
      errors: [{ line: 7, column: 16 }],
      output: wf('      - run: |-\n          echo "${REVIEW_BODY}"\n        shell: bash\n        env:\n          REVIEW_BODY: ${{ github.event.review.body }}\n'),
    },
    {
      name: 'plain scalar that starts with the expression: no sound rewrite',
      path: WF,
      code: wf('      - run: ${{ github.event.comment.body }}\n'),
      errors: [{ line: 6, column: 14 }],
      output: null,
    },
    {
      name: 'env var fed from the title, used through ${{ env.X }}',
      path: WF,
      code: 'on: issues\nenv:\n  TITLE: ${{ github.event.issue.title }}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ env.TITLE }}\n',
      errors: [{ line: 8, column: 19, messageIncludes: 'env.title' }],
      output: 'on: issues\nenv:\n  TITLE: ${{ github.event.issue.title }}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${TITLE}"\n',
    },
    {
      name: 'step output derived from the PR title, used in a later job',
      path: WF,
      code:
        'on: pull_request_target\njobs:\n  meta:\n    runs-on: ubuntu-latest\n    outputs:\n      title: ${{ steps.t.outputs.title }}\n    steps:\n      - id: t\n        run: echo "title=${{ github.event.pull_request.title }}" >> "$GITHUB_OUTPUT"\n' +
        '  use:\n    needs: meta\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ needs.meta.outputs.title }}\n',
      errors: [{ line: 9, column: 26 }, { line: 14, column: 19, messageIncludes: 'needs.meta.outputs.title' }],
    },
    {
      name: 'step output from github-script core.setOutput of the PR title, used in the same job',
      path: WF,
      code: wf("      - id: meta\n        uses: actions/github-script@v7\n        with:\n          script: core.setOutput('title', context.payload.pull_request.title)\n      - run: echo \"${{ steps.meta.outputs.title }}\"\n", 'pull_request'),
      errors: [{ line: 10, column: 20, messageIncludes: 'steps.meta.outputs.title' }],
      output: wf("      - id: meta\n        uses: actions/github-script@v7\n        with:\n          script: core.setOutput('title', context.payload.pull_request.title)\n      - run: echo \"${META_TITLE}\"\n        env:\n          META_TITLE: ${{ steps.meta.outputs.title }}\n", 'pull_request'),
    },
    {
      name: 'github-script: string literal becomes process.env',
      path: WF,
      code: wf("      - uses: actions/github-script@v7\n        with:\n          script: |\n            const t = '${{ github.event.issue.title }}';\n            core.info(t);\n"),
      errors: [{ line: 9, column: 24 }],
      output: wf("      - uses: actions/github-script@v7\n        env:\n          ISSUE_TITLE: ${{ github.event.issue.title }}\n        with:\n          script: |\n            const t = '' + process.env.ISSUE_TITLE + '';\n            core.info(t);\n"),
    },
    {
      name: 'composite action input',
      path: 'action.yml',
      code: 'inputs:\n  message:\n    description: x\nruns:\n  using: composite\n  steps:\n    - run: echo "${{ inputs.message }}"\n      shell: bash\n',
      errors: [{ line: 7, column: 18, messageIncludes: 'inputs.message' }],
      output: 'inputs:\n  message:\n    description: x\nruns:\n  using: composite\n  steps:\n    - run: echo "${MESSAGE}"\n      shell: bash\n      env:\n        MESSAGE: ${{ inputs.message }}\n',
    },
    {
      name: 'composite input unquoted: reported, not rewritten (the caller may pass several words)',
      path: 'action.yml',
      code: 'runs:\n  using: composite\n  steps:\n    - run: ./build ${{ inputs.target }}\n      shell: bash\n',
      errors: [{ line: 4, column: 20 }],
      output: null,
    },
    {
      name: 'pwsh: reported, no fix',
      path: WF,
      code: wf('      - run: echo ${{ github.event.issue.title }}\n        shell: pwsh\n'),
      errors: [{ line: 6, column: 19 }],
      output: null,
    },
    {
      name: 'windows runner default shell: no fix',
      path: WF,
      code: 'on: issues\njobs:\n  t:\n    runs-on: windows-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n',
      errors: [{ line: 6, column: 19 }],
      output: null,
    },
    {
      name: 'quoted heredoc: no sound rewrite',
      path: WF,
      code: wf("      - run: |\n          cat <<'EOF'\n          ${{ github.event.issue.body }}\n          EOF\n"),
      errors: [{ line: 8, column: 11 }],
      output: null,
    },
    {
      name: 'toJSON of the whole issue',
      path: WF,
      code: wf("      - run: echo '${{ toJSON(github.event.issue) }}' | jq .\n"),
      errors: [{ line: 6, column: 20 }],
    },
    {
      name: 'workflow_dispatch input: reported (low), quoted rewrite',
      path: WF,
      code: wf('      - run: echo "Releasing ${{ inputs.version }}"\n', 'workflow_dispatch'),
      errors: [{ line: 6, column: 30, messageIncludes: 'inputs.version' }],
      output: wf('      - run: echo "Releasing ${VERSION}"\n        env:\n          VERSION: ${{ inputs.version }}\n', 'workflow_dispatch'),
    },
    {
      name: 'reusable workflow string input, unquoted: reported, not rewritten',
      path: WF,
      code: 'on:\n  workflow_call:\n    inputs:\n      target:\n        type: string\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./build ${{ inputs.target }}\n',
      errors: [{ line: 10, column: 22, messageIncludes: 'reusable-workflow input' }],
      output: null,
    },
    {
      name: 'github.event.inputs and repository_dispatch payload',
      path: WF,
      code: wf('      - run: |\n          git checkout "${{ github.event.inputs.sha }}"\n          echo "${{ github.event.client_payload.tag }}"\n', '[workflow_dispatch, repository_dispatch]'),
      errors: [{ line: 7, column: 25, messageIncludes: 'github.event.inputs.sha' }, { line: 8, column: 17, messageIncludes: 'client_payload' }],
    },
    {
      name: 'a login where the command name goes',
      path: WF,
      code: wf('      - run: ${{ github.actor }}-setup.sh && echo ok\n', 'pull_request_target'),
      errors: [{ line: 6, column: 14, messageIncludes: 'command name' }],
      output: null,
    },
    {
      name: 'a login as the command after eval',
      path: WF,
      code: wf('      - run: |\n          eval ${{ github.triggering_actor }}\n', 'pull_request_target'),
      errors: [{ line: 7, column: 16 }],
      output: wf('      - run: |\n          eval "${TRIGGERING_ACTOR}"\n        env:\n          TRIGGERING_ACTOR: ${{ github.triggering_actor }}\n', 'pull_request_target'),
    },
    {
      name: 'env indirection undone by eval, bash -c and an unquoted command',
      path: WF,
      code: wf('      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: |\n          eval "echo $TITLE"\n          bash -c "notify ${TITLE}"\n          $TITLE\n'),
      errors: [{ line: 9, column: 22, messageIncludes: 'into eval' }, { line: 10, column: 27, messageIncludes: 'bash -c' }, { line: 11, column: 11, messageIncludes: 'command to run' }],
      output: null,
    },
    {
      name: 'an expression inside eval: env indirection would not help, so no rewrite',
      path: WF,
      code: wf('      - run: eval "notify ${{ github.event.issue.title }}"\n'),
      errors: [{ line: 6, column: 27 }],
      output: null,
    },
    {
      name: 'a code-running action input (azure/cli inlineScript)',
      path: WF,
      code: wf('      - uses: azure/cli@v2\n        with:\n          inlineScript: |\n            az group create -n "${{ github.event.pull_request.head.ref }}"\n', 'pull_request_target'),
      errors: [{ line: 9, column: 33, messageIncludes: 'azure/cli' }],
      output: null,
    },
    {
      name: 'github-script result returned from the payload',
      path: WF,
      code: wf("      - id: t\n        uses: actions/github-script@v7\n        with:\n          result-encoding: string\n          script: return context.payload.comment.body\n      - run: echo ${{ steps.t.outputs.result }}\n", 'issue_comment'),
      errors: [{ line: 11, column: 19, messageIncludes: 'steps.t.outputs.result' }],
    },
    {
      name: 'branch of the commented pull request (xt0rted/pull-request-comment-branch)',
      path: WF,
      code: wf('      - id: b\n        uses: xt0rted/pull-request-comment-branch@v2\n      - run: git push origin HEAD:${{ steps.b.outputs.head_ref }}\n', 'issue_comment'),
      errors: [{ line: 8, column: 35 }],
    },
    {
      name: 'previous title of an edited issue, and a merge queue commit message',
      path: WF,
      code: wf('      - run: echo "${{ github.event.changes.title.from }}" "${{ github.event.merge_group.head_commit.message }}"\n', '[issues, merge_group]'),
      errors: [{ line: 6, column: 20 }, { line: 6, column: 61 }],
    },
  ],
});

const SCRIPTS: readonly string[] = [
  'echo ${{ github.event.issue.title }}',
  'echo "title: ${{ github.event.issue.title }}" && echo \'${{ github.event.issue.body }}\'',
  'X=$(echo "${{ github.head_ref }}" | tr / -)\necho "$X"',
  'cat <<EOF > notes.md\n# ${{ github.event.pull_request.title }}\nEOF',
  'if [ "${{ github.event.comment.body }}" = "/deploy" ]; then\n  echo deploy # ${{ github.event.comment.body }}\nfi',
  'echo `echo ${{ github.event.review.body }}`',
  'gh issue comment 1 --body "Got: ${{ github.event.issue.title }} from ${{ github.event.issue.title }}"',
];

describe('template-injection fixes keep the shell valid', () => {
  for (const [i, script] of SCRIPTS.entries()) {
    for (const style of ['block', 'plain-line'] as const) {
      if (style === 'plain-line' && (script.includes('\n') || script.includes(': '))) continue;
      it(`script #${i + 1} (${style})`, () => {
        const body = style === 'block' ? `|\n${script.split('\n').map((l) => `          ${l}`).join('\n')}\n` : `${script}\n`;
        const code = wf(`      - name: step\n        run: ${body}`, 'issue_comment');
        const fixed = applyAllFixes(rule, WF, code);
        assert.notEqual(fixed, code, 'a fix was applied');
        assertYamlParses(fixed);
        assert.deepEqual(analyzeWith(rule, { path: WF, code: fixed }).findings, [], fixed);
        const [run] = runScripts(fixed);
        assert.ok(run !== undefined && !run.includes('${{'), fixed);
        assert.ok(bashParses(run), `bash -n rejects:\n${run}`);
      });
    }
  }

  it('shell context scanner', () => {
    const text = `echo 'a \${{ x }}' "b \${{ y }}" \${{ z }} $'c \${{ w }}'`;
    assert.deepEqual(shellContexts(text, findExpressions(text)), ['single', 'double', 'plain', 'ansi']);
    const unbalanced = 'echo "${{ x }}';
    assert.deepEqual(shellContexts(unbalanced, findExpressions(unbalanced)), ['unknown']);
  });

  it('generated names avoid runner-owned and shell-special names', () => {
    assert.equal(envNameFor('github.event.pull_request.head.ref'), 'PULL_REQUEST_HEAD_REF');
    assert.equal(envNameFor('inputs.path'), 'UNTRUSTED_PATH');
    assert.equal(envNameFor('steps.meta.outputs.title'), 'META_TITLE');
  });
});

describe('template-injection fixes in github-script keep the JavaScript valid', () => {
  const cases = [
    "const t = '${{ github.event.issue.title }}';",
    'const b = "${{ github.event.comment.body }}".trim();',
    'core.info(`Title: ${{ github.event.issue.title }} by ${context.actor}`);',
    "// ${{ github.event.issue.body }}\nawait github.rest.issues.addLabels({ ...context.repo, issue_number: context.issue.number, labels: ['x'] });",
  ];
  for (const [i, js] of cases.entries()) {
    it(`script #${i + 1}`, () => {
      const body = js.split('\n').map((l) => `            ${l}`).join('\n');
      const code = wf(`      - uses: actions/github-script@v7\n        with:\n          script: |\n${body}\n`);
      const fixed = applyAllFixes(rule, WF, code);
      assert.notEqual(fixed, code);
      assertYamlParses(fixed);
      assert.deepEqual(analyzeWith(rule, { path: WF, code: fixed }).findings, []);
      const [script] = runScripts(fixed, 'script');
      assert.ok(script !== undefined && !script.includes('${{'), fixed);
      // github-script runs the text as the body of an async function.
      assert.doesNotThrow(() => new vm.Script(`(async () => {\n${script}\n})`), script);
    });
  }

  it('code position (not inside a string) is reported without a fix', () => {
    const code = wf('      - uses: actions/github-script@v7\n        with:\n          script: |\n            const n = ${{ github.event.issue.title }};\n');
    const { findings } = analyzeWith(rule, { path: WF, code });
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.fixes, []);
  });
});

describe('template-injection: fix all over a whole file', () => {
  it('every step is fixed through safeFixEdits rounds, and the file stays valid', () => {
    const code = wf(
      '      - run: echo "${{ github.event.issue.title }}"\n      - run: |\n          echo ${{ github.event.issue.body }}\n          echo \'${{ github.event.issue.title }}\'\n      - name: last\n        run: echo ${{ github.head_ref }}\n',
    );
    let text = code;
    for (let round = 0; round < 5; round++) {
      const { findings } = analyzeWith(rule, { path: WF, code: text });
      const edits = safeFixEdits(findings);
      if (edits.length === 0) break;
      text = applyEdits(text, edits);
    }
    assertYamlParses(text);
    assert.deepEqual(analyzeWith(rule, { path: WF, code: text }).findings, [], text);
    for (const run of runScripts(text)) assert.ok(bashParses(run), run);
  });
});

describe('template-injection: severity follows who chooses the text', () => {
  const sev = (code: string, path = WF) => analyzeWith(rule, { path, code }).findings.map((f) => f.severity);
  it('event text is high, reusable-workflow inputs medium, manual inputs and logins low', () => {
    assert.deepEqual(sev(wf('      - run: echo "${{ github.event.issue.title }}"\n')), ['high']);
    assert.deepEqual(sev('on:\n  workflow_call:\n    inputs:\n      v:\n        type: string\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ inputs.v }}"\n'), ['medium']);
    assert.deepEqual(sev(wf('      - run: echo "${{ inputs.v }}"\n', 'workflow_dispatch')), ['low']);
    assert.deepEqual(sev(wf('      - run: ${{ github.actor }}\n', 'pull_request_target')), ['low']);
  });
  it('env indirection undone by eval is high in workflows, medium in a published composite action', () => {
    assert.deepEqual(sev(wf('      - env:\n          T: ${{ github.event.issue.title }}\n        run: eval "$T"\n')), ['high']);
    assert.deepEqual(sev('runs:\n  using: composite\n  steps:\n    - env:\n        T: ${{ inputs.t }}\n      run: eval "$T"\n      shell: bash\n', 'action.yml'), ['medium']);
  });
  it('a published composite action\'s inputs are medium: as untrusted as its callers make them', () => {
    assert.deepEqual(sev('runs:\n  using: composite\n  steps:\n    - run: echo "${{ inputs.m }}"\n      shell: bash\n', 'action.yml'), ['medium']);
  });
});
