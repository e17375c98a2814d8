// Table tests for sha-pin-without-version.

import rule from '../../server/src/rules/pinning/sha-pin-without-version.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const wf = (steps: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    { name: 'version comment', path: WF, code: wf(`      - uses: actions/checkout@${SHA} # v4.1.1\n`) },
    { name: 'quoted, comment', path: WF, code: wf(`      - uses: "actions/checkout@${SHA}"  # 4.1.1\n`) },
    { name: 'tag= comment', path: WF, code: wf(`      - uses: actions/checkout@${SHA} # tag=v4\n`) },
    { name: 'tag ref is another rule', path: WF, code: wf('      - uses: actions/checkout@v4\n') },
    { name: 'local action', path: WF, code: wf('      - uses: ./x\n') },
  ],
  invalid: [
    {
      name: 'no comment',
      path: WF,
      code: wf(`      - uses: actions/checkout@${SHA}\n`),
      errors: [{ line: 6, column: 32, endColumn: 72 }],
      resolves: [{ type: 'commit-version', target: 'actions/checkout', ref: SHA, rangeText: SHA }],
    },
    { name: 'comment without a version', path: WF, code: wf(`      - uses: actions/checkout@${SHA} # pinned\n`), errors: [{ line: 6, column: 32 }] },
    { name: 'reusable workflow, CRLF', path: WF, code: `on: push\r\njobs:\r\n  c:\r\n    uses: o/r/.github/workflows/x.yml@${SHA}\r\n`, errors: [{ line: 4, column: 39 }] },
    { name: 'composite action', path: 'action.yml', code: `runs:\n  using: composite\n  steps:\n    - uses: actions/cache@${SHA}\n`, errors: [{ line: 4, column: 27 }] },
  ],
});
