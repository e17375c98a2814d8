// `.forewarn.yml` validation: ranges on the offending key, defaults when invalid, overrides applied.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analyzer, DEFAULT_CONFIG, RULES, configTemplate, parseConfig, withRuleOverrides } from '../../server/src/engine/index.js';

const WF = '.github/workflows/ci.yml';
const WORKFLOW = 'on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\npermissions: {}\n';

describe('configuration', () => {
  it('an empty file means defaults', () => {
    assert.deepEqual(parseConfig(''), { config: DEFAULT_CONFIG, errors: [] });
    assert.deepEqual(parseConfig('# only a comment\n').errors, []);
  });

  it('reads every key', () => {
    const { config, errors } = parseConfig(
      'rules:\n  image-latest: low\n  unpinned-action: off\nignore: [vendor/**]\nkinds:\n  gitlab-ci: [ci/*.yml]\nallow:\n  actions: [my-org/*]\ntext:\n  exclude: [fixtures/**]\nmaxFileSize: 1000\n',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(config, {
      rules: { 'image-latest': 'low', 'unpinned-action': 'off' },
      ignore: ['vendor/**'],
      kinds: { 'gitlab-ci': ['ci/*.yml'] },
      allow: { actions: ['my-org/*'] },
      text: { exclude: ['fixtures/**'] },
      maxFileSize: 1000,
    });
  });

  const invalid: [string, string, string][] = [
    ['unknown top-level key', 'rulez:\n  x: off\n', 'rulez'],
    ['unknown rule id', 'rules:\n  unpinned-actions: off\n', 'unpinned-actions'],
    ['bad severity', 'rules:\n  image-latest: severe\n', 'severe'],
    ['unknown kind', 'kinds:\n  jenkins: [Jenkinsfile]\n', 'jenkins'],
    ['wrong type', 'ignore: vendor\n', 'vendor'],
    ['unknown key under text', 'text:\n  include: [x]\n', 'include'],
    ['broken YAML', 'rules:\n  image-latest: [low\n', ''],
    ['alias typed before its anchor', 'rules: *x\n', ''],
    ['maxFileSize: .inf cannot lift the cap', 'maxFileSize: .inf\n', ''],
    ['maxFileSize above the limit', `maxFileSize: ${64 * 1024 * 1024 + 1}\n`, ''],
    ['a key given twice', 'rules:\n  image-latest: low\n  image-latest: off\n', 'image-latest'],
    ['a top-level key given twice', 'ignore: [a]\nignore: [b]\n', 'ignore'],
    ['a complex mapping key', '? [a, b]\n: c\n', '[a, b]'],
  ];
  for (const [name, text, at] of invalid) {
    it(`invalid: ${name} → error on the offending text, defaults apply`, () => {
      const { config, errors } = parseConfig(text);
      assert.equal(config, DEFAULT_CONFIG);
      assert.ok(errors.length > 0);
      if (at) {
        const e = errors[0]!;
        assert.equal(text.slice(e.range.start, e.range.end), at, errors[0]!.message);
      }
    });
  }

  it('a complex key prints no runtime warning (the parser never reaches toJS with it)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => void warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      parseConfig('? [a, b]\n: c\nrules: {}\n');
      parseConfig('rules:\n  ? {x: 1}\n  : off\n');
      // process.emitWarning reports on the next tick.
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  });

  it('maxFileSize up to the limit is accepted', () => {
    assert.deepEqual(parseConfig(`maxFileSize: ${64 * 1024 * 1024}\n`).errors, []);
    assert.match(parseConfig('maxFileSize: .inf\n').errors[0]!.message, /at most/);
  });

  it('severity overrides and off change the findings', () => {
    const a = new Analyzer();
    const low = parseConfig('rules:\n  unpinned-action: low\n').config;
    assert.deepEqual(a.analyze({ path: WF, text: WORKFLOW }, low).findings.map((f) => f.severity), ['low']);
    const off = parseConfig('rules:\n  unpinned-action: off\n').config;
    assert.deepEqual(a.analyze({ path: WF, text: WORKFLOW }, off).findings, []);
    const back = withRuleOverrides(off, { 'unpinned-action': 'critical' });
    assert.deepEqual(a.analyze({ path: WF, text: WORKFLOW }, back).findings.map((f) => f.severity), ['critical']);
  });

  it('extra kind globs from config are used', () => {
    const config = parseConfig("kinds:\n  github-workflow: ['ci/workflows/*.yml']\n").config;
    const r = new Analyzer().analyze({ path: 'ci/workflows/x.yml', text: WORKFLOW }, config);
    assert.equal(r.kind, 'github-workflow');
    assert.equal(r.findings.length, 1);
  });
});

describe('configTemplate', () => {
  it('is a valid configuration that changes nothing, and lists every rule with its default severity', () => {
    const text = configTemplate(RULES);
    const loaded = parseConfig(text);
    assert.deepEqual(loaded.errors, []);
    assert.deepEqual(loaded.config, DEFAULT_CONFIG);
    for (const rule of RULES) assert.match(text, new RegExp(`^# {3}${rule.id}: +${rule.severity} `, 'm'));
  });

  it('uncommented, its rules section is valid too', () => {
    const text = configTemplate(RULES)
      .split('\n')
      .map((l) => (/^#( rules:|   [a-z0-9-]+: )/.test(l) ? l.slice(2) : l))
      .join('\n');
    const loaded = parseConfig(text);
    assert.deepEqual(loaded.errors, []);
    assert.deepEqual(Object.keys(loaded.config.rules).sort(), RULES.map((r) => r.id).sort());
  });
});
