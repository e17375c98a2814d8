// Table tests for unsound-contains.

import rule from '../../server/src/rules/permissions/unsound-contains.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/deploy.yml';
const wf = (cond: string) => `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    if: ${cond}\n    steps:\n      - run: ./deploy.sh\n`;

ruleTester(rule, {
  valid: [
    { name: 'the array form', path: WF, code: wf(`contains(fromJSON('["refs/heads/main", "refs/heads/dev"]'), github.ref)`) },
    { name: 'equality', path: WF, code: wf("github.ref == 'refs/heads/main' || github.ref == 'refs/heads/dev'") },
    { name: 'a label list is an array', path: WF, code: wf("contains(github.event.pull_request.labels.*.name, 'deploy')") },
    { name: 'searching a context for a literal', path: WF, code: wf("contains(github.event.head_commit.message, '[skip ci]')") },
    { name: 'event names are fixed values', path: WF, code: wf("contains('push workflow_dispatch', github.event_name)") },
    { name: 'composite action, array form', path: 'action.yml', code: "runs:\n  using: composite\n  steps:\n    - if: contains(fromJSON('[\"a\"]'), inputs.mode)\n      run: echo\n      shell: bash\n" },
  ],
  invalid: [
    {
      name: 'branch list in a string: unsafe fix to fromJSON',
      path: WF,
      code: wf("contains('refs/heads/main refs/heads/dev', github.ref)"),
      errors: [{ line: 5, column: 9, endColumn: 63, messageIncludes: 'substring' }],
      output: wf(`contains(fromJSON('["refs/heads/main","refs/heads/dev"]'), github.ref)`),
      fixSafety: 'unsafe',
    },
    {
      name: 'fenced, negated, comma list, head_ref',
      path: WF,
      code: wf("${{ !contains('main,develop', github.head_ref) }}"),
      errors: [{ line: 5, column: 14 }],
      output: wf(`\${{ !contains(fromJSON('["main","develop"]'), github.head_ref) }}`),
    },
    {
      name: 'single-quoted YAML: reported, no fix (the quotes would need escaping)',
      path: WF,
      code: wf("'contains(''main dev'', inputs.target)'"),
      errors: [{ line: 5, column: 9 }],
      output: null,
    },
    {
      name: 'composite action step, env value',
      path: 'action.yml',
      code: "runs:\n  using: composite\n  steps:\n    - if: contains('prod staging', env.TARGET)\n      run: ./deploy\n      shell: bash\n",
      errors: [{ line: 4, column: 11 }],
    },
  ],
});
