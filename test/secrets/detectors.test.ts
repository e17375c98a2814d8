// The token detector table: every detector finds each of its true-positive samples and none of its false-positive ones.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../helpers/lsp-client.js';
import { bech32Valid, crc32, crc32Base62Valid, entropy, grafanaValid } from '../../server/src/models/secrets/checksums.js';
import { DETECTORS, scanTokens, type Detector } from '../../server/src/models/secrets/index.js';
import fc from 'fast-check';
import { assertLinear } from '../helpers/complexity.js';

describe('secret detectors', () => {
  it('covers at least 120 formats, with unique ids and samples for each', () => {
    assert.ok(DETECTORS.length >= 120, `only ${DETECTORS.length} detectors`);
    assert.equal(new Set(DETECTORS.map((d) => d.id)).size, DETECTORS.length);
    for (const d of DETECTORS) {
      assert.ok(d.samples.tp.length > 0 && d.samples.fp.length > 0, `${d.id} lacks samples`);
      assert.ok(d.pattern.global, `${d.id} pattern is not global`);
    }
  });

  it('builds no sample when the engine loads and scans, only when a sample is asked for', () => {
    // A process of its own: this file has built every sample already. The scanned text holds tokens of three detectors.
    const out = join(REPO, 'out', 'server', 'src');
    const script = `
      const fake = require(${JSON.stringify(join(out, 'models', 'secrets', 'fake.js'))});
      const { Analyzer } = require(${JSON.stringify(join(out, 'engine', 'index.js'))});
      const { DETECTORS } = require(${JSON.stringify(join(out, 'models', 'secrets', 'index.js'))});
      const text = 'env:\\n  AWS_ACCESS_KEY_ID: AKIAZ7VRSQ5TJHNLBX4D\\n  T: ghp_' + 'x'.repeat(36) + '\\n  S: xoxb-1234-5678-abcdefghijklmnop\\n';
      const findings = new Analyzer().analyze({ path: '.github/workflows/ci.yml', text }).findings.length;
      const atScan = fake.fakeCalls;
      const tp = DETECTORS.find((d) => d.id === 'github-pat').samples.tp.length;
      process.stdout.write(JSON.stringify({ findings, atScan, after: fake.fakeCalls, tp }));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(r.stdout) as { findings: number; atScan: number; after: number; tp: number };
    assert.ok(got.findings > 0, 'the scan found nothing: it did not exercise the detectors');
    assert.equal(got.atScan, 0, 'samples were built at load or during the scan');
    assert.ok(got.tp > 0 && got.after > 0, 'asking for samples did not build them (or the counter counts nothing)');
  });

  for (const d of DETECTORS) {
    describe(d.id, () => {
      d.samples.tp.forEach((sample, i) => {
        it(`true positive #${i + 1}`, () => {
          const hits = scanTokens(sample);
          assert.deepEqual(hits.map((h) => h.detector.id), [d.id]);
          // the range is the secret, and the secret is in the sample
          assert.equal(sample.slice(hits[0]!.start, hits[0]!.end), hits[0]!.secret);
        });
      });
      d.samples.fp.forEach((sample, i) => {
        it(`false positive #${i + 1}`, () => {
          assert.deepEqual(scanTokens(sample).map((h) => h.detector.id), []);
        });
      });
    });
  }

  it('a detector scanned only near its anchor finds exactly what a scan of the whole text finds', () => {
    const near = DETECTORS.filter((d) => d.near);
    assert.ok(near.length >= 2, 'no detector uses an anchor');
    // the secrets of their true-positive samples, and the anchors they need (an AWS key id)
    const secrets = near.flatMap((d) => d.samples.tp.flatMap((t) => scanTokens(t, [d]).map((m) => m.secret)));
    const anchors = ['AKIAZ7VRSQ5TJHNLBX4D', 'ASIAZ7VRSQ5TJHNLBX4E'];
    const pieces = [...near.flatMap((d) => [...d.samples.tp, ...d.samples.fp]), ...secrets, ...anchors, '0123456789abcdef', 'deadbeef-cafebabe', 'Zm9vYmFyYmF6cXV4Lw+/', '\n', ' ', '-', '/', '+', '=', 'aws_secret_key = '];
    const some = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
    // a secret and an anchor a few hundred characters apart, either way round, across the window edges
    const pair = fc
      .tuple(fc.constantFrom(...secrets), fc.constantFrom(...anchors), fc.nat(420), fc.constantFrom(' ', '\n', ' .'), fc.boolean())
      .map(([secret, anchor, gap, fill, secretFirst]) => {
        const between = fill.repeat(Math.ceil(gap / fill.length)).slice(0, Math.max(1, gap));
        return secretFirst ? `${secret}${between}${anchor}` : `${anchor}${between}${secret}`;
      });
    const found = new Set<string>();
    fc.assert(
      fc.property(some, pair, some, (before, core, after) => {
        const text = `${before} ${core} ${after}`;
        for (const d of near) {
          const whole: Detector = { id: d.id, name: d.name, pattern: d.pattern, keywords: d.keywords, rotate: d.rotate, samples: d.samples, ...(d.validate && { validate: d.validate }) };
          const got = scanTokens(text, [d]).map((m) => [m.start, m.end]);
          assert.deepEqual(got, scanTokens(text, [whole]).map((m) => [m.start, m.end]), d.id);
          if (got.length > 0) found.add(d.id);
        }
      }),
      { numRuns: 400, seed: 20261203 },
    );
    assert.deepEqual([...found].sort(), near.map((d) => d.id).sort(), 'some anchored detector never matched: the texts test nothing');
  });

  it('docs/secret-formats.md lists every detector, with the right count and the checksummed formats', () => {
    const doc = readFileSync(join(REPO, 'docs/secret-formats.md'), 'utf8');
    const missing = DETECTORS.filter((d) => !doc.includes(`\`${d.id}\``)).map((d) => d.id);
    assert.deepEqual(missing, []);
    assert.ok(doc.includes(`${DETECTORS.length} detectors`), `the page's count is not ${DETECTORS.length}`);
    for (const d of DETECTORS.filter((x) => x.checksum)) assert.match(doc, new RegExp(`\`${d.id}\`[^\n]*\\*\\*checksum\\*\\*`), d.id);
  });

  it('checksums: CRC32 known value, bech32 reference vector, Grafana', () => {
    assert.equal(crc32('123456789'), 0xcbf43926);
    // BIP-173 valid test vectors
    assert.ok(bech32Valid('A12UEL5L'));
    assert.ok(bech32Valid('abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw'));
    assert.ok(!bech32Valid('A12UEL5M'));
    assert.ok(!crc32Base62Valid('x'.repeat(36)));
    assert.ok(!grafanaValid('glsa_short_00000000'));
  });

  it('entropy: Shannon entropy over code points, the same bits as counting in a Map, surrogates and repeats included', () => {
    const reference = (v: string): number => {
      if (v.length === 0) return 0;
      const counts = new Map<string, number>();
      for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      let h = 0;
      for (const n of counts.values()) h -= (n / v.length) * Math.log2(n / v.length);
      return h;
    };
    assert.equal(entropy(''), 0);
    assert.equal(entropy('aaaa'), 0);
    assert.equal(entropy('ab'), 1);
    // the reused count table starts clean on every call
    assert.equal(entropy('abcd'), 2);
    assert.equal(entropy('abcd'), 2);
    for (const unit of ['grapheme', 'binary', 'binary-ascii'] as const) {
      fc.assert(fc.property(fc.string({ unit, maxLength: 80 }), (v) => entropy(v) === reference(v)), { numRuns: 3000 });
    }
  });

  it('a match inside a very long line costs linear time and finds the token', () => {
    const token = DETECTORS.find((d) => d.id === 'github-pat')!.samples.tp[0]!.slice('token: '.length);
    const line = (n: number): string => `${'a'.repeat(n)} ${token} ${'sk-'.repeat(n / 4)}`;
    assertLinear('scanTokens on a long line', line, (s) => void scanTokens(s), 200_000);
    assert.deepEqual(scanTokens(line(200_000)).map((h) => h.detector.id), ['github-pat']);
  });
});
