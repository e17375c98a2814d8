// Table tests for unsound-ternary.

import rule from '../../server/src/rules/permissions/unsound-ternary.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const job = (lines: string) => `on: push\njobs:\n  build:\n${lines}    steps:\n      - run: make\n`;

ruleTester(rule, {
  valid: [
    { name: 'truthy middle values (the usual ternary)', path: WF, code: job("    runs-on: ${{ matrix.os == 'win' && 'windows-latest' || 'ubuntu-latest' }}\n") },
    { name: 'falsy value last', path: WF, code: job("    env:\n      X: ${{ github.event_name == 'push' && 'yes' || '' }}\n    runs-on: ubuntu-latest\n") },
    { name: 'negated condition, falsy last (zizmor\'s own example)', path: WF, code: job("    env:\n      X: ${{ !inputs.debug && 'quiet' || '' }}\n    runs-on: ubuntu-latest\n") },
    { name: 'constant condition', path: WF, code: job("    env:\n      X: ${{ true && '' || 'bar' }}\n    runs-on: ubuntu-latest\n") },
    { name: 'no || after the falsy value', path: WF, code: job("    if: github.ref == 'refs/heads/main' || inputs.force && ''\n    runs-on: ubuntu-latest\n") },
    { name: 'a context in the middle (unknown value)', path: WF, code: job("    runs-on: ${{ inputs.big && inputs.runner || 'ubuntu-latest' }}\n") },
    { name: '|| in a run: script is shell, not an expression', path: WF, code: job("    runs-on: ubuntu-latest\n    env:\n      A: make || true && ''\n") },
  ],
  invalid: [
    {
      name: "empty string in the middle of an env value: low",
      path: WF,
      code: job("    runs-on: ubuntu-latest\n    env:\n      SUFFIX: ${{ github.event_name == 'pull_request' && '' || '-release' }}\n"),
      errors: [{ line: 6, column: 58, endColumn: 60, messageIncludes: 'never yields' }],
      output: null,
    },
    {
      name: 'false in a gate (if:, bare): medium',
      path: WF,
      code: job("    runs-on: ubuntu-latest\n    if: github.event_name == 'schedule' && false || inputs.deploy == 'true'\n"),
      errors: [{ line: 5, column: 44, endColumn: 49, messageIncludes: '`if:`' }],
    },
    {
      name: 'runs-on list item, 0 and null in one chain',
      path: WF,
      code: job("    runs-on:\n      - ${{ inputs.a && 0 || inputs.b && null || 'ubuntu-latest' }}\n"),
      errors: [{ line: 5, column: 25, endColumn: 26 }, { line: 5, column: 42, endColumn: 46 }],
    },
    {
      name: "fromJSON('false'), environment name",
      path: WF,
      code: job("    runs-on: ubuntu-latest\n    environment:\n      name: ${{ github.ref == 'refs/heads/main' && fromJSON('false') || 'staging' }}\n"),
      errors: [{ line: 6, column: 52, endColumn: 69 }],
    },
    {
      name: 'composite action with: input, nested in parentheses',
      path: 'action.yml',
      code: "runs:\n  using: composite\n  steps:\n    - uses: some/action@v1\n      with:\n        flag: ${{ (inputs.x && ('') || 'y') }}\n",
      errors: [{ line: 6, column: 33, endColumn: 35 }],
    },
  ],
});
