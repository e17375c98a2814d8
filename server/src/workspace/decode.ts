// Turning file bytes into text the way editors do: UTF-8 (BOM dropped), UTF-16 with a BOM.

/** Decodes file bytes; NUL bytes in UTF-8 content survive so the engine can report the file as binary. */
export function decodeText(buf: Uint8Array): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(buf.subarray(start));
}
