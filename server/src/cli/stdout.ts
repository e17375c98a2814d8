// How the CLI writes its standard output and error. A report is written once, at the end, so to a file or a pipe it is
// written directly: creating `process.stdout` for a pipe loads Node's stream and socket modules, ~5 ms of a one-file
// scan's cold start (CPU, measured with FOREWARN_DEBUG_LOADER=1). A terminal gets the stream (its width is needed).

import { fstatSync } from 'node:fs';
import type * as TtyModule from 'node:tty';

/**
 * Whether `fd` is a terminal. Only a character device can be one (a terminal, or /dev/null): for those node:tty's
 * isatty decides; a pipe or a file is none, told by one fstat without loading node:tty, which brings node:net and the
 * stream machinery with it (~2 ms of a one-file cold start). A closed descriptor is no terminal.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export function isTerminal(fd: number, isatty: (fd: number) => boolean = (n) => (require('node:tty') as typeof TtyModule).isatty(n)): boolean {
  let device: boolean;
  try {
    device = fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
  return device && isatty(fd);
}

/** Output through `process.stdout` (or stderr). When the reader goes away (`forewarn scan | head`), writing stops; the exit code still tells the result. */
export function streamOut(stream: NodeJS.WriteStream = process.stdout): (s: string) => void {
  let open = true;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    open = false;
  });
  return (s) => void (open && stream.write(s));
}

/**
 * Writes with `write(bytes, offset)` (fs.writeSync on fd 1: it returns how many bytes it took). A reader that went
 * away (EPIPE) ends the output quietly; a pipe that would block (EAGAIN: non-blocking, e.g. shared with a Node.js
 * parent) gets the rest, and everything after, through `fallback()`.
 */
export function directOut(write: (bytes: Uint8Array, offset: number) => number, fallback: () => (s: string) => void): (s: string) => void {
  let open = true;
  let stream: ((s: string) => void) | undefined;
  return (s) => {
    if (stream) return stream(s);
    if (!open) return;
    const bytes = Buffer.from(s, 'utf8');
    for (let at = 0; at < bytes.length; ) {
      try {
        at += write(bytes, at);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          open = false;
          return;
        }
        if (code !== 'EAGAIN') throw e;
        stream = fallback();
        stream(Buffer.from(bytes.subarray(at)).toString('utf8'));
        return;
      }
    }
  };
}
