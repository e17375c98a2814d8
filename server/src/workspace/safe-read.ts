// The one way Forewarn reads a file it did not create: regular files only (no FIFO, device or socket: they block or
// never end), no symbolic link as the last component, optionally only inside a folder (no link on the way out of it),
// and the size known before the first byte is read.

import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { dirname, relative, isAbsolute } from 'node:path';

export type SafeRead =
  | { readonly ok: true; readonly bytes: Buffer; readonly size: number; readonly mtimeMs: number }
  | { readonly ok: false; readonly reason: 'missing' | 'not-a-file' | 'outside' | 'too-large' | 'unreadable'; readonly size?: number; readonly message: string };

export interface SafeReadOptions {
  /** files larger than this are not read (`too-large`, with their size). */
  readonly maxSize: number;
  /** the folder the file must really be in (after resolving links in its parent folders). */
  readonly within?: string;
}

// O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting forever. O_NOFOLLOW: a link fails.
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export function safeRead(path: string, opts: SafeReadOptions): SafeRead {
  if (opts.within !== undefined && !isInside(path, opts.within)) {
    return { ok: false, reason: 'outside', message: 'Forewarn did not read this file: it lies outside the workspace folder (through a symbolic link).' };
  }
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'missing', message: 'No such file.' };
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, reason: 'not-a-file', message: 'Forewarn did not read this file: it is a symbolic link.' };
    return { ok: false, reason: 'unreadable', message: `Cannot read: ${(e as Error).message}` };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'not-a-file', message: 'Forewarn did not read this file: it is not a regular file (a FIFO, device or socket).' };
    if (st.size > opts.maxSize) return { ok: false, reason: 'too-large', size: st.size, message: 'too large' };
    // Read what fstat promised and at most one byte more: a file that grows meanwhile is cut, never read forever.
    const buf = Buffer.allocUnsafe(st.size + 1);
    let n = 0;
    while (n < buf.length) {
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
    }
    if (n > opts.maxSize) return { ok: false, reason: 'too-large', size: n, message: 'too large' };
    return { ok: true, bytes: buf.subarray(0, n), size: n, mtimeMs: st.mtimeMs };
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: `Cannot read: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/** Whether `path`'s folder, links resolved, is `root` or below it (links resolved too). */
export function isInside(path: string, root: string): boolean {
  try {
    const dir = realpathSync.native(dirname(path));
    const top = realpathSync.native(root);
    const r = relative(top, dir);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  } catch {
    return false;
  }
}

/** Small text files Forewarn itself looks for (configuration, baselines, ignore files): same rules, UTF-8. */
export function readSmallText(path: string, maxSize = 4 * 1024 * 1024): { text: string } | { error: string; missing: boolean } {
  const r = safeRead(path, { maxSize });
  if (r.ok) return { text: r.bytes.toString('utf8') };
  return { error: r.reason === 'too-large' ? `larger than ${Math.round(maxSize / 1024 / 1024)} MB` : r.message, missing: r.reason === 'missing' };
}
