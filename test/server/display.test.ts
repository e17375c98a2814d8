// Pure pieces of the editor display: the severity map, grouping of findings that share a span, snippet escaping.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/text.js';
import type { Finding } from '../../server/src/core/types.js';
import { fixAll, snippetText } from '../../server/src/lsp/code-actions.js';
import { EMPTY_RESULT } from '../../server/src/lsp/document-analysis.js';
import { DEFAULT_SEVERITY_MAP, readSeverityMap, ruleDocsUri, toLspSeverity } from '../../server/src/lsp/convert.js';
import { findingDiagnostics, spanGroups } from '../../server/src/lsp/diagnostics.js';

const finding = (ruleId: string, start: number, end: number, severity: Finding['severity'] = 'high'): Finding => ({ ruleId, family: 'injection', severity, message: `${ruleId} message`, range: { start, end }, fixes: [] });

describe('editor display', () => {
  it('severity map: defaults, partial overrides, junk ignored', () => {
    assert.deepEqual(['critical', 'high', 'medium', 'low', 'info'].map((s) => toLspSeverity(s as Finding['severity'])), [1, 2, 2, 3, 4]);
    const m = readSeverityMap({ high: 'Error', low: 'nope', extra: 'error' });
    assert.equal(m.high, 'error');
    assert.equal(m.low, 'information');
    assert.equal(readSeverityMap(undefined), DEFAULT_SEVERITY_MAP);
    assert.equal(readSeverityMap({ high: 'warning' }), DEFAULT_SEVERITY_MAP, 'the defaults again are the defaults');
  });

  it('fix all: a safe fix that overlaps one it makes is counted as left for a second run, not lost', () => {
    const text = 'image: node:latest\n';
    const safe = (f: Finding, newText: string): Finding => ({ ...f, fixes: [{ title: 'fix', safety: 'safe', edits: [{ range: f.range, newText }] }] });
    const first = safe(finding('image-latest', 7, 18), 'node:22');
    const second = safe(finding('unpinned-image', 7, 18), 'node@sha256:0');
    const plain = finding('no-fix', 0, 5);
    const r = fixAll({ uri: 'file:///x.yml', version: 1, text, lines: new LineIndex(text) }, { ...EMPTY_RESULT, parsed: true, findings: [first, second, plain] });
    assert.equal(r.fixedCount, 1);
    assert.deepEqual(r.fixed, [{ ruleId: 'image-latest', count: 1 }]);
    assert.deepEqual(r.remaining, { unsafe: 0, lookup: 0, none: 1, again: 1 });
  });

  it('groups findings that overlap on their first line; the most severe leads, the others are related', () => {
    const text = 'run: echo "${{ x }}" >> "$GITHUB_ENV"\nnext: line\n';
    const lines = new LineIndex(text);
    const fs = [finding('insecure-commands', 5, 37), finding('template-injection', 11, 19, 'critical'), finding('other', 38, 42)];
    assert.deepEqual(spanGroups(fs, [0, 1, 2], lines), [[0, 1], [2]]);
    const ds = findingDiagnostics(fs, { uri: 'file:///w.yml', lines, version: 1, analysis: 1, display: { severityMap: DEFAULT_SEVERITY_MAP, relatedInformation: true } });
    assert.equal(ds.length, 2);
    assert.equal(ds[0]!.code, 'template-injection');
    assert.equal(ds[0]!.severity, 1);
    assert.deepEqual(ds[0]!.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 37 } });
    assert.equal(ds[0]!.message, 'critical: template-injection message');
    assert.equal(ds[0]!.relatedInformation![0]!.message, 'high insecure-commands: insecure-commands message');
    assert.deepEqual((ds[0]!.data as { indices: number[] }).indices, [1, 0]);
    assert.equal(ds[0]!.codeDescription!.href, ruleDocsUri('template-injection'));
    // Identical ranges group too; touching ones and ones starting on other lines do not.
    assert.deepEqual(spanGroups([finding('a', 0, 4), finding('b', 0, 4), finding('c', 4, 6)], [0, 1, 2], lines), [[0, 1], [2]]);
  });

  it('baselined findings group among themselves and stay dimmed; hidden ones are left out', () => {
    const text = 'FROM node\n';
    const lines = new LineIndex(text);
    const fs = [finding('image-latest', 5, 9, 'medium'), finding('dockerfile-no-user', 5, 9, 'low')];
    const dimmed = findingDiagnostics(fs, { uri: 'file:///D', lines, version: 1, analysis: 1, display: { severityMap: DEFAULT_SEVERITY_MAP, relatedInformation: false }, baselined: new Set([1]) });
    assert.deepEqual(dimmed.map((d) => [d.code, d.tags ?? []]), [['image-latest', []], ['dockerfile-no-user', [1]]]);
    const hidden = findingDiagnostics(fs, { uri: 'file:///D', lines, version: 1, analysis: 1, display: { severityMap: DEFAULT_SEVERITY_MAP, relatedInformation: false }, baselined: new Set([1]), baselineDisplay: 'hidden' });
    assert.equal(hidden.length, 1);
  });

  it('snippet text escapes $, } and backslash', () => {
    assert.equal(snippetText('a$b}c\\d'), 'a\\$b\\}c\\\\d');
  });
});
