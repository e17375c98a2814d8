// A long line is no hiding place (issue 14): credential-url, command-line and flag scanning, and text-file entries
// scan every line whatever its length, and the work stays linear in the line's length (n vs 2n, no wall clock).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import credentialUrl from '../../server/src/rules/secrets/credential-url.js';
import hardcodedCredential from '../../server/src/rules/secrets/hardcoded-credential.js';
import genericSecret from '../../server/src/rules/secrets/generic-secret.js';
import { commandCredentials, curlUserCredentials, flagCredentials, httpCredentials } from '../../server/src/models/secrets/commands.js';
import { parseEntries } from '../../server/src/models/text-file.js';
import { assertLinear } from '../helpers/complexity.js';
import { analyzeWith } from '../helpers/rule-tester.js';

const MB = 1 << 20;
const COLUMN = 20_000;
const PW = 'k9Xq2Lr7Vw';

/** `payload` at column 20,000 (1-based 20,001) of a line padded to 1 MB with harmless words. */
function hugeLine(payload: string): string {
  const before = `${'lorem '.repeat(Math.ceil(COLUMN / 6)).slice(0, COLUMN - 1)} `;
  const after = ' ipsum'.repeat(Math.ceil((MB - COLUMN - payload.length) / 6));
  return (before + payload + after).slice(0, Math.max(MB, COLUMN + payload.length));
}

describe('long lines are scanned, in linear time', () => {
  it('a URL password at column 20,000 of a 1 MB line is found', () => {
    const line = hugeLine(`postgres://app:${PW}@db.internal:5432/app`);
    const hits = httpCredentials(line);
    assert.deepEqual(hits.map((h) => [h.kind, h.start, h.secret]), [['url-password', COLUMN + 'postgres://app:'.length, PW]]);
  });

  it('a query token, a header and curl -u at column 20,000 of a 1 MB line are found', () => {
    assert.deepEqual(httpCredentials(hugeLine(`https://api.acme-corp.net/x?access_token=${PW}`)).map((h) => h.secret), [PW]);
    assert.deepEqual(httpCredentials(hugeLine(`-H "PRIVATE-TOKEN: ${PW}"`)).map((h) => h.secret), [PW]);
    assert.deepEqual(curlUserCredentials(hugeLine(`curl -u deploy:${PW} https://nexus.acme-corp.net`)).map((h) => h.secret), [PW]);
  });

  it('command-line credentials and secret-named flags at column 20,000 of a 1 MB line are found', () => {
    assert.deepEqual(commandCredentials(hugeLine(`docker login -u bot -p ${PW} registry.acme-corp.net`)).map((h) => [h.kind, h.secret]), [['password-flag', PW]]);
    assert.deepEqual(commandCredentials(hugeLine(`echo "${PW}" | docker login -u bot --password-stdin`)).map((h) => [h.kind, h.secret]), [['stdin', PW]]);
    assert.deepEqual(commandCredentials(hugeLine(`mysql -u root -p'${PW}' app`)).map((h) => [h.kind, h.secret]), [['password-flag', PW]]);
    assert.deepEqual(commandCredentials(hugeLine(`export DB_PASSWORD=${PW}`)).map((h) => [h.kind, h.secret]), [['env', PW]]);
    const key = 'f3A9kQ2mZ7xL1pR8vN4tW6yB0cD5eH';
    assert.deepEqual(flagCredentials(hugeLine(`tool --signing-key ${key}`)).map((h) => h.secret), [key]);
  });

  it('a text-file entry on a 1 MB line is read', () => {
    const value = 'x'.repeat(COLUMN) + PW;
    const entries = parseEntries(`A=1\nDB_PASSWORD=${value}\n`);
    assert.deepEqual(entries.map((e) => [e.key, e.value.length]), [['A', 1], ['DB_PASSWORD', value.length]]);
  });

  it('the rules report a credential at column 20,000 of a 1 MB run: line', () => {
    const path = '.github/workflows/ci.yml';
    const url = hugeLine(`git clone https://bot:${PW}@git.acme-corp.net/r.git`);
    const r1 = analyzeWith(credentialUrl, { path, code: `jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${url}\n` });
    assert.equal(r1.findings.length, 1);
    const login = hugeLine(`docker login -u bot -p ${PW} registry.acme-corp.net`);
    const r2 = analyzeWith(hardcodedCredential, { path, code: `jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${login}\n` });
    assert.equal(r2.findings.length, 1);
    const key = 'f3A9kQ2mZ7xL1pR8vN4tW6yB0cD5eH';
    const flag = hugeLine(`tool --signing-key ${key}`);
    const r3 = analyzeWith(genericSecret, { path, code: `jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${flag}\n` });
    assert.equal(r3.findings.length, 1);
  });

  it('flag scanning is linear in the line (no rescan of the line before each flag)', () => {
    // Every `-p` used to slice and rescan the line before it for a login command: quadratic on one long line.
    assertLinear('commandCredentials, -p × n', (n) => 'docker login ' + '-p x '.repeat(n), (s) => void commandCredentials(s), 100_000);
    assertLinear('commandCredentials, mysql -p words × n', (n) => 'mysql ' + '-pa1 -p"b2" '.repeat(n), (s) => void commandCredentials(s), 50_000);
    assertLinear('commandCredentials, pipes × n before --password-stdin', (n) => 'echo a | docker login | '.repeat(n) + ' --password-stdin', (s) => void commandCredentials(s), 30_000);
    assertLinear('flagCredentials, flags × n', (n) => 'docker login ' + '--secret-key abc '.repeat(n), (s) => void flagCredentials(s), 50_000);
  });

  it('URL, query and header scanning is linear in the line', () => {
    assertLinear('httpCredentials, URLs × n', (n) => 'https://u:p@h?token=a1&'.repeat(n), (s) => void httpCredentials(s), 50_000);
    assertLinear('httpCredentials, headers × n', (n) => 'Authorization: Bearer abcdefgh1 PRIVATE-TOKEN: x '.repeat(n), (s) => void httpCredentials(s), 30_000);
    assertLinear('curlUserCredentials × n', (n) => 'curl -u a:b '.repeat(n), (s) => void curlUserCredentials(s), 50_000);
    assertLinear('parseEntries, one long line', (n) => `K=${'v :'.repeat(n)}`, (s) => void parseEntries(s), 200_000);
  });
});
