// Table tests for unredacted-secrets.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule, { readsSecretField } from '../../server/src/rules/permissions/unredacted-secrets.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const wf = (steps: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    { name: 'whole secret', path: WF, code: wf('      - run: ./x\n        env:\n          CREDS: ${{ secrets.GCP_CREDENTIALS }}\n') },
    { name: 'fromJSON of a non-secret', path: WF, code: wf('      - run: echo ${{ fromJSON(steps.meta.outputs.json).tags }}\n') },
    { name: 'fromJSON(secrets.X) whole, passed to an action', path: WF, code: wf('      - uses: some/action@v1\n        with:\n          creds: ${{ toJSON(fromJSON(secrets.CREDS)) }}\n') },
    { name: 'in a comment', path: WF, code: wf('      # ${{ fromJSON(secrets.CREDS).user }}\n      - run: make\n') },
  ],
  invalid: [
    {
      name: 'field of a JSON secret',
      path: WF,
      code: wf('      - run: ./login.sh\n        env:\n          USER: ${{ fromJSON(secrets.AZURE_CREDENTIALS).clientId }}\n'),
      errors: [{ line: 8, column: 17, endColumn: 68 }],
    },
    {
      name: 'index form, mixed case, inside a larger expression',
      path: WF,
      code: wf("      - uses: azure/login@v2\n        with:\n          client-id: \"${{ fromJson( secrets['AZ'] )['clientId'] || 'none' }}\"\n"),
      errors: [{ line: 8, column: 23 }],
    },
  ],
});

it('unredacted-secrets: reads fields, not whole values', () => {
  assert.deepEqual(
    ["fromJSON(secrets.A).b", "fromJson( secrets['A'] )['b']", 'fromjson(secrets.A) .b', 'toJSON(fromJSON(secrets.A))', 'fromJSON(secrets.A)', 'fromJSON(steps.x.outputs.y).b', 'myfromjson(secrets.A).b'].map(readsSecretField),
    [true, true, true, false, false, false, false],
  );
});
