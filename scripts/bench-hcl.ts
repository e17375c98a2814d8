// HCL parse speed for `npm run bench`: ms per 1,000 lines over the corpus Terraform files, and a ~16,000-line file.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHcl } from '../server/src/parsers/hcl.js';

export interface HclBenchRow {
  readonly metric: string;
  readonly value: string;
}

const TARGET_LINES = 16_000;

/** Prints the figures and returns summary rows. Uses `<corpus>/terraform`, or a generated file when it is absent. */
export function benchHcl(corpus: string): HclBenchRow[] {
  const dir = join(corpus, 'terraform');
  const files = existsSync(dir) ? terraformFiles(dir).map((p) => readFileSync(p, 'utf8')) : [generated()];
  const lines = files.reduce((n, t) => n + lineCount(t), 0);
  const big = concatenate(files);
  console.log('');
  console.log(`[5] HCL parse (server/src/parsers/hcl.ts): ${files.length} ${existsSync(dir) ? 'corpus Terraform files' : 'generated file (no corpus)'}, ${lines} lines`);
  let sink = 0;
  const parseAll = (): void => files.forEach((t) => (sink += parseHcl(t).body.items.length));
  parseAll(); // warm-up
  const allNs = best(5, parseAll);
  const perK = allNs / 1e6 / (lines / 1000);
  const bigNs: number[] = [];
  for (let i = 0; i < 15; i++) bigNs.push(timeNs(() => (sink += parseHcl(big).body.items.length)));
  bigNs.sort((a, b) => a - b);
  console.log(`    all files, best of 5: ${(allNs / 1e6).toFixed(1)} ms = ${perK.toFixed(2)} ms per 1,000 lines`);
  console.log(`    ${lineCount(big)}-line file (files concatenated), 15 runs: median ${(bigNs[7]! / 1e6).toFixed(1)} ms, best ${(bigNs[0]! / 1e6).toFixed(1)} ms`);
  if (sink < 0) console.log('');
  return [
    { metric: 'HCL parse ms/1,000 lines', value: perK.toFixed(2) },
    { metric: `HCL parse ${lineCount(big)}-line file p50`, value: `${(bigNs[7]! / 1e6).toFixed(1)} ms` },
  ];
}

function generated(): string {
  const out: string[] = [];
  for (let i = 0; out.length < 400; i++) {
    out.push(
      `module "m${i}" {`,
      `  source  = "terraform-aws-modules/vpc/aws"`,
      `  version = "~> 5.0"`,
      `  name    = "vpc-\${var.env}-${i}"`,
      `  tags    = merge(local.tags, { Index = ${i} })`,
      `}`,
      '',
    );
  }
  return `${out.join('\n')}\n`;
}

/** `.tf` and `.tfvars` files below `dir`, in a stable order. */
export function terraformFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) terraformFiles(p, out);
    else if (/\.tf(vars)?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Files joined until the text has TARGET_LINES lines (a ~16k-line file). */
export function concatenate(files: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0, lines = 0; lines < TARGET_LINES && files.length > 0; i++) {
    const t = files[i % files.length]!;
    parts.push(t.endsWith('\n') ? t : `${t}\n`);
    lines += lineCount(t);
  }
  return parts.join('');
}

export function lineCount(t: string): number {
  let n = t.length > 0 && !t.endsWith('\n') ? 1 : 0;
  for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) n++;
  return n;
}

export function timeNs(work: () => void): number {
  const t0 = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - t0);
}

export function best(runs: number, work: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, timeNs(work));
  return min;
}
