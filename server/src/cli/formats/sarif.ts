// `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
//
// No source text is copied into the log (no `snippet`, no `contextRegion` text), so a secret in a scanned file
// cannot leak through it; messages carry secrets only in redacted form. Fixes are included for safe fixes only.

import type { LineIndex } from '../../core/text.js';
import type { Fix, Range, Severity } from '../../core/types.js';
import { ruleDocs } from '../rule-docs.js';
import { rootPath, type FormatInput, type ReportedFinding } from './index.js';


export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key under `partialFingerprints`; the version changes if the fingerprint's recipe does. */
export const FINGERPRINT_KEY = 'forewarn/v1';

type Level = 'error' | 'warning' | 'note';

/** How a Forewarn severity maps to a SARIF level (documented in docs/cli.md). */
export function sarifLevel(s: Severity): Level {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

/** GitHub code scanning ranks by `security-severity`: >= 9 critical, >= 7 high, >= 4 medium, else low. */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

export function formatSarif(input: FormatInput): string {
  const ruleIndex = new Map(input.rules.map((r, i) => [r.id, i]));
  const docs = ruleDocs();
  const run = {
    tool: {
      driver: {
        name: 'Forewarn',
        semanticVersion: input.version,
        version: input.version,
        rules: input.rules.map((r) => ({
          id: r.id,
          name: pascal(r.id),
          shortDescription: { text: r.description },
          fullDescription: { text: whatItFlags(docs[r.id]) ?? sentence(r.description) },
          // The whole page travels with the log (no helpUri: the documentation is not published at a fixed address).
          help: {
            text: `${sentence(r.description)} Documentation: \`forewarn explain ${r.id}\`.`,
            markdown: docs[r.id] ? docBody(docs[r.id]!) : `${sentence(r.description)} Documentation: \`forewarn explain ${r.id}\`.`,
          },
          defaultConfiguration: { level: sarifLevel(r.effectiveSeverity) },
          properties: {
            tags: ['security', r.family, ...r.cwe.map((n) => `external/cwe/cwe-${n}`)],
            'security-severity': SECURITY_SEVERITY[r.effectiveSeverity],
            precision: 'high',
            'problem.severity': r.effectiveSeverity === 'critical' || r.effectiveSeverity === 'high' ? 'error' : r.effectiveSeverity === 'medium' ? 'warning' : 'recommendation',
          },
        })),
      },
    },
    invocations: [
      {
        executionSuccessful: input.exitCode !== 2,
        exitCode: input.exitCode,
        commandLine: ['forewarn', ...input.argv].map(quoteArg).join(' '),
        arguments: [...input.argv],
        startTimeUtc: input.startTime.toISOString(),
        endTimeUtc: input.endTime.toISOString(),
        workingDirectory: { uri: dirUri(input.cwd) },
        toolExecutionNotifications: input.errors.map((e) => ({
          level: e.type === 'parse' || e.type === 'skipped' ? 'warning' : 'error',
          message: { text: `${e.type}: ${e.message}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(rootPath(input.root, e.absPath)),
                ...(e.line !== undefined ? { region: { startLine: e.line, startColumn: e.column ?? 1 } } : {}),
              },
            },
          ],
          descriptor: { id: e.type },
        })),
      },
    ],
    originalUriBaseIds: { '%SRCROOT%': { uri: dirUri(input.root) } },
    columnKind: 'utf16CodeUnits',
    results: input.findings.map((f) => result(f, rootPath(input.root, f.absPath), ruleIndex.get(f.finding.ruleId))),
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}

function result(sf: ReportedFinding, path: string, ruleIndex: number | undefined): object {
  const f = sf.finding;
  const location = artifactLocation(path);
  // A fix whose inserted text holds a secret is left out: the log would carry the secret in full.
  const safe = f.fixes.filter((x): x is Exclude<Fix, { safety: 'needs-network' }> => x.safety === 'safe' && !x.edits.some((e) => sf.redactor.hasSecret(e.newText)));
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(sf.lines, f.range) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: sf.rootFingerprint },
    ...(safe.length > 0
      ? {
          fixes: safe.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation: location,
                replacements: fix.edits.map((e) => ({ deletedRegion: region(sf.lines, e.range), insertedContent: { text: e.newText } })),
              },
            ],
          })),
        }
      : {}),
    properties: { severity: f.severity, family: f.family },
  };
}

/** 1-based lines and columns in UTF-16 code units (run.columnKind). An empty range is an insertion point. */
function region(lines: LineIndex, r: Range): object {
  const s = lines.positionAt(r.start);
  const e = lines.positionAt(r.end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

/** Paths inside the scanned tree are relative to %SRCROOT%; an absolute URI must not name a base. */
function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const uri = pathUri(path);
  return uri.startsWith('file:') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
}

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
export function pathUri(path: string): string {
  if (path.startsWith('/')) return `file://${path.split('/').map(encodeURIComponent).join('/')}`;
  if (/^[A-Za-z]:[\\/]/.test(path)) return `file:///${path.replace(/\\/g, '/').split('/').map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/')}`;
  return path.split('/').map(encodeURIComponent).join('/');
}

function dirUri(dir: string): string {
  const p = dir.replace(/\\/g, '/');
  const abs = p.startsWith('/') ? p : `/${p}`;
  const uri = `file://${abs.split('/').map((s, i) => (i === 1 && /^[A-Za-z]:$/.test(s) ? s : encodeURIComponent(s))).join('/')}`;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** The first paragraph under "What it flags", as one line. */
export function whatItFlags(doc: string | undefined): string | undefined {
  const m = doc === undefined ? null : /(?:^|\n)## What it flags\r?\n\r?\n([\s\S]*?)(?:\r?\n\r?\n|$)/.exec(doc);
  return m ? oneLine(m[1]!) : undefined;
}

/** White space runs that hold a line break become one space (lines trimmed, blank lines dropped). */
function oneLine(s: string): string {
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join(' ');
}

/**
 * The page without its title. Links to other pages of the documentation cannot work inside a code-scanning alert:
 * they become their text (a rule page also names the command that prints it).
 */
function docBody(doc: string): string {
  return relativeLinksAsText(doc.replace(/^# .*\r?\n+/, ''));
}

const RULE_PAGE = /^([a-z0-9-]+)\.md(?:#[\w-]*)?$/;

/**
 * `[text](other-rule.md)` → `text (\`forewarn explain other-rule\`)`, `[text](../x.md#y)` → `text`; links with a
 * scheme and `#anchors` stay. One pass: the last `[` before each `](` is tracked as the text is read.
 */
export function relativeLinksAsText(text: string): string {
  let out = '';
  let done = 0;
  let open = -1;
  let seen = 0;
  let i = text.indexOf('](');
  while (i !== -1) {
    for (; seen < i; seen++) {
      const c = text[seen];
      if (c === '[') open = seen;
      else if (c === '\n') open = -1;
    }
    const from = i + 2;
    let j = from;
    while (j < text.length && text[j] !== ')' && !SPACE.test(text[j]!)) j++;
    if (j === text.length || text[j] !== ')') {
      // Every `](` up to j runs into the same white space or end: none of them is a link.
      i = text.indexOf('](', Math.max(j, i + 1));
      continue;
    }
    const target = text.slice(from, j);
    if (open >= done && j > from && !target.startsWith('#') && !/^[a-z]+:/.test(target)) {
      const label = text.slice(open + 1, i);
      const rule = RULE_PAGE.exec(target);
      out += text.slice(done, open) + (rule ? `${label} (\`forewarn explain ${rule[1]}\`)` : label);
      done = j + 1;
      open = -1;
    }
    i = text.indexOf('](', i + 1);
  }
  return out + text.slice(done);
}

const SPACE = /\s/;

/**
 * Markdown link targets `](target)` that are relative (no `scheme:`, not `#anchor`) resolved against `base`. A scan
 * rather than a regex: a `](` whose target runs into white space or the end is skipped together with every `](`
 * inside that same run, so the text is read once.
 */
export function absoluteLinks(text: string, base: string): string {
  let out = '';
  let done = 0;
  let i = text.indexOf('](');
  while (i !== -1) {
    const from = i + 2;
    let k = from;
    while (k < text.length && text[k]! >= 'a' && text[k]! <= 'z') k++;
    if (text[from] === '#' || (k > from && text[k] === ':')) {
      i = text.indexOf('](', i + 1);
      continue;
    }
    let j = from;
    while (j < text.length && text[j] !== ')' && !SPACE.test(text[j]!)) j++;
    if (j === from || j === text.length || text[j] !== ')') {
      // Every `](` up to j stops at the same white space or end (or at once on `)`): none of them is a link.
      i = text.indexOf('](', Math.max(j, i + 1));
      continue;
    }
    out += `${text.slice(done, i)}](${new URL(text.slice(from, j), base).toString()})`;
    done = j + 1;
    i = text.indexOf('](', done);
  }
  return out + text.slice(done);
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _d: string, c: string) => c.toUpperCase());
}

function sentence(s: string): string {
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}
