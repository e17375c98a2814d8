// Table tests for ref-version-mismatch.

import rule from '../../server/src/rules/pinning/ref-version-mismatch.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const A = '11bd71901bbe5b1630ceea73d27597364c9af683';
const B = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const steps = (...uses: string[]) => `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n${uses.map((u) => `      - uses: ${u}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    { name: 'one pin', path: WF, code: steps(`actions/checkout@${A} # v4.2.2`) },
    { name: 'same commit, major and full version', path: WF, code: steps(`actions/checkout@${A} # v4`, `actions/checkout@${A} # v4.2.2`) },
    { name: 'moving major tag at two commits (pinned at different times)', path: WF, code: steps(`actions/checkout@${A} # v4`, `actions/checkout@${B} # v4`) },
    { name: 'different versions at different commits', path: WF, code: steps(`actions/checkout@${A} # v4.2.2`, `actions/checkout@${B} # v4.1.1`) },
    { name: 'different actions', path: WF, code: steps(`actions/checkout@${A} # v4.2.2`, `actions/cache@${B} # v4.2.2`) },
    { name: 'comment that is not a version', path: WF, code: steps(`actions/checkout@${A} # pinned`, `actions/checkout@${B} # pinned`) },
  ],
  invalid: [
    {
      name: 'one exact version at two commits: both reported, with a lookup to correct each',
      path: WF,
      code: steps(`actions/checkout@${A} # v4.2.2`, `actions/checkout@${B} # v4.2.2`),
      errors: [
        { line: 6, column: 32, endColumn: 72, messageIncludes: 'line 7' },
        { line: 7, column: 32, messageIncludes: 'line 6' },
      ],
      output: null,
      resolves: [
        { type: 'commit-version', target: 'actions/checkout', ref: A, rangeText: A },
        { type: 'commit-version', target: 'actions/checkout', ref: B, rangeText: B },
      ],
    },
    {
      name: 'one commit, two incompatible versions (job and composite forms, tag= comment)',
      path: WF,
      code: `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@${A} # tag=v4.0.0\n  c:\n    uses: actions/cache@${A} # v3\n`,
      errors: [{ line: 6, column: 29 }, { line: 8, column: 25 }],
    },
  ],
});
