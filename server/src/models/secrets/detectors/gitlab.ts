// GitLab tokens: personal/project/group access tokens (classic and routable), runner, deploy, trigger, feed tokens.

import { fake, HEX, B64URL } from '../fake.js';
import type { Detector } from '../types.js';

const ROTATE = 'revoke it in GitLab (Access tokens, CI/CD settings or the runner page)';
const C = '[A-Za-z0-9_-]';

export const GITLAB: readonly Detector[] = [
  {
    id: 'gitlab-pat',
    name: 'GitLab personal, project or group access token',
    // classic: exactly 20 characters; routable: a longer payload, `.`, a 2-character version, `.`, a 9-character CRC
    pattern: new RegExp(`(?<![A-Za-z0-9_-])glpat-(?:${C}{20}(?![A-Za-z0-9_.-])|${C}{27,300}\\.[0-9a-z]{2}\\.[0-9a-z]{9}(?![A-Za-z0-9_-]))`, 'g'),
    keywords: ['glpat-'],
    rotate: ROTATE,
    samples: {
      tp: [`GITLAB_TOKEN: glpat-${fake('glpat', 20, B64URL)}`, `glpat-${fake('glpat-r', 40, B64URL)}.01.${fake('crc', 9, '0123456789abcdefghijklmnopqrstuvwxyz')}`],
      fp: [`glpat-${fake('glpat', 19)}`, `glpat-${fake('glpat', 24)}`],
    },
  },
  {
    id: 'gitlab-runner-token',
    name: 'GitLab runner authentication token',
    pattern: /(?<![A-Za-z0-9_-])glrt-[A-Za-z0-9_.-]{20,}(?![A-Za-z0-9_.-])/g,
    keywords: ['glrt-'],
    rotate: ROTATE,
    samples: { tp: [`token = "glrt-${fake('glrt', 20, B64URL)}"`, `glrt-t1_${fake('glrt2', 27)}`], fp: [`glrt-${fake('glrt', 12)}`] },
  },
  {
    id: 'gitlab-deploy-token',
    name: 'GitLab deploy token',
    pattern: /(?<![A-Za-z0-9_-])gldt-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g,
    keywords: ['gldt-'],
    rotate: ROTATE,
    samples: { tp: [`password: gldt-${fake('gldt', 20, B64URL)}`], fp: [`gldt-${fake('gldt', 10)}`] },
  },
  {
    id: 'gitlab-trigger-token',
    name: 'GitLab pipeline trigger token',
    pattern: /(?<![A-Za-z0-9_-])glptt-[0-9a-f]{40}(?![A-Za-z0-9_-])/g,
    keywords: ['glptt-'],
    rotate: ROTATE,
    samples: { tp: [`-F token=glptt-${fake('glptt', 40, HEX)}`], fp: [`glptt-${fake('glptt', 40)}`] },
  },
  {
    id: 'gitlab-runner-registration',
    name: 'GitLab runner registration token',
    pattern: /(?<![A-Za-z0-9_-])GR1348941[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/g,
    keywords: ['GR1348941'],
    rotate: ROTATE,
    samples: { tp: [`--registration-token GR1348941${fake('gr', 20, B64URL)}`], fp: [`GR1348941${fake('gr', 12)}`] },
  },
  {
    id: 'gitlab-feed-token',
    name: 'GitLab feed token',
    pattern: /(?<![A-Za-z0-9_-])glft-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/g,
    keywords: ['glft-'],
    rotate: ROTATE,
    samples: { tp: [`feed_token: glft-${fake('glft', 20, B64URL)}`], fp: [`glft-${fake('glft', 30)}`] },
  },
];
