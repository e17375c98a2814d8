// The token detector table: every detector finds each of its true-positive samples and none of its false-positive ones.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../helpers/lsp-client.js';
import { bech32Valid, crc32, crc32Base62Valid, grafanaValid } from '../../server/src/models/secrets/checksums.js';
import { DETECTORS, scanTokens } from '../../server/src/models/secrets/index.js';
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

  it('a match inside a very long line costs linear time and finds the token', () => {
    const token = DETECTORS.find((d) => d.id === 'github-pat')!.samples.tp[0]!.slice('token: '.length);
    const line = (n: number): string => `${'a'.repeat(n)} ${token} ${'sk-'.repeat(n / 4)}`;
    assertLinear('scanTokens on a long line', line, (s) => void scanTokens(s), 200_000);
    assert.deepEqual(scanTokens(line(200_000)).map((h) => h.detector.id), ['github-pat']);
  });
});
