// Table tests for typosquat-action.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { oneEditApart, POPULAR_ACTIONS } from '../../server/src/models/popular-actions.js';
import rule from '../../server/src/rules/pinning/typosquat-action.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const steps = (...uses: string[]) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${uses.map((u) => `      - uses: ${u}\n`).join('')}`;

test('no two listed actions of different owners are one edit apart (each would flag the other)', () => {
  for (const a of POPULAR_ACTIONS) {
    for (const b of POPULAR_ACTIONS) {
      if (a.split('/')[0] !== b.split('/')[0]) assert.equal(oneEditApart(a, b), false, `${a} ~ ${b}`);
    }
  }
});

test('oneEditApart', () => {
  assert.equal(oneEditApart('actions/checkout', 'actoins/checkout'), true);
  assert.equal(oneEditApart('actions/checkout', 'action/checkout'), true);
  assert.equal(oneEditApart('actions/checkout', 'actionss/checkout'), true);
  assert.equal(oneEditApart('actions/checkout', 'actiens/checkout'), true);
  assert.equal(oneEditApart('actions/checkout', 'actions/checkout'), false);
  assert.equal(oneEditApart('actions/checkout', 'acitnos/checkout'), false);
});

ruleTester(rule, {
  valid: [
    { name: 'the popular actions themselves, any case', path: WF, code: steps('actions/checkout@v4', 'Docker/Build-Push-Action@v6', 'github/codeql-action/init@v3') },
    { name: 'the same owner\'s other actions (the owner controls both)', path: WF, code: steps('actions/checkout-x@v1', 'docker/setup-docker-action@v4', 'peter-evans/create-issue-from-file@v5') },
    { name: 'unrelated actions', path: WF, code: steps('reviewdog/action-shellcheck@v1', 'JamesIves/github-pages-deploy-action@v4', 'crate-ci/typos@v1') },
    { name: 'local and docker actions', path: WF, code: steps('./.github/actions/setup', 'docker://alpine:3.20') },
    { name: 'two edits away is not reported', path: WF, code: steps('acitnos/checkout@v4') },
  ],
  invalid: [
    {
      name: 'swapped letters in the owner',
      path: WF,
      code: steps('actoins/checkout@v4'),
      errors: [{ line: 6, column: 15, endColumn: 31, messageIncludes: "'actions/checkout'" }],
      output: steps('actions/checkout@v4'),
      fixSafety: 'unsafe',
    },
    {
      name: 'missing letter, with a path and a quoted value',
      path: WF,
      code: steps('"githb/codeql-action/init@v3"'),
      errors: [{ line: 6, column: 16, endColumn: 35 }],
      output: steps('"github/codeql-action/init@v3"'),
    },
    {
      name: 'another owner, one letter added to a third-party owner',
      path: WF,
      code: steps('softpropss/action-gh-release@v2'),
      errors: [{ line: 6, column: 15, endColumn: 43 }],
      output: steps('softprops/action-gh-release@v2'),
    },
    {
      name: 'owner typo of a trusted publisher, any repository: no fix',
      path: WF,
      code: steps('aws-actoins/setup-sam@v2'),
      errors: [{ line: 6, column: 15, endColumn: 26, messageIncludes: "'aws-actions'" }],
      output: null,
    },
    {
      name: 'reusable workflow and composite action',
      path: 'action.yml',
      code: 'runs:\n  using: composite\n  steps:\n    - uses: action/setup-node@v4\n',
      errors: [{ line: 4, column: 13, endColumn: 30 }],
      output: 'runs:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v4\n',
    },
  ],
});
