// Table tests for secrets-exposure.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/permissions/secrets-exposure.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const wf = (steps: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    { name: 'secret passed through env', path: WF, code: wf('      - run: ./deploy.sh\n        env:\n          TOKEN: ${{ secrets.TOKEN }}\n') },
    { name: 'secret piped to a command', path: WF, code: wf('      - run: echo "${{ secrets.REGISTRY_PASSWORD }}" | docker login --password-stdin ghcr.io\n') },
    { name: 'comparison, not the value', path: WF, code: wf("      - run: echo \"missing: ${{ secrets.TOKEN == '' }}\"\n") },
    { name: 'literal index is a named secret', path: WF, code: wf("      - run: ./x.sh\n        env:\n          A: ${{ secrets['API_TOKEN'] }}\n          B: ${{ secrets[\"B\"] }}\n") },
    { name: 'a string that mentions secrets[', path: WF, code: wf("      - run: echo \"${{ format('secrets[{0}]', matrix.x) }}\"\n") },
    { name: 'named secrets for a reusable workflow', path: WF, code: 'on: push\njobs:\n  call:\n    uses: o/r/.github/workflows/x.yml@v1\n    secrets:\n      TOKEN: ${{ secrets.TOKEN }}\n' },
  ],
  invalid: [
    {
      name: 'secrets: inherit',
      path: WF,
      code: 'on: push\njobs:\n  call:\n    uses: o/r/.github/workflows/x.yml@v1\n    secrets: inherit\n',
      errors: [{ line: 5, column: 14, endColumn: 21 }],
      output: null,
    },
    {
      name: 'toJSON(secrets)',
      path: WF,
      code: wf('      - run: ./x.sh\n        env:\n          ALL: ${{ toJSON(secrets) }}\n'),
      errors: [{ line: 8, column: 16, endColumn: 38 }],
    },
    {
      name: 'echo of a secret',
      path: WF,
      code: wf('      - run: |\n          echo "token is ${{ secrets.API_TOKEN }}"\n'),
      errors: [{ line: 7, column: 26, endColumn: 50, messageIncludes: 'secrets.API_TOKEN' }],
    },
    {
      name: 'dynamic index: secrets[format(...)] (one finding per expression, with a literal index beside it)',
      path: WF,
      code: wf("      - run: ./deploy.sh\n        env:\n          KEY: ${{ secrets[format('{0}_KEY', matrix.env)] }}\n          OTHER: ${{ secrets['STATIC'] }}\n"),
      errors: [{ line: 8, column: 16, endColumn: 61 }],
    },
    {
      name: 'dynamic index from an input, in with:',
      path: WF,
      code: wf('      - uses: some/action@v1\n        with:\n          token: "${{ secrets[inputs.token_name] }}"\n'),
      errors: [{ line: 8, column: 19, endColumn: 52 }],
    },
  ],
});

it('secrets-exposure: inherit is medium, low for a workflow of the same repository', () => {
  const sev = (uses: string) => analyzeWith(rule, { path: WF, code: `on: push\njobs:\n  call:\n    uses: ${uses}\n    secrets: inherit\n` }).findings.map((f) => f.severity);
  assert.deepEqual(sev('o/r/.github/workflows/x.yml@v1'), ['medium']);
  assert.deepEqual(sev('./.github/workflows/x.yml'), ['low']);
});
