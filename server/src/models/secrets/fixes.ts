// Fixes that move a hardcoded secret where it belongs, per file kind; each one only where the edit is mechanical.

import type { Fix, Range, TextEdit } from '../../core/types.js';
import type { Assignment } from '../assignments.js';
import type { SourceFile } from '../source-file.js';
import { documentsAround, get, rangeOf } from '../yaml-nodes.js';
import { envName } from './generic.js';
import { escapeRegExp, lineBreakOf, lineStartOf } from '../../core/text.js';

function eol(text: string): string {
  return lineBreakOf(text);
}

/** After the line holding `offset`, including its line end. */
function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

function replace(title: string, range: Range, newText: string, more: TextEdit[] = []): Fix {
  return { title, safety: 'unsafe', edits: [{ range, newText }, ...more] };
}

/** A plain scalar inside a flow collection (`{ key: value }`): `{`, `}` and `,` in the replacement need quotes. */
function yamlValue(file: SourceFile, a: Assignment, newText: string): string {
  if (a.node?.type !== 'PLAIN') return newText;
  return /^[ \t]*[,}\]]/.test(file.text.slice(a.valueRange.end, a.valueRange.end + 40)) ? `'${newText}'` : newText;
}

/** The fixes for a secret that is the whole value of `a` (none when it is only part of it). */
export function secretFixes(file: SourceFile, a: Assignment, secret: Range): Fix[] {
  if (!a.exact || a.valueRange.start !== secret.start || a.valueRange.end !== secret.end) return [];
  const name = envName(a.key);
  const r = a.valueRange;
  switch (file.kind) {
    case 'github-workflow': {
      if (a.source !== 'yaml' || a.node?.type === 'BLOCK_LITERAL' || a.node?.type === 'BLOCK_FOLDED') return [];
      // GitHub reserves the GITHUB_ prefix for secret names.
      const secretName = name.startsWith('GITHUB_') ? `GH_${name.slice(7)}` : name;
      return [replace(`Replace the value with \${{ secrets.${secretName} }} — create the secret first: gh secret set ${secretName}`, r, yamlValue(file, a, `\${{ secrets.${secretName} }}`))];
    }
    case 'gitlab-ci':
      if (a.source !== 'yaml' || !isPlainOrQuoted(a)) return [];
      return [replace(`Replace the value with $${name} — add ${name} as a masked CI/CD variable (Settings → CI/CD → Variables)`, r, `$${name}`)];
    case 'bitbucket-pipelines':
      if (a.source !== 'yaml' || !isPlainOrQuoted(a)) return [];
      return [replace(`Replace the value with $${name} — add ${name} as a secured repository variable`, r, `$${name}`)];
    case 'azure-pipelines':
      if (a.source !== 'yaml' || !isPlainOrQuoted(a)) return [];
      return [replace(`Replace the value with $(${name}) — add ${name} as a secret pipeline variable`, r, `$(${name})`)];
    case 'compose':
      if ((a.source === 'yaml' || a.source === 'yaml-list') && a.path.includes('environment') && isPlainOrQuoted(a)) {
        return [replace(`Replace the value with \${${name}} — set ${name} in the environment or an .env file kept out of Git`, r, yamlValue(file, a, `\${${name}}`))];
      }
      return [];
    case 'kubernetes':
      return a.source === 'k8s-env' ? k8sFix(file, a) : [];
    case 'dockerfile':
      return dockerfileFix(file, a);
    case 'terraform':
      return terraformFix(file, a);
    case 'text':
      return textFix(file, a);
    default:
      return [];
  }
}

function isPlainOrQuoted(a: Assignment): boolean {
  const t = a.node?.type;
  return t === undefined || t === 'PLAIN' || t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE';
}

/** `value: literal` in a container's env list → `valueFrom.secretKeyRef` naming a Secret after the workload. */
function k8sFix(file: SourceFile, a: Assignment): Fix[] {
  const { text } = file;
  const lineStart = lineStartOf(text, a.valueRange.start);
  const before = text.slice(lineStart, a.valueRange.start);
  const m = /^([ \t]*(?:-[ \t]+)?)value:[ \t]*["']?$/.exec(before);
  if (!m || /\t/.test(m[1]!)) return [];
  let end = a.valueRange.end;
  if (text[end] === '"' || text[end] === "'") end++;
  const indent = ' '.repeat(m[1]!.length);
  const workload = workloadName(file, a.valueRange.start);
  const secretName = `${workload}-secrets`;
  const key = envName(a.key).toLowerCase().replace(/_/g, '-');
  const nl = eol(text);
  const newText = `valueFrom:${nl}${indent}  secretKeyRef:${nl}${indent}    name: ${secretName}${nl}${indent}    key: ${key}`;
  return [
    replace(
      `Read ${a.key} from Secret '${secretName}' (create it first: kubectl create secret generic ${secretName} --from-literal=${key}=…)`,
      { start: lineStart + m[1]!.length, end },
      newText,
    ),
  ];
}

function workloadName(file: SourceFile, offset: number): string {
  for (const doc of documentsAround(file.yaml?.docs ?? [], offset)) {
    const r = rangeOf(doc.contents);
    if (!r || offset < r.start || offset > r.end) continue;
    const name = get(get(doc.contents, 'metadata'), 'name') as { value?: unknown } | undefined;
    const v = name?.value;
    if (typeof v === 'string' && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(v)) return v;
  }
  return 'app';
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `$NAME` or `${NAME`, the name as long as it goes: what `\$NAME(?![A-Za-z0-9_])` and `\$\{NAME(?!…)` match. */
const REFERENCE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

interface Runs {
  /** every RUN: its build stage (RUNs before the first FROM count as stage 0) and its arguments' extent. */
  readonly list: readonly { readonly stage: number; readonly start: number; readonly end: number }[];
  /** the RUNs (indexes into `list`, in order) that reference each variable name. */
  byName(): ReadonlyMap<string, readonly number[]>;
}

const RUNS = new WeakMap<object, Runs>();

function runsOf(df: NonNullable<SourceFile['dockerfile']>, file: SourceFile): Runs {
  let runs = RUNS.get(df);
  if (runs) return runs;
  const list: { stage: number; start: number; end: number }[] = [];
  let stage = -1;
  for (const other of df.getInstructions()) {
    if (other.getKeyword() === 'FROM') stage++;
    if (other.getKeyword() !== 'RUN') continue;
    list.push({ stage: Math.max(stage, 0), start: file.lines.offsetAt(other.getInstructionRange().end), end: file.lines.offsetAt(other.getRange().end) });
  }
  let names: Map<string, number[]> | undefined;
  runs = {
    list,
    byName() {
      if (!names) {
        names = new Map();
        for (const [i, run] of list.entries()) {
          for (const m of file.text.slice(run.start, run.end).matchAll(REFERENCE)) {
            const at = names.get(m[1]!);
            if (!at) names.set(m[1]!, [i]);
            else if (at[at.length - 1] !== i) at.push(i);
          }
        }
      }
      return names;
    },
  };
  RUNS.set(df, runs);
  return runs;
}

function dockerfileFix(file: SourceFile, a: Assignment): Fix[] {
  const ins = a.instruction;
  if (!ins || (a.source !== 'dockerfile-env' && a.source !== 'dockerfile-arg')) return [];
  const { text } = file;
  const mount = secretMountFix(file, ins, a.key);
  if (mount) return [mount];
  const r = a.valueRange;
  const quoted = text[r.start - 1] === '"' && text[r.end] === '"';
  if (a.source === 'dockerfile-arg') {
    // `ARG NAME=value` → `ARG NAME`: the value comes from --build-arg (still visible in the image history).
    const eq = text.lastIndexOf('=', r.start);
    if (eq === -1 || eq < a.keyRange.end) return [];
    return [replace(`Remove the default of ${a.key}; pass it at build time (better: a BuildKit secret mount)`, { start: eq, end: quoted ? r.end + 1 : r.end }, '')];
  }
  return [replace(`Empty ${a.key}; provide it at run time (docker run -e ${a.key}) or as a BuildKit secret`, quoted ? { start: r.start - 1, end: r.end + 1 } : r, '""')];
}

/** `.npmrc`: `//registry/:_authToken=npm_…` → `${NPM_TOKEN}`, which npm expands from the environment. */
function textFix(file: SourceFile, a: Assignment): Fix[] {
  if (a.source !== 'text-entry' || !/(?:^|[\\/])\.npmrc$/.test(file.path)) return [];
  const key = a.key.slice(a.key.lastIndexOf(':') + 1);
  if (key !== '_authToken' && key !== '_auth' && key !== '_password') return [];
  const name = key === '_authToken' ? 'NPM_TOKEN' : key === '_auth' ? 'NPM_AUTH' : 'NPM_PASSWORD';
  const r = a.valueRange;
  const quoted = file.text[r.start - 1] === '"' && file.text[r.end] === '"';
  return [replace(`Replace the value with \${${name}} (npm reads it from the environment: set ${name} in CI from a secret)`, quoted ? { start: r.start - 1, end: r.end + 1 } : r, `\${${name}}`)];
}

/**
 * `ARG NAME` / `ENV NAME=…` used by later `RUN`s of its stage → the instruction removed and `--mount=type=secret` on
 * each of those RUNs (the value no longer lands in the image history or config). Only for an instruction that sets
 * this one variable, and only when some RUN uses it.
 */
export function secretMountFix(file: SourceFile, ins: { readonly range: Range; readonly stage: number; readonly properties: number }, key: string): Fix | undefined {
  const { text } = file;
  const df = file.dockerfile;
  if (!df || ins.properties !== 1) return undefined;
  const uses: number[] = [];
  const runs = runsOf(df, file);
  if (IDENTIFIER.test(key)) {
    // The RUNs that name the variable, from an index of the names each RUN references (a scan of every RUN per
    // secret was quadratic in a Dockerfile of thousands of both).
    for (const i of runs.byName().get(key) ?? []) {
      const run = runs.list[i]!;
      if (run.stage === ins.stage && run.start > ins.range.end) uses.push(run.start);
    }
  } else {
    const k = escapeRegExp(key);
    const ref = new RegExp(`\\$(?:${k}(?![A-Za-z0-9_])|\\{${k}(?![A-Za-z0-9_]))`);
    for (const run of runs.list) {
      if (run.stage !== ins.stage || run.start <= ins.range.end) continue;
      if (ref.test(text.slice(run.start, run.end))) uses.push(run.start);
    }
  }
  if (uses.length === 0) return undefined;
  const id = key.toLowerCase().replace(/_/g, '-');
  const lineStart = lineStartOf(text, ins.range.start);
  const edits: TextEdit[] = [{ range: { start: lineStart, end: nextLineStart(text, ins.range.end) }, newText: '' }];
  for (const at of uses) edits.push({ range: { start: at, end: at }, newText: ` --mount=type=secret,id=${id},env=${key}` });
  return {
    title: `Pass ${key} as a BuildKit secret to the RUN that uses it (build with --secret id=${id},env=${key})`,
    safety: 'unsafe',
    edits,
  };
}

function terraformFix(file: SourceFile, a: Assignment): Fix[] {
  if (!file.path.endsWith('.tf')) return [];
  const { text } = file;
  const r = a.valueRange;
  if (text[r.start - 1] !== '"' || text[r.end] !== '"') return [];
  if (a.source === 'terraform-variable-default') {
    if (!a.lineRange) return [];
    return [replace(`Remove the default of variable "${a.key}"; pass it with TF_VAR_${a.key} or a secret store`, { start: a.lineRange.start, end: nextLineStart(text, a.lineRange.end) }, '')];
  }
  const name = a.key.toLowerCase().replace(/-/g, '_');
  const edits: TextEdit[] = [];
  if (!new RegExp(`^[ \\t]*variable[ \\t]+"${escapeRegExp(name)}"`, 'm').test(text)) {
    const nl = eol(text);
    const lead = text.length === 0 || text.endsWith('\n') ? '' : nl;
    edits.push({ range: { start: text.length, end: text.length }, newText: `${lead}${nl}variable "${name}" {${nl}  type      = string${nl}  sensitive = true${nl}}${nl}` });
  }
  return [replace(`Replace the value with var.${name} (a sensitive variable; set it with TF_VAR_${name})`, { start: r.start - 1, end: r.end + 1 }, `var.${name}`, edits)];
}
