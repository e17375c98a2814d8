// Table tests for self-hosted-runner.

import rule from '../../server/src/rules/permissions/self-hosted-runner.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const wf = (on: string, runsOn: string) => `on: ${on}\njobs:\n  build:\n    runs-on: ${runsOn}\n    steps:\n      - run: make\n`;

ruleTester(rule, {
  valid: [
    { name: 'self-hosted on push', path: WF, code: wf('push', '[self-hosted, linux]') },
    { name: 'GitHub-hosted on pull_request', path: WF, code: wf('pull_request', 'ubuntu-latest') },
    { name: 'runner from an expression is unknown', path: WF, code: wf('pull_request', '${{ matrix.runner }}') },
  ],
  invalid: [
    { name: 'list form', path: WF, code: wf('[push, pull_request]', '[self-hosted, linux, x64]'), errors: [{ line: 4, column: 14, endColumn: 39 }], output: null },
    { name: 'string form on issue_comment', path: WF, code: wf('issue_comment', 'self-hosted'), errors: [{ line: 4, column: 14 }] },
    { name: 'labels: in the map form', path: WF, code: 'on:\n  pull_request_target:\njobs:\n  build:\n    runs-on:\n      group: builders\n      labels: [self-hosted]\n    steps:\n      - run: make\n', errors: [{ line: 6, column: 7 }] },
  ],
});
