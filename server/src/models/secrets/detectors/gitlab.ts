// GitLab tokens: personal/project/group access tokens (classic and routable), runner, deploy, trigger, feed, CI job,
// agent, OAuth application, SCIM, incoming-mail and feature-flag tokens, session cookies.

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
    get samples() {
      return {
        tp: [`GITLAB_TOKEN: glpat-${fake('glpat', 20, B64URL)}`, `glpat-${fake('glpat-r', 40, B64URL)}.01.${fake('crc', 9, '0123456789abcdefghijklmnopqrstuvwxyz')}`],
        fp: [`glpat-${fake('glpat', 19)}`, `glpat-${fake('glpat', 24)}`],
      };
    },
  },
  {
    id: 'gitlab-runner-token',
    name: 'GitLab runner authentication token',
    pattern: /(?<![A-Za-z0-9_-])glrt-[A-Za-z0-9_.-]{20,}(?![A-Za-z0-9_.-])/g,
    keywords: ['glrt-'],
    rotate: ROTATE,
    get samples() {
      return { tp: [`token = "glrt-${fake('glrt', 20, B64URL)}"`, `glrt-t1_${fake('glrt2', 27)}`], fp: [`glrt-${fake('glrt', 12)}`] };
    },
  },
  {
    id: 'gitlab-deploy-token',
    name: 'GitLab deploy token',
    pattern: /(?<![A-Za-z0-9_-])gldt-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g,
    keywords: ['gldt-'],
    rotate: ROTATE,
    get samples() {
      return { tp: [`password: gldt-${fake('gldt', 20, B64URL)}`], fp: [`gldt-${fake('gldt', 10)}`] };
    },
  },
  {
    id: 'gitlab-trigger-token',
    name: 'GitLab pipeline trigger token',
    pattern: /(?<![A-Za-z0-9_-])glptt-[0-9a-f]{40}(?![A-Za-z0-9_-])/g,
    keywords: ['glptt-'],
    rotate: ROTATE,
    get samples() {
      return { tp: [`-F token=glptt-${fake('glptt', 40, HEX)}`], fp: [`glptt-${fake('glptt', 40)}`] };
    },
  },
  {
    id: 'gitlab-runner-registration',
    name: 'GitLab runner registration token',
    pattern: /(?<![A-Za-z0-9_-])GR1348941[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/g,
    keywords: ['GR1348941'],
    rotate: ROTATE,
    get samples() {
      return { tp: [`--registration-token GR1348941${fake('gr', 20, B64URL)}`], fp: [`GR1348941${fake('gr', 12)}`] };
    },
  },
  {
    id: 'gitlab-feed-token',
    name: 'GitLab feed token',
    pattern: /(?<![A-Za-z0-9_-])glft-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/g,
    keywords: ['glft-'],
    rotate: ROTATE,
    get samples() {
      return { tp: [`feed_token: glft-${fake('glft', 20, B64URL)}`], fp: [`glft-${fake('glft', 30)}`] };
    },
  },

  ...(
    [
      ['gitlab-cicd-job-token', 'GitLab CI/CD job token', 'glcbt-', `${C}{1,5}_${C}{20}`, 'it expires with the job; if the job still runs, cancel it'],
      ['gitlab-agent-token', 'GitLab agent for Kubernetes token', 'glagent-', `${C}{50}`, ROTATE],
      ['gitlab-oauth-app-secret', 'GitLab OAuth application secret', 'gloas-', `${C}{64}`, 'renew the secret of the application under Applications in GitLab'],
      ['gitlab-scim-token', 'GitLab SCIM token', 'glsoat-', `${C}{20}`, 'reset the SCIM token under the group\'s SAML SSO settings'],
      ['gitlab-incoming-mail-token', 'GitLab incoming email token', 'glimt-', `${C}{25}`, 'reset it under Preferences (incoming email token) in GitLab'],
      ['gitlab-feature-flag-token', 'GitLab feature flags client token', 'glffct-', `${C}{20}`, 'reset it under Deploy → Feature flags → Configure in GitLab'],
    ] as const
  ).map(
    ([id, name, prefix, body, rotate]): Detector => ({
      id,
      name,
      pattern: new RegExp(`(?<![A-Za-z0-9_-])${prefix}${body}(?![A-Za-z0-9_-])`, 'g'),
      keywords: [prefix],
      rotate,
      get samples() {
        return {
          tp: [`TOKEN: ${prefix}${prefix === 'glcbt-' ? `64_${fake(id, 20, B64URL)}` : fake(id, Number(/\{(\d+)\}$/.exec(body)![1]), B64URL)}`],
          fp: [`${prefix}${fake(id, 8)}`],
        };
      },
    }),
  ),
  {
    id: 'gitlab-session-cookie',
    name: 'GitLab session cookie',
    pattern: /_gitlab_session=([0-9a-z]{32})(?![0-9a-z])/g,
    keywords: ['_gitlab_session='],
    rotate: 'sign out that session (User settings → Active sessions → Revoke)',
    get samples() {
      return { tp: [`curl -b "_gitlab_session=${fake('gls', 32, '0123456789abcdefghijklmnopqrstuvwxyz')}" https://gitlab.example.org`], fp: [`_gitlab_session=${fake('gls', 20)}`] };
    },
  },
];
