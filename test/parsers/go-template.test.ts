// Go-template masking: same-length placeholders, blanked control-flow lines, never a shifted offset.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blankedWithin, maskTemplateActions } from '../../server/src/parsers/go-template.js';
import { parseYaml } from '../../server/src/parsers/yaml.js';

describe('maskTemplateActions', () => {
  it('leaves text without actions alone', () => assert.equal(maskTemplateActions('a: 1\n'), undefined));

  it('keeps the length and every line break, and blanks lines that hold only actions', () => {
    const text = '{{- if .Values.on }}\r\napiVersion: v1\nmetadata:\n  name: {{ include "x.fullname" . }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\n{{- end }}';
    const m = maskTemplateActions(text)!;
    assert.equal(m.text.length, text.length);
    assert.deepEqual([...m.text].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0), [...text].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0));
    const lines = m.text.split(/\r?\n/);
    assert.equal(lines[0]!.trim(), '');
    assert.equal(lines[3], `  name: $${'_'.repeat('{{ include "x.fullname" . }}'.length - 1)}`);
    assert.equal(lines[5]!.trim(), '');
    assert.equal(lines[6]!.trim(), '');
    assert.equal(m.blankedLines.length, 3);
    assert.equal(text.slice(m.blankedLines[0]!.start, m.blankedLines[0]!.end), '{{- if .Values.on }}');
  });

  it('an unclosed action runs to the end of its line only', () => {
    const m = maskTemplateActions('a: {{ .Val\nb: 2\n')!;
    assert.equal(m.text, 'a: $______\nb: 2\n');
  });

  it('the masked chart parses, and values that were actions are placeholders', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: {{ .Chart.Name }}\n          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n          {{- with .Values.securityContext }}\n          securityContext:\n            {{- toYaml . | nindent 12 }}\n          {{- end }}\n';
    const y = parseYaml(text, { templates: true, chart: true });
    assert.deepEqual(y.errors, []);
    assert.equal(y.docs.length, 1);
    assert.equal(y.templateLines?.length, 3);
    const doc = y.docs[0]!.toJS() as { spec: { template: { spec: { containers: { name: string; image: string }[] } } } };
    assert.match(doc.spec.template.spec.containers[0]!.name, /^\$_+$/);
    assert.match(doc.spec.template.spec.containers[0]!.image, /^\$_+:\$_+$/);
  });

  it('is linear on hostile input', () => {
    const text = '{{'.repeat(50_000) + '\n' + 'x: {{ y }}\n'.repeat(20_000);
    const m = maskTemplateActions(text)!;
    assert.equal(m.text.length, text.length);
    const unclosed = 'a: {{ x\n'.repeat(50_000);
    assert.equal(maskTemplateActions(unclosed)!.text.length, unclosed.length);
  });
});

describe('blankedWithin', () => {
  const lines = [{ start: 10, end: 20 }, { start: 50, end: 60 }];
  it('finds a line that starts inside the range', () => {
    assert.equal(blankedWithin(lines, 0, 11), true);
    assert.equal(blankedWithin(lines, 11, 50), false);
    assert.equal(blankedWithin(lines, 45, 100), true);
    assert.equal(blankedWithin([], 0, 100), false);
  });
});
