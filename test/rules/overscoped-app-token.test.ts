// Table tests for overscoped-app-token.

import rule from '../../server/src/rules/permissions/overscoped-app-token.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/release.yml';
const APP = 'actions/create-github-app-token@bcd2ba49218906704ab6c1aa796996da409d3eb1 # v3.2.0';
const job = (steps: string) => `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const token = (withLines: string, id = 'app-token') =>
  `      - uses: ${APP}\n        id: ${id}\n        with:\n          app-id: \${{ vars.APP_ID }}\n          private-key: \${{ secrets.APP_PRIVATE_KEY }}\n${withLines}`;

ruleTester(rule, {
  valid: [
    {
      name: 'scoped permissions, current repository (pytorch/test-infra shape)',
      path: WF,
      code: job(token('          owner: pytorch\n          repositories: pytorch,test-infra\n          permission-pull-requests: write\n          permission-contents: read\n')),
    },
    { name: 'one permission input is enough', path: WF, code: job(token('          permission-issues: write\n')) },
    { name: 'skip-token-revoke: false', path: WF, code: job(token('          permission-issues: write\n          skip-token-revoke: false\n')) },
    { name: 'with: from an expression is not read', path: WF, code: job(`      - uses: ${APP}\n        with: \${{ fromJSON(vars.APP_INPUTS) }}\n`) },
    { name: 'other actions', path: WF, code: job('      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.PAT }}\n') },
    { name: 'tibdex with permissions', path: WF, code: job('      - uses: tibdex/github-app-token@v2\n        with:\n          app_id: 1\n          private_key: ${{ secrets.KEY }}\n          permissions: \'{"contents": "read"}\'\n') },
  ],
  invalid: [
    {
      name: 'no permission inputs, token for peter-evans/create-pull-request: unsafe fix from the consumer (rust-analyzer shape)',
      path: WF,
      code: job(`${token('')}      - uses: peter-evans/create-pull-request@v7\n        with:\n          token: \${{ steps.app-token.outputs.token }}\n`),
      errors: [{ line: 6, column: 15, endColumn: 15 + APP.indexOf(' #'), messageIncludes: 'every permission' }],
      output: job(`${token('          permission-contents: write\n          permission-pull-requests: write\n')}      - uses: peter-evans/create-pull-request@v7\n        with:\n          token: \${{ steps.app-token.outputs.token }}\n`),
      fixSafety: 'unsafe',
    },
    {
      name: 'token used by a script: reported, no fix (codeql-action shape)',
      path: WF,
      code: job(`${token('')}      - run: gh release create v1\n        env:\n          GH_TOKEN: \${{ steps.app-token.outputs.token }}\n`),
      errors: [{ line: 6, column: 15 }],
      output: null,
    },
    {
      name: 'token for a checkout: no fix (later pushes use the persisted credentials)',
      path: WF,
      code: job(`${token('')}      - uses: actions/checkout@v4\n        with:\n          token: \${{ steps.app-token.outputs.token }}\n`),
      errors: [{ line: 6, column: 15 }],
      output: null,
    },
    {
      name: 'token for an action we do not know: no fix',
      path: WF,
      code: job(`${token('')}      - uses: some/action@v1\n        with:\n          token: \${{ steps.app-token.outputs.token }}\n`),
      errors: [{ line: 6, column: 15 }],
      output: null,
    },
    {
      name: 'owner without repositories',
      path: WF,
      code: job(token('          owner: ${{ github.repository_owner }}\n          permission-contents: read\n')),
      errors: [{ line: 11, column: 11, endColumn: 16, messageIncludes: 'every repository' }],
      output: null,
    },
    {
      name: 'skip-token-revoke: true, unsafe fix to false',
      path: WF,
      code: job(token('          permission-contents: read\n          skip-token-revoke: true\n')),
      errors: [{ line: 12, column: 30, endColumn: 34, messageIncludes: 'not revoked' }],
      output: job(token('          permission-contents: read\n          skip-token-revoke: false\n')),
      fixSafety: 'unsafe',
    },
    {
      name: 'CRLF, quoted uses, all three findings',
      path: WF,
      code: job(`      - uses: "${APP.split(' ')[0]!}"\n        with:\n          app-id: 1\n          private-key: \${{ secrets.K }}\n          owner: acme\n          skip-token-revoke: 'true'\n`).replace(/\n/g, '\r\n'),
      errors: [{ line: 6, column: 16 }, { line: 10, column: 11 }, { line: 11, column: 31 }],
      output: job(`      - uses: "${APP.split(' ')[0]!}"\n        with:\n          app-id: 1\n          private-key: \${{ secrets.K }}\n          owner: acme\n          skip-token-revoke: 'false'\n`).replace(/\n/g, '\r\n'),
    },
    {
      name: 'tibdex without permissions',
      path: WF,
      code: job('      - uses: tibdex/github-app-token@v2\n        with:\n          app_id: 1\n          private_key: ${{ secrets.KEY }}\n'),
      errors: [{ line: 6, column: 15, endColumn: 41 }],
      output: null,
    },
    {
      name: 'composite action step',
      path: 'action.yml',
      code: `runs:\n  using: composite\n  steps:\n    - uses: ${APP}\n      with:\n        app-id: \${{ inputs.app-id }}\n        private-key: \${{ inputs.key }}\n`,
      errors: [{ line: 4, column: 13 }],
      output: null,
    },
  ],
});
