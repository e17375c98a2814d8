// Counts findings of the pipeline permission/injection rules over ../shared/corpus and prints a sample per rule.
// Usage: npx tsc -p . && node out/scripts/pipeline-corpus.js [sample-size]

import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Analyzer, DEFAULT_CONFIG, RULES } from '../server/src/engine/index.js';
import { LineIndex } from '../server/src/core/text.js';
import { decodeText } from '../server/src/workspace/decode.js';
import { walkFiles } from '../server/src/workspace/walk.js';

const REPO = resolve(__dirname, '..', '..');
const CORPUS = resolve(REPO, process.env['FOREWARN_CORPUS'] ?? join('..', 'shared', 'corpus'));
const SAMPLE = Number(process.argv[2] ?? 5);
const FAMILIES = new Set(['permissions', 'injection']);

if (!existsSync(CORPUS)) {
  console.log(`no corpus at ${CORPUS}`);
  process.exit(0);
}
const rules = RULES.filter((r) => FAMILIES.has(r.family));
const analyzer = new Analyzer(rules);
const counts = new Map<string, number>(rules.map((r) => [r.id, 0]));
const samples = new Map<string, string[]>();
let files = 0;
for (const file of walkFiles(CORPUS, { file: () => true })) {
  const rel = relative(CORPUS, file);
  const text = decodeText(readFileSync(file));
  const r = analyzer.analyze({ path: rel, text }, DEFAULT_CONFIG);
  if (!r.kind || !['github-workflow', 'github-action', 'gitlab-ci', 'azure-pipelines'].includes(r.kind)) continue;
  files++;
  if (r.ruleErrors.length) console.log('RULE ERROR', rel, r.ruleErrors);
  const lines = new LineIndex(text);
  for (const f of r.findings) {
    counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
    const list = samples.get(f.ruleId) ?? [];
    const line = lines.positionAt(f.range.start).line;
    list.push(`${rel}:${line + 1}: ${lines.lineText(line).trim().slice(0, 140)}${f.fixes.length ? '  [fix]' : ''}`);
    samples.set(f.ruleId, list);
  }
  analyzer.forget(rel);
}
console.log(`${files} pipeline files`);
for (const [id, n] of counts) {
  console.log(`\n${id}: ${n}`);
  const list = samples.get(id) ?? [];
  // An even spread over the findings rather than the first few files.
  const step = Math.max(1, Math.floor(list.length / SAMPLE));
  for (let i = 0; i < list.length && i / step < SAMPLE; i += step) console.log(`  ${list[i]}`);
}
