// httpCredentials runs each pattern once over the whole text and tries URL credentials only where a `://` is. These
// properties pin that down against the plain readings: the lookbehind regex over the whole text for URL passwords,
// and line by line for everything (no pattern may cross a line break).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { httpCredentials, type TextCredential } from '../../server/src/models/secrets/commands.js';

const PW = 'k9Xq2Lr7Vw';
const PIECES = [
  `postgres://app:${PW}@db.internal:5432/app`, `https://bot:${PW}@git.acme-corp.net/r.git`, `git+ssh://u:${PW}@h`,
  `x://a:${PW}@h`, `HTTPS://Deploy:${PW}@Nexus.acme-corp.net`, `https://u:${PW}@localhost`, `ftp://u:u@h`, `https://u:${PW}@x.example.com`,
  `${'s'.repeat(21)}://u:${PW}@h`, `${'s'.repeat(22)}://u:${PW}@h`, '9p://u:pw12345678@h', 'a-b.c+d://u:pw12345678@h',
  '://', '@', ':', '/', ' ', '\n', '\r\n', '"', "'", 'abc', '-', '.', '+', '?', '&', '=',
  `?access_token=${PW}1`, `&private_token=${PW}2`, `?token=short`, `Authorization: Bearer ${PW}abc`, 'Authorization: Basic ZGVwbG95OmhvbmVzdC1wYXNzd29yZDE=',
  `-H "PRIVATE-TOKEN: ${PW}"`, `X-Vault-Token:${PW}`, `?X-Amz-Credential=AKIA/x&X-Amz-Signature=${'ab12'.repeat(16)}`, `&X-Amz-Signature=${'cd34'.repeat(16)}`,
];
const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));

const REFERENCE_URL = /(?<![A-Za-z0-9+.-])([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:/@"'`<>{}[\]\\]{1,128}):([^\s/@"'`<>\\]{1,256})@([A-Za-z0-9[][^\s/:"'`]{0,253})/gi;

/** The header credentials as one alternation tried at every position (what the lookup at each `:` replaced). */
const REFERENCE_HEADER =
  /(?<![A-Za-z0-9-])(PRIVATE-TOKEN|DEPLOY-TOKEN|X-API-Key|X-Api-Key|X-API-KEY|Api-Key|API-Key|X-Auth-Token|X-Vault-Token|X-Access-Token|X-JFrog-Art-Api|X-Octopus-ApiKey|X-TFE-Token|Circle-Token|X-Figma-Token|X-Gitlab-Token|X-Postmark-Server-Token|X-Shopify-Access-Token|DD-API-KEY|DD-APPLICATION-KEY):[ \t]{0,4}([A-Za-z0-9._~+/=-]{8,512})(?![A-Za-z0-9._~+/=$-])/g;
const HEADER_PIECES = [
  'PRIVATE-TOKEN', 'X-PRIVATE-TOKEN', 'DD-API-KEY', 'DD-APPLICATION-KEY', 'X-Api-Key', 'x-api-key', 'Api-Key', 'X-Postmark-Server-Token',
  ':', ': ', ':\t', ':     ', PW, `X-Vault-Token: ${PW}`, `DD-API-KEY:${PW}`, `-H "Circle-Token: ${PW}"`, 'abc', '-', '.', '$', '=', '/', ' ', '\n', '"', 'a'.repeat(510), '_', 'Z9',
];

const urlHits = (hits: readonly TextCredential[]): string[] => hits.filter((h) => h.kind === 'url-password').map((h) => `${h.start}:${h.secret}:${h.label}`);
const shape = (hits: readonly TextCredential[], offset = 0): string[] => hits.map((h) => `${h.kind}@${h.start + offset}-${h.end + offset}:${h.secret}`);

describe('httpCredentials', () => {
  it('URL passwords found at each :// equal the matches of the whole-text lookbehind regex', () => {
    let seen = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const got = urlHits(httpCredentials(text));
        // each plain match, kept when the function keeps it on its own (the filter reads only the match's parts)
        const expected = [...text.matchAll(REFERENCE_URL)].flatMap((m) => urlHits(httpCredentials(m[0])).map((h) => h.replace(/^\d+/, (n) => String(Number(n) + m.index))));
        assert.deepEqual(got, expected, JSON.stringify(text));
        seen += got.length;
      }),
      { numRuns: 500, seed: 20261203 },
    );
    assert.ok(seen > 100, `only ${seen} URL passwords in the generated texts`);
  });

  it('the whole-text run equals a run line by line', () => {
    let seen = 0;
    fc.assert(
      fc.property(texts, (body) => {
        // a first line with both `://` and `?`, so every line is read under the same text-level conditions
        const text = `see https://acme-corp.net/?q=1\n${body}`;
        const expected: string[] = [];
        let at = 0;
        for (const line of text.split('\n')) {
          expected.push(...shape(httpCredentials(`https://acme-corp.net/?q=1 ${line}`).filter((h) => h.start >= 27), at - 27));
          at += line.length + 1;
        }
        const got = shape(httpCredentials(text));
        assert.deepEqual(got, expected);
        seen += got.length;
      }),
      { numRuns: 500, seed: 20261203 },
    );
    assert.ok(seen > 200, `only ${seen} credentials in the generated texts`);
  });

  it('a scheme run longer than 21 characters, or one not starting with a letter, is no URL', () => {
    assert.deepEqual(urlHits(httpCredentials(`${'s'.repeat(22)}://u:${PW}@h`)), []);
    assert.deepEqual(urlHits(httpCredentials(`9p://u:${PW}@h`)), []);
    assert.deepEqual(urlHits(httpCredentials(`${'s'.repeat(21)}://u:${PW}@h`)), [`${21 + 3 + 2}:${PW}:${'s'.repeat(21)}`]);
    assert.deepEqual(urlHits(httpCredentials(`"HTTPS://Deploy:${PW}@Nexus.acme-corp.net"`)), [`${1 + 8 + 7}:${PW}:https`]);
  });

  it('token headers found at each `:` equal the matches of the whole-text alternation', () => {
    let seen = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...HEADER_PIECES), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const got = httpCredentials(text).filter((h) => h.kind === 'header').map((h) => `${h.label}@${h.start}:${h.secret}`);
        const expected = [...text.matchAll(REFERENCE_HEADER)]
          .filter((m) => httpCredentials(`${m[1]}: ${m[2]}`).some((h) => h.kind === 'header'))
          .map((m) => `${m[1]}@${m.index + m[0].length - m[2]!.length}:${m[2]}`);
        assert.deepEqual(got, expected, JSON.stringify(text));
        seen += got.length;
      }),
      { numRuns: 1000, seed: 20261203 },
    );
    assert.ok(seen > 300, `only ${seen} header credentials in the generated texts`);
  });
});
