// Developer platforms and registries: npm, PyPI, RubyGems, Clojars, Docker Hub, JFrog, Grafana, HashiCorp Vault and Terraform
// Cloud, Sourcegraph, PlanetScale, Prefect, ReadMe, Infracost, Frame.io, Octopus Deploy, Dynatrace, MaxMind, Sidekiq.

import { crc32Base62Valid, decodesToJsonObject, entropy, grafanaValid, crc32, mentionedBefore } from '../checksums.js';
import { B64URL, fake, HEX, withCrc32 } from '../fake.js';
import type { Detector } from '../types.js';

const glsa = (seed: string): string => {
  const secret = fake(seed, 32);
  return `glsa_${secret}_${crc32(`glsa_${secret}`).toString(16).padStart(8, '0')}`;
};

export const DEVTOOLS: readonly Detector[] = [
  {
    id: 'npm-token',
    name: 'npm access token',
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    keywords: ['npm_'],
    validate: (s) => crc32Base62Valid(s.slice(4)),
    checksum: 'CRC-32 (base62)',
    rotate: 'delete it under Access Tokens on npmjs.com',
    get samples() {
      return { tp: [`//registry.npmjs.org/:_authToken=npm_${withCrc32('npm')}`], fp: [`npm_${fake('npm', 36)}`, `NODE_AUTH_TOKEN: npm_${withCrc32('npm').slice(2)}`] };
    },
  },
  {
    id: 'pypi-token',
    name: 'PyPI API token',
    // The payload is a macaroon whose location is pypi.org (or test.pypi.org).
    pattern: /(?<![A-Za-z0-9_-])pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}(?![A-Za-z0-9_-])/g,
    keywords: ['pypi-AgE'],
    rotate: 'remove it under Account settings → API tokens on pypi.org',
    get samples() {
      return { tp: [`password: pypi-AgEIcHlwaS5vcmc${fake('pypi', 150, B64URL)}`], fp: [`pypi-AgEIcHlwaS5vcmc${fake('pypi', 20)}`, `pypi-${fake('pypi', 150)}`] };
    },
  },
  {
    id: 'rubygems-api-key',
    name: 'RubyGems API key',
    pattern: /(?<![A-Za-z0-9_])rubygems_[a-f0-9]{48}(?![A-Za-z0-9_])/g,
    keywords: ['rubygems_'],
    rotate: 'delete it under Settings → API keys on rubygems.org',
    get samples() {
      return { tp: [`GEM_HOST_API_KEY: rubygems_${fake('gem', 48, HEX)}`], fp: [`rubygems_${fake('gem', 40, HEX)}`] };
    },
  },
  {
    id: 'dockerhub-token',
    name: 'Docker Hub personal or organization access token',
    pattern: /(?<![A-Za-z0-9_-])dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32}(?![A-Za-z0-9_-])/g,
    keywords: ['dckr_'],
    rotate: 'delete it under Account settings → Personal access tokens on Docker Hub',
    get samples() {
      return { tp: [`DOCKERHUB_TOKEN: dckr_pat_${fake('dckr', 27, B64URL)}`], fp: [`dckr_pat_${fake('dckr', 10)}`] };
    },
  },
  {
    id: 'jfrog-reference-token',
    name: 'JFrog reference token',
    // base64 of `reftkn:01:`…
    pattern: /(?<![A-Za-z0-9])cmVmdGtuOjAx[A-Za-z0-9]{52}(?![A-Za-z0-9])/g,
    keywords: ['cmVmdGtuOjAx'],
    rotate: 'revoke it under User Profile → Identity tokens in the JFrog Platform',
    get samples() {
      return { tp: [`ARTIFACTORY_TOKEN: cmVmdGtuOjAxOj${fake('jf', 50)}`], fp: [`cmVmdGtuOjAx${fake('jf', 30)}`] };
    },
  },
  {
    id: 'jfrog-api-key',
    name: 'JFrog (Artifactory) API key',
    pattern: /(?<![A-Za-z0-9])AKCp[A-Za-z0-9]{69}(?![A-Za-z0-9])/g,
    keywords: ['AKCp'],
    rotate: 'revoke it under User Profile → API key in Artifactory',
    get samples() {
      return { tp: [`ARTIFACTORY_API_KEY=AKCp${fake('akcp', 69)}`], fp: [`AKCp${fake('akcp', 60)}`] };
    },
  },
  {
    id: 'grafana-service-account-token',
    name: 'Grafana service account token',
    pattern: /(?<![A-Za-z0-9_])glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}(?![A-Za-z0-9_])/g,
    keywords: ['glsa_'],
    validate: (s) => grafanaValid(s),
    checksum: 'CRC-32 (hex)',
    rotate: 'delete the token on the service account page in Grafana',
    get samples() {
      return { tp: [`GRAFANA_TOKEN: ${glsa('glsa')}`], fp: [`glsa_${fake('glsa', 32)}_${fake('x', 8, HEX)}`] };
    },
  },
  {
    id: 'grafana-cloud-token',
    name: 'Grafana Cloud access policy token',
    pattern: /(?<![A-Za-z0-9_])glc_eyJ[A-Za-z0-9+/]{30,}={0,2}(?![A-Za-z0-9+/=_])/g,
    keywords: ['glc_eyJ'],
    validate: (s) => decodesToJsonObject(s.slice(4)) !== undefined,
    rotate: 'delete the token from its access policy in the Grafana Cloud portal',
    get samples() {
      return {
        tp: [`GRAFANA_CLOUD_TOKEN: glc_${btoa(JSON.stringify({ o: '1234', n: 'ci-token', k: fake('glc', 24), m: { r: 'prod-us-east-0' } }))}`],
        fp: [`glc_eyJ${fake('glc', 40)}`],
      };
    },
  },
  {
    id: 'vault-service-token',
    name: 'HashiCorp Vault service token',
    pattern: /(?<![A-Za-z0-9_.-])hvs\.[A-Za-z0-9_-]{90,}(?![A-Za-z0-9_.-])/g,
    keywords: ['hvs.'],
    rotate: 'revoke it with `vault token revoke` (and its accessor)',
    get samples() {
      return { tp: [`VAULT_TOKEN: hvs.${fake('hvs', 91, B64URL)}`], fp: [`hvs.${fake('hvs', 24)}`] };
    },
  },
  {
    id: 'vault-batch-token',
    name: 'HashiCorp Vault batch token',
    pattern: /(?<![A-Za-z0-9_.-])hvb\.[A-Za-z0-9_-]{130,}(?![A-Za-z0-9_.-])/g,
    keywords: ['hvb.'],
    rotate: 'batch tokens cannot be revoked: rotate what they grant and shorten their TTL',
    get samples() {
      return { tp: [`VAULT_TOKEN=hvb.${fake('hvb', 138, B64URL)}`], fp: [`hvb.${fake('hvb', 40)}`] };
    },
  },
  {
    id: 'terraform-cloud-token',
    name: 'Terraform Cloud / HCP Terraform API token',
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/g,
    keywords: ['.atlasv1.'],
    rotate: 'delete it under User Settings → Tokens in HCP Terraform',
    get samples() {
      return { tp: [`token = "${fake('tfc', 14)}.atlasv1.${fake('tfc2', 67, `${B64URL}`)}"`], fp: [`${fake('tfc', 14)}.atlasv1.${fake('tfc2', 20)}`, `${fake('tfc', 12)}.atlasv1`] };
    },
  },

  {
    id: 'grafana-api-key',
    name: 'Grafana API key (legacy)',
    pattern: /(?<![A-Za-z0-9+/=])eyJrIjoi[A-Za-z0-9+/]{70,400}={0,3}(?![A-Za-z0-9+/=])/g,
    keywords: ['eyJrIjoi'],
    validate: (s) => typeof decodesToJsonObject(s)?.['k'] === 'string',
    rotate: 'delete the API key (or migrate to a service account token) in Grafana',
    get samples() {
      return { tp: [`GRAFANA_API_KEY: ${btoa(JSON.stringify({ k: fake('gak', 32), n: 'deploy-from-ci-pipeline', id: 1 })).replace(/=/g, '')}`], fp: [`eyJrIjoi${fake('gak', 80)}`] };
    },
  },
  {
    id: 'vault-legacy-token',
    name: 'HashiCorp Vault token (legacy format)',
    pattern: /(?<![A-Za-z0-9_.-])s\.[A-Za-z0-9]{24}(?![A-Za-z0-9_.-])/g,
    keywords: ['s.'],
    // `s.` alone is everywhere: only with Vault named just before, and only a random-looking body.
    validate: (s, text, index) => /[0-9]/.test(s) && /[A-Z]/.test(s) && /[a-z]/.test(s.slice(2)) && entropy(s) >= 3.8 && mentionedBefore(text, index, /vault/i, 120),
    rotate: 'revoke it with `vault token revoke` (and its accessor)',
    get samples() {
      return { tp: [`VAULT_TOKEN: s.${fake('vlt', 22)}9Z`], fp: [`token: s.${fake('vlt', 24)}`, `VAULT_TOKEN: s.abcdefghijklmnopqrstuvwx`] };
    },
  },
  {
    id: 'clojars-api-token',
    name: 'Clojars deploy token',
    pattern: /(?<![A-Za-z0-9_])CLOJARS_[a-z0-9]{60}(?![A-Za-z0-9_])/g,
    keywords: ['CLOJARS_'],
    rotate: 'delete it under Deploy tokens on clojars.org',
    get samples() {
      return { tp: [`CLOJARS_PASSWORD: CLOJARS_${fake('clj', 60, '0123456789abcdefghijklmnopqrstuvwxyz')}`], fp: [`CLOJARS_${fake('clj', 20, 'abcdef')}`] };
    },
  },
  {
    id: 'sourcegraph-token',
    name: 'Sourcegraph access token',
    pattern: /(?<![A-Za-z0-9_])sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}(?![A-Za-z0-9_])/g,
    keywords: ['sgp_'],
    rotate: 'delete it under Settings → Access tokens in Sourcegraph',
    get samples() {
      return { tp: [`SRC_ACCESS_TOKEN: sgp_${fake('sgp1', 16, HEX)}_${fake('sgp2', 40, HEX)}`, `sgp_${fake('sgp3', 40, HEX)}`], fp: [`sgp_${fake('sgp3', 30, HEX)}`] };
    },
  },
  {
    id: 'planetscale-token',
    name: 'PlanetScale service token, OAuth token or password',
    pattern: /(?<![A-Za-z0-9_])pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=.-]{32,64}(?![A-Za-z0-9_=.-])/g,
    keywords: ['pscale_'],
    rotate: 'delete the service token or password in the PlanetScale dashboard',
    get samples() {
      return { tp: [`DATABASE_PASSWORD=pscale_pw_${fake('pscale', 43, B64URL)}`], fp: [`pscale_pw_${fake('pscale', 10)}`] };
    },
  },
  {
    id: 'prefect-api-key',
    name: 'Prefect Cloud API key',
    pattern: /(?<![A-Za-z0-9_])pnu_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
    keywords: ['pnu_'],
    rotate: 'delete it under Profile → API keys in Prefect Cloud',
    get samples() {
      return { tp: [`PREFECT_API_KEY: pnu_${fake('pnu', 36)}`], fp: [`pnu_${fake('pnu', 20)}`] };
    },
  },
  {
    id: 'readme-api-key',
    name: 'ReadMe API key',
    pattern: /(?<![A-Za-z0-9_])rdme_[a-z0-9]{70}(?![A-Za-z0-9_])/g,
    keywords: ['rdme_'],
    rotate: 'revoke it under Project settings → API keys on ReadMe',
    get samples() {
      return { tp: [`README_API_KEY: rdme_${fake('rdme', 70, '0123456789abcdefghijklmnopqrstuvwxyz')}`], fp: [`rdme_${fake('rdme', 30, 'abcdef')}`] };
    },
  },
  {
    id: 'infracost-api-key',
    name: 'Infracost API key',
    pattern: /(?<![A-Za-z0-9_-])ico-[A-Za-z0-9]{32}(?![A-Za-z0-9_-])/g,
    keywords: ['ico-'],
    validate: (s) => entropy(s) >= 3.8,
    rotate: 'rotate it under Org settings → API key in Infracost Cloud',
    get samples() {
      return { tp: [`INFRACOST_API_KEY: ico-${fake('ico', 32)}`], fp: [`ico-${fake('ico', 20)}`] };
    },
  },
  {
    id: 'frameio-api-token',
    name: 'Frame.io developer token',
    pattern: /(?<![A-Za-z0-9_-])fio-u-[A-Za-z0-9_=-]{64}(?![A-Za-z0-9_=-])/g,
    keywords: ['fio-u-'],
    rotate: 'delete it under Developer → Tokens on developer.frame.io',
    get samples() {
      return { tp: [`FRAMEIO_TOKEN: fio-u-${fake('fio', 64, B64URL)}`], fp: [`fio-u-${fake('fio', 20)}`] };
    },
  },
  {
    id: 'octopus-deploy-api-key',
    name: 'Octopus Deploy API key',
    pattern: /(?<![A-Za-z0-9_-])API-[A-Z0-9]{26}(?![A-Za-z0-9_-])/g,
    keywords: ['API-'],
    validate: (s) => /[0-9]/.test(s.slice(4)) && /[A-Z]/.test(s.slice(4)) && entropy(s.slice(4)) >= 3.5,
    rotate: 'revoke it under Profile → My API keys in Octopus Deploy',
    get samples() {
      return { tp: [`OCTOPUS_API_KEY: API-${fake('oct', 26, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`], fp: [`API-${'KEY'.repeat(8)}XY`, `API-${fake('oct', 20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`] };
    },
  },
  {
    id: 'dynatrace-api-token',
    name: 'Dynatrace API token',
    pattern: /(?<![A-Za-z0-9_.-])dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64}(?![A-Za-z0-9_.-])/g,
    keywords: ['dt0c01.'],
    rotate: 'revoke it under Access tokens in Dynatrace',
    get samples() {
      return { tp: [`DT_API_TOKEN: dt0c01.${fake('dt1', 24, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}.${fake('dt2', 64, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`], fp: [`dt0c01.${fake('dt1', 24)}`] };
    },
  },
  {
    id: 'maxmind-license-key',
    name: 'MaxMind license key',
    pattern: /(?<![A-Za-z0-9_])[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk(?![A-Za-z0-9_])/g,
    keywords: ['_mmk'],
    validate: (s) => entropy(s) >= 4,
    rotate: 'deactivate the license key under Manage license keys on maxmind.com',
    get samples() {
      return { tp: [`MAXMIND_LICENSE_KEY: ${fake('mm1', 6)}_${fake('mm2', 29)}_mmk`], fp: [`${fake('mm1', 6)}_${fake('mm2', 20)}_mmk`] };
    },
  },
  {
    id: 'sidekiq-enterprise-credentials',
    name: 'Sidekiq Enterprise/Pro gem server credentials',
    pattern: /BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM["']?[ \t]{0,8}[:=][ \t]{0,8}["']?([a-f0-9]{8}:[a-f0-9]{8})(?![a-f0-9])/g,
    keywords: ['__CONTRIBSYS__COM'],
    rotate: 'ask Contributed Systems to rotate the credentials of your Sidekiq license',
    get samples() {
      return { tp: [`BUNDLE_GEMS__CONTRIBSYS__COM: ${fake('sk1', 8, HEX)}:${fake('sk2', 8, HEX)}`], fp: [`BUNDLE_GEMS__CONTRIBSYS__COM: \${SIDEKIQ_CREDS}`] };
    },
  },

  {
    id: 'harness-api-key',
    name: 'Harness personal or service account token',
    pattern: /(?<![A-Za-z0-9_.-])(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}(?![A-Za-z0-9_.-])/g,
    keywords: ['pat.', 'sat.'],
    validate: (s) => entropy(s) >= 4,
    rotate: 'delete the token under My profile → API keys (or the service account) in Harness',
    get samples() {
      return { tp: [`HARNESS_API_KEY: pat.${fake('hns1', 22, B64URL)}.${fake('hns2', 24)}.${fake('hns3', 20)}`], fp: [`pat.${fake('hns1', 10)}.${fake('hns2', 24)}`] };
    },
  },
  {
    id: 'authress-access-key',
    name: 'Authress service client access key',
    pattern: /(?<![A-Za-z0-9_])(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.acc[_-][a-z0-9-]{10,32}\.[A-Za-z0-9+/_=-]{30,120}(?![A-Za-z0-9+/_=-])/g,
    keywords: ['sc_', 'ext_', 'scauth_', 'authress_'],
    rotate: 'delete the access key of the service client in the Authress management portal',
    get samples() {
      return { tp: [`AUTHRESS_KEY: sc_${fake('au1', 10, '0123456789abcdefghijklmnopqrstuvwxyz')}.${fake('au2', 5, '0123456789abcdefghijklmnopqrstuvwxyz')}.acc_${fake('au3', 20, '0123456789abcdefghijklmnopqrstuvwxyz')}.${fake('au4', 60, B64URL)}`], fp: [`sc_${fake('au1', 10)}.x.acc`] };
    },
  },
  {
    id: 'settlemint-token',
    name: 'SettleMint access token',
    pattern: /(?<![A-Za-z0-9_])sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}(?![A-Za-z0-9_])/g,
    keywords: ['sm_aat_', 'sm_pat_', 'sm_sat_'],
    validate: (s) => entropy(s.slice(7)) >= 3.3,
    rotate: 'delete the access token in the SettleMint platform',
    get samples() {
      return { tp: [`SETTLEMINT_TOKEN: sm_pat_${fake('sm', 16)}`], fp: [`sm_pat_${fake('sm', 8)}`] };
    },
  },
  {
    id: 'intra42-client-secret',
    name: '42 intra API client secret',
    pattern: /(?<![A-Za-z0-9_-])s-s4t2(?:ud|af)-[a-f0-9]{64}(?![A-Za-z0-9_-])/g,
    keywords: ['s-s4t2ud-', 's-s4t2af-'],
    rotate: 'generate a new secret for the application on profile.intra.42.fr',
    get samples() {
      return { tp: [`FT_SECRET: s-s4t2ud-${fake('42', 64, HEX)}`], fp: [`s-s4t2ud-${fake('42', 20, HEX)}`] };
    },
  },
];
