// Table tests for insecure-commands.

import rule from '../../server/src/rules/injection/insecure-commands.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const wf = (steps: string, top = '') => `on: pull_request\n${top}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    { name: 'disabled', path: WF, code: wf('      - run: make\n', 'env:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: false\n') },
    { name: 'other variables', path: WF, code: wf('      - run: make\n        env:\n          ACTIONS_STEP_DEBUG: true\n') },
    { name: 'command-file writes are github-env\'s concern', path: WF, code: wf('      - run: echo "BRANCH=${{ github.head_ref }}" >> $GITHUB_ENV\n') },
  ],
  invalid: [
    {
      name: 'the only workflow env entry: env: removed (unsafe)',
      path: WF,
      code: wf('      - run: make\n', "env:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: 'true'\n"),
      errors: [{ line: 3, column: 3, endColumn: 34 }],
      output: wf('      - run: make\n'),
      fixSafety: 'unsafe',
    },
    {
      name: 'one of several step env entries, CRLF',
      path: WF,
      code: wf('      - run: make\n        env:\n          CI: 1\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: true # needed by old action\n          FOO: bar\n').replace(/\n/g, '\r\n'),
      errors: [{ line: 9, column: 11 }],
      output: wf('      - run: make\n        env:\n          CI: 1\n          FOO: bar\n').replace(/\n/g, '\r\n'),
    },
    {
      name: '`- env:` opens the step: reported without a fix',
      path: WF,
      code: wf('      - env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n        run: make\n'),
      errors: [{ line: 7, column: 11 }],
      output: null,
    },
    {
      name: 'flow-style env',
      path: WF,
      code: wf('      - run: make\n        env: { ACTIONS_ALLOW_UNSECURE_COMMANDS: true }\n'),
      errors: [{ line: 7, column: 16 }],
      output: null,
    },
    {
      name: 'job env, last line of the file',
      path: WF,
      code: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    env:\n      ACTIONS_ALLOW_UNSECURE_COMMANDS: yes\n    steps:\n      - run: make',
      errors: [{ line: 6, column: 7 }],
      output: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make',
    },
    {
      name: 'composite action step',
      path: 'action.yml',
      code: 'runs:\n  using: composite\n  steps:\n    - run: ./x\n      shell: bash\n      env:\n        ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n',
      errors: [{ line: 7, column: 9 }],
      output: 'runs:\n  using: composite\n  steps:\n    - run: ./x\n      shell: bash\n',
    },
  ],
});
