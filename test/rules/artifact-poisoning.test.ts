// Table tests for artifact-poisoning.

import rule from '../../server/src/rules/injection/artifact-poisoning.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/comment.yml';
const wr = (steps: string, on = 'workflow_run:\n    workflows: [CI]\n    types: [completed]') => `on:\n  ${on}\njobs:\n  report:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const DOWNLOAD = '      - uses: actions/download-artifact@v4\n        with:\n          name: pr\n          run-id: ${{ github.event.workflow_run.id }}\n          github-token: ${{ github.token }}\n';

ruleTester(rule, {
  valid: [
    { name: 'download into a directory, read as data only', path: WF, code: wr(`${DOWNLOAD.replace('          name: pr\n', '          name: pr\n          path: pr/\n')}      - run: gh pr comment "$(cat pr/NR)" --body-file pr/report.md\n`) },
    { name: 'this run\'s own artifact (no run-id)', path: WF, code: wr('      - uses: actions/download-artifact@v4\n        with:\n          name: dist\n      - run: npm ci && npm test\n') },
    { name: 'not a privileged trigger', path: WF, code: wr(`${DOWNLOAD}      - run: make\n`, 'push:') },
    { name: 'root download, but nothing runs afterwards', path: WF, code: wr(`${DOWNLOAD}      - uses: actions/github-script@v7\n        with:\n          script: console.log('done')\n`) },
    { name: 'outside the workspace, only read', path: WF, code: wr(`${DOWNLOAD.replace('          name: pr\n', '          name: pr\n          path: ${{ runner.temp }}/pr\n')}      - run: cat "$RUNNER_TEMP/pr/report.txt"\n`) },
    { name: 'a build in another directory than the artifact\'s', path: WF, code: wr(`${DOWNLOAD.replace('          name: pr\n', '          name: pr\n          path: artifacts\n')}      - uses: actions/checkout@v4\n      - run: npm ci\n`) },
  ],
  invalid: [
    {
      name: 'into the workspace root, then a build: unsafe move outside the workspace',
      path: WF,
      code: wr(`${DOWNLOAD}      - run: npm install\n`),
      errors: [{ line: 9, column: 15, messageIncludes: "'npm install' on line 14" }],
      output: wr(`${DOWNLOAD}          path: \${{ runner.temp }}/artifacts\n      - run: npm install\n`),
      fixSafety: 'unsafe',
    },
    {
      name: 'into a directory, then a script from it',
      path: WF,
      code: wr(`${DOWNLOAD.replace('          name: pr\n', '          name: pr\n          path: pr\n')}      - run: bash pr/post.sh\n`),
      errors: [{ line: 9, column: 15, messageIncludes: 'pr/post.sh' }],
      output: null,
    },
    {
      name: 'the GitHub Security Lab shape: github-script download, unzip, then a local action',
      path: WF,
      code: wr(
        "      - uses: actions/github-script@v7\n        with:\n          script: |\n            const dl = await github.rest.actions.downloadArtifact({ owner: context.repo.owner, repo: context.repo.repo, artifact_id: 1, archive_format: 'zip' });\n            require('fs').writeFileSync('pr.zip', Buffer.from(dl.data));\n" +
          '      - run: unzip pr.zip\n      - uses: ./.github/actions/comment\n',
      ),
      errors: [{ line: 14, column: 14 }],
      output: null,
    },
    {
      name: 'gh run download, then source a file from it',
      path: WF,
      code: wr('      - run: |\n          gh run download ${{ github.event.workflow_run.id }} -n env -D out\n          source out/vars.sh\n'),
      errors: [{ line: 10, column: 11 }],
    },
    {
      name: 'dawidd6/action-download-artifact in pull_request_target, then make',
      path: WF,
      code: wr('      - uses: dawidd6/action-download-artifact@v6\n        with:\n          workflow: ci.yml\n      - run: make test\n', 'pull_request_target:'),
      errors: [{ line: 7, column: 15 }],
      output: wr('      - uses: dawidd6/action-download-artifact@v6\n        with:\n          workflow: ci.yml\n          path: ${{ runner.temp }}/artifacts\n      - run: make test\n', 'pull_request_target:'),
    },
    {
      name: 'outside the workspace, then chmod and run',
      path: WF,
      code: wr(`${DOWNLOAD.replace('          name: pr\n', '          name: pr\n          path: ${{ runner.temp }}/tools\n')}      - run: |\n          chmod +x "$RUNNER_TEMP/tools/lint"\n          "$RUNNER_TEMP/tools/lint"\n`),
      errors: [{ line: 9, column: 15, messageIncludes: 'chmod' }],
    },
  ],
});
