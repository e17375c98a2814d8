// The regexes that recheck found polynomial were rewritten (scanners, lookbehinds, disjoint classes). Each rewrite is
// compared here with the regex it replaced on many small generated inputs (the old regexes are only safe on those),
// and the hand-written scanners, which the ReDoS test does not see, must grow linearly on adversarial 200 KB inputs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertLinear } from '../helpers/complexity.js';
import { whatItFlags, absoluteLinks } from '../../server/src/cli/formats/sarif.js';
import { trimTrailing } from '../../server/src/core/text.js';
import { substitute } from '../../server/src/models/dockerfile.js';
import { contextPaths } from '../../server/src/models/github-expressions.js';
import { scriptOutputWrites, setOutputCommand } from '../../server/src/models/github-workflow.js';
import { classifyRef } from '../../server/src/models/source-file.js';
import { parseChallenge } from '../../server/src/resolver/oci.js';
import { isRemote } from '../../server/src/rules/hardening/dockerfile-add-local.js';
import { setVariables } from '../../server/src/rules/permissions/azure-secret-literal.js';

/** Deterministic strings made of the given pieces. */
function* strings(pieces: readonly string[], count: number, maxPieces: number, seed = 7): Generator<string> {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  for (let t = 0; t < count; t++) {
    let s = '';
    for (let k = next(maxPieces + 1); k > 0; k--) s += pieces[next(pieces.length)];
    yield s;
  }
}

function sameAs<T>(name: string, pieces: readonly string[], before: (s: string) => T, after: (s: string) => T, count = 20_000): void {
  for (const s of strings(pieces, count, 10)) assert.deepEqual(after(s), before(s), `${name} on ${JSON.stringify(s)}`);
}

/** The scanner grows linearly on adversarial input of `n` characters (n vs 2n; no wall-clock budget). */
function fast(name: string, f: (n: number) => unknown): void {
  assertLinear(name, (n) => n, (n) => void f(n), BIG);
}

const BIG = 200_000;

describe('ReDoS rewrites behave like the regexes they replace', () => {
  it('Dockerfile variable substitution', () => {
    const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
    /** substitute() as it was, on the regex. */
    const before = (raw: string, vars: ReadonlyMap<string, string | undefined>) => {
      let unknown = false;
      const out = raw.replace(VAR, (m: string, braced?: string, op?: string, word?: string, bare?: string) => {
        const name = braced ?? bare ?? '';
        const declared = vars.has(name);
        const value = vars.get(name);
        const set = value !== undefined;
        switch (op) {
          case ':-':
            if (set && value !== '') return value;
            if (!declared || value === '') return word ?? '';
            break;
          case '-':
            if (set) return value;
            if (!declared) return word ?? '';
            break;
          case ':+':
          case '+':
            if (set) return op === '+' || value !== '' ? word ?? '' : '';
            if (!declared) return '';
            break;
          default:
            if (set) return value;
        }
        unknown = true;
        return m;
      });
      return unknown ? undefined : out;
    };
    const pieces = ['$', '{', '}', ':', '-', '+', 'A', 'B', 'C', 'D', '_', '1', 'a', '/', ' '];
    const vars = new Map<string, string | undefined>([['A', 'x'], ['B', ''], ['C', undefined]]);
    const marks = new Map<string, string | undefined>([['A', '<A>'], ['B', '<B>'], ['D', '<D>'], ['_', '<_>'], ['a', '<a>']]);
    sameAs('substitute', pieces, (s) => before(s, vars), (s) => substitute(s, vars));
    sameAs('substitute', pieces, (s) => before(s, marks), (s) => substitute(s, marks));
    assert.equal(substitute('${A:-y}/${D:-z}/$A${C+w}', vars), undefined);
    assert.equal(substitute('${A:-y}/${D:-z}/$A/${B:+q}${D-r}', vars), 'x/z/x/r');
    assert.equal(substitute('${D:-${A}}', vars), '${A}', 'the word runs to the first }, as before');
    fast('substitute', (n) => substitute('${A:-'.repeat(n / 5), vars));
    fast('substitute', (n) => substitute('$'.repeat(n) + 'A', vars));
  });

  it('::set-output', () => {
    const before = (s: string) => {
      const m = /::set-output name=([\w-]+)::(.*)$/.exec(s);
      return m ? { name: m[1], value: m[2] } : undefined;
    };
    sameAs('setOutputCommand', ['::set-output name=', 'a', '-', ':', '::', '\r', '\u2028', 'x', ' ', '='], before, setOutputCommand);
    assert.deepEqual(scriptOutputWrites('echo "::set-output name=v::1.2"\necho "tag=x" >> $GITHUB_OUTPUT'), [
      { name: 'v', value: '1.2"' },
      { name: 'tag', value: 'x" >> $GITHUB_OUTPUT' },
    ]);
    fast('setOutputCommand', (n) => setOutputCommand('::set-output name=a'.repeat(n / 20)));
  });

  it('GITHUB_OUTPUT lines take the name after leading digits and dashes, as before', () => {
    const before = (s: string) => /([A-Za-z_][\w-]*)=([^\n]*)/.exec(s)?.slice(1);
    const OUTPUT = /(?<![\w-])[\d-]*([A-Za-z_][\w-]*)=([^\n]*)/;
    sameAs('output line', ['a', '1', '-', '_', '=', ' ', '>', '$', '.'], before, (s) => OUTPUT.exec(s)?.slice(1));
    assert.deepEqual(scriptOutputWrites('echo "9-x=1" >> "$GITHUB_OUTPUT"'), [{ name: 'x', value: '1" >> "$GITHUB_OUTPUT"' }]);
  });

  it('ADD sources that are remote', () => {
    const before = (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:\/\/|^git@|\.git(#.*)?$/.test(s);
    sameAs('isRemote', ['.git', '#', 'a', '/', ':', '\n', '\r', 'git@', 'http', '://', '.', '+'], before, isRemote);
    assert.equal(isRemote('https://example.com/a.tar'), true);
    assert.equal(isRemote('repo.git#v1.2'), true);
    assert.equal(isRemote('./src'), false);
    fast('isRemote', (n) => isRemote('.git#'.repeat(n / 5) + '\n'));
  });

  it('Azure setvariable commands', () => {
    const SETVAR = /##vso\[task\.setvariable\b([^\]\n]{0,400})\]([^\n]{0,2000})/gi;
    const before = (s: string) => [...s.matchAll(SETVAR)].map((m) => ({ props: m[1], value: m[2], valueStart: m.index + m[0].length - m[2]!.length }));
    const pieces = ['##vso[task.setvariable', '##VSO[TASK.SETVARIABLE', 'x', 'a'.repeat(150), 'b'.repeat(900), ']', '\n', ';', '#', ' '];
    sameAs('setVariables', pieces, before, (s) => [...setVariables(s)], 5_000);
    fast('setVariables', (n) => [...setVariables('##vso[task.setvariable '.repeat(n / 23))]);
  });

  it('relative links in rule pages and the one-line summary', () => {
    const base = 'https://example.org/docs/rules/';
    const before = (s: string) => {
      try {
        return s.replace(/\]\((?![a-z]+:|#)([^)\s]+)\)/g, (_, t: string) => `](${new URL(t, base).toString()})`);
      } catch {
        return 'error';
      }
    };
    const after = (s: string) => {
      try {
        return absoluteLinks(s, base);
      } catch {
        return 'error';
      }
    };
    sameAs('absoluteLinks', ['](', 'a', ':', '#', ')', ' ', '\n', ']', '(', 'b/', 'https:'], before, after);
    assert.equal(absoluteLinks('[x](../a.md) [y](https://z) [w](#h)', base), '[x](https://example.org/docs/a.md) [y](https://z) [w](#h)');
    fast('absoluteLinks', (n) => absoluteLinks('](a'.repeat(n / 3), base));
    fast('absoluteLinks', (n) => absoluteLinks('](a:'.repeat(n / 4), base));

    const summaryBefore = (doc: string) => {
      const m = /(?:^|\n)## What it flags\r?\n\r?\n([\s\S]*?)(?:\r?\n\r?\n|$)/.exec(doc);
      return m ? m[1]!.replace(/\s*\r?\n\s*/g, ' ').trim() : undefined;
    };
    const doc = (s: string) => `# t\n\n## What it flags\n\n${s}`;
    sameAs('whatItFlags', ['a', ' ', '\t', '\n', '\r', '\u00a0', 'b'], (s) => summaryBefore(doc(s)), (s) => whatItFlags(doc(s)));
    fast('whatItFlags', (n) => whatItFlags(`## What it flags\n\n${' '.repeat(n)}x`));
  });

  it('version refs', () => {
    const VERSION = /^v?\d+(?:[.-][0-9A-Za-z.-]+|(?:\.\d+)*\+[0-9A-Za-z.-]+)?$/;
    sameAs('version', ['v', '1', '2', '.', '-', '+', 'a', 'Z', '_'], (s) => /^v?\d+(\.\d+)*([-+.][0-9A-Za-z.-]+)?$/.test(s), (s) => VERSION.test(s));
    assert.equal(classifyRef('v1.2.3+build.7'), 'version');
    assert.equal(classifyRef('1.2.3-rc.1'), 'version');
    assert.notEqual(classifyRef('1.2+x+y'), 'version');
    fast('version', (n) => VERSION.test(`${'1.'.repeat(n / 2)}+`));
  });

  it('WWW-Authenticate parameters', () => {
    const before = (s: string) => [...s.matchAll(/([A-Za-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    const after = (s: string) => [...s.matchAll(/(?<![A-Za-z_])([A-Za-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    sameAs('challenge', ['a', 'B', '_', '=', '"', ',', ' ', '1'], before, after);
    assert.deepEqual([...parseChallenge('Bearer realm="https://auth.example/token",service="reg",scope="repository:a/b:pull"')], [
      ['realm', 'https://auth.example/token'],
      ['service', 'reg'],
      ['scope', 'repository:a/b:pull'],
    ]);
  });

  it('trimTrailing', () => {
    sameAs('trimTrailing', ['a', '/'], (s) => s.replace(/\/+$/, ''), (s) => trimTrailing(s, '/'));
    fast('trimTrailing', (n) => trimTrailing('/'.repeat(n) + 'a', '/'));
  });

  it('expression indexes: brackets no longer nest into one index (the inner one is read)', () => {
    assert.deepEqual(contextPaths(`github.event.issue['title']`), ['github.event.issue.title']);
    assert.deepEqual(contextPaths(`github.event.pull_request.labels[0].name`), ['github.event.pull_request.labels.*.name']);
    assert.deepEqual(contextPaths(`fromJSON(steps.a.outputs.m)[matrix.k]`), ['steps.a.outputs.m']);
    assert.deepEqual(contextPaths(`github.event[inputs[0]]`), ['github.event', 'inputs.*']);
  });
});
