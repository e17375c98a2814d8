// Table tests for secrets-outside-env (off by default; the tester turns it on).

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Analyzer, DEFAULT_CONFIG } from '../../server/src/engine/index.js';
import rule from '../../server/src/rules/permissions/secrets-outside-env.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const job = (extra: string, steps: string) => `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    { name: 'job with an environment', path: WF, code: job('    environment: production\n', '      - run: ./deploy.sh\n        env:\n          KEY: ${{ secrets.DEPLOY_KEY }}\n') },
    { name: 'environment as a map with an expression name', path: WF, code: job('    environment:\n      name: ${{ inputs.env }}\n', '      - run: ./deploy.sh\n        env:\n          KEY: ${{ secrets.DEPLOY_KEY }}\n') },
    { name: 'GITHUB_TOKEN is governed by permissions', path: WF, code: job('', '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n        with:\n          token: ${{ secrets.GITHUB_TOKEN }}\n') },
    { name: 'reusable workflow (workflow_call)', path: WF, code: 'on:\n  workflow_call:\n    secrets:\n      KEY:\n        required: true\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./x\n        env:\n          KEY: ${{ secrets.KEY }}\n' },
    { name: 'a call to a reusable workflow passes secrets on', path: WF, code: 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n    secrets:\n      KEY: ${{ secrets.KEY }}\n' },
    { name: 'secret named only in a comment or a string', path: WF, code: job('', "      # uses ${{ secrets.X }}\n      - run: echo \"${{ 'secrets.X' }}\"\n") },
    { name: 'no secrets', path: WF, code: job('', '      - run: make test\n') },
  ],
  invalid: [
    {
      name: 'secret in step env, reported once per job and name',
      path: WF,
      code: job('', '      - run: ./deploy.sh\n        env:\n          KEY: ${{ secrets.DEPLOY_KEY }}\n      - run: ./again.sh\n        env:\n          KEY: ${{ secrets.DEPLOY_KEY }}\n'),
      errors: [{ line: 8, column: 16, endColumn: 41, messageIncludes: "'DEPLOY_KEY'" }],
    },
    {
      name: 'index form and a second secret in with:',
      path: WF,
      code: job('', "      - uses: some/action@0123456789abcdef0123456789abcdef01234567\n        with:\n          a: ${{ secrets['NPM_TOKEN'] }}\n          b: x-${{ secrets.SLACK_WEBHOOK }}\n"),
      errors: [{ line: 8, column: 14, messageIncludes: 'NPM_TOKEN' }, { line: 9, column: 16, messageIncludes: 'SLACK_WEBHOOK' }],
    },
  ],
});

it('secrets-outside-env is off unless configured', () => {
  const code = job('', '      - run: ./deploy.sh\n        env:\n          KEY: ${{ secrets.DEPLOY_KEY }}\n');
  assert.equal(new Analyzer([rule]).analyze({ path: WF, text: code }, DEFAULT_CONFIG).findings.length, 0);
});
