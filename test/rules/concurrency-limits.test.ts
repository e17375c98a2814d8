// Table tests for concurrency-limits (off by default; the tester turns it on).

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Analyzer, DEFAULT_CONFIG } from '../../server/src/engine/index.js';
import rule from '../../server/src/rules/hardening/concurrency-limits.js';
import { applyAllFixes, assertYamlParses } from '../helpers/fix-check.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/deploy.yml';
const deploy = (top = '', job = '') => `on:\n  push:\n    branches: [main]\n${top}jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n${job}    steps:\n      - run: ./deploy.sh\n`;

ruleTester(rule, {
  valid: [
    { name: 'workflow-level concurrency', path: WF, code: deploy('concurrency: production\n') },
    { name: 'job-level concurrency', path: WF, code: deploy('', '    concurrency:\n      group: prod\n') },
    { name: 'a CI job that deploys nothing', path: WF, code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n' },
    { name: 'reusable workflow: the caller decides', path: WF, code: 'on: workflow_call\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: prod\n    steps:\n      - run: ./deploy.sh\n' },
    { name: 'an environment that only gates secrets (no deploy target in its name)', path: WF, code: 'on: schedule\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    environment: trigger-nightly\n    steps:\n      - run: ./trigger.sh\n' },
    { name: 'environment from an expression', path: WF, code: "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    environment: ${{ github.ref == 'refs/heads/main' && 'production' || '' }}\n    steps:\n      - run: ./x.sh\n" },
    { name: 'call to a reusable workflow', path: WF, code: 'on: push\njobs:\n  deploy:\n    uses: ./.github/workflows/deploy.yml\n' },
  ],
  invalid: [
    {
      name: 'environment, no concurrency: add a group before steps',
      path: WF,
      code: deploy(),
      errors: [{ line: 5, column: 3, endColumn: 9, messageIncludes: "'production'" }],
      output: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    concurrency:\n      group: deploy-production\n      cancel-in-progress: false\n    steps:\n      - run: ./deploy.sh\n',
      fixSafety: 'unsafe',
    },
    {
      name: 'deploy action, CRLF',
      path: WF,
      code: 'on: push\r\njobs:\r\n  pages:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: actions/deploy-pages@v4\r\n',
      errors: [{ line: 3, column: 3, messageIncludes: 'actions/deploy-pages' }],
      output: 'on: push\r\njobs:\r\n  pages:\r\n    runs-on: ubuntu-latest\r\n    concurrency:\r\n      group: ${{ github.workflow }}-pages\r\n      cancel-in-progress: false\r\n    steps:\r\n      - uses: actions/deploy-pages@v4\r\n',
    },
  ],
});

it('concurrency-limits is off unless configured, and its fix parses', () => {
  assert.equal(new Analyzer([rule]).analyze({ path: WF, text: deploy() }, DEFAULT_CONFIG).findings.length, 0);
  const fixed = applyAllFixes(rule, WF, deploy());
  assertYamlParses(fixed);
  assert.deepEqual(analyzeWith(rule, { path: WF, code: fixed }).findings, []);
});
