// Table tests for insecure-commands.

import rule from '../../server/src/rules/injection/insecure-commands.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const wf = (steps: string, top = '') => `on: pull_request\n${top}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    { name: 'disabled', path: WF, code: wf('      - run: make\n', 'env:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: false\n') },
    { name: 'trusted value to GITHUB_ENV', path: WF, code: wf('      - run: echo "SHA=${{ github.sha }}" >> "$GITHUB_ENV"\n') },
    { name: 'untrusted value not written to a command file', path: WF, code: wf('      - run: echo "$TITLE"\n        env:\n          TITLE: ${{ github.event.pull_request.title }}\n') },
  ],
  invalid: [
    {
      name: 'ACTIONS_ALLOW_UNSECURE_COMMANDS at workflow level',
      path: WF,
      code: wf('      - run: make\n', "env:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: 'true'\n"),
      errors: [{ line: 3, column: 3, endColumn: 34 }],
      output: null,
    },
    {
      name: 'head ref to GITHUB_ENV',
      path: WF,
      code: wf('      - run: echo "BRANCH=${{ github.head_ref }}" >> $GITHUB_ENV\n'),
      errors: [{ line: 6, column: 14, messageIncludes: 'GITHUB_ENV' }],
    },
    {
      name: 'tainted env variable to GITHUB_PATH',
      path: WF,
      code: wf('      - run: |\n          echo "$DIR" >> "${GITHUB_PATH}"\n        env:\n          DIR: ${{ github.event.pull_request.body }}\n'),
      errors: [{ line: 7, column: 11, messageIncludes: '$DIR' }],
    },
  ],
});
