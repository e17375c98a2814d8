// The privilege rules on files broken mid-edit: every prefix of the example files, and each line deleted in turn.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer, RULES } from '../../server/src/engine/index.js';
import { REPO } from '../helpers/lsp-client.js';

const FILES = ['examples/docker/Dockerfile.hardening', 'examples/docker/Dockerfile.root', 'examples/k8s/deployment.yaml', 'examples/compose/docker-compose.privileged.yml', 'examples/infra/iam.tf', 'examples/infra/azure-gcp.tf'];
const FAMILIES = new Set(['hardening', 'permissions']);

describe('privilege rules on half-typed files', () => {
  const rules = RULES.filter((r) => FAMILIES.has(r.family));
  for (const file of FILES) {
    it(file, () => {
      const text = readFileSync(join(REPO, file), 'utf8');
      const analyzer = new Analyzer(rules);
      const variants: string[] = [];
      // Every prefix cut at a line end and in the middle of each line (the user is typing).
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
        variants.push(text.slice(0, i), text.slice(0, i - Math.floor((i - text.lastIndexOf('\n', i - 1)) / 2)));
      }
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) variants.push([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
      for (const v of variants) {
        const r = analyzer.analyze({ path: file, text: v });
        assert.deepEqual(r.ruleErrors, [], v);
        for (const f of r.findings) {
          assert.ok(f.range.start >= 0 && f.range.end <= v.length && f.range.start <= f.range.end, `${f.ruleId} range outside the text`);
          for (const fix of f.fixes) if (fix.safety !== 'needs-network') for (const e of fix.edits) assert.ok(e.range.start >= 0 && e.range.end <= v.length);
        }
      }
    });
  }
});
