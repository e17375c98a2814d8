// `--format github`: workflow commands that GitHub Actions turns into annotations on the run and the diff.

import { escapeControl } from '../../core/escape.js';
import type { Severity } from '../../core/types.js';
import { rootPath, type FormatInput } from './index.js';

export function annotationCommand(s: Severity): 'error' | 'warning' | 'notice' {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'notice';
}

/**
 * The message part of a workflow command: `%`, CR and LF are escaped (`%` first, so escapes stay intact), and every
 * other control character is made visible (`\e`, `\x07`, `\u{202e}`): the Actions log renders ANSI sequences, so a
 * scanned file's text must not recolour or rewrite the log lines around it.
 */
export function escapeData(s: string): string {
  return escapeControl(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A property value (`file=`, `title=`): also `:` and `,`, which would end the value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(input: FormatInput): string {
  let out = '';
  for (const { absPath, finding: f, start, end } of input.findings) {
    const props = [
      `file=${escapeProperty(rootPath(input.root, absPath))}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${escapeProperty(`Forewarn ${f.ruleId} (${f.severity})`)}`,
    ];
    out += `::${annotationCommand(f.severity)} ${props.join(',')}::${escapeData(f.message)}\n`;
  }
  for (const e of input.errors) {
    if (e.type !== 'internal' && e.type !== 'read') continue;
    out += `::error file=${escapeProperty(rootPath(input.root, e.absPath))},title=${escapeProperty(`Forewarn ${e.type} error`)}::${escapeData(e.message)}\n`;
  }
  return out;
}
