// node:crypto, loaded on first use (a finding's fingerprint, a --fix/--diff snapshot, a Terraform module signature):
// a scan that needs none of them does not load it.

import type * as Crypto from 'node:crypto';

let crypto: typeof Crypto | undefined;

export function nodeCrypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (crypto ??= require('node:crypto') as typeof Crypto);
}
