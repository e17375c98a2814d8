// Table tests for gitlab-job-token-leak.

import rule from '../../server/src/rules/permissions/gitlab-job-token-leak.js';
import { ruleTester } from '../helpers/rule-tester.js';

const CI = '.gitlab-ci.yml';
const job = (line: string) => `upload:\n  script:\n    - ${line}\n`;

ruleTester(rule, {
  valid: [
    { name: 'instance API from a variable', path: CI, code: job(`'curl -H "JOB-TOKEN: $CI_JOB_TOKEN" "$CI_API_V4_URL/projects/1/packages"'`) },
    { name: 'gitlab.com', path: CI, code: job(`'curl -H "JOB-TOKEN: $CI_JOB_TOKEN" https://gitlab.com/api/v4/projects/1'`) },
    { name: 'no token', path: CI, code: job('curl https://example.net/health') },
  ],
  invalid: [
    {
      name: 'token to another host',
      path: CI,
      code: job(`'curl -u "gitlab-ci-token:$CI_JOB_TOKEN" https://artifacts.example.net/upload'`),
      errors: [{ line: 3, column: 8, endColumn: 84, messageIncludes: 'artifacts.example.net' }],
      output: null,
    },
    { name: 'token in the URL', path: CI, code: job('git clone https://gitlab-ci-token:${CI_JOB_TOKEN}@git.example.org/group/repo.git'), errors: [{ line: 3, column: 7 }] },
  ],
});
