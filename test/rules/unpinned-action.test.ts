// Table tests for unpinned-action.

import rule from '../../server/src/rules/pinning/unpinned-action.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const wf = (steps: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    { name: 'full SHA with version comment', path: WF, code: wf(`      - uses: actions/checkout@${SHA} # v4.1.1\n`) },
    { name: 'local action', path: WF, code: wf('      - uses: ./.github/actions/setup\n') },
    { name: 'parent-relative local action', path: WF, code: wf('      - uses: ../shared/action\n') },
    { name: 'docker action pinned by digest', path: WF, code: wf(`      - uses: docker://alpine@sha256:${'a'.repeat(64)}\n`) },
    { name: 'run step without uses', path: WF, code: wf('      - run: echo uses: actions/checkout@v4\n') },
    { name: 'reusable workflow pinned by SHA', path: WF, code: `on: push\njobs:\n  call:\n    uses: org/repo/.github/workflows/x.yml@${SHA}\n` },
    { name: 'allow-listed owner', path: WF, code: wf('      - uses: my-org/deploy@v2\n'), config: { allow: { actions: ['my-org/*'] } } },
    { name: 'uses outside steps is not an action reference', path: WF, code: 'on: push\nenv:\n  uses: actions/checkout@v4\njobs: {}\n' },
    { name: 'malformed reference (not owner/repo) is left to GitHub', path: WF, code: 'on: push\njobs:\n  call:\n    uses: $/.github/workflows/x.yml\n' },
    { name: 'expression in uses is not resolvable', path: WF, code: wf('      - uses: ${{ matrix.action }}\n') },
    { name: 'not a workflow file', path: 'docs/example.yml', code: wf('      - uses: actions/checkout@v4\n') },
    { name: 'composite action pinned', path: 'action.yml', code: `runs:\n  using: composite\n  steps:\n    - uses: actions/cache@${SHA}\n` },
  ],
  invalid: [
    {
      name: 'tag',
      path: WF,
      code: wf('      - uses: actions/checkout@v4\n'),
      errors: [{ line: 6, column: 15, endLine: 6, endColumn: 34, messageIncludes: "'v4'" }],
      output: null,
      resolves: [{ type: 'action-commit', target: 'actions/checkout', ref: 'v4', rangeText: 'v4' }],
    },
    {
      name: 'branch, quoted',
      path: WF,
      code: wf('      - uses: "actions/checkout@main"\n'),
      errors: [{ line: 6, column: 16, messageIncludes: "branch 'main'" }],
      resolves: [{ type: 'action-commit', target: 'actions/checkout', ref: 'main', rangeText: 'main' }],
    },
    {
      name: 'full tag ref spelling',
      path: WF,
      code: wf('      - uses: actions/checkout@refs/tags/v4\n'),
      errors: [{ line: 6, column: 15, messageIncludes: "tag 'v4' (spelled as the full ref 'refs/tags/v4')" }],
      resolves: [{ type: 'action-commit', target: 'actions/checkout', ref: 'refs/tags/v4', rangeText: 'refs/tags/v4' }],
    },
    {
      name: 'full branch ref spelling',
      path: WF,
      code: wf('      - uses: some/action@refs/heads/main\n'),
      errors: [{ line: 6, column: 15, messageIncludes: "branch 'main' (spelled as the full ref" }],
    },
    {
      name: 'short SHA has no automatic fix',
      path: WF,
      code: wf('      - uses: actions/checkout@b4ffde6\n'),
      errors: [{ line: 6, column: 15, messageIncludes: 'short SHA' }],
      resolves: [null],
    },
    {
      name: 'no ref at all',
      path: WF,
      code: wf('      - uses: actions/checkout\n'),
      errors: [{ line: 6, column: 15, messageIncludes: 'no @ref' }],
      resolves: [null],
    },
    {
      name: 'action in a subdirectory',
      path: WF,
      code: wf('      - uses: github/codeql-action/init@v3\n'),
      errors: [{ line: 6, column: 15 }],
      resolves: [{ type: 'action-commit', target: 'github/codeql-action/init', ref: 'v3', rangeText: 'v3' }],
    },
    {
      name: 'docker action without digest',
      path: WF,
      code: wf('      - uses: docker://alpine:3.20\n'),
      errors: [{ line: 6, column: 15, messageIncludes: 'sha256' }],
      resolves: [{ type: 'image-digest', target: 'alpine', ref: '3.20', rangeText: '3.20' }],
    },
    {
      name: 'docker action without tag: no digest fix',
      path: WF,
      code: wf('      - uses: docker://ghcr.io/o/tool\n'),
      errors: [{ line: 6, column: 15 }],
      resolves: [null],
    },
    {
      name: 'reusable workflow on a branch',
      path: WF,
      code: 'on: push\njobs:\n  call:\n    uses: org/repo/.github/workflows/x.yml@main\n',
      errors: [{ line: 4, column: 11, messageIncludes: 'Reusable workflow' }],
    },
    {
      name: 'composite action step',
      path: 'tools/setup/action.yaml',
      code: 'name: x\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v4\n',
      errors: [{ line: 5, column: 13 }],
    },
    {
      name: 'several steps, one pinned',
      path: WF,
      code: wf(`      - uses: actions/checkout@${SHA} # v4\n      - uses: actions/setup-go@v5\n      - uses: actions/cache@v4.0.2\n`),
      errors: [{ line: 7, column: 15 }, { line: 8, column: 15, messageIncludes: "'v4.0.2'" }],
    },
    {
      name: 'allow list does not match another owner',
      path: WF,
      code: wf('      - uses: other-org/deploy@v2\n'),
      config: { allow: { actions: ['my-org/*'] } },
      errors: [{ line: 6, column: 15 }],
    },
    {
      name: 'multi-document stream and CRLF line ends',
      path: WF,
      code: 'on: push\r\njobs:\r\n  a:\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n',
      errors: [{ line: 5, column: 15, endColumn: 34 }],
    },
  ],
});
