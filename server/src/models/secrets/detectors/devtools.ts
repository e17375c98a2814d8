// Developer platforms and registries: npm, PyPI, RubyGems, Docker Hub, JFrog, Grafana, HashiCorp Vault and Terraform Cloud.

import { crc32Base62Valid, decodesToJsonObject, grafanaValid, crc32 } from '../checksums.js';
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
    rotate: 'delete it under Access Tokens on npmjs.com',
    samples: { tp: [`//registry.npmjs.org/:_authToken=npm_${withCrc32('npm')}`], fp: [`npm_${fake('npm', 36)}`, `NODE_AUTH_TOKEN: npm_${withCrc32('npm').slice(2)}`] },
  },
  {
    id: 'pypi-token',
    name: 'PyPI API token',
    // The payload is a macaroon whose location is pypi.org (or test.pypi.org).
    pattern: /(?<![A-Za-z0-9_-])pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}(?![A-Za-z0-9_-])/g,
    keywords: ['pypi-AgE'],
    rotate: 'remove it under Account settings → API tokens on pypi.org',
    samples: { tp: [`password: pypi-AgEIcHlwaS5vcmc${fake('pypi', 150, B64URL)}`], fp: [`pypi-AgEIcHlwaS5vcmc${fake('pypi', 20)}`, `pypi-${fake('pypi', 150)}`] },
  },
  {
    id: 'rubygems-api-key',
    name: 'RubyGems API key',
    pattern: /(?<![A-Za-z0-9_])rubygems_[a-f0-9]{48}(?![A-Za-z0-9_])/g,
    keywords: ['rubygems_'],
    rotate: 'delete it under Settings → API keys on rubygems.org',
    samples: { tp: [`GEM_HOST_API_KEY: rubygems_${fake('gem', 48, HEX)}`], fp: [`rubygems_${fake('gem', 40, HEX)}`] },
  },
  {
    id: 'dockerhub-token',
    name: 'Docker Hub personal or organization access token',
    pattern: /(?<![A-Za-z0-9_-])dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32}(?![A-Za-z0-9_-])/g,
    keywords: ['dckr_'],
    rotate: 'delete it under Account settings → Personal access tokens on Docker Hub',
    samples: { tp: [`DOCKERHUB_TOKEN: dckr_pat_${fake('dckr', 27, B64URL)}`], fp: [`dckr_pat_${fake('dckr', 10)}`] },
  },
  {
    id: 'jfrog-reference-token',
    name: 'JFrog reference token',
    // base64 of `reftkn:01:`…
    pattern: /(?<![A-Za-z0-9])cmVmdGtuOjAx[A-Za-z0-9]{52}(?![A-Za-z0-9])/g,
    keywords: ['cmVmdGtuOjAx'],
    rotate: 'revoke it under User Profile → Identity tokens in the JFrog Platform',
    samples: { tp: [`ARTIFACTORY_TOKEN: cmVmdGtuOjAxOj${fake('jf', 50)}`], fp: [`cmVmdGtuOjAx${fake('jf', 30)}`] },
  },
  {
    id: 'jfrog-api-key',
    name: 'JFrog (Artifactory) API key',
    pattern: /(?<![A-Za-z0-9])AKCp[A-Za-z0-9]{69}(?![A-Za-z0-9])/g,
    keywords: ['AKCp'],
    rotate: 'revoke it under User Profile → API key in Artifactory',
    samples: { tp: [`ARTIFACTORY_API_KEY=AKCp${fake('akcp', 69)}`], fp: [`AKCp${fake('akcp', 60)}`] },
  },
  {
    id: 'grafana-service-account-token',
    name: 'Grafana service account token',
    pattern: /(?<![A-Za-z0-9_])glsa_[A-Za-z0-9]{32}_[0-9a-f]{8}(?![A-Za-z0-9_])/g,
    keywords: ['glsa_'],
    validate: (s) => grafanaValid(s),
    rotate: 'delete the token on the service account page in Grafana',
    samples: { tp: [`GRAFANA_TOKEN: ${glsa('glsa')}`], fp: [`glsa_${fake('glsa', 32)}_${fake('x', 8, HEX)}`] },
  },
  {
    id: 'grafana-cloud-token',
    name: 'Grafana Cloud access policy token',
    pattern: /(?<![A-Za-z0-9_])glc_eyJ[A-Za-z0-9+/]{30,}={0,2}(?![A-Za-z0-9+/=_])/g,
    keywords: ['glc_eyJ'],
    validate: (s) => decodesToJsonObject(s.slice(4)) !== undefined,
    rotate: 'delete the token from its access policy in the Grafana Cloud portal',
    samples: {
      tp: [`GRAFANA_CLOUD_TOKEN: glc_${btoa(JSON.stringify({ o: '1234', n: 'ci-token', k: fake('glc', 24), m: { r: 'prod-us-east-0' } }))}`],
      fp: [`glc_eyJ${fake('glc', 40)}`],
    },
  },
  {
    id: 'vault-service-token',
    name: 'HashiCorp Vault service token',
    pattern: /(?<![A-Za-z0-9_.-])hvs\.[A-Za-z0-9_-]{90,}(?![A-Za-z0-9_.-])/g,
    keywords: ['hvs.'],
    rotate: 'revoke it with `vault token revoke` (and its accessor)',
    samples: { tp: [`VAULT_TOKEN: hvs.${fake('hvs', 91, B64URL)}`], fp: [`hvs.${fake('hvs', 24)}`] },
  },
  {
    id: 'vault-batch-token',
    name: 'HashiCorp Vault batch token',
    pattern: /(?<![A-Za-z0-9_.-])hvb\.[A-Za-z0-9_-]{130,}(?![A-Za-z0-9_.-])/g,
    keywords: ['hvb.'],
    rotate: 'batch tokens cannot be revoked: rotate what they grant and shorten their TTL',
    samples: { tp: [`VAULT_TOKEN=hvb.${fake('hvb', 138, B64URL)}`], fp: [`hvb.${fake('hvb', 40)}`] },
  },
  {
    id: 'terraform-cloud-token',
    name: 'Terraform Cloud / HCP Terraform API token',
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/g,
    keywords: ['.atlasv1.'],
    rotate: 'delete it under User Settings → Tokens in HCP Terraform',
    samples: { tp: [`token = "${fake('tfc', 14)}.atlasv1.${fake('tfc2', 67, `${B64URL}`)}"`], fp: [`${fake('tfc', 14)}.atlasv1.${fake('tfc2', 20)}`, `${fake('tfc', 12)}.atlasv1`] },
  },
];

