// Inline suppressions and the edits that insert them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/text.js';
import { Analyzer, applyEdits, suppressFileEdit, suppressLineEdit } from '../../server/src/engine/index.js';

const WF = '.github/workflows/ci.yml';
const step = (before: string, uses = 'actions/checkout@v4', after = '') =>
  `on: push\njobs:\n  a:\n    steps:\n${before}      - uses: ${uses}${after}\n`;
const ids = (path: string, text: string) => new Analyzer().analyze({ path, text }).findings.map((f) => f.ruleId);

describe('suppressions', () => {
  it('a comment line above silences the rule on the next line', () => {
    assert.deepEqual(ids(WF, step('      # forewarn-ignore[unpinned-action] vendor action, reviewed\n')), []);
  });
  it('a trailing comment silences its own line', () => {
    assert.deepEqual(ids(WF, step('', 'actions/checkout@v4', ' # forewarn-ignore[unpinned-action]')), []);
  });
  it('lists several rules', () => {
    assert.deepEqual(ids(WF, step('      # forewarn-ignore[aws-access-key, unpinned-action] why\n')), []);
  });
  it('another rule id does not silence', () => {
    assert.deepEqual(ids(WF, step('      # forewarn-ignore[aws-access-key]\n')), ['unpinned-action']);
  });
  it('a comment two lines above does not silence', () => {
    assert.deepEqual(ids(WF, step('      # forewarn-ignore[unpinned-action]\n      - run: echo\n')), ['unpinned-action']);
  });
  it('a trailing comment does not reach the next line', () => {
    const text = 'on: push\njobs:\n  a:\n    steps:\n      - run: echo # forewarn-ignore[unpinned-action]\n      - uses: actions/checkout@v4\n';
    assert.deepEqual(ids(WF, text), ['unpinned-action']);
  });
  it('the marker must start a comment', () => {
    assert.deepEqual(ids(WF, step('', 'actions/checkout@v4', ' #x#forewarn-ignore[unpinned-action]')), ['unpinned-action']);
  });
  it('file-wide directive', () => {
    const text = `# forewarn-ignore-file[unpinned-action] internal repo\n${step('')}      - uses: actions/cache@v4\n`;
    assert.deepEqual(ids(WF, text), []);
  });
  it('// comments count in Terraform only', () => {
    const key = 'AKIAZ7VRSQ5TJHNLBX4D';
    assert.deepEqual(ids('main.tf', `// forewarn-ignore[aws-access-key] test fixture\nk = "${key}"\n`), []);
    assert.deepEqual(ids('Dockerfile', `FROM alpine:3\n// forewarn-ignore[aws-access-key]\nENV K=${key}\n`), ['aws-access-key']);
  });
  it('suppressions are counted', () => {
    const r = new Analyzer().analyze({ path: WF, text: step('      # forewarn-ignore[unpinned-action]\n') });
    assert.equal(r.suppressed, 1);
  });

  describe('edits', () => {
    it('inserts a directive above the line with its indentation, and it silences', () => {
      const text = step('');
      const lines = new LineIndex(text);
      const out = applyEdits(text, [suppressLineEdit(text, lines, 4, 'unpinned-action')]);
      assert.match(out, /\n {6}# forewarn-ignore\[unpinned-action\] <reason>\n {6}- uses/);
      assert.deepEqual(ids(WF, out), []);
    });
    it('joins an existing directive on the line above', () => {
      const text = step('      # forewarn-ignore[aws-access-key] why\n');
      const out = applyEdits(text, [suppressLineEdit(text, new LineIndex(text), 5, 'unpinned-action')]);
      assert.match(out, /# forewarn-ignore\[aws-access-key,unpinned-action\] why\n/);
    });
    it('keeps CRLF line ends', () => {
      const text = step('').replace(/\n/g, '\r\n');
      const out = applyEdits(text, [suppressLineEdit(text, new LineIndex(text), 4, 'unpinned-action')]);
      assert.ok(!/[^\r]\n/.test(out));
      assert.deepEqual(ids(WF, out), []);
    });
    it('file directive goes after Dockerfile parser directives', () => {
      const text = '# syntax=docker/dockerfile:1\n# escape=\\\nFROM node\n';
      const out = applyEdits(text, [suppressFileEdit(text, new LineIndex(text), 'dockerfile', 'image-latest')]);
      assert.equal(out, '# syntax=docker/dockerfile:1\n# escape=\\\n# forewarn-ignore-file[image-latest] <reason>\nFROM node\n');
      assert.deepEqual(ids('Dockerfile', out), []);
    });
    it('file directive joins an existing one', () => {
      const text = `# forewarn-ignore-file[aws-access-key] x\n${step('')}`;
      const out = applyEdits(text, [suppressFileEdit(text, new LineIndex(text), 'github-workflow', 'unpinned-action')]);
      assert.ok(out.startsWith('# forewarn-ignore-file[aws-access-key,unpinned-action] x\n'));
      assert.deepEqual(ids(WF, out), []);
    });
  });
});
