// Table tests for github-env, and checks that the heredoc rewrite leaves valid YAML and a script bash accepts.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../server/src/rules/injection/github-env.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';
import { applyAllFixes, assertYamlParses, bashParses, runScripts } from '../helpers/fix-check.js';

const WF = '.github/workflows/pr.yml';
const wf = (steps: string, on = 'pull_request_target', runsOn = 'ubuntu-latest') => `on: ${on}\njobs:\n  t:\n    runs-on: ${runsOn}\n    steps:\n${steps}`;
const TITLE_ENV = '        env:\n          TITLE: ${{ github.event.pull_request.title }}\n';

ruleTester(rule, {
  valid: [
    { name: 'constants and the run id', path: WF, code: wf('      - run: |\n          echo "MODE=release" >> "$GITHUB_ENV"\n          echo "RUN=${{ github.run_id }}-${{ github.sha }}" >> $GITHUB_ENV\n          echo "$HOME/.local/bin" >> $GITHUB_PATH\n') },
    { name: 'a branch name after NAME=: it cannot hold a line break', path: WF, code: wf('      - run: |\n          echo "BRANCH=${{ github.head_ref }}" >> $GITHUB_ENV\n          echo "REF=$GITHUB_HEAD_REF" >> "$GITHUB_OUTPUT"\n') },
    { name: 'random heredoc delimiter', path: WF, code: wf(`      - run: |\n          EOF=$(openssl rand -hex 8)\n          echo "TITLE<<$EOF" >> $GITHUB_ENV\n          echo "$TITLE" >> $GITHUB_ENV\n          echo "$EOF" >> $GITHUB_ENV\n${TITLE_ENV}`) },
    { name: 'not a privileged trigger', path: WF, code: wf(`      - run: echo "TITLE=$TITLE" >> $GITHUB_ENV\n${TITLE_ENV}`, 'pull_request') },
    { name: 'the variable is reassigned from a constant first', path: WF, code: wf(`      - run: |\n          TITLE=fixed\n          echo "TITLE=$TITLE" >> $GITHUB_ENV\n${TITLE_ENV}`) },
    { name: 'single-quoted $VAR is not expanded', path: WF, code: wf(`      - run: echo 'TITLE=$TITLE' >> $GITHUB_ENV\n${TITLE_ENV}`) },
    { name: 'the untrusted value goes elsewhere', path: WF, code: wf(`      - run: |\n          echo "$TITLE" > title.txt\n          echo "DONE=1" >> $GITHUB_ENV\n${TITLE_ENV}`) },
    { name: 'a program\'s output is not its argument', path: WF, code: wf(`      - run: |\n          ID=$(docker images "$TITLE" -q)\n          echo "ID=$ID" >> $GITHUB_ENV\n          echo "JSON=$(jq -c -n --arg t "$TITLE" '{t: $t}')" >> $GITHUB_OUTPUT\n${TITLE_ENV}`) },
    { name: 'cut to one line with tr -d', path: WF, code: wf(`      - run: echo "T=$(echo "$TITLE" | tr -d '\\n')" >> $GITHUB_ENV\n${TITLE_ENV}`) },
    { name: 'the artifact value is checked against a pattern', path: WF, code: wf('      - uses: actions/download-artifact@v4\n        with:\n          run-id: ${{ github.event.workflow_run.id }}\n          path: pr\n      - run: |\n          NR=$(cat pr/NR)\n          [[ "$NR" =~ ^[0-9]+$ ]] || exit 1\n          echo "NR=$NR" >> $GITHUB_ENV\n', 'workflow_run') },
    { name: 'a repository-local action', path: '.github/actions/x/action.yml', code: 'runs:\n  using: composite\n  steps:\n    - run: echo "V=${{ inputs.v }}" >> $GITHUB_ENV\n      shell: bash\n' },
  ],
  invalid: [
    {
      name: 'PR body through env: into NAME=: rewritten with a random delimiter (safe on a hosted runner)',
      path: WF,
      code: wf(`      - run: |\n          echo "TITLE=$TITLE" >> "$GITHUB_ENV"\n${TITLE_ENV}`),
      errors: [{ line: 7, column: 16, endColumn: 30, messageIncludes: '$TITLE' }],
      output: wf(
        `      - run: |\n          {\n            delimiter="ghadelimiter_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')"\n            printf '%s\\n' "TITLE<<\${delimiter}" "$TITLE" "\${delimiter}"\n          } >> "$GITHUB_ENV"\n${TITLE_ENV}`,
      ),
      fixSafety: 'safe',
    },
    {
      name: 'expression directly, $GITHUB_OUTPUT (medium), self-hosted runner: unsafe rewrite',
      path: WF,
      code: wf('      - id: m\n        run: |\n          echo "body=${{ github.event.comment.body }}" >> $GITHUB_OUTPUT\n', 'issue_comment', '[self-hosted, linux]'),
      errors: [{ line: 8, column: 16 }],
      fixSafety: 'unsafe',
      output: wf(
        `      - id: m\n        run: |\n          {\n            delimiter="ghadelimiter_$(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')"\n            printf '%s\\n' "body<<\${delimiter}" "\${{ github.event.comment.body }}" "\${delimiter}"\n          } >> "$GITHUB_OUTPUT"\n`,
        'issue_comment',
        '[self-hosted, linux]',
      ),
    },
    {
      name: 'a branch name that starts the line can name any variable',
      path: WF,
      code: wf('      - run: echo "${{ github.head_ref }}" >> $GITHUB_ENV\n'),
      errors: [{ line: 6, column: 19, messageIncludes: 'starts the line' }],
      output: null,
    },
    {
      name: 'GITHUB_PATH from a branch name',
      path: WF,
      code: wf('      - run: echo "$GITHUB_HEAD_REF/bin" >> "$GITHUB_PATH"\n'),
      errors: [{ line: 6, column: 19 }],
      output: null,
    },
    {
      name: 'through a shell variable, tee -a and printf',
      path: WF,
      code: wf(`      - run: |\n          T="$TITLE"\n          echo "A=$T" | tee -a "$GITHUB_ENV"\n          printf 'B=%s\\n' "$T" >> $GITHUB_ENV\n${TITLE_ENV}`),
      errors: [{ line: 8, column: 16 }, { line: 9, column: 18 }],
    },
    {
      name: 'a fixed heredoc delimiter',
      path: WF,
      code: wf(`      - run: |\n          {\n            echo "NOTES<<EOF"\n            echo "$TITLE"\n            echo "EOF"\n          } >> "$GITHUB_ENV"\n${TITLE_ENV}`),
      errors: [{ line: 9, column: 18, messageIncludes: 'delimiter is fixed' }],
    },
    {
      name: 'cat heredoc into GITHUB_ENV',
      path: WF,
      code: wf('      - run: |\n          cat <<EOF >> $GITHUB_ENV\n          MSG=${{ github.event.workflow_run.head_commit.message }}\n          EOF\n', 'workflow_run'),
      errors: [{ line: 8, column: 11 }],
    },
    {
      name: 'PowerShell: Add-Content and >> $env:GITHUB_ENV',
      path: WF,
      code: wf(`      - shell: pwsh\n        run: |\n          Add-Content -Path $env:GITHUB_ENV -Value "TITLE=$env:TITLE"\n          "X=\${{ github.event.issue.body }}" >> $env:GITHUB_ENV\n${TITLE_ENV}`, 'issues', 'windows-latest'),
      errors: [{ line: 8, column: 11 }, { line: 9, column: 11 }],
      output: null,
    },
    {
      name: 'artifact content of the triggering run, through a variable set in an if branch',
      path: WF,
      code: wf('      - uses: actions/download-artifact@v4\n        with:\n          name: pr\n          run-id: ${{ github.event.workflow_run.id }}\n          path: .pr\n      - run: |\n          if [[ -f .pr/NR ]]; then\n            NR=$(cat .pr/NR)\n          else\n            NR=0\n          fi\n          echo "PR_NUMBER=$NR" >> $GITHUB_ENV\n', 'workflow_run'),
      errors: [{ line: 17, column: 16, messageIncludes: 'artifact' }],
    },
    {
      name: 'published composite action input (medium)',
      path: 'action.yml',
      code: 'runs:\n  using: composite\n  steps:\n    - run: echo "${{ inputs.name }}" >> "$GITHUB_ENV"\n      shell: bash\n',
      errors: [{ line: 4, column: 17 }],
      output: null,
    },
  ],
});

describe('github-env: severity and the rewrite', () => {
  it('GITHUB_ENV and GITHUB_PATH are high in workflows, GITHUB_OUTPUT medium; composite actions one step lower', () => {
    const sev = (code: string, path = WF) => analyzeWith(rule, { path, code }).findings.map((f) => f.severity);
    assert.deepEqual(sev(wf(`      - run: echo "TITLE=$TITLE" >> $GITHUB_ENV\n${TITLE_ENV}`)), ['high']);
    assert.deepEqual(sev(wf(`      - run: echo "TITLE=$TITLE" >> $GITHUB_OUTPUT\n${TITLE_ENV}`)), ['medium']);
    assert.deepEqual(sev('runs:\n  using: composite\n  steps:\n    - run: echo "V=${{ inputs.v }}" >> $GITHUB_OUTPUT\n      shell: bash\n', 'action.yml'), ['low']);
  });

  it('the rewritten script parses, the finding is gone, and CRLF is kept', () => {
    const code = wf(`      - name: set\n        run: |\n          echo "TITLE=$TITLE" >> "$GITHUB_ENV"\n          echo done\n${TITLE_ENV}`).replace(/\n/g, '\r\n');
    const fixed = applyAllFixes(rule, WF, code);
    assert.notEqual(fixed, code);
    assert.ok(!/[^\r]\n/.test(fixed), 'only CRLF line ends');
    assertYamlParses(fixed);
    assert.deepEqual(analyzeWith(rule, { path: WF, code: fixed }).findings, []);
    const [run] = runScripts(fixed);
    assert.ok(run !== undefined && bashParses(run), run);
  });
});
