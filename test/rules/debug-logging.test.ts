// Table tests for debug-logging.

import rule from '../../server/src/rules/permissions/debug-logging.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';

ruleTester(rule, {
  valid: [
    { name: 'false', path: WF, code: 'on: push\nenv:\n  ACTIONS_STEP_DEBUG: false\njobs: {}\n' },
    { name: 'from a variable', path: WF, code: 'on: push\nenv:\n  ACTIONS_STEP_DEBUG: ${{ vars.DEBUG }}\njobs: {}\n' },
    { name: 'reading it in a script is fine', path: WF, code: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$ACTIONS_STEP_DEBUG"\n' },
  ],
  invalid: [
    { name: 'workflow level', path: WF, code: 'on: push\nenv:\n  ACTIONS_STEP_DEBUG: true\njobs: {}\n', errors: [{ line: 3, column: 23, endColumn: 27 }], output: null },
    {
      name: 'step level, quoted',
      path: WF,
      code: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        env:\n          ACTIONS_RUNNER_DEBUG: "true"\n',
      errors: [{ line: 8, column: 33 }],
    },
  ],
});
