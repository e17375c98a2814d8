// Terraform through the engine: parse errors, suppression comments, and files cut at every line (mid-edit).

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer } from '../../server/src/engine/index.js';
import { parseHcl } from '../../server/src/parsers/hcl.js';
import { REPO } from '../helpers/lsp-client.js';
import { rangesOf } from '../helpers/hcl-ranges.js';

const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';
const ids = (path: string, text: string) => new Analyzer().analyze({ path, text }).findings.map((f) => f.ruleId);

describe('Terraform in the engine', () => {
  it('parse errors come out with ranges, and rules still run on the intact blocks', () => {
    const text = `resource "a" "b" {\n  name = \n\nprovider "aws" {\n  access_key = "${KEY}"\n}\n`;
    const r = new Analyzer().analyze({ path: 'infra/main.tf', text });
    assert.equal(r.kind, 'terraform');
    assert.ok(r.parseErrors.length >= 1);
    for (const e of r.parseErrors) assert.ok(e.range.start >= 0 && e.range.end <= text.length);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['aws-access-key']);
    assert.deepEqual(r.ruleErrors, []);
  });
  it('a clean file has no parse errors; .tfvars files are parsed too', () => {
    assert.deepEqual(new Analyzer().analyze({ path: 'main.tf', text: 'locals {\n  a = 1\n}\n' }).parseErrors, []);
    const r = new Analyzer().analyze({ path: 'env/prod.tfvars', text: 'a = [\n' });
    assert.equal(r.kind, 'terraform');
    assert.equal(r.parseErrors.length, 1);
  });
  it('parse error messages never carry a secret', () => {
    const r = new Analyzer().analyze({ path: 'main.tf', text: `${KEY}\nx = "${KEY}\n` });
    assert.ok(r.parseErrors.length > 0);
    assert.ok(r.parseErrors.every((e) => !e.message.includes(KEY)), JSON.stringify(r.parseErrors));
  });
  it('# and // suppression comments, on the line above or trailing', () => {
    assert.deepEqual(ids('main.tf', `# forewarn-ignore[aws-access-key] fixture\nk = "${KEY}"\n`), []);
    assert.deepEqual(ids('main.tf', `// forewarn-ignore[aws-access-key] fixture\nk = "${KEY}"\n`), []);
    assert.deepEqual(ids('main.tf', `k = "${KEY}" # forewarn-ignore[aws-access-key]\n`), []);
    assert.deepEqual(ids('main.tf', `k = "${KEY}" // forewarn-ignore[aws-access-key]\n`), []);
    assert.deepEqual(ids('main.tf', `# forewarn-ignore-file[aws-access-key]\nk = "${KEY}"\n`), []);
  });
  it('a directive inside a string is not a comment', () => {
    assert.deepEqual(ids('main.tf', `d = "x # forewarn-ignore-file[aws-access-key]"\nk = "${KEY}"\n`), ['aws-access-key']);
    assert.deepEqual(ids('main.tf', `d = <<EOF\n# forewarn-ignore[aws-access-key]\nEOF\nk = "${KEY}"\n`), ['aws-access-key']);
  });
  it('a finding inside a heredoc is silenced by a comment above the attribute', () => {
    const text = `locals {\n  # forewarn-ignore[aws-access-key] fixture\n  script = <<EOF\nexport K=${KEY}\nEOF\n}\n`;
    assert.deepEqual(ids('main.tf', text), []);
  });
});

/** Terraform files to cut: the examples, and a sample of the corpus when it is there. */
function fixtures(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string, every: number): void => {
    let n = 0;
    const visit = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = join(d, e.name);
        if (e.isDirectory()) visit(p);
        else if (/\.tf(vars)?$/.test(e.name) && n++ % every === 0) out.push([p, readFileSync(p, 'utf8')]);
      }
    };
    visit(dir);
  };
  walk(join(REPO, 'examples'), 1);
  const corpus = join(REPO, '../shared/corpus/terraform');
  if (existsSync(corpus)) walk(corpus, 40);
  return out;
}

describe('Terraform cut at every line', () => {
  it('never throws, keeps every range inside the text, and no rule fails', () => {
    const analyzer = new Analyzer();
    let cuts = 0;
    for (const [path, full] of fixtures()) {
      const lineStarts = [0];
      for (let i = full.indexOf('\n'); i !== -1; i = full.indexOf('\n', i + 1)) lineStarts.push(i + 1);
      for (const at of lineStarts) {
        // Cut at the line start and in the middle of the line, where a user stops typing.
        const lineEnd = full.indexOf('\n', at);
        for (const cut of [at, Math.floor((at + (lineEnd === -1 ? full.length : lineEnd)) / 2)]) {
          const text = full.slice(0, cut);
          const f = parseHcl(text);
          for (const r of [...rangesOf(f.body), ...f.errors.map((e) => e.range), ...f.comments.map((c) => c.range)]) {
            assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${path} cut at ${cut}: ${JSON.stringify(r)}`);
          }
          const r = analyzer.analyze({ path: 'main.tf', text });
          assert.deepEqual(r.ruleErrors, [], `${path} cut at ${cut}`);
          for (const x of r.findings) assert.ok(x.range.end <= text.length);
          cuts++;
        }
      }
    }
    assert.ok(cuts > 10);
  });
});
