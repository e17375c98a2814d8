// Table tests for gitlab-script-injection.

import rule from '../../server/src/rules/injection/gitlab-script-injection.js';
import { ruleTester } from '../helpers/rule-tester.js';

const CI = '.gitlab-ci.yml';
const job = (script: string) => `test:\n  script:\n    - ${script}\n`;

ruleTester(rule, {
  valid: [
    { name: 'quoted commit message', path: CI, code: job('echo "$CI_COMMIT_MESSAGE"') },
    { name: 'unquoted branch name (git forbids spaces and globs)', path: CI, code: job('git checkout $CI_COMMIT_REF_NAME') },
    { name: 'single quotes inside eval are not expanded', path: CI, code: job("eval 'echo $CI_COMMIT_TITLE'") },
    { name: 'in rules, not scripts', path: CI, code: 'test:\n  script: [make]\n  rules:\n    - if: $CI_COMMIT_MESSAGE =~ /skip/\n' },
    { name: 'input restricted to options', path: CI, code: `spec:\n  inputs:\n    env:\n      options: [dev, prod]\n---\n${job('./deploy $[[ inputs.env ]]')}` },
    { name: 'boolean input', path: CI, code: `spec:\n  inputs:\n    dry:\n      type: boolean\n---\n${job('./deploy --dry=$[[ inputs.dry ]]')}` },
    { name: 'reserved key, not a job', path: CI, code: 'variables:\n  script: echo $CI_COMMIT_MESSAGE\n' },
  ],
  invalid: [
    { name: 'unquoted MR title', path: CI, code: job('echo $CI_MERGE_REQUEST_TITLE'), errors: [{ line: 3, column: 12, endColumn: 35 }], output: null },
    { name: 'branch through eval', path: CI, code: job('eval "git checkout ${CI_COMMIT_BRANCH}"'), errors: [{ line: 3, column: 26, endColumn: 45 }] },
    { name: 'sh -c with the message', path: CI, code: 'test:\n  before_script:\n    - sh -c "notify $CI_COMMIT_MESSAGE"\n  script: [make]\n', errors: [{ line: 3, column: 21 }] },
    { name: 'spec input interpolated', path: CI, code: `spec:\n  inputs:\n    target:\n---\n${job('make $[[ inputs.target ]]')}`, errors: [{ line: 7, column: 12, endColumn: 32 }] },
    { name: 'default: scripts count too', path: CI, code: 'default:\n  before_script:\n    - echo $CI_COMMIT_TITLE\n', errors: [{ line: 3, column: 12 }] },
  ],
});
