// Helm and other Go-templated YAML made parseable: every `{{ … }}` action becomes same-length placeholder text, so
// every offset (and so every range a rule reports) still points into the original text.

import type { Range } from '../core/types.js';

export interface MaskedTemplate {
  /** the text with each action replaced: `$___…` where a value was, spaces on lines that held only actions. */
  readonly text: string;
  /**
   * Lines (without their line break) that held nothing but actions — `{{- if … }}`, `{{ end }}`, `{{ range }}`,
   * `{{- include … | nindent 8 }}` — and are now blank. Those may have produced any keys: near them, a missing
   * key proves nothing. Sorted by offset.
   */
  readonly blankedLines: readonly Range[];
}

/** How a masked value starts: `$_` reads as a variable reference to every rule (`$VAR`), and `$___` marks ours. */
export const PLACEHOLDER_MARK = '$___';

/**
 * Masks the template actions of `text`, or returns undefined when it has none. An action that is not closed (the
 * user is typing it) runs to the end of its line. Linear in the length of the text.
 */
export function maskTemplateActions(text: string): MaskedTemplate | undefined {
  let open = text.indexOf('{{');
  if (open === -1) return undefined;
  const n = text.length;
  const out: string[] = [];
  /** per line that holds an action: [lineStart, lineEnd) where the line has only actions and blanks. */
  const inSpan = new Uint8Array(n);
  let copied = 0;
  // Once no `}}` follows, none follows any later `{{` either: do not search again (that would be quadratic).
  let closing = true;
  while (open !== -1) {
    const close = closing ? text.indexOf('}}', open + 2) : -1;
    if (close === -1) closing = false;
    let end: number;
    if (close === -1) {
      const nl = text.indexOf('\n', open);
      end = nl === -1 ? n : nl;
    } else end = close + 2;
    out.push(text.slice(copied, open));
    let piece = '';
    for (let k = open; k < end; k++) {
      const c = text[k]!;
      inSpan[k] = 1;
      piece += c === '\n' || c === '\r' ? c : k === open ? '$' : '_';
    }
    out.push(piece);
    copied = end;
    open = end >= n ? -1 : text.indexOf('{{', end);
  }
  out.push(text.slice(copied));
  let masked = out.join('');
  // Lines made only of actions and blanks become blank lines.
  const blankedLines: Range[] = [];
  const parts: string[] = [];
  let from = 0;
  for (let start = 0; start < n; ) {
    let nl = text.indexOf('\n', start);
    if (nl === -1) nl = n;
    const end = nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    let action = false;
    let other = false;
    for (let k = start; k < end && !other; k++) {
      if (inSpan[k] === 1) action = true;
      else if (text[k] !== ' ' && text[k] !== '\t') other = true;
    }
    if (action && !other) {
      parts.push(masked.slice(from, start), ' '.repeat(end - start));
      from = end;
      blankedLines.push({ start, end });
    }
    start = nl + 1;
  }
  if (blankedLines.length > 0) {
    parts.push(masked.slice(from));
    masked = parts.join('');
  }
  return { text: masked, blankedLines };
}

/** Whether some blanked line starts inside [start, end) (binary search over the sorted lines). */
export function blankedWithin(lines: readonly Range[], start: number, end: number): boolean {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < lines.length && lines[lo]!.start < end;
}
