// esbuild writes strings as ASCII (`charset: 'ascii'`) but leaves comments and regular expression literals as they
// are, so one `…` in a comment makes the whole 2 MB bundle a two-byte string when Node reads it. This escapes every
// other character as `\uXXXX` (UTF-16 code units): the same text in a regex literal (with or without the `u` flag)
// and in a comment. It would change the raw text of a template literal: the bundle must hold no String.raw.

/** The bundle with every non-ASCII character escaped; throws where that could change what the code does. */
export function asciiOnly(source) {
  if (source.includes('String.raw')) throw new Error('ascii-bundle: String.raw in the bundle: its raw text would change');
  return source.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
