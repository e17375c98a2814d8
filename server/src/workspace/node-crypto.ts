// node:crypto, loaded on first use: loading it costs a one-file `forewarn scan` about 6 ms of its cold start, and
// only --fix/--diff snapshots and Terraform module signatures need it (fingerprints use core/sha256.ts).

import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (crypto ??= require('node:crypto') as typeof Crypto);
}
