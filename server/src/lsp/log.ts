// The server's log (the Forewarn output channel): every line through the redactor, whatever wrote it.

import type { Connection } from 'vscode-languageserver';
import { redactText } from '../engine/redaction.js';

export interface Log {
  log(s: string): void;
  info(s: string): void;
  warn(s: string): void;
  error(s: string): void;
}

export function redactingLog(connection: Connection): Log {
  const c = connection.console;
  return {
    log: (s) => c.log(redactText(s)),
    info: (s) => c.info(redactText(s)),
    warn: (s) => c.warn(redactText(s)),
    error: (s) => c.error(redactText(s)),
  };
}
