// Table tests for bot-conditions.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/permissions/bot-conditions.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/automerge.yml';
const wf = (cond: string, on = 'pull_request_target') => `on: ${on}\njobs:\n  merge:\n    runs-on: ubuntu-latest\n    if: ${cond}\n    steps:\n      - run: gh pr merge --auto "$PR"\n`;

ruleTester(rule, {
  valid: [
    { name: 'the pull request author is the sound check', path: WF, code: wf("github.event.pull_request.user.login == 'dependabot[bot]'") },
    { name: 'excluding bots is not a grant', path: WF, code: wf("github.actor != 'dependabot[bot]' && !contains(github.actor, '[bot]')") },
    { name: 'a person, not a bot', path: WF, code: wf("github.actor == 'octocat'") },
    { name: 'pull_request: a fork gets no secrets or write token to gain', path: WF, code: wf("github.actor == 'dependabot[bot]'", 'pull_request') },
    { name: 'the actor check is paired with the author check', path: WF, code: wf("github.actor == 'dependabot[bot]' && github.event.pull_request.user.login == 'dependabot[bot]'") },
    { name: 'a step condition in a push workflow', path: WF, code: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: github.actor == 'renovate[bot]'\n        run: echo hi\n" },
  ],
  invalid: [
    {
      name: 'job gate on github.actor: unsafe fix to the pull request author',
      path: WF,
      code: wf("github.actor == 'dependabot[bot]'"),
      errors: [{ line: 5, column: 9, endColumn: 21, messageIncludes: 'github.event.pull_request.user.login' }],
      output: wf("github.event.pull_request.user.login == 'dependabot[bot]'"),
      fixSafety: 'unsafe',
    },
    {
      name: 'fenced, reversed, triggering_actor, in a step',
      path: WF,
      code: "on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: ${{ 'dependabot[bot]' == github.triggering_actor }}\n        run: echo hi\n",
      errors: [{ line: 6, column: 38 }],
      output: "on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: ${{ 'dependabot[bot]' == github.event.pull_request.user.login }}\n        run: echo hi\n",
    },
    {
      name: 'contains(github.actor, "[bot]") and an actor id, in a quoted scalar',
      path: WF,
      code: wf('"contains(github.actor, \'[bot]\') || github.actor_id == \'49699333\'"'),
      errors: [{ line: 5, column: 19 }, { line: 5, column: 45 }],
      output: wf('"contains(github.event.pull_request.user.login, \'[bot]\') || github.event.pull_request.user.id == \'49699333\'"'),
    },
    {
      name: 'workflow_run: reported, no fix (the run has no pull request author)',
      path: WF,
      code: wf("github.actor == 'dependabot[bot]' && github.event.workflow_run.conclusion == 'success'", 'workflow_run'),
      errors: [{ line: 5, column: 9 }],
      output: null,
    },
    {
      name: 'a block-scalar condition',
      path: WF,
      code: wf("|-\n      github.event_name == 'pull_request_target' &&\n      github.actor == 'renovate[bot]'"),
      errors: [{ line: 7, column: 7 }],
    },
  ],
});

it('bot-conditions: a check that decides alone is high, one side of && medium', () => {
  const sev = (cond: string, on?: string) => analyzeWith(rule, { path: WF, code: wf(cond, on) }).findings.map((f) => f.severity);
  assert.deepEqual(sev("github.actor == 'dependabot[bot]' || github.actor == 'octocat'"), ['high']);
  assert.deepEqual(sev("github.actor == 'dependabot[bot]' && github.event.workflow_run.conclusion == 'success'", 'workflow_run'), ['medium']);
});
