// The shell lexer behind the Dockerfile and CI-script rules: words, ranges, separators, quotes, continuations.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { programIndex, programName, programNameAt, shellCommands } from '../../server/src/models/shell-words.js';

const words = (s: string): string[][] => shellCommands(s).map((c) => c.map((w) => w.value));

describe('shellCommands', () => {
  it('splits commands on ; && || | & ( ) and newlines', () => {
    assert.deepEqual(words('a 1; b && c || d | e & (f)\ng'), [['a', '1'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g']]);
  });
  it('unquotes words and keeps their ranges, quotes included', () => {
    const text = `echo 'a b' "c \\"d\\"" e\\ f`;
    const [cmd] = shellCommands(text);
    assert.deepEqual(cmd!.map((w) => w.value), ['echo', 'a b', 'c "d"', 'e f']);
    assert.deepEqual(cmd!.map((w) => text.slice(w.range.start, w.range.end)), ['echo', "'a b'", '"c \\"d\\""', 'e\\ f']);
  });
  it('a backslash before a line end (LF or CRLF) is a blank, not a command end', () => {
    assert.deepEqual(words('curl \\\n  -k \\\r\n  x'), [['curl', '-k', 'x']]);
  });
  it('marks expansions outside single quotes as dynamic', () => {
    const [cmd] = shellCommands(`a $X "\${Y}" '$Z'`);
    assert.deepEqual(cmd!.map((w) => w.dynamic), [false, true, true, false]);
  });
  it('skips comments that start a word', () => {
    assert.deepEqual(words('a # b c\nd e#f'), [['a'], ['d', 'e#f']]);
  });
  it('honours start and end offsets', () => {
    const text = 'RUN sudo make';
    const [cmd] = shellCommands(text, 4, text.length);
    assert.deepEqual(cmd![0]!.range, { start: 4, end: 8 });
  });
  it('never throws on unterminated quotes or a trailing backslash', () => {
    for (const s of ['"abc', "'abc", 'abc\\', '"a\\', '']) assert.doesNotThrow(() => shellCommands(s));
  });
});

describe('programName', () => {
  it('skips assignments, keywords and wrappers with their options', () => {
    const prog = (s: string): string | undefined => programName(shellCommands(s)[0]!);
    assert.equal(prog('DEBIAN_FRONTEND=noninteractive apt-get install x'), 'apt-get');
    assert.equal(prog('sudo -u app /usr/bin/curl -k x'), 'curl');
    assert.equal(prog('env -u X FOO=1 pip install y'), 'pip');
    assert.equal(prog('if curl x'), 'curl');
    assert.equal(prog('sudo'), undefined);
    assert.equal(prog('time nohup command ./run.sh'), 'run.sh');
    assert.equal(prog('A=1 B=2'), undefined);
    assert.equal(prog('=x y'), '=x');
  });
  it('programNameAt gives the base name of the word programIndex found', () => {
    for (const s of ['sudo -u app /usr/bin/curl -k x', 'X=1 ./a/b/c.sh', 'do', 'env FOO=1 pip']) {
      const cmd = shellCommands(s)[0]!;
      assert.equal(programNameAt(cmd, programIndex(cmd)), programName(cmd), s);
    }
  });
});

describe('words of plain characters', () => {
  it('run to the next character the lexer gives a meaning to, whatever the others are', () => {
    const text = 'écho naïve\u2028x a#b 😀z\u00a0w c:d/e~f=g%h';
    assert.deepEqual(words(text), [['écho', 'naïve\u2028x', 'a#b', '😀z\u00a0w', 'c:d/e~f=g%h']]);
    const [cmd] = shellCommands(text);
    for (const w of cmd!) assert.equal(text.slice(w.range.start, w.range.end), w.value);
  });
  it('stop at the end offset inside a run', () => {
    assert.deepEqual(shellCommands('abcdef ghi', 0, 3).map((c) => c.map((w) => [w.value, w.range.end])), [[['abc', 3]]]);
  });
});

describe('mappedCommands', () => {
  it('equals lexing and then mapping every word range, on generated scripts', async () => {
    const fc = (await import('fast-check')).default;
    const { mappedCommands } = await import('../../server/src/models/shell-words.js');
    const piece = fc.constantFrom('a', 'curl', '-k', ' ', '\t', ';', '&&', '|', '\n', '\\\n', "'x y'", '"$A b"', '$B', '#c', '(', ')', '`', 'e\\ f', '"', "'");
    const script = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(script, fc.nat(50), (text, shift) => {
        const f = (s: number, e: number) => ({ start: s * 2 + shift, end: e * 2 + shift + 1 });
        const expected = shellCommands(text).map((cmd) => cmd.map((w) => ({ ...w, range: f(w.range.start, w.range.end) })));
        assert.deepEqual(mappedCommands(text, f), expected);
      }),
      { numRuns: 300 },
    );
  });
});
