// Table tests for third-party-action-secrets.

import rule from '../../server/src/rules/permissions/third-party-action-secrets.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/pr.yml';
const prt = (steps: string, on = 'pull_request_target') => `on: ${on}\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const SHA = '0123456789abcdef0123456789abcdef01234567';

ruleTester(rule, {
  valid: [
    { name: 'SHA-pinned third-party action', path: WF, code: prt(`      - uses: some/labeler@${SHA} # v2.1.0\n        with:\n          token: \${{ secrets.BOT_TOKEN }}\n`) },
    { name: 'first-party action', path: WF, code: prt('      - uses: actions/github-script@v7\n        with:\n          github-token: ${{ secrets.BOT_TOKEN }}\n') },
    { name: 'GITHUB_TOKEN', path: WF, code: prt('      - uses: some/labeler@v2\n        with:\n          repo-token: ${{ secrets.GITHUB_TOKEN }}\n') },
    { name: 'not pull_request_target', path: WF, code: prt('      - uses: some/labeler@v2\n        with:\n          token: ${{ secrets.BOT_TOKEN }}\n', 'pull_request') },
    { name: 'no secret', path: WF, code: prt('      - uses: some/labeler@v2\n        with:\n          config: .github/labeler.yml\n') },
    { name: 'local action', path: WF, code: prt('      - uses: ./.github/actions/label\n        with:\n          token: ${{ secrets.BOT_TOKEN }}\n') },
    { name: 'allowed owner', path: WF, code: prt('      - uses: my-org/labeler@v2\n        with:\n          token: ${{ secrets.BOT_TOKEN }}\n'), config: { allow: { actions: ['my-org/*'] } } as never },
  ],
  invalid: [
    {
      name: 'tag-pinned third-party action gets a secret over with:',
      path: WF,
      code: prt('      - uses: some/labeler@v2\n        with:\n          token: ${{ secrets.BOT_TOKEN }}\n'),
      errors: [{ line: 8, column: 18, endColumn: 42, messageIncludes: "'some/labeler'@v2" }],
    },
    {
      name: 'over env:, branch ref, list-form trigger',
      path: WF,
      code: prt('      - name: comment\n        uses: other/commenter@main\n        env:\n          SLACK: ${{ secrets.SLACK_WEBHOOK }}\n', '[pull_request_target, push]'),
      errors: [{ line: 9, column: 18, messageIncludes: "secret 'SLACK_WEBHOOK'" }],
    },
  ],
});
