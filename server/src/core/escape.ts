// Text from scanned files made safe for a terminal: control characters become visible escapes, so a file cannot
// move the cursor, erase a line or recolour the output that reports on it.

/**
 * C0 controls (but tab), DEL, C1 controls, and the Unicode bidirectional overrides and isolates that reorder what
 * is shown ("Trojan Source"), plus the line and paragraph separators that some terminals treat as line ends.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = new RegExp(UNSAFE.source);

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\x1b': '\\e', '\0': '\\0' };

function visible(c: string): string {
  const named = NAMED[c];
  if (named) return named;
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** `s` with every unsafe character written as an escape (`\e`, `\r`, `\x07`, `\u{202e}`); tabs stay. */
export function escapeControl(s: string): string {
  return UNSAFE_TEST.test(s) ? s.replace(UNSAFE, visible) : s;
}

/** Multi-line text (a diff) escaped line by line: line breaks stay, a CR before one is dropped, the rest escaped. */
export function escapeLines(s: string): string {
  return s
    .split('\n')
    .map((l) => escapeControl(l.endsWith('\r') ? l.slice(0, -1) : l))
    .join('\n');
}
