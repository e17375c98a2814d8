// Table tests for gitlab-debug-trace.

import rule from '../../server/src/rules/permissions/gitlab-debug-trace.js';
import { ruleTester } from '../helpers/rule-tester.js';

const CI = '.gitlab-ci.yml';

ruleTester(rule, {
  valid: [
    { name: 'false', path: CI, code: 'variables:\n  CI_DEBUG_TRACE: "false"\n' },
    { name: 'from another variable', path: CI, code: 'variables:\n  CI_DEBUG_TRACE: $DEBUG\n' },
    { name: 'not a GitLab file', path: 'vars.yml', code: 'variables:\n  CI_DEBUG_TRACE: "true"\n' },
  ],
  invalid: [
    { name: 'global', path: CI, code: 'variables:\n  CI_DEBUG_TRACE: "true"\n', errors: [{ line: 2, column: 19, endColumn: 25 }], output: null },
    { name: 'job, expanded form', path: 'ci/test.gitlab-ci.yml', code: 'test:\n  variables:\n    CI_DEBUG_SERVICES:\n      value: true\n      description: x\n  script: [make]\n', errors: [{ line: 4, column: 14 }] },
  ],
});
