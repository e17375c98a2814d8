// Table tests for known-vulnerable-actions, and the version arithmetic it rests on.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRange, parseVersion, tagInRange, trailingVersionComment } from '../../server/src/models/action-versions.js';
import { advisories, buildSnapshot } from '../../server/src/models/advisories.js';
import rule from '../../server/src/rules/pinning/known-vulnerable-actions.js';
import { nextLink, toSnapshot, type ApiAdvisory } from '../../scripts/update-advisories.js';
import { ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const steps = (...uses: string[]) => `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n${uses.map((u) => `      - uses: ${u}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    { name: 'patched release', path: WF, code: steps('tj-actions/changed-files@v46.0.1', 'tj-actions/changed-files@v47') },
    { name: 'floating major whose line contains the fix (v4 may be 4.1.7 today)', path: WF, code: steps('actions/download-artifact@v4') },
    { name: 'exact release outside the range', path: WF, code: steps('actions/download-artifact@v4.1.7') },
    { name: 'before the affected range', path: WF, code: steps('actions/download-artifact@v3') },
    { name: 'branch: the version is unknown', path: WF, code: steps('tj-actions/changed-files@main') },
    { name: 'SHA without a version comment: nothing to compare', path: WF, code: steps('tj-actions/changed-files@0123456789abcdef0123456789abcdef01234567') },
    { name: 'SHA whose comment names a patched release', path: WF, code: steps('tj-actions/changed-files@0123456789abcdef0123456789abcdef01234567 # v46.0.1') },
    { name: 'SHA-pinned official action, no advisory', path: WF, code: steps('actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2') },
    { name: 'another action with a similar name', path: WF, code: steps('tj-actions/changed-files-fork@v1') },
    { name: 'local action', path: WF, code: steps('./.github/actions/changed-files') },
    { name: 'a comment on the next line is not the pin comment', path: WF, code: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: tj-actions/changed-files@0123456789abcdef0123456789abcdef01234567\n        # v40\n' },
  ],
  invalid: [
    {
      name: 'floating major entirely inside two ranges: bump to the highest patched release',
      path: WF,
      code: steps('tj-actions/changed-files@v40'),
      errors: [{ line: 6, column: 40, endColumn: 43, messageIncludes: 'GHSA-mcph-m25j-8j63' }],
      output: steps('tj-actions/changed-files@v46.0.1'),
      fixSafety: 'unsafe',
    },
    {
      name: 'one advisory of two applies',
      path: WF,
      code: steps('tj-actions/changed-files@v45.0.7'),
      errors: [{ line: 6, column: 40, messageIncludes: 'GHSA-mrrh-fwg8-r2c3' }],
      output: steps('tj-actions/changed-files@v46.0.1'),
    },
    {
      name: 'exact release inside >= 4.0.0, < 4.1.7, quoted, CRLF',
      path: WF,
      code: 'on: push\r\njobs:\r\n  b:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: "actions/download-artifact@v4.1.2"\r\n',
      errors: [{ line: 6, column: 42, endColumn: 48, messageIncludes: 'CVE-2024-42471' }],
      output: 'on: push\r\njobs:\r\n  b:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: "actions/download-artifact@v4.1.7"\r\n',
    },
    {
      name: 'SHA pin judged by its version comment: pin the patched release (needs network)',
      path: WF,
      code: steps('gradle/gradle-build-action@0123456789abcdef0123456789abcdef01234567 # v2.4.0'),
      errors: [{ line: 6, column: 42, messageIncludes: 'version comment says v2.4.0' }],
      output: null,
      resolves: [{ type: 'action-commit', target: 'gradle/gradle-build-action', ref: 'v2.4.2', rangeText: '0123456789abcdef0123456789abcdef01234567' }],
    },
    {
      name: 'owner case does not hide the action; version without v',
      path: WF,
      code: steps('azure/setup-kubectl@2.0'),
      errors: [{ line: 6, column: 35 }],
      output: steps('azure/setup-kubectl@3'),
    },
    {
      name: 'composite action step',
      path: 'action.yml',
      code: 'runs:\n  using: composite\n  steps:\n    - uses: tj-actions/branch-names@v7.0.6\n',
      errors: [{ line: 4, column: 37 }],
      output: 'runs:\n  using: composite\n  steps:\n    - uses: tj-actions/branch-names@v7.0.7\n',
    },
  ],
});

describe('action versions', () => {
  const r = parseRange('>= 4.0.0, < 4.1.7')!;
  const inR = (t: string) => tagInRange(parseVersion(t)!, r);
  it('compares exact and floating tags against a range', () => {
    assert.deepEqual(['v4.0.0', 'v4.1.6', 'v4.1.7', 'v4', 'v4.1', 'v4.0', 'v3', '4.1.2-rc.1'].map(inR), [true, true, false, false, false, true, false, true]);
  });
  it('handles <= and = bounds', () => {
    assert.equal(tagInRange(parseVersion('v45')!, parseRange('<= 45.0.7')!), false);
    assert.equal(tagInRange(parseVersion('v44')!, parseRange('<= 45.0.7')!), true);
    assert.equal(tagInRange(parseVersion('1.2.3')!, parseRange('= 1.2.3')!), true);
    assert.equal(tagInRange(parseVersion('1.2')!, parseRange('= 1.2.3')!), false);
  });
  it('rejects what is not a version or a range', () => {
    assert.equal(parseVersion('main'), undefined);
    assert.equal(parseRange('>= x'), undefined);
  });
  it('reads the version comment after a uses value', () => {
    const text = 'uses: a/b@0123 # tag=v1.2.3\n';
    const c = trailingVersionComment(text, text.indexOf(' #'));
    assert.equal(c?.version, 'v1.2.3');
    assert.equal(text.slice(c!.start, c!.end), 'v1.2.3');
    assert.equal(trailingVersionComment('uses: a/b@x # pinned\n', 12), undefined);
  });
  it('ships a dated snapshot whose every range parses', () => {
    const db = advisories();
    assert.match(db.snapshotDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(db.count >= 8);
    assert.ok(db.rangesFor('TJ-Actions/Changed-Files').length >= 2);
    const bad = buildSnapshot({ snapshotDate: 'x', advisories: [{ id: 'GHSA-x', severity: 'weird', summary: 's', url: 'u', affected: [{ package: 'a/b', vulnerable: 'nonsense <' }] }] });
    assert.equal(bad.rangesFor('a/b').length, 0);
  });
});

describe('scripts/update-advisories (offline: its conversion only)', () => {
  const api: ApiAdvisory[] = [
    {
      ghsa_id: 'GHSA-aaaa-bbbb-cccc',
      cve_id: null,
      summary: 'Example  action leaks\n the token',
      severity: 'moderate',
      html_url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc',
      published_at: '2025-01-02T03:04:05Z',
      withdrawn_at: null,
      vulnerabilities: [
        { package: { ecosystem: 'actions', name: 'example/action' }, vulnerable_version_range: '>= 2.0.0, < 2.3.1', first_patched_version: '2.3.1' },
        { package: { ecosystem: 'npm', name: 'example-action' }, vulnerable_version_range: '< 9', first_patched_version: '9' },
      ],
    },
    { ghsa_id: 'GHSA-dddd-eeee-ffff', summary: 'withdrawn', severity: 'high', withdrawn_at: '2025-02-01T00:00:00Z', vulnerabilities: [{ package: { ecosystem: 'actions', name: 'x/y' }, vulnerable_version_range: '< 1' }] },
  ];
  it('keeps actions ranges, drops withdrawn advisories and other ecosystems, maps severities', () => {
    const snap = toSnapshot(api, '2025-03-01') as { snapshotDate: string; advisories: { id: string; severity: string; summary: string; affected: unknown[] }[] };
    assert.equal(snap.snapshotDate, '2025-03-01');
    assert.deepEqual(snap.advisories.map((a) => [a.id, a.severity, a.summary, a.affected]), [
      ['GHSA-aaaa-bbbb-cccc', 'medium', 'Example action leaks the token', [{ package: 'example/action', vulnerable: '>= 2.0.0, < 2.3.1', patched: '2.3.1' }]],
    ]);
    const db = buildSnapshot(snap as never);
    assert.equal(tagInRange(parseVersion('v2.3.0')!, db.rangesFor('Example/Action')[0]!.bounds), true);
  });
  it('follows the Link header', () => {
    assert.equal(nextLink('<https://api.github.com/advisories?after=X>; rel="next", <https://api.github.com/advisories>; rel="first"'), 'https://api.github.com/advisories?after=X');
    assert.equal(nextLink('<https://api.github.com/advisories>; rel="prev"'), undefined);
    assert.equal(nextLink(null), undefined);
  });
});
