// Table tests for cache-poisoning.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { publishCommand } from '../../server/src/models/publish-commands.js';
import rule from '../../server/src/rules/pinning/cache-poisoning.js';
import { applyAllFixes, assertYamlParses } from '../helpers/fix-check.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/release.yml';
const wf = (on: string, steps: string) => `on:\n${on}jobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const TAGS = "  push:\n    tags: ['v*']\n";

ruleTester(rule, {
  valid: [
    { name: 'cache in a CI workflow that publishes nothing', path: WF, code: wf('  push:\n    branches: [main]\n', '      - uses: actions/setup-node@v4\n        with:\n          cache: npm\n') },
    { name: 'CI workflow that also runs on tags: its test job publishes nothing', path: WF, code: wf("  push:\n    branches: [main]\n    tags: ['v*']\n  pull_request:\n", '      - uses: actions/setup-node@v4\n        with:\n          cache: npm\n      - run: npm test\n') },
    { name: 'release branches alone do not make a release workflow', path: WF, code: wf("  push:\n    branches: ['release/**']\n", '      - uses: actions/cache@v4\n        with:\n          path: x\n          key: k\n      - run: make test\n') },
    { name: 'a dry run publishes nothing', path: WF, code: 'on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: Swatinem/rust-cache@v2\n      - run: cargo publish --dry-run\n' },
    { name: 'release workflow without caching', path: WF, code: wf(TAGS, '      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: npm publish\n') },
    { name: 'setup-go with cache: false', path: WF, code: wf(TAGS, '      - uses: actions/setup-go@v5\n        with:\n          cache: false\n') },
    { name: 'setup-go v3 caches only when asked', path: WF, code: wf(TAGS, '      - uses: actions/setup-go@v3\n') },
    { name: 'setup-go pinned by SHA without a comment: version unknown', path: WF, code: wf(TAGS, '      - uses: actions/setup-go@0123456789abcdef0123456789abcdef01234567\n') },
    { name: 'actions/cache lookup-only', path: WF, code: wf('  release:\n', '      - uses: actions/cache@v4\n        with:\n          path: x\n          key: k\n          lookup-only: true\n') },
    { name: 'cache from an expression', path: WF, code: wf('  release:\n', "      - uses: actions/setup-node@v4\n        with:\n          cache: ${{ github.event_name == 'release' && '' || 'npm' }}\n") },
    { name: 'build-push-action without push', path: WF, code: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          cache: pip\n      - uses: docker/build-push-action@v6\n        with:\n          push: false\n' },
  ],
  invalid: [
    {
      name: 'setup-node cache on a tag push: remove the input',
      path: WF,
      code: wf(TAGS, '      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n          cache: npm\n      - run: npm publish\n'),
      errors: [{ line: 11, column: 11, endColumn: 16, messageIncludes: '`npm publish`' }],
      output: wf(TAGS, '      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: npm publish\n'),
      fixSafety: 'unsafe',
    },
    {
      name: 'the only input: with: goes too (release event, CRLF)',
      path: WF,
      code: 'on:\r\n  release:\r\n    types: [published]\r\njobs:\r\n  r:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: actions/setup-python@v5\r\n        with:\r\n          cache: pip\r\n      - run: make dist\r\n',
      errors: [{ line: 10, column: 11, messageIncludes: 'release workflow' }],
      output: 'on:\r\n  release:\r\n    types: [published]\r\njobs:\r\n  r:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n      - uses: actions/setup-python@v5\r\n      - run: make dist\r\n',
    },
    {
      name: 'setup-go caches by default since v4: add cache: false',
      path: WF,
      code: wf(TAGS, '      - uses: actions/setup-go@v5\n        with:\n          go-version: stable\n'),
      errors: [{ line: 8, column: 15 }],
      output: wf(TAGS, '      - uses: actions/setup-go@v5\n        with:\n          go-version: stable\n          cache: false\n'),
    },
    {
      name: 'setup-go SHA whose comment says v5, no with:',
      path: WF,
      code: wf(TAGS, '      - uses: actions/setup-go@0123456789abcdef0123456789abcdef01234567 # v5.0.2\n      - run: goreleaser release\n'),
      errors: [{ line: 8, column: 15 }],
      output: wf(TAGS, '      - uses: actions/setup-go@0123456789abcdef0123456789abcdef01234567 # v5.0.2\n        with:\n          cache: false\n      - run: goreleaser release\n'),
    },
    {
      name: 'actions/cache in a job that publishes to PyPI (no fix)',
      path: '.github/workflows/ci.yml',
      code: 'on: push\njobs:\n  pub:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: ~/.cache/pip\n          key: pip\n      - uses: pypa/gh-action-pypi-publish@release/v1\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n        with:\n          path: x\n          key: y\n',
      errors: [{ line: 6, column: 15, messageIncludes: "publishes ('pypa/gh-action-pypi-publish')" }],
      output: null,
    },
    {
      name: 'a job that runs uv publish, setup-uv enable-cache: set it to false',
      path: WF,
      code: wf("  push:\n    branches: ['release/**']\n", '      - uses: astral-sh/setup-uv@v6\n        with:\n          enable-cache: true\n      - run: uv build && uv publish\n'),
      errors: [{ line: 10, column: 11, messageIncludes: '`uv publish`' }],
      output: wf("  push:\n    branches: ['release/**']\n", '      - uses: astral-sh/setup-uv@v6\n        with:\n          enable-cache: false\n      - run: uv build && uv publish\n'),
    },
  ],
});

it('cache-poisoning: fixed files parse and have no finding left', () => {
  const code = wf(TAGS, '      - uses: actions/setup-java@v4\n        with:\n          cache: gradle\n          distribution: temurin\n      - uses: ruby/setup-ruby@v1\n        with:\n          bundler-cache: true\n');
  const fixed = applyAllFixes(rule, WF, code);
  assertYamlParses(fixed);
  assert.deepEqual(analyzeWith(rule, { path: WF, code: fixed }).findings, []);
});

it('cache-poisoning: publishing commands', () => {
  assert.deepEqual(
    ['gh release create v1 dist/*', 'docker image push ghcr.io/o/i:1', 'mvn -B deploy', 'python -m twine upload dist/*', 'yarn npm publish', 'cargo publish --dry-run', 'docker buildx build --push .', 'npm test', 'echo publish'].map(publishCommand),
    ['gh release create', 'docker push', 'mvn deploy', 'twine upload', 'yarn publish', undefined, undefined, undefined, undefined],
  );
});
