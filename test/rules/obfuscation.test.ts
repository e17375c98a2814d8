// Table tests for obfuscation.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/pinning/obfuscation.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';
const wf = (uses: string) => `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n`;

ruleTester(rule, {
  valid: [
    { name: 'plain local action', path: WF, code: wf('./.github/actions/setup') },
    { name: 'the repository root action', path: WF, code: wf('./') },
    { name: 'SHA-pinned official action', path: WF, code: wf(`actions/checkout@${SHA} # v4.2.2`) },
    { name: 'action in a subdirectory', path: WF, code: wf('github/codeql-action/init@v3') },
    { name: 'third-party owner in its own case', path: WF, code: wf('Azure/login@v2') },
    { name: 'docker action', path: WF, code: wf('docker://alpine:3.20') },
    { name: 'full ref spelling is unpinned-action\'s concern', path: WF, code: wf('actions/checkout@refs/tags/v4') },
  ],
  invalid: [
    {
      name: 'redundant segments in a local path',
      path: WF,
      code: wf('./.github/actions/../actions/./setup'),
      errors: [{ line: 6, column: 15, endColumn: 51 }],
      output: wf('./.github/actions/setup'),
      fixSafety: 'safe',
    },
    {
      name: 'local path that climbs out of the checkout',
      path: WF,
      code: wf('./../other-checkout/action'),
      errors: [{ line: 6, column: 15, messageIncludes: 'climbs out' }],
      output: null,
    },
    {
      name: 'mixed-case first-party owner, quoted, CRLF',
      path: WF,
      code: 'on: push\r\njobs:\r\n  b:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: "Actions/checkout@v4"\r\n',
      errors: [{ line: 6, column: 16, messageIncludes: "'Actions'" }],
      output: 'on: push\r\njobs:\r\n  b:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: "actions/checkout@v4"\r\n',
    },
    {
      name: 'double slash in a remote action path',
      path: WF,
      code: wf('github/codeql-action//init@v3'),
      errors: [{ line: 6, column: 15 }],
      output: wf('github/codeql-action/init@v3'),
    },
    {
      name: 'composite action step',
      path: 'action.yml',
      code: 'runs:\n  using: composite\n  steps:\n    - uses: GitHub/codeql-action/./init@v3\n',
      errors: [{ line: 4, column: 13 }],
      output: 'runs:\n  using: composite\n  steps:\n    - uses: github/codeql-action/init@v3\n',
    },
  ],
});

it('obfuscation: findings are low; a trailing slash alone is not one', () => {
  const sev = (u: string) => analyzeWith(rule, { path: WF, code: wf(u) }).findings.map((f) => f.severity);
  assert.deepEqual(sev('./../x'), ['low']);
  assert.deepEqual(sev('./a//b'), ['low']);
  assert.deepEqual(sev('./.github/actions/checkout/'), []);
});
