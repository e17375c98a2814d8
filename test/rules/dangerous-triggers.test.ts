// Table tests for dangerous-triggers.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/injection/dangerous-triggers.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/pr.yml';
const wf = (on: string, steps: string) => `on:\n  ${on}:\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    { name: 'pull_request builds the fork without secrets', path: WF, code: wf('pull_request', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: make\n') },
    { name: 'push', path: WF, code: wf('push', '      - uses: actions/checkout@v4\n      - run: make\n') },
  ],
  invalid: [
    {
      name: 'pull_request_target checks out the head and builds it',
      path: WF,
      code: wf('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: npm ci && npm test\n'),
      errors: [{ line: 9, column: 16, messageIncludes: 'then runs steps' }],
      output: null,
    },
    {
      name: 'refs/pull/…/merge',
      path: WF,
      code: wf('pull_request_target', "      - uses: actions/checkout@v4\n        with:\n          ref: 'refs/pull/${{ github.event.number }}/merge'\n      - uses: ./.github/actions/build\n"),
      errors: [{ line: 9, column: 16 }],
    },
    {
      name: 'workflow_run head repository',
      path: WF,
      code: wf('workflow_run', '      - uses: actions/checkout@v4\n        with:\n          repository: ${{ github.event.workflow_run.head_repository.full_name }}\n          ref: ${{ github.event.workflow_run.head_sha }}\n      - run: ./deploy.sh\n'),
      errors: [{ line: 9, column: 23 }],
    },
    {
      name: 'gh pr checkout in a script',
      path: WF,
      code: wf('pull_request_target', '      - uses: actions/checkout@v4\n      - run: gh pr checkout ${{ github.event.number }}\n      - run: make\n'),
      errors: [{ line: 8, column: 14 }],
    },
    {
      name: 'the trigger alone',
      path: WF,
      code: wf('pull_request_target', '      - uses: actions/labeler@v5\n'),
      errors: [{ line: 2, column: 3, endColumn: 22, messageIncludes: 'does not check out' }],
    },
  ],
});

it('dangerous-triggers: severity follows what the workflow does', () => {
  const sev = (code: string) => analyzeWith(rule, { path: WF, code }).findings.map((f) => f.severity);
  assert.deepEqual(sev(wf('pull_request_target', '      - uses: actions/labeler@v5\n')), ['low']);
  assert.deepEqual(sev(wf('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.head_ref }}\n')), ['high']);
  assert.deepEqual(sev(wf('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.head_ref }}\n      - run: make\n')), ['critical']);
});
