// node:crypto, loaded on first use (a --fix/--diff snapshot, a Terraform module signature): loading it costs ~6 ms of
// a one-file scan's cold start (docs/decisions/0007-fingerprint-hash.md). Fingerprints use core/sha256.ts.

import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (crypto ??= require('node:crypto') as typeof Crypto);
}
