// Security scanners (gitleaks, semgrep, trivy, …) wired so that they can never fail the pipeline.

import { isScalar, type Pair } from 'yaml';
import type { Fix, Range, TextEdit } from '../../core/types.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const SCANNERS = 'gitleaks|semgrep|trivy|grype|checkov|tfsec|kics|dependency-check(?:\\.sh)?|snyk|zizmor|forewarn';
/** A scanner at command position: line start or after `;`, `&&`, `||`, `|`, `(`, optionally behind sudo/npx/uvx/pipx run or a path. */
const SCANNER_CMD = new RegExp(
  `(?:^|[;&|(])[ \\t]*(?:sudo[ \\t]+|npx[ \\t]+(?:--yes[ \\t]+|-y[ \\t]+)?|uvx[ \\t]+|pipx[ \\t]+run[ \\t]+)?(?:[\\w.-]*/)*(${SCANNERS})(?![\\w.-])([^\\n]{0,2000})`,
  'gm',
);
/** Scanner subcommands that only report or install (they never gate, so neither does ignoring them). */
const NOT_A_SCAN = /^[ \t]+(?:--version|version|--help|help|monitor|auth|config|update|db|plugin|completion|ignore)\b|^[ \t]*$/;
const SWALLOWED = /\|\|[ \t]*(?:true|:|exit[ \t]+0)(?![\w-])|;[ \t]*exit[ \t]+0(?![\w-])/;
const EXIT_ZERO = /--exit-code(?:=|[ \t]+)["']?0(?![\d])/;

/** GitHub actions that run one of the scanners (owner/repo[/path], lower-cased). */
const SCANNER_ACTIONS: readonly RegExp[] = [
  /^aquasecurity\/(?:trivy-action|tfsec-action|tfsec-sarif-action)$/,
  /^(?:gitleaks|zricethezav)\/gitleaks-action$/,
  /^(?:returntocorp|semgrep)\/semgrep-action$/,
  /^anchore\/scan-action$/,
  /^bridgecrewio\/checkov-action$/,
  /^checkmarx\/kics-github-action$/,
  /^dependency-check\/dependency-check_action$/,
  /^snyk\/actions(?:\/[\w.-]+)?$/,
  /^zizmorcore\/zizmor-action$/,
  /^(?:aquasecurity\/tfsec-pr-commenter-action)$/,
];

export function isScannerAction(action: string | undefined): boolean {
  return action !== undefined && SCANNER_ACTIONS.some((re) => re.test(action));
}

export interface ScannerUse {
  readonly name: string;
  /** offset of the scanner name in the script text. */
  readonly start: number;
  readonly end: number;
  /** the rest of the command line. */
  readonly rest: string;
}

/**
 * `grype` is a gate only with `--fail-on`; a run that writes its report to a file or another format (SARIF for code
 * scanning, JSON for a later step) or pipes it on is a report, not a gate, and is left alone.
 */
export function grypeGateWithoutFailOn(rest: string): boolean {
  const words = rest.split(/[ \t]+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '|' || w.startsWith('|') || w === '>' || w.startsWith('>')) return false;
    if (w === '--fail-on' || w === '-f' || w.startsWith('--fail-on=')) return false;
    if (w === '--file' || w.startsWith('--file=')) return false;
    if (w === '-o' || w === '--output') {
      if (words[i + 1] !== 'table') return false;
    } else if (w.startsWith('--output=') && w !== '--output=table') return false;
  }
  return true;
}

/** Scanner invocations in a script (bounded: at most 50 per script). */
export function scannerUses(text: string): ScannerUse[] {
  const out: ScannerUse[] = [];
  SCANNER_CMD.lastIndex = 0;
  for (let m = SCANNER_CMD.exec(text); m && out.length < 50; m = SCANNER_CMD.exec(text)) {
    const name = m[1]!;
    const rest = m[2] ?? '';
    const end = m.index + m[0].length - rest.length;
    if (!NOT_A_SCAN.test(rest) && !/^[ \t]*(?:install|--install)\b/.test(rest)) out.push({ name, start: end - name.length, end, rest });
    if (m[0].length === 0) SCANNER_CMD.lastIndex++;
    else SCANNER_CMD.lastIndex = m.index + m[0].length - rest.length;
  }
  return out;
}

/** The scalar `true` of `key:` in a block map, else undefined. */
function trueFlag(holder: unknown, key: string): Pair<unknown, unknown> | undefined {
  const pair = getPair(holder, key);
  if (!pair || !isScalar(pair.value)) return undefined;
  const v = pair.value.value;
  return v === true || (typeof v === 'string' && /^true$/i.test(v)) ? pair : undefined;
}

/** An edit deleting the whole line(s) of a block-map pair with a scalar value; undefined when anything else shares them. */
export function removePairLines(text: string, pair: Pair<unknown, unknown>): TextEdit[] | undefined {
  const k = rangeOf(pair.key);
  const v = rangeOf(pair.value);
  if (!k || !v) return undefined;
  const lineStart = text.lastIndexOf('\n', k.start - 1) + 1;
  if (!/^ *$/.test(text.slice(lineStart, k.start))) return undefined;
  const nl = text.indexOf('\n', v.end);
  const tail = text.slice(v.end, nl === -1 ? text.length : nl).replace(/\r$/, '');
  if (!/^[ \t]*(?:#.*)?$/.test(tail)) return undefined;
  if (nl !== -1) return [{ range: { start: lineStart, end: nl + 1 }, newText: '' }];
  // Last line without a line break: take the break before it instead.
  if (lineStart === 0) return [{ range: { start: 0, end: text.length }, newText: '' }];
  const prev = text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
  return [{ range: { start: prev, end: text.length }, newText: '' }];
}

function removeFix(text: string, pair: Pair<unknown, unknown>, key: string): Fix | undefined {
  const edits = removePairLines(text, pair);
  return edits ? { title: `Remove \`${key}: true\` so the scan can fail the pipeline`, safety: 'unsafe', edits } : undefined;
}

/** A later step of the job reads this step's outcome: that step is the gate. */
function outcomeChecked(text: string, holder: unknown, jobNode: unknown): boolean {
  const id = getPair(holder, 'id')?.value;
  if (!isScalar(id) || typeof id.value !== 'string' || !/^[\w-]+$/.test(id.value)) return false;
  const r = rangeOf(jobNode);
  if (!r) return false;
  return text.slice(r.start, r.end).includes(`steps.${id.value}.outcome`) || text.slice(r.start, r.end).includes(`steps.${id.value}.conclusion`);
}

const FLAG_KEY = { 'github-run': 'continue-on-error', 'gitlab-script': 'allow_failure', 'azure-script': 'continueOnError' } as const;

export default defineRule({
  id: 'security-gate-disabled',
  family: 'permissions',
  kinds: ['github-workflow', 'gitlab-ci', 'azure-pipelines'],
  severity: 'medium',
  description: 'A security scan that cannot fail the pipeline (allow_failure, continue-on-error, `|| true`, `--exit-code 0`)',
  cwe: [693],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    const reported = new Set<number>();
    const report = (range: Range, message: string, fix?: Fix): void => {
      if (reported.has(range.start)) return;
      reported.add(range.start);
      ctx.report({ range, message, fixes: fix ? [fix] : [] });
    };
    const jobNodes = ctx.file.kind === 'github-workflow' ? githubJobs(ctx.file.yaml?.docs ?? []) : new Map<string, unknown>();

    // GitHub scanner actions.
    for (const [, jobNode] of jobNodes) {
      const steps = getPair(jobNode, 'steps')?.value as { items?: unknown[] } | undefined;
      for (const step of Array.isArray(steps?.items) ? steps.items : []) {
        const uses = getPair(step, 'uses')?.value;
        if (!isScalar(uses) || typeof uses.value !== 'string') continue;
        const action = uses.value.split('@')[0]!.toLowerCase();
        if (!isScannerAction(action)) continue;
        gateFlags(step, jobNode, action, 'continue-on-error');
      }
    }

    for (const s of ctx.file.facets.scripts) {
      if (s.source !== 'github-run' && s.source !== 'gitlab-script' && s.source !== 'azure-script') continue;
      const uses = scannerUses(s.text);
      if (uses.length === 0) continue;
      for (const u of uses) {
        const line = u.rest.split('\n')[0]!;
        if (EXIT_ZERO.test(line) && (u.name === 'trivy' || u.name === 'gitleaks' || u.name === 'grype')) {
          report(s.fileRange(u.start, u.end), `\`${u.name}\` runs with \`--exit-code 0\`, so it succeeds whatever it finds and the pipeline never stops on a finding. Use a non-zero exit code (e.g. \`--exit-code 1\`, with \`--severity\` to choose what blocks).`);
        } else if (u.name === 'grype' && grypeGateWithoutFailOn(line)) {
          report(s.fileRange(u.start, u.end), `\`grype\` exits 0 whatever it finds unless \`--fail-on\` is given, and here its report goes only to the log, so this step cannot stop the pipeline. Add \`--fail-on high\` (or the severity that should block).`);
        } else if (SWALLOWED.test(line)) {
          report(s.fileRange(u.start, u.end), `The exit status of \`${u.name}\` is thrown away (\`|| true\` / \`exit 0\`), so the pipeline never stops on a finding. Remove it and let the scan fail the job (tune what blocks with the scanner's own severity or baseline options).`);
        }
      }
      const key = FLAG_KEY[s.source];
      const jobNode = s.source === 'github-run' && s.job !== undefined ? jobNodes.get(s.job) : s.holder;
      gateFlags(s.holder, jobNode, uses[0]!.name, key);
    }

    function gateFlags(holder: unknown, jobNode: unknown, name: string, key: string): void {
      if (ctx.file.kind === 'github-workflow' && outcomeChecked(text, holder, jobNode)) return;
      const own = trueFlag(holder, key);
      const jobLevel = ctx.file.kind === 'github-workflow' && jobNode !== holder ? trueFlag(jobNode, key) : undefined;
      for (const pair of [own, jobLevel]) {
        const range = pair ? rangeOf(pair.key) : undefined;
        if (!pair || !range) continue;
        const where = ctx.file.kind === 'gitlab-ci' ? 'job' : pair === jobLevel ? 'job' : 'step';
        report(
          range,
          `\`${key}: true\` on a ${where} that runs ${name}: the scan can report problems but never fail the pipeline, so findings merge unnoticed. Remove it so the scan gates the change (tune what blocks with the scanner's severity or baseline options instead).`,
          removeFix(text, pair, key),
        );
      }
    }
  },
});

function githubJobs(docs: readonly { contents: unknown }[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const doc of docs) {
    const jobs = getPair(doc.contents, 'jobs')?.value as { items?: Pair<unknown, unknown>[] } | undefined;
    for (const p of Array.isArray(jobs?.items) ? jobs.items : []) {
      if (isScalar(p.key) && typeof p.key.value === 'string') out.set(p.key.value, p.value);
    }
  }
  return out;
}
