// Kubernetes cost for `npm run bench`: ms per 1,000 lines of manifests for the parse alone and for parse + every
// rule that runs on the kind, over the corpus manifests and over one ~16,000-line multi-document file.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Analyzer, DEFAULT_CONFIG } from '../server/src/engine/index.js';
import { parseYaml } from '../server/src/parsers/yaml.js';
import { lineCount } from './bench-hcl.js';

export interface K8sBenchRow {
  readonly metric: string;
  readonly value: string;
}

const TARGET_LINES = 16_000;
const ROUNDS = 9;

/** CPU time (user + system) of `work`, in nanoseconds. */
function cpuNs(work: () => void): number {
  const t0 = process.cpuUsage();
  work();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) * 1000;
}

/** Best CPU time of each of two passes over ROUNDS rounds, alternating which goes first. */
function interleaved(parse: () => void, analyze: () => void): { parse: number; analyze: number } {
  let p = Infinity;
  let a = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      p = Math.min(p, cpuNs(parse));
      a = Math.min(a, cpuNs(analyze));
    } else {
      a = Math.min(a, cpuNs(analyze));
      p = Math.min(p, cpuNs(parse));
    }
  }
  return { parse: p, analyze: a };
}

interface Manifest {
  readonly path: string;
  readonly text: string;
}

/** Prints the figures and returns summary rows. Uses the files of `<corpus>/k8s` the detector calls Kubernetes. */
export function benchK8s(corpus: string): K8sBenchRow[] {
  const dir = join(corpus, 'k8s');
  console.log('');
  if (!existsSync(dir)) {
    console.log('[6] Kubernetes rules: skipped (no k8s folder in the corpus)');
    return [];
  }
  const detect = new Analyzer();
  const files: Manifest[] = yamlFiles(dir)
    .map((abs) => ({ path: relative(corpus, abs).split(sep).join('/'), text: readFileSync(abs, 'utf8') }))
    .filter((f) => detect.detectKind(f.path, f.text, DEFAULT_CONFIG) === 'kubernetes');
  const lines = files.reduce((n, f) => n + lineCount(f.text), 0);
  const big = bigFile(files);
  const bigLines = lineCount(big.text);
  console.log(`[6] Kubernetes rules: ${files.length} corpus manifests (${lines} lines), and a ${bigLines}-line multi-document file`);

  let sink = 0;
  // A fresh Analyzer per pass: it caches the parse of the last text per path.
  const analyzeAll = (set: readonly Manifest[]): void => {
    const analyzer = new Analyzer();
    for (const f of set) sink += analyzer.analyze({ path: f.path, text: f.text, kind: 'kubernetes' }, DEFAULT_CONFIG).findings.length;
  };
  const parseAll = (set: readonly Manifest[]): void => {
    for (const f of set) sink += parseYaml(f.text).docs.length;
  };
  analyzeAll(files); // warm-up
  parseAll(files);
  const perK = (ns: number, n: number): number => ns / 1e6 / (n / 1000);
  // CPU time, best of ROUNDS interleaved rounds: on a shared machine wall time swings more than the rules cost.
  const onCorpus = interleaved(() => parseAll(files), () => analyzeAll(files));
  const whole = interleaved(() => parseAll([big]), () => analyzeAll([big]));
  const corpusParse = perK(onCorpus.parse, lines);
  const corpusAnalyze = perK(onCorpus.analyze, lines);
  const bigParse = perK(whole.parse, bigLines);
  const bigAnalyze = perK(whole.analyze, bigLines);
  const findings = new Analyzer().analyze({ path: big.path, text: big.text, kind: 'kubernetes' }, DEFAULT_CONFIG).findings.length;
  console.log(`    corpus manifests, CPU time, best of ${ROUNDS}: parse ${corpusParse.toFixed(2)} ms, parse + rules ${corpusAnalyze.toFixed(2)} ms per 1,000 lines; rules alone ${(corpusAnalyze - corpusParse).toFixed(2)} ms per 1,000 lines`);
  console.log(`    ${bigLines}-line file, CPU time, best of ${ROUNDS}: parse ${bigParse.toFixed(2)} ms, parse + rules ${bigAnalyze.toFixed(2)} ms per 1,000 lines; rules alone ${(bigAnalyze - bigParse).toFixed(2)} ms per 1,000 lines (${findings} findings)`);
  if (sink < 0) console.log('');
  return [
    { metric: 'Kubernetes parse+rules ms/1,000 lines', value: corpusAnalyze.toFixed(2) },
    { metric: 'Kubernetes rules alone ms/1,000 lines', value: (corpusAnalyze - corpusParse).toFixed(2) },
    { metric: `Kubernetes ${bigLines}-line file rules ms/1,000 lines`, value: (bigAnalyze - bigParse).toFixed(2) },
  ];
}

/** `.yml`/`.yaml` files below `dir`, in a stable order. */
function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (/\.ya?ml$/i.test(e.name)) out.push(p);
  }
  return out;
}

/** The manifests joined as documents of one stream until it has TARGET_LINES lines. */
function bigFile(files: readonly Manifest[]): Manifest {
  const parts: string[] = [];
  for (let i = 0, n = 0; n < TARGET_LINES && files.length > 0; i++) {
    const t = files[i % files.length]!.text;
    parts.push(`---\n${t.endsWith('\n') ? t : `${t}\n`}`);
    n += lineCount(t) + 1;
  }
  return { path: 'k8s/all-in-one.yaml', text: parts.join('') };
}
