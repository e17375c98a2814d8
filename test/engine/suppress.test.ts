// Inline suppressions and the edits that insert them.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/text.js';
import { Analyzer, applyEdits, suppressFileEdit, suppressLineEdit, suppressionLine } from '../../server/src/engine/index.js';

const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';

const WF = '.github/workflows/ci.yml';
const step = (before: string, uses = 'actions/checkout@v4', after = '') =>
  `on: push\njobs:\n  a:\n    steps:\n${before}      - uses: ${uses}${after}\npermissions: {}\n`;
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
    const text = 'on: push\njobs:\n  a:\n    steps:\n      - run: echo # forewarn-ignore[unpinned-action]\n      - uses: actions/checkout@v4\npermissions: {}\n';
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
    const key = KEY;
    assert.deepEqual(ids('main.tf', `// forewarn-ignore[aws-access-key] test fixture\nk = "${key}"\n`), []);
    assert.deepEqual(ids('Dockerfile', `FROM alpine:3\nUSER app\n// forewarn-ignore[aws-access-key]\nENV K=${key}\n`), ['aws-access-key']);
  });
  it('a directive inside a YAML string is not a comment', () => {
    const text = `name: "deploy #forewarn-ignore-file[unpinned-action]"\n${step('')}`;
    assert.deepEqual(ids(WF, text), ['unpinned-action']);
  });
  it('a comment above a multi-line value covers findings inside it', () => {
    const text = `jobs:\n  a:\n    steps:\n      # forewarn-ignore[aws-access-key] test credentials\n      - run: |\n          echo one\n          export K=${KEY}\n`;
    assert.deepEqual(ids(WF, text), []);
    // and a directive written inside the script is shell text, not a suppression
    const inside = `jobs:\n  a:\n    steps:\n      - run: |\n          # forewarn-ignore[aws-access-key]\n          export K=${KEY}\n`;
    assert.deepEqual(ids(WF, inside), ['aws-access-key']);
  });
  it('in a Dockerfile, a trailing # is part of the instruction, and a continued instruction is covered from its first line', () => {
    assert.deepEqual(ids('Dockerfile', `FROM alpine:3\nUSER app\nENV K=${KEY} #forewarn-ignore[aws-access-key]\n`), ['aws-access-key']);
    assert.deepEqual(ids('Dockerfile', `FROM alpine:3\nUSER app\n# forewarn-ignore[aws-access-key] test key\nRUN echo a && \\\n    export K=${KEY}\n`), []);
  });
  it('suppressions are counted', () => {
    const r = new Analyzer().analyze({ path: WF, text: step('      # forewarn-ignore[unpinned-action]\n') });
    assert.equal(r.suppressed, 1);
  });

  describe('edits', () => {
    it('for a finding inside a block scalar, the directive goes above the key and the value is unchanged', () => {
      const text = `data:\n  script: |\n    line one\n    id=${KEY}\n`;
      const file = new Analyzer().analyze({ path: 'k.yaml', text: `apiVersion: v1\nkind: ConfigMap\n${text}` }).file!;
      const at = file.text.indexOf(KEY);
      const line = suppressionLine(file, at);
      assert.equal(file.lines.lineText(line), '  script: |');
      const out = applyEdits(file.text, [suppressLineEdit(file.text, file.lines, line, 'aws-access-key')]);
      assert.ok(out.includes(`  # forewarn-ignore[aws-access-key] reason\n  script: |\n    line one\n    id=${KEY}\n`));
      assert.deepEqual(ids('k.yaml', out), []);
    });

    it('inserts a directive above the line with its indentation, and it silences', () => {
      const text = step('');
      const lines = new LineIndex(text);
      const out = applyEdits(text, [suppressLineEdit(text, lines, 4, 'unpinned-action')]);
      assert.match(out, /\n {6}# forewarn-ignore\[unpinned-action\] reason\n {6}- uses/);
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
      const text = '# syntax=docker/dockerfile:1\n# escape=\\\nFROM node\nUSER node\n';
      const out = applyEdits(text, [suppressFileEdit(text, new LineIndex(text), 'dockerfile', 'image-latest')]);
      assert.equal(out, '# syntax=docker/dockerfile:1\n# escape=\\\n# forewarn-ignore-file[image-latest] reason\nFROM node\nUSER node\n');
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
