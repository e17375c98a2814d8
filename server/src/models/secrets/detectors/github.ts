// GitHub tokens: classic (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, CRC32-checked) and fine-grained (`github_pat_`).

import { crc32Base62Valid } from '../checksums.js';
import { fake, withCrc32 } from '../fake.js';
import type { Detector } from '../types.js';

const KINDS = [
  ['ghp', 'github-pat', 'GitHub personal access token (classic)'],
  ['gho', 'github-oauth', 'GitHub OAuth access token'],
  ['ghu', 'github-user-to-server', 'GitHub App user-to-server token'],
  ['ghs', 'github-server-to-server', 'GitHub App installation token'],
  ['ghr', 'github-refresh', 'GitHub App refresh token'],
] as const;

const ROTATE = 'revoke it under GitHub Settings → Developer settings (or the app\'s settings)';

export const GITHUB: readonly Detector[] = [
  ...KINDS.map(
    ([prefix, id, name]): Detector => ({
      id,
      name,
      pattern: new RegExp(`(?<![A-Za-z0-9_])${prefix}_[A-Za-z0-9]{36}(?![A-Za-z0-9_])`, 'g'),
      keywords: [`${prefix}_`],
      validate: (secret) => crc32Base62Valid(secret.slice(4)),
      checksum: 'CRC-32 (base62)',
      rotate: ROTATE,
      get samples() {
        return {
          tp: [`token: ${prefix}_${withCrc32(id)}`, `"${prefix}_${withCrc32(`${id}-2`)}"`],
          // right shape, wrong checksum; and too short
          fp: [`token: ${prefix}_${fake(id, 36)}`, `${prefix}_${withCrc32(id).slice(1)}`],
        };
      },
    }),
  ),
  {
    id: 'github-fine-grained-pat',
    name: 'GitHub fine-grained personal access token',
    pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])/g,
    keywords: ['github_pat_'],
    rotate: ROTATE,
    get samples() {
      return {
        tp: [`GH_TOKEN=github_pat_${fake('gfp1', 22)}_${fake('gfp2', 59)}`],
        fp: [`github_pat_${fake('gfp1', 22)}_${fake('gfp2', 40)}`, `github_pat_${fake('gfp1', 22)}${fake('gfp2', 60)}`],
      };
    },
  },
];
