// `--format pretty`: the report for people at a terminal (the default there). Findings grouped by file, each with
// its source line and a caret under the range, its fixes and where its documentation is; then a summary by rule
// and severity. Source text is shown only through the file's redactor, and every piece of file text is escaped.

import { escapeControl } from '../../core/escape.js';
import { SEVERITIES, severityRank, type Fix, type Severity } from '../../core/types.js';
import type { ScanError } from '../../workspace/scan.js';
import type { FixReport } from '../fix.js';
import type { FormatInput, FormatOutput, ReportedFinding } from './index.js';

const SEVERITY_STYLE: Readonly<Record<Severity, string>> = {
  critical: '1;35',
  high: '1;31',
  medium: '1;33',
  low: '1;36',
  info: '1;2',
};
const TAB = 4;
/** A longer line is shown as a window around the finding. */
const MAX_LINE = 160;
const CONTEXT_BEFORE = 40;

type Paint = (style: string, s: string) => string;

export function formatPretty(input: FormatInput): FormatOutput {
  const paint: Paint = (style, s) => (input.color && s !== '' ? `\x1b[${style}m${s}\x1b[0m` : s);
  const width = Math.max(60, Math.min(input.width, 140));
  const byFile = new Map<string, { findings: ReportedFinding[]; errors: ScanError[] }>();
  const group = (path: string) => {
    let g = byFile.get(path);
    if (!g) byFile.set(path, (g = { findings: [], errors: [] }));
    return g;
  };
  for (const f of input.findings) group(f.path).findings.push(f);
  for (const e of input.errors) {
    if (input.quiet && (e.type === 'parse' || e.type === 'skipped')) continue;
    group(e.path).errors.push(e);
  }

  let out = '';
  for (const [path, g] of byFile) {
    const n = g.findings.length;
    out += `${paint('1;4', escapeControl(path))}${n > 0 ? paint('2', `  ${n} finding${n === 1 ? '' : 's'}`) : ''}\n\n`;
    for (const e of g.errors) out += fileError(e, paint, width);
    // Findings on the same range (two rules about one image) share one source line.
    for (let i = 0; i < g.findings.length; ) {
      let j = i + 1;
      const a = g.findings[i]!.finding.range;
      while (j < g.findings.length && g.findings[j]!.finding.range.start === a.start && g.findings[j]!.finding.range.end === a.end) j++;
      out += findings(g.findings.slice(i, j), paint, width);
      i = j;
    }
  }
  if (input.fixes) out += fixSummary(input.fixes, paint);
  if (!input.quiet) out += summary(input, paint);
  return { out, err: '' };
}

/** One or more findings on the same range: their headlines, the source line once, then their fixes and pages. */
function findings(same: readonly ReportedFinding[], paint: Paint, width: number): string {
  const sf = same[0]!;
  let out = '';
  // The most severe first; the others say they are about the same place.
  const ordered = [...same].sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity));
  ordered.forEach(({ finding: f }, i) => {
    const also = i > 0 ? 'also ' : '';
    const head = `${paint('2', also)}${paint(SEVERITY_STYLE[f.severity], f.severity)}${paint('1', `[${f.ruleId}]`)}: `;
    out += wrap(escapeControl(f.message), width, head, also.length + f.severity.length + f.ruleId.length + 4, '  ');
  });
  const worst = ordered[0]!.finding.severity;
  const lineNo = String(sf.start.line + 1);
  const pad = ' '.repeat(lineNo.length);
  const gutter = `${pad} ${paint('2;34', '|')}`;
  out += `${pad}${paint('2;34', '-->')} ${escapeControl(sf.path)}:${sf.start.line + 1}:${sf.start.character + 1}\n`;
  // A `text` file (.env, .npmrc, a state file) is all values: a line of it may hold a secret no detector names, so it
  // is located, never quoted.
  if (sf.kind !== 'text') {
    out += `${gutter}\n`;
    const snip = snippet(sf);
    out += `${paint('2;34', `${lineNo} |`)} ${snip.line}\n`;
    const more = sf.end.line > sf.start.line ? paint('2', ` …through line ${sf.end.line + 1}`) : '';
    out += `${gutter} ${' '.repeat(snip.caretAt)}${paint(SEVERITY_STYLE[worst], '^'.repeat(snip.caretWidth))}${more}\n`;
  }
  for (const { finding: f } of ordered) for (const fix of f.fixes) out += `${pad} ${paint('2;34', '=')} ${fixLine(fix, sf.path, paint, width, pad.length + 3)}\n`;
  for (const { finding: f } of ordered) out += `${pad} ${paint('2;34', '=')} ${paint('2', 'docs:')} forewarn explain ${f.ruleId}\n`;
  return `${out}\n`;
}

/** `fix (kind): title  → command`, the command on its own line when the whole would not fit in `width`. */
function fixLine(fix: Fix, path: string, paint: Paint, width: number, indent: number): string {
  const title = escapeControl(fix.title);
  const [style, kind, command] =
    fix.safety === 'safe'
      ? ['1;32', 'safe', 'forewarn scan --fix']
      : fix.safety === 'unsafe'
        ? ['1;33', 'unsafe, review it', 'forewarn scan --fix --unsafe-fixes']
        : ['1;32', 'looks it up online', `forewarn pin ${shellWord(path)}`];
  const head = `${paint(style, 'fix')} ${paint('2', `(${kind}):`)} ${title}`;
  const plain = indent + `fix (${kind}): `.length + title.length + 4 + command.length;
  return plain <= width ? `${head}  ${paint('2', `→ ${command}`)}` : `${head}\n${' '.repeat(indent + 2)}${paint('2', `→ ${command}`)}`;
}

function fileError(e: ScanError, paint: Paint, width: number): string {
  const label = e.type === 'parse' ? 'syntax error' : e.type === 'skipped' ? 'note' : 'error';
  const style = e.type === 'parse' || e.type === 'skipped' ? '1;36' : '1;31';
  const head = `${paint(style, label)}: `;
  let out = wrap(escapeControl(e.message), width, head, label.length + 2, '  ');
  if (e.line !== undefined) out += `  ${paint('2;34', '-->')} ${escapeControl(e.path)}:${e.line}:${e.column ?? 1}\n`;
  return `${out}\n`;
}

/**
 * The finding's first line, through the redactor, with tabs expanded and control characters escaped; where the
 * caret starts (columns) and how wide it is.
 */
function snippet(sf: ReportedFinding): { line: string; caretAt: number; caretWidth: number } {
  const { lines, redactor } = sf;
  const f = sf.finding;
  const lineStart = lines.lineStart(sf.start.line);
  const lineEnd = lines.lineEnd(sf.start.line);
  const start = f.range.start;
  const end = Math.max(start, Math.min(f.range.end, lineEnd));
  let from = lineStart;
  let to = lineEnd;
  if (lineEnd - lineStart > MAX_LINE) {
    from = Math.max(lineStart, start - CONTEXT_BEFORE);
    to = Math.min(lineEnd, from + MAX_LINE);
  }
  const shownEnd = Math.min(end, to);
  let col = 0;
  const show = (s: string) => {
    let r = '';
    for (const ch of escapeControl(s)) {
      if (ch === '\t') {
        const n = TAB - (col % TAB);
        r += ' '.repeat(n);
        col += n;
      } else {
        r += ch;
        col++;
      }
    }
    return r;
  };
  let line = from > lineStart ? show('…') : '';
  line += show(redactor.source(from, start));
  const caretAt = col;
  line += show(redactor.source(start, shownEnd));
  const caretWidth = Math.max(1, col - caretAt);
  line += show(redactor.source(shownEnd, to));
  if (to < lineEnd) line += show('…');
  return { line: line.trimEnd(), caretAt, caretWidth };
}

function fixSummary(report: FixReport, paint: Paint): string {
  let out = '';
  if (report.count > 0) {
    const verb = report.mode === 'fix' ? 'Fixed' : 'Would fix';
    out += `${paint('1;32', verb)} ${plural(report.count, 'problem')} in ${plural(report.files.length, 'file')}${report.unsafe ? ' (unsafe fixes included)' : ''}:\n`;
    const w = report.files.reduce((m, f) => Math.max(m, f.path.length), -Infinity);
    for (const f of report.files) {
      const rules = [...f.byRule].map(([id, n]) => (n > 1 ? `${n} × ${id}` : id)).join(', ');
      out += `  ${escapeControl(f.path).padEnd(w)}  ${paint('32', `+${f.added}`)} ${paint('31', `-${f.removed}`)}  ${rules}\n`;
    }
    out += '\n';
  }
  for (const p of report.problems) out += `${paint('1;31', 'error')}: ${escapeControl(p.path)}: ${escapeControl(p.message)}\n\n`;
  return out;
}

function summary(input: FormatInput, paint: Paint): string {
  const findings = input.findings;
  const scanned = `${plural(input.files, 'file')} scanned`;
  const baselined = input.baselined > 0 ? ` ${plural(input.baselined, 'known finding')} in the baseline not shown.` : '';
  if (findings.length === 0) return `${paint('1;32', 'No findings')} (${scanned}).${baselined}\n`;

  interface Row {
    ruleId: string;
    severity: Severity;
    count: number;
    safe: number;
    unsafe: number;
    lookup: number;
  }
  const rows = new Map<string, Row>();
  for (const { finding: f } of findings) {
    const key = `${f.ruleId}\0${f.severity}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { ruleId: f.ruleId, severity: f.severity, count: 0, safe: 0, unsafe: 0, lookup: 0 }));
    r.count++;
    if (f.fixes.some((x) => x.safety === 'safe')) r.safe++;
    else if (f.fixes.some((x) => x.safety === 'unsafe')) r.unsafe++;
    else if (f.fixes.some((x) => x.safety === 'needs-network')) r.lookup++;
  }
  const sorted = [...rows.values()].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.count - a.count || a.ruleId.localeCompare(b.ruleId));
  const fixCell = (r: Row) =>
    [r.safe && `${r.safe} safe`, r.unsafe && `${r.unsafe} unsafe`, r.lookup && `${r.lookup} forewarn pin`].filter(Boolean).join(', ') || '—';
  const idW = sorted.reduce((m, r) => Math.max(m, r.ruleId.length), 4);
  let out = `${paint('1', `${'rule'.padEnd(idW)}  ${'severity'.padEnd(8)}  ${'findings'.padStart(8)}  fix`)}\n`;
  for (const r of sorted) {
    out += `${r.ruleId.padEnd(idW)}  ${paint(SEVERITY_STYLE[r.severity], r.severity.padEnd(8))}  ${String(r.count).padStart(8)}  ${fixCell(r)}\n`;
  }
  const bySeverity = SEVERITIES.slice()
    .reverse()
    .map((s) => [s, findings.filter((f) => f.finding.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => paint(SEVERITY_STYLE[s], `${n} ${s}`));
  const files = new Set(findings.map((f) => f.path)).size;
  out += `\n${paint('1', plural(findings.length, 'finding'))} (${bySeverity.join(', ')}) in ${plural(files, 'file')}; ${scanned}.${baselined}\n`;
  const safe = sorted.reduce((n, r) => n + r.safe, 0);
  const unsafe = sorted.reduce((n, r) => n + r.unsafe, 0);
  const lookup = sorted.reduce((n, r) => n + r.lookup, 0);
  const hints = [
    safe > 0 && `${safe} can be fixed with \`forewarn scan --fix\``,
    unsafe > 0 && `${unsafe} ${safe > 0 ? 'more' : 'can be fixed'} with \`forewarn scan --fix --unsafe-fixes\` (review those changes)`,
    lookup > 0 && `${lookup} can be pinned with \`forewarn pin\``,
  ].filter(Boolean);
  if (hints.length > 0) out += `${hints.join('; ')}.\n`;
  return out;
}

/** `head` then `text` wrapped at `width`; `headWidth` is how many columns `head` takes (it may hold colour codes). */
function wrap(text: string, width: number, head: string, headWidth: number, indent: string): string {
  let out = head;
  let col = headWidth;
  let first = true;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (!first && col + 1 + word.length > width) {
      out += `\n${indent}`;
      col = indent.length;
    } else if (!first) {
      out += ' ';
      col++;
    }
    out += word;
    col += word.length;
    first = false;
  }
  return `${out}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A path as a shell word, quoted when it needs to be. */
function shellWord(s: string): string {
  const e = escapeControl(s);
  return /^[\w@%+=:,./-]+$/.test(e) ? e : `'${e.replace(/'/g, `'\\''`)}'`;
}
