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
    { name: 'write at the top for a single job that pushes', path: WF, code: 'on: push\npermissions:\n  contents: write\njobs:\n  bump:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ./bump.sh && git push origin HEAD\n' },
    { name: 'contents: write after a checkout without persisted credentials: a script may still push', path: WF, code: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - run: make release\n' },
    { name: 'contents: write after a checkout that keeps its credentials: a script may push', path: WF, code: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n    steps:\n      - uses: actions/checkout@v4\n      - run: make release\n' },
    { name: 'id-token used by an OIDC login', path: WF, code: 'on: push\npermissions:\n  contents: read\njobs:\n  d:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n      contents: read\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n          aws-region: eu-west-1\n' },
    { name: 'id-token with an action we do not know: it may use OIDC', path: WF, code: 'on: push\npermissions:\n  contents: read\njobs:\n  d:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n      - uses: some-vendor/deploy@v3\n' },
    { name: 'id-token with npm publish (trusted publishing)', path: WF, code: 'on: release\npermissions:\n  contents: read\n  id-token: write\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm publish --provenance\n' },
    { name: 'id-token with a local script that may ask for a token', path: WF, code: 'on: push\npermissions:\n  id-token: write\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/deploy.sh\n' },
    { name: 'pull-requests: write used by gh pr comment with the job token', path: WF, code: 'on: pull_request\npermissions:\n  contents: read\njobs:\n  c:\n    runs-on: ubuntu-latest\n    permissions:\n      pull-requests: write\n    steps:\n      - run: gh pr comment "$PR" --body "thanks"\n        env:\n          GH_TOKEN: ${{ github.token }}\n          PR: ${{ github.event.pull_request.number }}\n' },
    { name: 'gh calls without GH_TOKEN still show the scopes the job means to use', path: WF, code: 'on: issues\njobs:\n  r:\n    runs-on: ubuntu-latest\n    permissions:\n      issues: write\n    steps:\n      - run: gh issue close ${{ github.event.issue.number }}\n' },
    { name: 'git push with options before the verb', path: WF, code: 'on: push\njobs:\n  r:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n      workflows: write\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - run: |\n          git -c "http.extraheader=AUTHORIZATION: basic $H" push origin HEAD\n' },
    { name: 'a script that holds the token and runs other tools: unknown', path: WF, code: 'on: push\npermissions:\n  contents: read\njobs:\n  r:\n    runs-on: ubuntu-latest\n    permissions:\n      issues: write\n    steps:\n      - run: npx semantic-release\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n' },
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
      name: 'write-all at workflow level: the steps use nothing, so {}',
      path: WF,
      code: `on: push\npermissions: write-all\njobs:\n${job()}`,
      errors: [{ line: 2, column: 14, endColumn: 23 }],
      output: `on: push\npermissions: {}\njobs:\n${job()}`,
      fixSafety: 'unsafe',
    },
    {
      name: 'write-all on a job: least-privilege block from its steps, CRLF',
      path: WF,
      code: 'on: push\r\npermissions: read-all\r\njobs:\r\n  release:\r\n    runs-on: ubuntu-latest\r\n    permissions: write-all # TODO\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - uses: softprops/action-gh-release@v2\r\n      - uses: actions/attest-build-provenance@v2\r\n        with:\r\n          subject-path: dist/*\r\n',
      errors: [{ line: 6, column: 18 }],
      output: 'on: push\r\npermissions: read-all\r\njobs:\r\n  release:\r\n    runs-on: ubuntu-latest\r\n    permissions:\r\n      attestations: write\r\n      contents: write\r\n      id-token: write # TODO\r\n    steps:\r\n      - uses: actions/checkout@v4\r\n      - uses: softprops/action-gh-release@v2\r\n      - uses: actions/attest-build-provenance@v2\r\n        with:\r\n          subject-path: dist/*\r\n',
    },
    {
      name: 'write-all with a step we do not know: the fix names it',
      path: WF,
      code: `on: push\npermissions: read-all\njobs:\n  c:\n    runs-on: ubuntu-latest\n    permissions: write-all\n    steps:\n      - uses: actions/checkout@v4\n      - uses: vendor/thing@v1\n`,
      errors: [{ line: 6, column: 18 }],
      output: `on: push\npermissions: read-all\njobs:\n  c:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - uses: actions/checkout@v4\n      - uses: vendor/thing@v1\n`,
    },
    {
      name: 'unneeded write scope on a job whose steps are all known',
      path: WF,
      code: 'on: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n      packages: write\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n      - run: npm ci && npm test\n',
      errors: [{ line: 9, column: 17, endColumn: 22, messageIncludes: 'actions/checkout' }],
      output: 'on: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n      packages: none\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n      - run: npm ci && npm test\n',
    },
    {
      name: 'id-token: write that nothing uses (workflow level, one job)',
      path: WF,
      code: 'on: push\npermissions:\n  contents: read\n  id-token: write\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n      - run: npm ci && npm test\n',
      errors: [{ line: 4, column: 13, endColumn: 18, messageIncludes: 'OIDC' }],
      output: 'on: push\npermissions:\n  contents: read\n  id-token: none\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n      - run: npm ci && npm test\n',
    },
    {
      name: 'contents: write where no step can push (no checkout, no token)',
      path: WF,
      code: `on: push\npermissions:\n  contents: write\njobs:\n${job()}`,
      errors: [{ line: 3, column: 13, messageIncludes: "job 'build'" }],
      output: `on: push\npermissions:\n  contents: none\njobs:\n${job()}`,
    },
    {
      name: 'reusable workflow of another repository inherits write scopes',
      path: WF,
      code: 'on: push\npermissions:\n  contents: write\njobs:\n  call:\n    uses: other-org/shared/.github/workflows/deploy.yml@v1\n',
      errors: [{ line: 6, column: 11, messageIncludes: 'contents: write' }],
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
      code: `on: push\npermissions:\n  contents: read\n  packages: write\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: vendor/publish@v1\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n`,
      errors: [{ line: 4, column: 13, messageIncludes: "'build', 'test'" }],
    },
    {
      name: 'workflow-level write that none of the inheriting jobs needs',
      path: WF,
      code: `on: push\npermissions:\n  contents: read\n  packages: write\njobs:\n${job()}  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n`,
      errors: [{ line: 4, column: 13, messageIncludes: 'the 2 jobs that inherit it' }],
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

it('excessive-permissions: a local reusable workflow inheriting writes is low', () => {
  const code = 'on: push\npermissions:\n  contents: write\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n';
  assert.deepEqual(analyzeWith(rule, { path: WF, code }).findings.map((f) => f.severity), ['low']);
});

it('excessive-permissions: the write-all block parses and leaves no write-all finding', () => {
  const code = 'on: push\njobs:\n  - bad\n';
  assert.ok(analyzeWith(rule, { path: WF, code }).findings.length >= 0);
  const wf = 'on: push\npermissions: read-all\njobs:\n  r:\n    runs-on: ubuntu-latest\n    permissions: write-all\n    steps:\n      - run: gh release create v1 --notes x\n        env:\n          GH_TOKEN: ${{ github.token }}\n';
  const fixed = applyAllFixes(rule, WF, wf);
  assertYamlParses(fixed);
  assert.ok(fixed.includes('      contents: write\n'), fixed);
  assert.deepEqual(analyzeWith(rule, { path: WF, code: fixed }).findings, []);
});
