// Table tests for excessive-permissions.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/permissions/excessive-permissions.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';
import { applyAllFixes, assertYamlParses } from '../helpers/fix-check.js';

const WF = '.github/workflows/ci.yml';
const job = (extra = '') => `  build:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - run: make\n`;

ruleTester(rule, {
  valid: [
    { name: 'read at the top', path: WF, code: `on: push\npermissions:\n  contents: read\njobs:\n${job()}` },
    { name: 'every job declares its own', path: WF, code: `on: push\njobs:\n${job('    permissions:\n      contents: read\n')}` },
    { name: 'empty permissions', path: WF, code: `on: push\npermissions: {}\njobs:\n${job()}` },
    { name: 'read-all', path: WF, code: `on: push\npermissions: read-all\njobs:\n${job()}` },
    { name: 'reusable workflow: the caller decides', path: WF, code: `on: workflow_call\njobs:\n${job()}` },
    { name: 'write at the top for a single job', path: WF, code: `on: push\npermissions:\n  contents: write\njobs:\n${job()}` },
    { name: 'not a workflow', path: 'ci/x.yml', code: `on: push\njobs:\n${job()}` },
  ],
  invalid: [
    {
      name: 'no permissions anywhere: insert contents: read',
      path: WF,
      code: `on: push\njobs:\n${job()}`,
      errors: [{ line: 2, column: 1, endColumn: 5 }],
      output: `on: push\npermissions:\n  contents: read\n\njobs:\n${job()}`,
      fixSafety: 'unsafe',
    },
    {
      name: 'message names jobs that write',
      path: WF,
      code: 'on: push\r\njobs:\r\n  release:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: softprops/action-gh-release@v2\r\n',
      errors: [{ line: 2, column: 1, messageIncludes: "'release' (softprops/action-gh-release: contents: write)" }],
      output: 'on: push\r\npermissions:\r\n  contents: read\r\n\r\njobs:\r\n  release:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: softprops/action-gh-release@v2\r\n',
    },
    {
      name: 'write-all at workflow level',
      path: WF,
      code: `on: push\npermissions: write-all\njobs:\n${job()}`,
      errors: [{ line: 2, column: 14, endColumn: 23 }],
      output: null,
    },
    {
      name: 'write-all on a job',
      path: WF,
      code: `on: push\npermissions: read-all\njobs:\n${job('    permissions: write-all\n')}`,
      errors: [{ line: 6, column: 18 }],
    },
    {
      name: 'workflow-level write inherited by several jobs',
      path: WF,
      code: `on: push\npermissions:\n  contents: read\n  packages: write\njobs:\n${job()}  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n`,
      errors: [{ line: 4, column: 13, messageIncludes: "'build', 'test'" }],
    },
    {
      name: 'one job without permissions',
      path: WF,
      code: `on: push\njobs:\n${job()}  lint:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - run: make lint\n`,
      errors: [{ line: 2, column: 1, messageIncludes: "job 'build'" }],
    },
  ],
});

it('excessive-permissions: the inserted block is valid YAML and the finding is gone', () => {
  const code = `name: ci\non: [push, pull_request]\njobs:\n${job()}`;
  const fixed = applyAllFixes(rule, WF, code);
  assertYamlParses(fixed);
  assert.deepEqual(analyzeWith(rule, { path: WF, code: fixed }).findings, []);
});

it('excessive-permissions: write-all is reported as high', () => {
  const { findings } = analyzeWith(rule, { path: WF, code: `on: push\npermissions: write-all\njobs:\n${job()}` });
  assert.equal(findings[0]?.severity, 'high');
});
