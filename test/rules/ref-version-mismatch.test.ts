// Table tests for ref-version-mismatch.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/index.js';
import { Resolver } from '../../server/src/resolver/index.js';
import { editsFor } from '../../server/src/resolver/pin.js';
import rule from '../../server/src/rules/pinning/ref-version-mismatch.js';
import * as F from '../helpers/fake-apis.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/ci.yml';
const A = '11bd71901bbe5b1630ceea73d27597364c9af683';
const B = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const steps = (...uses: string[]) => `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n${uses.map((u) => `      - uses: ${u}\n`).join('')}`;

ruleTester(rule, {
  valid: [
    { name: 'one pin', path: WF, code: steps(`actions/checkout@${A} # v4.2.2`) },
    { name: 'same commit, major and full version', path: WF, code: steps(`actions/checkout@${A} # v4`, `actions/checkout@${A} # v4.2.2`) },
    { name: 'moving major tag at two commits (pinned at different times)', path: WF, code: steps(`actions/checkout@${A} # v4`, `actions/checkout@${B} # v4`) },
    { name: 'different versions at different commits', path: WF, code: steps(`actions/checkout@${A} # v4.2.2`, `actions/checkout@${B} # v4.1.1`) },
    { name: 'different actions', path: WF, code: steps(`actions/checkout@${A} # v4.2.2`, `actions/cache@${B} # v4.2.2`) },
    { name: 'comment that is not a version', path: WF, code: steps(`actions/checkout@${A} # pinned`, `actions/checkout@${B} # pinned`) },
  ],
  invalid: [
    {
      name: 'one exact version at two commits: both reported, with a lookup to correct each',
      path: WF,
      code: steps(`actions/checkout@${A} # v4.2.2`, `actions/checkout@${B} # v4.2.2`),
      errors: [
        { line: 6, column: 32, endColumn: 72, messageIncludes: 'line 7' },
        { line: 7, column: 32, messageIncludes: 'line 6' },
      ],
      output: null,
      resolves: [
        { type: 'commit-version', target: 'actions/checkout', ref: A, rangeText: A },
        { type: 'commit-version', target: 'actions/checkout', ref: B, rangeText: B },
      ],
    },
    {
      name: 'one commit, two incompatible versions (job and composite forms, tag= comment)',
      path: WF,
      code: `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@${A} # tag=v4.0.0\n  c:\n    uses: actions/cache@${A} # v3\n`,
      errors: [{ line: 6, column: 29 }, { line: 8, column: 25 }],
    },
  ],
});

describe('ref-version-mismatch: the lookup corrects the comment (fake GitHub API on 127.0.0.1)', () => {
  let apis: F.FakeApis;
  before(async () => {
    apis = await F.startFakeApis();
  });
  after(() => apis.close());

  it('rewrites the wrong comment with the tag at the commit', async () => {
    const code = steps(`actions/checkout@${F.SHA_V5} # v4.2.2`, `actions/checkout@${F.SHA_V4} # v4.2.2`);
    const { findings } = analyzeWith(rule, { path: WF, code });
    const fix = findings[1]!.fixes[0]!;
    assert.equal(fix.safety, 'needs-network');
    if (fix.safety !== 'needs-network') return;
    const resolver = new Resolver({ githubApiUrl: apis.githubUrl, registryUrls: {}, timeoutMs: 2000, ttlMs: 60_000 });
    const resolved = await resolver.resolve(fix.resolve);
    const fixed = applyEdits(code, editsFor(code, fix.resolve, resolved));
    assert.ok(fixed.includes(`actions/checkout@${F.SHA_V4} # v4.1.1\n`), fixed);
    assert.ok(fixed.includes(`actions/checkout@${F.SHA_V5} # v4.2.2\n`), fixed);
    // The other pin's comment is the one the lookup would correct; its finding offers the same lookup.
    assert.equal(findings[0]!.fixes[0]!.safety, 'needs-network');
  });
});
