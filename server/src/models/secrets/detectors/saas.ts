// SaaS API keys: payments, e-mail, commerce, collaboration, observability, data and secret-management services.

import { decodesToJsonObject } from '../checksums.js';
import { b64url, fake, HEX } from '../fake.js';
import type { Detector } from '../types.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function simple(id: string, name: string, pattern: RegExp, keywords: string[], rotate: string, tp: string[], fp: string[]): Detector {
  return { id, name, pattern, keywords, rotate, samples: { tp, fp } };
}

export const SAAS: readonly Detector[] = [
  simple('stripe-secret-key', 'Stripe live secret key', /(?<![A-Za-z0-9_])sk_live_[0-9A-Za-z]{24,99}(?![A-Za-z0-9_])/g, ['sk_live_'], 'roll the key in the Stripe dashboard (Developers → API keys)',
    [`STRIPE_KEY: sk_live_${fake('stripe', 24)}`], [`sk_test_${fake('stripe', 24)}`, `sk_live_${fake('stripe', 10)}`]),
  simple('stripe-restricted-key', 'Stripe live restricted key', /(?<![A-Za-z0-9_])rk_live_[0-9A-Za-z]{24,99}(?![A-Za-z0-9_])/g, ['rk_live_'], 'roll the key in the Stripe dashboard (Developers → API keys)',
    [`rk_live_${fake('stripe-rk', 99)}`], [`rk_test_${fake('stripe-rk', 99)}`]),
  simple('stripe-webhook-secret', 'Stripe webhook signing secret', /(?<![A-Za-z0-9_])whsec_[0-9A-Za-z]{32,64}(?![A-Za-z0-9_])/g, ['whsec_'], 'roll the signing secret on the webhook endpoint in the Stripe dashboard',
    [`STRIPE_WEBHOOK_SECRET=whsec_${fake('whsec', 32)}`], [`whsec_${fake('whsec', 12)}`]),
  simple('sendgrid-api-key', 'SendGrid API key', /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, ['SG.'], 'delete the key under Settings → API Keys in SendGrid',
    [`SENDGRID_API_KEY: SG.${fake('sg1', 22)}.${fake('sg2', 43)}`], [`SG.${fake('sg1', 22)}.${fake('sg2', 40)}`]),
  simple('twilio-api-key', 'Twilio API key SID', /(?<![A-Za-z0-9_])SK[0-9a-f]{32}(?![A-Za-z0-9_])/g, ['SK'], 'delete the API key in the Twilio console',
    [`TWILIO_API_KEY: SK${fake('tw', 32, HEX)}`], [`AC${fake('tw', 32, HEX)}`, `SK${fake('tw', 32, UPPER_DIGITS)}`]),
  simple('mailgun-api-key', 'Mailgun private API key', /(?<![A-Za-z0-9_-])key-[0-9a-f]{32}(?![A-Za-z0-9_-])/g, ['key-'], 'rotate the key under API Security in Mailgun',
    [`MAILGUN_API_KEY=key-${fake('mg', 32, HEX)}`], [`key-${fake('mg', 31, HEX)}`, `api-key-${fake('mg', 32, HEX)}z`]),
  simple('shopify-token', 'Shopify access token, shared secret, custom or private app token', /(?<![A-Za-z0-9_])shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}(?![A-Za-z0-9_])/g, ['shp'], 'uninstall or rotate the app credentials in the Shopify admin',
    [`SHOPIFY_TOKEN: shpat_${fake('shp', 32, HEX)}`, `shpss_${fake('shp2', 32, HEX)}`, `shpca_${fake('shp3', 32, HEX)}`, `shppa_${fake('shp4', 32, HEX)}`], [`shpat_${fake('shp', 32)}`]),
  simple('atlassian-api-token', 'Atlassian API token', /(?<![A-Za-z0-9_=-])ATATT3[A-Za-z0-9_=-]{180,}(?![A-Za-z0-9_=-])/g, ['ATATT3'], 'revoke it at id.atlassian.com → Security → API tokens',
    [`JIRA_TOKEN: ATATT3${fake('atl', 180)}=${fake('atl2', 8, HEX.toUpperCase())}`], [`ATATT3${fake('atl', 40)}`]),
  {
    id: 'sentry-org-token',
    name: 'Sentry organization auth token',
    pattern: /(?<![A-Za-z0-9_])sntrys_eyJ[A-Za-z0-9+/=_-]{60,}(?![A-Za-z0-9+/=_-])/g,
    keywords: ['sntrys_'],
    validate: (s) => {
      const last = s.lastIndexOf('_');
      return last > 7 && decodesToJsonObject(s.slice(7, last)) !== undefined;
    },
    rotate: 'revoke it under Settings → Auth Tokens in Sentry',
    samples: {
      tp: [`SENTRY_AUTH_TOKEN: sntrys_${b64url(JSON.stringify({ iat: 1700000000.1, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' }))}_${fake('sentry', 43)}`],
      fp: [`sntrys_eyJ${fake('sentry', 70)}`],
    },
  },
  simple('sentry-user-token', 'Sentry user auth token', /(?<![A-Za-z0-9_])sntryu_[a-f0-9]{64}(?![A-Za-z0-9_])/g, ['sntryu_'], 'revoke it under User Settings → Auth Tokens in Sentry',
    [`sntryu_${fake('sentryu', 64, HEX)}`], [`sntryu_${fake('sentryu', 60, HEX)}`]),
  simple('databricks-token', 'Databricks personal access token', /(?<![A-Za-z0-9_])dapi[a-f0-9]{32}(?:-[0-9]{1,2})?(?![A-Za-z0-9_-])/g, ['dapi'], 'revoke it under User Settings → Developer → Access tokens in Databricks',
    [`DATABRICKS_TOKEN: dapi${fake('dbx', 32, HEX)}`, `dapi${fake('dbx2', 32, HEX)}-2`], [`dapi${fake('dbx', 32)}`]),
  simple('doppler-token', 'Doppler token', /(?<![A-Za-z0-9_.])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9_])/g, ['dp.'], 'revoke it in the Doppler dashboard (Access / Service Tokens)',
    [`DOPPLER_TOKEN=dp.st.${fake('doppler', 43)}`, `dp.pt.${fake('doppler2', 43)}`], [`dp.st.dev`, `dp.xx.${fake('doppler', 43)}`]),
  simple('pulumi-token', 'Pulumi access token', /(?<![A-Za-z0-9_-])pul-[a-f0-9]{40}(?![A-Za-z0-9_-])/g, ['pul-'], 'delete it under Personal access tokens in Pulumi Cloud',
    [`PULUMI_ACCESS_TOKEN: pul-${fake('pulumi', 40, HEX)}`], [`pul-${fake('pulumi', 39, HEX)}`]),
  simple('postman-api-key', 'Postman API key', /(?<![A-Za-z0-9_-])PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9_-])/g, ['PMAK-'], 'revoke it under Settings → API keys in Postman',
    [`POSTMAN_API_KEY=PMAK-${fake('pm1', 24, HEX)}-${fake('pm2', 34, HEX)}`], [`PMAK-${fake('pm1', 24, HEX)}`]),
  simple('linear-api-key', 'Linear API key', /(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9_])/g, ['lin_api_'], 'revoke it under Settings → API in Linear',
    [`LINEAR_API_KEY: lin_api_${fake('linear', 40)}`], [`lin_api_${fake('linear', 30)}`]),
  simple('newrelic-user-key', 'New Relic user API key', /(?<![A-Za-z0-9_-])NRAK-[A-Z0-9]{27}(?![A-Za-z0-9_-])/g, ['NRAK-'], 'delete the key under API keys in New Relic',
    [`NEW_RELIC_API_KEY: NRAK-${fake('nr', 27, UPPER_DIGITS)}`], [`NRAK-${fake('nr', 27, LOWER)}`]),
];
