// Table tests for dangerous-triggers.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/injection/dangerous-triggers.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/pr.yml';
const wf = (on: string, steps: string, jobExtra = '') => `on:\n  ${on}:\njobs:\n  build:\n    runs-on: ubuntu-latest\n${jobExtra}    steps:\n${steps}`;
const HEAD = '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n';

ruleTester(rule, {
  valid: [
    { name: 'pull_request builds the fork without secrets', path: WF, code: wf('pull_request', `${HEAD}      - run: make\n`) },
    { name: 'push', path: WF, code: wf('push', '      - uses: actions/checkout@v4\n      - run: make\n') },
    { name: 'only same-repository pull requests', path: WF, code: wf('pull_request_target', `${HEAD}      - run: npm ci\n`, '    if: github.event.pull_request.head.repo.full_name == github.repository\n') },
    { name: 'only pull requests Dependabot opened (its branches live in the base repository)', path: WF, code: wf('pull_request_target', `${HEAD}      - run: make\n`, "    if: github.event.pull_request.user.login == 'dependabot[bot]'\n") },
    { name: 'issue_comment without a checkout of the pull request', path: WF, code: wf('issue_comment', '      - uses: actions/checkout@v4\n      - run: ./scripts/triage.sh\n') },
    { name: 'issue_comment on its own is not reported', path: WF, code: wf('issue_comment', '      - uses: actions/github-script@v7\n        with:\n          script: console.log(1)\n') },
  ],
  invalid: [
    {
      name: 'pull_request_target checks out the head and builds it: unsafe base-checkout fix',
      path: WF,
      code: wf('pull_request_target', `${HEAD}      - run: npm ci && npm test\n`),
      errors: [{ line: 9, column: 16, messageIncludes: "'npm ci'" }],
      output: wf('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - run: npm ci && npm test\n'),
      fixSafety: 'unsafe',
    },
    {
      name: 'refs/pull/…/merge, a local action, persist-credentials already set to true',
      path: WF,
      code: wf('pull_request_target', "      - uses: actions/checkout@v4\n        with:\n          ref: 'refs/pull/${{ github.event.number }}/merge'\n          persist-credentials: true\n      - uses: ./.github/actions/build\n"),
      errors: [{ line: 9, column: 16, messageIncludes: 'local action' }],
      output: wf('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - uses: ./.github/actions/build\n'),
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
      errors: [{ line: 8, column: 14, messageIncludes: "'make'" }],
      output: null,
    },
    {
      name: 'issue_comment: git fetch origin pull/N/head, then pip install .',
      path: WF,
      code: wf('issue_comment', '      - uses: actions/checkout@v4\n      - run: |\n          git fetch origin pull/${{ github.event.issue.number }}/head:pr\n          git checkout pr\n      - run: pip install .\n'),
      errors: [{ line: 8, column: 14, messageIncludes: 'pip install' }],
    },
    {
      name: 'issue_comment: the head branch from xt0rted/pull-request-comment-branch, then go generate',
      path: WF,
      code: wf('issue_comment', '      - id: comment-branch\n        uses: xt0rted/pull-request-comment-branch@v2\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ steps.comment-branch.outputs.head_ref }}\n      - run: go generate ./...\n'),
      errors: [{ line: 11, column: 16 }],
    },
    {
      name: 'checked out into a directory: a build elsewhere does not count',
      path: WF,
      code: wf('pull_request_target', '      - uses: actions/checkout@v4\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n          path: pr\n      - run: npm ci\n'),
      errors: [{ line: 10, column: 16, messageIncludes: 'any tool that later reads' }],
    },
    {
      name: 'checked out into a directory, then a build in it',
      path: WF,
      code: wf('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n          path: pr\n      - run: npm ci\n        working-directory: pr\n'),
      errors: [{ line: 9, column: 16, messageIncludes: "'npm ci'" }],
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
  assert.deepEqual(sev(wf('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.head_ref }}\n      - run: echo "checked out"\n')), ['high']);
  assert.deepEqual(sev(wf('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.head_ref }}\n      - run: make\n')), ['critical']);
});
