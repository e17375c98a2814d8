// Terraform rule cost for `npm run bench`: analysis (parse + every Terraform rule, with each folder's files as the
// module context, as `forewarn scan` gives them) per 1,000 lines over the corpus Terraform files, minus the bare HCL
// parse, and the same on a ~16,000-line file.

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { Analyzer, DEFAULT_CONFIG, type ModuleContext } from '../server/src/engine/index.js';
import { parseHcl } from '../server/src/parsers/hcl.js';
import { best, concatenate, lineCount, terraformFiles } from './bench-hcl.js';

export interface TerraformBenchRow {
  readonly metric: string;
  readonly value: string;
}

interface Input {
  readonly path: string;
  readonly text: string;
}

/** Prints the figures and returns summary rows; skipped without `<corpus>/terraform`. */
export function benchTerraformRules(corpus: string): TerraformBenchRow[] {
  const dir = join(corpus, 'terraform');
  console.log('');
  if (!existsSync(dir)) {
    console.log('[6] Terraform rules per 1,000 lines\n    skipped: corpus not found');
    return [];
  }
  const inputs: Input[] = terraformFiles(dir).map((p) => ({ path: relative(corpus, p), text: readFileSync(p, 'utf8') }));
  const lines = inputs.reduce((n, f) => n + lineCount(f.text), 0);
  console.log(`[6] Terraform rules (parse + every Terraform rule, engine only): ${inputs.length} corpus files, ${lines} lines`);
  let sink = 0;
  const folders = new Map<string, Input[]>();
  for (const f of inputs) folders.set(dirname(f.path), [...(folders.get(dirname(f.path)) ?? []), f]);
  const analyzeAll = (withModules: boolean): void => {
    // A fresh analyzer and fresh folder contexts each run: neither parse cache may turn later runs into cache hits.
    const analyzer = new Analyzer();
    const contexts = new Map<string, ModuleContext>();
    if (withModules) for (const [dir, files] of folders) contexts.set(dir, { files: files.map((f) => ({ name: basename(f.path), text: f.text })) });
    for (const f of inputs) {
      const module = f.path.endsWith('.tf') ? contexts.get(dirname(f.path)) : undefined;
      sink += analyzer.analyze({ path: f.path, text: f.text, kind: 'terraform', ...(module ? { module } : {}) }, DEFAULT_CONFIG).findings.length;
    }
  };
  const parseAll = (): void => inputs.forEach((f) => (sink += parseHcl(f.text).body.items.length));
  analyzeAll(true);
  parseAll();
  const analyzeNs = best(5, () => analyzeAll(true));
  const aloneNs = best(5, () => analyzeAll(false));
  const parseNs = best(5, parseAll);
  const perK = (ns: number): number => ns / 1e6 / (lines / 1000);
  // CPU time as well: on a loaded machine wall time measures the neighbours.
  const cpuMs = (work: () => void): number => {
    const c = process.cpuUsage();
    work();
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  };
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
  const cpuAnalyze = median(Array.from({ length: 5 }, () => cpuMs(() => analyzeAll(true))));
  const cpuParse = median(Array.from({ length: 5 }, () => cpuMs(parseAll)));
  const cpuPerK = (ms: number): string => (ms / (lines / 1000)).toFixed(2);
  const rulesPerK = Math.max(0, perK(analyzeNs) - perK(parseNs));
  const big = concatenate(inputs.map((f) => f.text));
  const bigLines = lineCount(big);
  const bigAnalyze = best(5, () => (sink += new Analyzer().analyze({ path: 'big.tf', text: big, kind: 'terraform' }, DEFAULT_CONFIG).findings.length));
  const bigParse = best(5, () => (sink += parseHcl(big).body.items.length));
  console.log(`    analyze with folder contexts (as forewarn scan), best of 5: ${(analyzeNs / 1e6).toFixed(1)} ms = ${perK(analyzeNs).toFixed(2)} ms per 1,000 lines (parse alone ${perK(parseNs).toFixed(2)})`);
  console.log(`    analyze file by file without folder contexts: ${perK(aloneNs).toFixed(2)} ms per 1,000 lines`);
  console.log(`    Terraform rules per 1,000 lines (analyze − parse): ${rulesPerK.toFixed(2)} ms`);
  console.log(`    CPU time, median of 5: analyze ${cpuPerK(cpuAnalyze)} ms, parse ${cpuPerK(cpuParse)} ms, rules ${cpuPerK(cpuAnalyze - cpuParse)} ms per 1,000 lines`);
  console.log(`    ${bigLines}-line file, best of 5: analyze ${(bigAnalyze / 1e6).toFixed(1)} ms, parse ${(bigParse / 1e6).toFixed(1)} ms`);
  if (sink < 0) console.log('');
  return [
    { metric: 'Terraform analyze ms/1,000 lines', value: perK(analyzeNs).toFixed(2) },
    { metric: 'Terraform analyze ms/1,000 lines, no folder context', value: perK(aloneNs).toFixed(2) },
    { metric: 'Terraform rules ms/1,000 lines', value: rulesPerK.toFixed(2) },
    { metric: 'Terraform rules CPU ms/1,000 lines', value: cpuPerK(cpuAnalyze - cpuParse) },
    { metric: `Terraform analyze ${bigLines}-line file`, value: `${(bigAnalyze / 1e6).toFixed(1)} ms` },
  ];
}

/** Run alone: `npm run -s compile && node out/scripts/bench-terraform.js [corpus]`. */
if (require.main === module) benchTerraformRules(process.argv[2] ?? join(__dirname, '..', '..', '..', 'shared', 'corpus'));
