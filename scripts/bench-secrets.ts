// Secret-rule figures for `npm run bench`: added as-you-type cost per 1,000 lines, and scan throughput beside secretlint.

import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { Analyzer, DEFAULT_CONFIG, RULES } from '../server/src/engine/index.js';
import { SourceFile } from '../server/src/models/source-file.js';
import { decodeText } from '../server/src/workspace/decode.js';
import { walkFiles } from '../server/src/workspace/walk.js';
import { editedText, generateWorkflow } from './bench-fixtures.js';

export interface SecretRow {
  readonly metric: string;
  readonly value: string;
}

const SECRET_RULES = RULES.filter((r) => r.family === 'secrets');
const OTHER_RULES = RULES.filter((r) => r.family !== 'secrets');

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function timeNs(work: () => unknown): number {
  const t0 = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - t0);
}

function dockerfile(lines: number): string {
  const out = ['FROM node:20-bookworm AS build', 'WORKDIR /app'];
  for (let i = 0; out.length < lines - 2; i++) {
    out.push(`# step ${i}: install and configure component ${i}`);
    out.push(`ENV COMPONENT_${i}_VERSION=1.${i}.0 COMPONENT_${i}_HOME=/opt/c${i}`);
    out.push(`ARG BUILD_FLAG_${i}=release`);
    out.push(`RUN curl -fsSL https://example.org/c${i}/\${COMPONENT_${i}_VERSION}.tgz -o /tmp/c${i}.tgz \\`);
    out.push(`  && echo "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b98${String(i % 100).padStart(2, '0')}  /tmp/c${i}.tgz" | sha256sum -c - \\`);
    out.push(`  && tar -xzf /tmp/c${i}.tgz -C /opt && rm /tmp/c${i}.tgz`);
  }
  out.push('USER node', 'CMD ["node", "server.js"]');
  return `${out.join('\n')}\n`;
}

function terraform(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(`# bucket ${i}`, `resource "aws_s3_bucket" "b${i}" {`, `  bucket = "example-bucket-${i}"`, `  acl    = var.acl`, '  tags = {', `    Name        = "bucket-${i}"`, `    Environment = local.env`, '  }', '}', '');
  }
  return `${out.join('\n')}\n`;
}

/**
 * The secret rules' own work on a parsed file: the facets they read (built here, not shared with other
 * rules) and their checks. Parsing is shared with every other rule, so it is not part of the added cost.
 */
function secretWork(file: SourceFile): number {
  let n = 0;
  n += file.facets.assignments.length + file.facets.scripts.length;
  for (const rule of SECRET_RULES) {
    if (!rule.kinds.includes(file.kind)) continue;
    rule.check({ file, options: { allowedActions: [] }, report: () => void n++ });
  }
  return n;
}

/** Re-analysis after a one-character edit: the secret rules' added work per 1,000 lines. */
export function benchSecretEdit(iterations: number): SecretRow[] {
  const rows: SecretRow[] = [];
  const wf = generateWorkflow(1000);
  const fixtures: { name: string; path: string; lines: number; edit: (i: number) => string }[] = [
    { name: 'workflow', path: '.github/workflows/ci.yml', lines: wf.lineCount, edit: (i) => editedText(wf, i) },
    (() => {
      const text = dockerfile(1000);
      const comments = [...text.matchAll(/# step/g)].map((m) => m.index + 2);
      return { name: 'Dockerfile', path: 'Dockerfile', lines: text.split('\n').length - 1, edit: (i: number) => { const at = comments[i % comments.length]!; return text.slice(0, at) + String.fromCharCode(97 + (i % 26)) + text.slice(at + 1); } };
    })(),
    (() => {
      const text = terraform(1000);
      const comments = [...text.matchAll(/# bucket/g)].map((m) => m.index + 2);
      return { name: 'Terraform', path: 'infra/main.tf', lines: text.split('\n').length - 1, edit: (i: number) => { const at = comments[i % comments.length]!; return text.slice(0, at) + String.fromCharCode(97 + (i % 26)) + text.slice(at + 1); } };
    })(),
  ];
  console.log('');
  console.log(`[5a] Added cost of the secret rules (${SECRET_RULES.map((r) => r.id).join(', ')}) per one-character edit, engine only`);
  for (const f of fixtures) {
    const all = new Analyzer(RULES);
    const others = new Analyzer(OTHER_RULES);
    const withNs: number[] = [];
    const withoutNs: number[] = [];
    let findings = 0;
    for (let i = 0; i < 30 + iterations; i++) {
      const text = f.edit(i);
      const a = (): number => timeNs(() => (findings = all.analyze({ path: f.path, text }, DEFAULT_CONFIG).findings.length));
      const b = (): number => timeNs(() => others.analyze({ path: f.path, text }, DEFAULT_CONFIG));
      // alternate which goes first so neither always runs right after the other's garbage
      let x: number;
      let y: number;
      if (i % 2 === 0) {
        x = a();
        y = b();
      } else {
        y = b();
        x = a();
      }
      if (i >= 30) {
        withNs.push(x);
        withoutNs.push(y);
      }
    }
    // Direct: parse untimed, then time only what the secret rules add (facets + checks).
    const direct: number[] = [];
    for (let i = 0; i < 30 + iterations; i++) {
      const file = new SourceFile(f.path, f.edit(i), all.detectKind(f.path, f.edit(i))!);
      void file.yaml;
      void file.dockerfile;
      void file.terraform;
      const ns = timeNs(() => secretWork(file));
      if (i >= 30) direct.push(ns);
    }
    const per1000 = (median(direct) / f.lines) * 1000;
    const diff = ((median(withNs) - median(withoutNs)) / f.lines) * 1000;
    console.log(
      `    ${f.name.padEnd(10)} ${f.lines} lines: secret facets + checks ${(per1000 / 1e6).toFixed(3)} ms per 1,000 lines (median); ` +
        `end to end: all rules ${(median(withNs) / 1e6).toFixed(2)} ms vs without secret rules ${(median(withoutNs) / 1e6).toFixed(2)} ms (difference ${(diff / 1e6).toFixed(3)} ms per 1,000 lines, noisy: GC and machine load); findings: ${findings}`,
    );
    rows.push({ metric: `secrets: added per 1k lines (${f.name})`, value: `${(per1000 / 1e6).toFixed(3)} ms` });
  }
  return rows;
}

/** The corpus files Forewarn analyzes, read once into memory. */
function corpusTexts(corpus: string): { path: string; text: string }[] {
  const analyzer = new Analyzer();
  const out: { path: string; text: string }[] = [];
  for (const abs of walkFiles(corpus, { file: () => true })) {
    const path = relative(corpus, abs).split(sep).join('/');
    const text = decodeText(readFileSync(abs));
    if (text.length > DEFAULT_CONFIG.maxFileSize || text.includes('\0')) continue;
    if (analyzer.detectKind(path, text)) out.push({ path, text });
  }
  return out;
}

/** The two secretlint exports used (ES modules, loaded with import() from this CommonJS script). */
interface SecretlintModules {
  lintSource(args: { source: { filePath: string; content: string; contentType: 'text' }; options: { config: { rules: unknown[] }; noPhysicFilePath?: boolean } }): Promise<{ messages: readonly unknown[] }>;
  creator: unknown;
}

/** Forewarn's secret rules and secretlint's recommended preset over the same in-memory corpus texts. */
export async function benchSecretlint(corpus: string, runs: number): Promise<SecretRow[]> {
  console.log('');
  console.log('[5b] Secret scan throughput over the same corpus files (in memory, in-process): Forewarn secret rules vs secretlint + preset-recommend');
  const files = corpusTexts(corpus);
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  let mods: SecretlintModules;
  try {
    const core = (await import('@secretlint/core')) as unknown as Pick<SecretlintModules, 'lintSource'>;
    const preset = (await import('@secretlint/secretlint-rule-preset-recommend')) as unknown as Pick<SecretlintModules, 'creator'>;
    mods = { lintSource: core.lintSource, creator: preset.creator };
  } catch (e) {
    console.log(`    skipped: secretlint not installed (${e instanceof Error ? e.message : String(e)})`);
    return [];
  }
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: mods.creator }] };
  const forewarnOnce = (): number => {
    const analyzer = new Analyzer(SECRET_RULES);
    let n = 0;
    for (const f of files) {
      n += analyzer.analyze({ path: f.path, text: f.text }, DEFAULT_CONFIG).findings.length;
      analyzer.forget(f.path);
    }
    return n;
  };
  const secretlintOnce = async (): Promise<number> => {
    let n = 0;
    for (const f of files) {
      const r = await mods.lintSource({ source: { filePath: `/corpus/${f.path}`, content: f.text, contentType: 'text' }, options: { config, noPhysicFilePath: true } });
      n += r.messages.length;
    }
    return n;
  };
  // Rules only: the files parsed beforehand (Forewarn needs the parse for context and fixes; secretlint reads raw text).
  const analyzer = new Analyzer();
  const parsed = files.map((f) => {
    const file = new SourceFile(f.path, f.text, analyzer.detectKind(f.path, f.text)!);
    void file.yaml;
    void file.dockerfile;
    void file.terraform;
    return file;
  });
  const rulesOnce = (): number => parsed.reduce((n, file) => n + secretWork(file), 0);
  rulesOnce();
  let fwFindings = forewarnOnce(); // warm-up
  let slFindings = await secretlintOnce();
  const fw: number[] = [];
  const sl: number[] = [];
  const ro: number[] = [];
  for (let i = 0; i < runs; i++) {
    fw.push(timeNs(() => (fwFindings = forewarnOnce())));
    ro.push(timeNs(() => rulesOnce()));
    const t0 = process.hrtime.bigint();
    slFindings = await secretlintOnce();
    sl.push(Number(process.hrtime.bigint() - t0));
  }
  const fwBest = Math.min(...fw);
  const slBest = Math.min(...sl);
  const fps = (ns: number): number => files.length / (ns / 1e9);
  const ratio = slBest / fwBest;
  const roBest = Math.min(...ro);
  const roRatio = slBest / roBest;
  console.log(`    files: ${files.length} (${(bytes / 1e6).toFixed(2)} M characters); best of ${runs} runs after a warm-up`);
  console.log(`    Forewarn secret rules: ${(fwBest / 1e6).toFixed(1)} ms, ${fps(fwBest).toFixed(0)} files/s, ${fwFindings} findings (parse included)`);
  console.log(`    secretlint preset-recommend: ${(slBest / 1e6).toFixed(1)} ms, ${fps(slBest).toFixed(0)} files/s, ${slFindings} findings`);
  console.log(`    Forewarn secret rules on already-parsed files (facets + checks): ${(roBest / 1e6).toFixed(1)} ms, ${fps(roBest).toFixed(0)} files/s`);
  console.log(`    ratio (throughput, Forewarn / secretlint): ${ratio.toFixed(2)}x including Forewarn's parse; ${roRatio.toFixed(2)}x for the secret rules alone`);
  return [
    { metric: 'secrets scan files/s (Forewarn rules only)', value: fps(roBest).toFixed(0) },
    { metric: 'secrets rules only Forewarn/secretlint', value: `${roRatio.toFixed(2)}x` },
    { metric: 'secrets scan files/s (Forewarn)', value: fps(fwBest).toFixed(0) },
    { metric: 'secrets scan files/s (secretlint)', value: fps(slBest).toFixed(0) },
    { metric: 'secrets scan incl. parse Forewarn/secretlint', value: `${ratio.toFixed(2)}x` },
  ];
}
