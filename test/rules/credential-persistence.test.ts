// Table tests for credential-persistence.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/permissions/credential-persistence.js';
import { applyEdits, safeFixEdits } from '../../server/src/engine/index.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';
import { applyAllFixes, assertYamlParses } from '../helpers/fix-check.js';

const WF = '.github/workflows/release.yml';
const wf = (perm: string, steps: string) => `on: push\n${perm}jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const UPLOAD = '      - uses: actions/upload-artifact@v4\n        with:\n          path: dist/\n';

ruleTester(rule, {
  valid: [
    { name: 'read-only job without uploads', path: WF, code: wf('permissions:\n  contents: read\n', '      - uses: actions/checkout@v4\n') },
    { name: 'repository default permissions are unknown', path: WF, code: wf('', '      - uses: actions/checkout@v4\n') },
    { name: 'already false', path: WF, code: wf('', `      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n${UPLOAD}`) },
    { name: 'explicit true is a decision', path: WF, code: wf('permissions:\n  contents: write\n', '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: true\n') },
    {
      name: 'upload-artifact v4 (latest) leaves hidden files out; a narrow glob takes no .git either',
      path: WF,
      code: wf('permissions:\n  contents: read\n', '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n      - uses: actions/upload-artifact@v3\n        with:\n          path: ./*.log\n'),
    },
    { name: 'id-token: write does not make the job token writable', path: WF, code: wf('permissions:\n  contents: read\n  id-token: write\n', '      - uses: actions/checkout@v4\n') },
  ],
  invalid: [
    {
      name: 'uploads artifacts: with: created',
      path: WF,
      code: wf('', `      - uses: actions/checkout@v4\n${UPLOAD}`),
      errors: [{ line: 6, column: 15, endColumn: 34, messageIncludes: 'uploads artifacts' }],
      output: wf('', `      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n${UPLOAD}`),
      fixSafety: 'safe',
    },
    {
      name: 'write token: merged into an existing with:',
      path: WF,
      code: wf('permissions:\n  contents: write\n', '      - name: Checkout\n        uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n      - run: make\n'),
      errors: [{ line: 9, column: 15 }],
      output: wf('permissions:\n  contents: write\n', '      - name: Checkout\n        uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n          persist-credentials: false\n      - run: make\n'),
    },
    {
      name: 'a later git push needs the credentials: reported without a fix',
      path: WF,
      code: wf('permissions:\n  contents: write\n', '      - uses: actions/checkout@v4\n      - run: |\n          ./bump.sh\n          git push origin HEAD\n'),
      errors: [{ line: 8, column: 15, messageIncludes: 'uses git against the remote' }],
      output: null,
    },
    {
      name: 'artipacked: upload-artifact v3 of the workspace (the checkout finding and the upload finding share the fix)',
      path: WF,
      code: wf('', '      - uses: actions/checkout@v4\n      - run: make\n      - uses: actions/upload-artifact@v3\n        with:\n          path: .\n'),
      errors: [{ line: 6, column: 15 }, { line: 10, column: 17, messageIncludes: '.git/config' }],
    },
    {
      name: 'artipacked: include-hidden-files, the checkout\'s own directory in a path list',
      path: WF,
      code: wf('', '      - uses: actions/checkout@v4\n        with:\n          path: src\n      - uses: actions/upload-artifact@v4\n        with:\n          include-hidden-files: true\n          path: |\n            dist/\n            src/**\n            !src/node_modules\n'),
      errors: [{ line: 6, column: 15 }, { line: 12, column: 17 }],
    },
    {
      name: 'artipacked: SHA pin with an old version comment, explicit persist-credentials: true (no fix)',
      path: WF,
      code: wf('', '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: true\n      - uses: actions/upload-artifact@a8a3f3ad30e3422c9c7b888a15615d19a852ae32 # v3.1.3\n        with:\n          path: ${{ github.workspace }}\n'),
      errors: [{ line: 11, column: 17 }],
      output: null,
    },
    {
      name: 'CRLF, last step of the file',
      path: WF,
      code: wf('permissions: write-all\n', '      - uses: actions/checkout@v4').replace(/\n/g, '\r\n'),
      errors: [{ line: 7, column: 15 }],
      output: wf('permissions: write-all\n', '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false').replace(/\n/g, '\r\n'),
    },
  ],
});

it('credential-persistence: fixed file parses and is clean', () => {
  const code = wf('permissions:\n  contents: write\n', `      - uses: actions/checkout@v4 # v4\n${UPLOAD}      - uses: actions/checkout@v4\n        with: { path: other }\n`);
  const fixed = applyAllFixes(rule, WF, code);
  assertYamlParses(fixed);
  // The flow-style `with:` gets no automatic fix; the block-style one does.
  assert.equal(analyzeWith(rule, { path: WF, code: fixed }).findings.length, 1);
});

it('credential-persistence: fix-all takes the shared persist-credentials edit once', () => {
  const code = wf('', '      - uses: actions/checkout@v4\n      - run: make\n      - uses: actions/upload-artifact@v3\n        with:\n          path: .\n');
  const { findings } = analyzeWith(rule, { path: WF, code });
  assert.equal(findings.length, 2);
  assert.equal(
    applyEdits(code, safeFixEdits(findings)),
    wf('', '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - run: make\n      - uses: actions/upload-artifact@v3\n        with:\n          path: .\n'),
  );
});
