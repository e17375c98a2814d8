// Table tests for self-hosted-runner.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/permissions/self-hosted-runner.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const wf = (on: string, runsOn: string) => `on: ${on}\njobs:\n  build:\n    runs-on: ${runsOn}\n    steps:\n      - run: make\n`;

ruleTester(rule, {
  valid: [
    { name: 'self-hosted on push', path: WF, code: wf('push', '[self-hosted, linux]') },
    { name: 'GitHub-hosted on pull_request', path: WF, code: wf('pull_request', 'ubuntu-latest') },
    { name: 'runner from an expression is unknown', path: WF, code: wf('pull_request', '${{ matrix.runner }}') },
    { name: 'matrix of GitHub-hosted runners', path: WF, code: 'on: pull_request\njobs:\n  t:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - run: make\n' },
    { name: 'self-hosted on schedule and workflow_dispatch', path: WF, code: wf('[schedule, workflow_dispatch]', 'self-hosted') },
    { name: 'self-hosted on release', path: WF, code: wf('release', '[self-hosted, gpu]') },
  ],
  invalid: [
    { name: 'list form', path: WF, code: wf('[push, pull_request]', '[self-hosted, linux, x64]'), errors: [{ line: 4, column: 14, endColumn: 39 }], output: null },
    { name: 'string form on issue_comment', path: WF, code: wf('issue_comment', 'self-hosted'), errors: [{ line: 4, column: 14 }] },
    { name: 'issues opened by anyone (medium)', path: WF, code: wf('issues', '[self-hosted]'), errors: [{ line: 4, column: 14, messageIncludes: 'open an issue' }] },
    { name: 'matrix that lists self-hosted', path: WF, code: 'on: pull_request\njobs:\n  t:\n    strategy:\n      matrix:\n        runner: [ubuntu-latest, self-hosted]\n    runs-on: ${{ matrix.runner }}\n    steps:\n      - run: make\n', errors: [{ line: 7, column: 14, messageIncludes: 'build matrix' }] },
    { name: 'labels: in the map form', path: WF, code: 'on:\n  pull_request_target:\njobs:\n  build:\n    runs-on:\n      group: builders\n      labels: [self-hosted]\n    steps:\n      - run: make\n', errors: [{ line: 6, column: 7 }] },
  ],
});

it('self-hosted-runner: fork code is high, outsider text medium', () => {
  const sev = (on: string) => analyzeWith(rule, { path: WF, code: wf(on, 'self-hosted') }).findings.map((f) => f.severity);
  assert.deepEqual(sev('pull_request'), ['high']);
  assert.deepEqual(sev('discussion_comment'), ['medium']);
  assert.deepEqual(sev('[issues, workflow_run]'), ['high']);
});
