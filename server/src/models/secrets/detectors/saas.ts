// SaaS API keys: payments, e-mail, commerce, collaboration, social, maps, observability, data and secret-management services.

import { decodesToJsonObject, entropy, mentionedBefore } from '../checksums.js';
import { ALNUM, B64, b64url, fake, HEX } from '../fake.js';
import type { Detector } from '../types.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A detector with only a pattern; its samples are built when asked for (see Detector.samples). */
function simple(id: string, name: string, pattern: RegExp, keywords: string[], rotate: string, tp: () => string[], fp: () => string[]): Detector {
  return {
    id,
    name,
    pattern,
    keywords,
    rotate,
    get samples() {
      return { tp: tp(), fp: fp() };
    },
  };
}

export const SAAS: readonly Detector[] = [
  simple('stripe-secret-key', 'Stripe live secret key', /(?<![A-Za-z0-9_])sk_(?:live|prod)_[0-9A-Za-z]{24,247}(?![A-Za-z0-9_])/g, ['sk_live_', 'sk_prod_'], 'roll the key in the Stripe dashboard (Developers → API keys)',
    () => [`STRIPE_KEY: sk_live_${fake('stripe', 24)}`, `sk_live_51${fake('stripe2', 97)}`], () => [`sk_test_${fake('stripe', 9)}`, `sk_live_${fake('stripe', 10)}`]),
  simple('stripe-restricted-key', 'Stripe live restricted key', /(?<![A-Za-z0-9_])rk_(?:live|prod)_[0-9A-Za-z]{24,247}(?![A-Za-z0-9_])/g, ['rk_live_', 'rk_prod_'], 'roll the key in the Stripe dashboard (Developers → API keys)',
    () => [`rk_live_${fake('stripe-rk', 99)}`, `STRIPE_RESTRICTED_KEY=rk_live_51${fake('stripe-rk2', 97)}`], () => [`rk_test_${fake('stripe-rk', 9)}`]),
  {
    id: 'stripe-test-key',
    name: 'Stripe test-mode secret or restricted key',
    pattern: /(?<![A-Za-z0-9_])[sr]k_test_[0-9A-Za-z]{24,247}(?![A-Za-z0-9_])/g,
    keywords: ['sk_test_', 'rk_test_'],
    // Stripe's own documentation key is public on purpose.
    validate: (s) => s !== 'sk_test_4eC39HqLyjWDarjtT1zdp7dc' && s !== 'sk_test_BQokikJOvBiI2HlWgH4olfQ2',
    rotate: 'roll the test key in the Stripe dashboard (test mode → Developers → API keys): it reads and writes your test data and webhooks',
    get samples() {
      return { tp: [`STRIPE_SECRET_KEY: sk_test_51${fake('stt', 97)}`], fp: ['sk_test_4eC39HqLyjWDarjtT1zdp7dc', `sk_test_${fake('stt', 9)}`] };
    },
  },
  simple('stripe-webhook-secret', 'Stripe webhook signing secret', /(?<![A-Za-z0-9_])whsec_[0-9A-Za-z]{32,64}(?![A-Za-z0-9_])/g, ['whsec_'], 'roll the signing secret on the webhook endpoint in the Stripe dashboard',
    () => [`STRIPE_WEBHOOK_SECRET=whsec_${fake('whsec', 32)}`], () => [`whsec_${fake('whsec', 12)}`]),
  simple('sendgrid-api-key', 'SendGrid API key', /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, ['SG.'], 'delete the key under Settings → API Keys in SendGrid',
    () => [`SENDGRID_API_KEY: SG.${fake('sg1', 22)}.${fake('sg2', 43)}`], () => [`SG.${fake('sg1', 22)}.${fake('sg2', 40)}`]),
  simple('twilio-api-key', 'Twilio API key SID', /(?<![A-Za-z0-9_])SK[0-9a-f]{32}(?![A-Za-z0-9_])/g, ['SK'], 'delete the API key in the Twilio console',
    () => [`TWILIO_API_KEY: SK${fake('tw', 32, HEX)}`], () => [`AC${fake('tw', 32, HEX)}`, `SK${fake('tw', 32, UPPER_DIGITS)}`]),
  simple('mailgun-api-key', 'Mailgun private API key', /(?<![A-Za-z0-9_-])key-[0-9a-f]{32}(?![A-Za-z0-9_-])/g, ['key-'], 'rotate the key under API Security in Mailgun',
    () => [`MAILGUN_API_KEY=key-${fake('mg', 32, HEX)}`], () => [`key-${fake('mg', 31, HEX)}`, `api-key-${fake('mg', 32, HEX)}z`]),
  {
    id: 'mailgun-key',
    name: 'Mailgun API key or webhook signing key',
    // current private API keys and webhook signing keys: 32 hex, then two groups of 8
    pattern: /(?<![A-Za-z0-9_-])[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}(?![A-Za-z0-9_-])/g,
    keywords: ['-'],
    // found by its tail (`-` and two groups of 8, 32 characters in): '-' alone selects nearly every line
    near: { anchor: /-[0-9a-f]{8}-[0-9a-f]{8}(?![A-Za-z0-9_-])/g, before: 32, after: 18 },
    validate: (s) => entropy(s) >= 3.3,
    rotate: 'rotate the key under API Security (or the webhook signing key under Webhooks) in Mailgun',
    get samples() {
      return { tp: [`MAILGUN_API_KEY: ${fake('mgk1', 32, HEX)}-${fake('mgk2', 8, HEX)}-${fake('mgk3', 8, HEX)}`], fp: [`${fake('mgk1', 32, HEX)}-${fake('mgk2', 8, HEX)}`, `${'0'.repeat(32)}-00000000-00000000`] };
    },
  },
  simple('shopify-token', 'Shopify access token, shared secret, custom or private app token', /(?<![A-Za-z0-9_])shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}(?![A-Za-z0-9_])/g, ['shp'], 'uninstall or rotate the app credentials in the Shopify admin',
    () => [`SHOPIFY_TOKEN: shpat_${fake('shp', 32, HEX)}`, `shpss_${fake('shp2', 32, HEX)}`, `shpca_${fake('shp3', 32, HEX)}`, `shppa_${fake('shp4', 32, HEX)}`], () => [`shpat_${fake('shp', 32)}`]),
  simple('atlassian-api-token', 'Atlassian API token', /(?<![A-Za-z0-9_-])(?:ATATT3|ATCTT3)[A-Za-z0-9_=-]{180,}(?![A-Za-z0-9_=-])/g, ['ATATT3', 'ATCTT3'], 'revoke it at id.atlassian.com → Security → API tokens (or under Organization → API keys)',
    () => [`JIRA_TOKEN: ATATT3${fake('atl', 180)}=${fake('atl2', 8, HEX.toUpperCase())}`, `ATLASSIAN_ADMIN_KEY=ATCTT3${fake('atc', 180)}=${fake('atc2', 8, HEX.toUpperCase())}`], () => [`ATATT3${fake('atl', 40)}`]),
  {
    id: 'bitbucket-app-password',
    name: 'Bitbucket app password',
    pattern: /(?<![A-Za-z0-9_=-])ATBB[A-Za-z0-9_=.-]{24,64}(?![A-Za-z0-9_=.-])/g,
    keywords: ['ATBB'],
    validate: (s) => entropy(s) >= 3.8 && /[0-9]/.test(s),
    rotate: 'revoke it under Personal settings → App passwords in Bitbucket',
    get samples() {
      return { tp: [`BITBUCKET_APP_PASSWORD: ATBB${fake('atbb', 24)}${fake('atbb2', 8, HEX.toUpperCase())}`], fp: [`ATBB${fake('atbb', 10)}`] };
    },
  },
  {
    id: '1password-service-account-token',
    name: '1Password service account token',
    pattern: /(?<![A-Za-z0-9_])ops_eyJ[A-Za-z0-9+/]{250,}={0,3}(?![A-Za-z0-9+/=])/g,
    keywords: ['ops_eyJ'],
    validate: (s) => decodesToJsonObject(s.slice(4)) !== undefined,
    rotate: 'revoke the service account token in 1Password (Developer → Service accounts)',
    get samples() {
      return {
        tp: [`OP_SERVICE_ACCOUNT_TOKEN: ops_${btoa(JSON.stringify({ signInAddress: 'my.1password.com', userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: fake('ops1', 22) }, email: 'x@y.z', srpX: fake('ops2', 64, HEX), muk: { alg: 'A256GCM', ext: true, k: fake('ops3', 43) } })).replace(/=/g, '')}`],
        fp: [`ops_eyJ${fake('ops', 260)}`],
      };
    },
  },
  {
    id: '1password-secret-key',
    name: '1Password account Secret Key',
    pattern: /(?<![A-Za-z0-9-])A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}(?![A-Za-z0-9-])/g,
    keywords: ['A3-'],
    validate: (s) => entropy(s) >= 3.8,
    rotate: 'regenerate the Secret Key in your 1Password account settings and change the account password',
    get samples() {
      return { tp: [`A3-${fake('a3a', 6, UPPER_DIGITS)}-${fake('a3b', 11, UPPER_DIGITS)}-${fake('a3c', 5, UPPER_DIGITS)}-${fake('a3d', 5, UPPER_DIGITS)}-${fake('a3e', 5, UPPER_DIGITS)}`], fp: ['A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX'] };
    },
  },
  {
    id: 'twitter-bearer-token',
    name: 'X (Twitter) app-only bearer token',
    pattern: /(?<![A-Za-z0-9%])A{22}[A-Za-z0-9%]{80,120}(?![A-Za-z0-9%])/g,
    keywords: ['AAAAAAAAAAAAAAAAAAAAA'],
    // They start with 22 `A`s by construction; the rest is URL-encoded base64.
    repeats: true,
    validate: (s) => /%(?:2B|2F|3D)/.test(s) && entropy(s.slice(22)) >= 4,
    rotate: 'regenerate the bearer token under Keys and tokens in the X developer portal',
    get samples() {
      return { tp: [`TWITTER_BEARER_TOKEN: ${'A'.repeat(22)}${fake('tw1', 10)}AAAAAA${fake('tw2', 20)}%3D${fake('tw3', 50)}`], fp: [`${'A'.repeat(22)}${fake('tw2', 90)}`, `${'A'.repeat(120)}`] };
    },
  },
  {
    id: 'mapbox-token',
    name: 'Mapbox access token',
    pattern: /(?<![A-Za-z0-9_.-])[ps]k\.eyJ[A-Za-z0-9_-]{10,300}\.[A-Za-z0-9_-]{20,40}(?![A-Za-z0-9_.-])/g,
    keywords: ['k.eyJ'],
    validate: (s) => typeof decodesToJsonObject(s.slice(3, s.lastIndexOf('.')))?.['u'] === 'string',
    rotate: 'delete or rotate the token under Account → Tokens on mapbox.com',
    get samples() {
      return {
        tp: [`MAPBOX_TOKEN: sk.${b64url(JSON.stringify({ u: 'acme', a: fake('mbx', 25) }))}.${fake('mbx2', 22)}`, `pk.${b64url(JSON.stringify({ u: 'acme', a: fake('mbx3', 25) }))}.${fake('mbx4', 22)}`],
        fp: [`pk.eyJ${fake('mbx', 40)}.${fake('mbx2', 22)}`],
      };
    },
  },
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
    get samples() {
      return {
        tp: [`SENTRY_AUTH_TOKEN: sntrys_${b64url(JSON.stringify({ iat: 1700000000.1, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' }))}_${fake('sentry', 43)}`],
        fp: [`sntrys_eyJ${fake('sentry', 70)}`],
      };
    },
  },
  simple('sentry-user-token', 'Sentry user auth token', /(?<![A-Za-z0-9_])sntryu_[a-f0-9]{64}(?![A-Za-z0-9_])/g, ['sntryu_'], 'revoke it under User Settings → Auth Tokens in Sentry',
    () => [`sntryu_${fake('sentryu', 64, HEX)}`], () => [`sntryu_${fake('sentryu', 60, HEX)}`]),
  simple('databricks-token', 'Databricks personal access token', /(?<![A-Za-z0-9_])dapi[a-f0-9]{32}(?:-[0-9]{1,2})?(?![A-Za-z0-9_-])/g, ['dapi'], 'revoke it under User Settings → Developer → Access tokens in Databricks',
    () => [`DATABRICKS_TOKEN: dapi${fake('dbx', 32, HEX)}`, `dapi${fake('dbx2', 32, HEX)}-2`], () => [`dapi${fake('dbx', 32)}`]),
  simple('doppler-token', 'Doppler token', /(?<![A-Za-z0-9_.])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9_])/g, ['dp.'], 'revoke it in the Doppler dashboard (Access / Service Tokens)',
    () => [`DOPPLER_TOKEN=dp.st.${fake('doppler', 43)}`, `dp.pt.${fake('doppler2', 43)}`], () => [`dp.st.dev`, `dp.xx.${fake('doppler', 43)}`]),
  simple('pulumi-token', 'Pulumi access token', /(?<![A-Za-z0-9_-])pul-[a-f0-9]{40}(?![A-Za-z0-9_-])/g, ['pul-'], 'delete it under Personal access tokens in Pulumi Cloud',
    () => [`PULUMI_ACCESS_TOKEN: pul-${fake('pulumi', 40, HEX)}`], () => [`pul-${fake('pulumi', 39, HEX)}`]),
  simple('postman-api-key', 'Postman API key', /(?<![A-Za-z0-9_-])PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9_-])/g, ['PMAK-'], 'revoke it under Settings → API keys in Postman',
    () => [`POSTMAN_API_KEY=PMAK-${fake('pm1', 24, HEX)}-${fake('pm2', 34, HEX)}`], () => [`PMAK-${fake('pm1', 24, HEX)}`]),
  simple('linear-api-key', 'Linear API key', /(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9_])/g, ['lin_api_'], 'revoke it under Settings → API in Linear',
    () => [`LINEAR_API_KEY: lin_api_${fake('linear', 40)}`], () => [`lin_api_${fake('linear', 30)}`]),
  simple('newrelic-user-key', 'New Relic user API key', /(?<![A-Za-z0-9_-])NRAK-[A-Z0-9]{27}(?![A-Za-z0-9_-])/g, ['NRAK-'], 'delete the key under API keys in New Relic',
    () => [`NEW_RELIC_API_KEY: NRAK-${fake('nr', 27, UPPER_DIGITS)}`], () => [`NRAK-${fake('nr', 27, LOWER)}`]),

  simple('sendinblue-api-key', 'Brevo (Sendinblue) API key', /(?<![A-Za-z0-9_-])xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}(?![A-Za-z0-9_-])/g, ['xkeysib-'], 'delete the key under SMTP & API → API keys in Brevo',
    () => [`BREVO_API_KEY: xkeysib-${fake('xks', 64, HEX)}-${fake('xks2', 16)}`], () => [`xkeysib-${fake('xks', 64, HEX)}`]),
  simple('shippo-api-token', 'Shippo API token', /(?<![A-Za-z0-9_])shippo_(?:live|test)_[a-fA-F0-9]{40}(?![A-Za-z0-9_])/g, ['shippo_'], 'regenerate it under Settings → API in Shippo',
    () => [`SHIPPO_TOKEN: shippo_live_${fake('shippo', 40, HEX)}`], () => [`shippo_live_${fake('shippo', 30, HEX)}`]),
  simple('duffel-api-token', 'Duffel API token', /(?<![A-Za-z0-9_])duffel_(?:test|live)_[A-Za-z0-9_=-]{43}(?![A-Za-z0-9_=-])/g, ['duffel_'], 'revoke it under Developers → Access tokens in Duffel',
    () => [`DUFFEL_TOKEN: duffel_live_${fake('duffel', 43)}`], () => [`duffel_live_${fake('duffel', 20)}`]),
  simple('easypost-api-key', 'EasyPost API key', /(?<![A-Za-z0-9_])EZ[AT]K[A-Za-z0-9]{54}(?![A-Za-z0-9_])/g, ['EZAK', 'EZTK'], 'delete the key under Account settings → API keys in EasyPost',
    () => [`EASYPOST_API_KEY: EZAK${fake('ezak', 54)}`], () => [`EZAK${fake('ezak', 30)}`]),
  {
    id: 'typeform-api-token',
    name: 'Typeform personal access token',
    pattern: /(?<![A-Za-z0-9_])tfp_[A-Za-z0-9_.=-]{59}(?![A-Za-z0-9_.=-])/g,
    keywords: ['tfp_'],
    validate: (s) => entropy(s) >= 4,
    rotate: 'revoke it under Account → Personal tokens in Typeform',
    get samples() {
      return { tp: [`TYPEFORM_TOKEN: tfp_${fake('tfp', 44)}_${fake('tfp2', 14)}`], fp: [`tfp_${fake('tfp', 20)}`] };
    },
  },
  simple('flutterwave-secret-key', 'Flutterwave secret or encryption key', /(?<![A-Za-z0-9_-])FLWSECK(?:_TEST)?-[a-h0-9]{12,32}(?:-X)?(?![A-Za-z0-9_-])/g, ['FLWSECK'], 'regenerate the keys under Settings → API in the Flutterwave dashboard',
    () => [`FLW_SECRET_KEY: FLWSECK_TEST-${fake('flw', 32, 'abcdefgh0123456789')}-X`], () => [`FLWSECK-${fake('flw', 8, 'abcdefgh')}`]),
  simple('square-token', 'Square access token or OAuth secret', /(?<![A-Za-z0-9_-])(?:sq0atp-[A-Za-z0-9_-]{22,60}|sq0csp-[A-Za-z0-9_-]{43}|EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/g, ['sq0atp-', 'sq0csp-', 'EAAA'], 'revoke it in the Square Developer Dashboard (Credentials / OAuth)',
    () => [`SQUARE_ACCESS_TOKEN: EAAA${fake('sq', 60, `${ALNUM}_-`)}`, `sq0csp-${fake('sq2', 43)}`], () => [`EAAA${fake('sq', 30)}`]),
  {
    id: 'facebook-access-token',
    name: 'Facebook (Meta) page or user access token',
    pattern: /(?<![A-Za-z0-9_-])EAA[MC][A-Za-z0-9]{100,1024}(?![A-Za-z0-9_-])/g,
    keywords: ['EAAM', 'EAAC'],
    validate: (s) => entropy(s) >= 4,
    rotate: 'invalidate it (change the app secret or revoke the app\'s permissions) in Meta for Developers',
    get samples() {
      return { tp: [`FB_PAGE_TOKEN: EAAC${fake('fb', 180)}`], fp: [`EAAC${fake('fb', 40)}`] };
    },
  },
  simple('notion-api-token', 'Notion integration token', /(?<![A-Za-z0-9_])ntn_[0-9]{11}[A-Za-z0-9]{35}(?![A-Za-z0-9_])/g, ['ntn_'], 'refresh the secret of the integration under My integrations in Notion',
    () => [`NOTION_TOKEN: ntn_${fake('ntn', 11, '0123456789')}${fake('ntn2', 35)}`], () => [`ntn_${fake('ntn', 20)}`]),
  {
    id: 'mailchimp-api-key',
    name: 'Mailchimp API key',
    pattern: /(?<![A-Za-z0-9_-])[a-f0-9]{32}-us[0-9]{1,2}(?![A-Za-z0-9_-])/g,
    keywords: ['-us'],
    validate: (s) => entropy(s.slice(0, 32)) >= 3.3,
    rotate: 'revoke the key under Profile → Extras → API keys in Mailchimp',
    get samples() {
      return { tp: [`MAILCHIMP_API_KEY: ${fake('mc', 32, HEX)}-us21`], fp: [`${'0'.repeat(32)}-us21`] };
    },
  },
  simple('plaid-access-token', 'Plaid access token', /(?<![A-Za-z0-9_-])access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9_-])/g, ['access-sandbox-', 'access-development-', 'access-production-'], 'remove the Item (/item/remove) or rotate it (/item/access_token/invalidate) with the Plaid API',
    () => [`PLAID_ACCESS_TOKEN: access-production-${fake('pl1', 8, HEX)}-${fake('pl2', 4, HEX)}-${fake('pl3', 4, HEX)}-${fake('pl4', 4, HEX)}-${fake('pl5', 12, HEX)}`], () => [`access-production-${fake('pl1', 8, HEX)}`]),
  simple('new-relic-insert-key', 'New Relic insights insert key', /(?<![A-Za-z0-9_-])NRII-[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g, ['NRII-'], 'delete the key under API keys in New Relic',
    () => [`NEW_RELIC_INSERT_KEY: NRII-${fake('nrii', 32)}`], () => [`NRII-${fake('nrii', 20)}`]),
  simple('adobe-client-secret', 'Adobe OAuth client secret', /(?<![A-Za-z0-9_-])p8e-[A-Za-z0-9]{32}(?![A-Za-z0-9_-])/g, ['p8e-'], 'rotate the client secret of the project in the Adobe Developer Console',
    () => [`ADOBE_CLIENT_SECRET: p8e-${fake('p8e', 32)}`], () => [`p8e-${fake('p8e', 20)}`]),
  {
    id: 'clickhouse-cloud-api-secret',
    name: 'ClickHouse Cloud API secret key',
    pattern: /(?<![A-Za-z0-9_])4b1d[A-Za-z0-9]{38}(?![A-Za-z0-9_])/g,
    keywords: ['4b1d'],
    // hex digests can start with 4b1d too: a real key mixes upper and lower case
    validate: (s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && entropy(s) >= 4,
    rotate: 'delete the API key under Organization → API keys in ClickHouse Cloud',
    get samples() {
      return { tp: [`CLICKHOUSE_KEY_SECRET: 4b1d${fake('ch', 38)}`], fp: [`4b1d${fake('ch', 38, HEX)}`] };
    },
  },
  simple('defined-networking-api-token', 'Defined Networking (Nebula) API token', /(?<![A-Za-z0-9_-])dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52}(?![A-Za-z0-9_-])/g, ['dnkey-'], 'delete the API key in the Defined Networking admin panel',
    () => [`DN_API_KEY: dnkey-${fake('dn1', 26, '0123456789abcdefghijklmnopqrstuvwxyz')}-${fake('dn2', 52, '0123456789abcdefghijklmnopqrstuvwxyz')}`], () => [`dnkey-${fake('dn1', 10, 'abc')}`]),
  {
    id: 'dropbox-api-token',
    name: 'Dropbox short-lived access token',
    pattern: /(?<![A-Za-z0-9_.-])sl\.[A-Za-z0-9_=-]{130,1400}(?![A-Za-z0-9_=-])/g,
    keywords: ['sl.'],
    validate: (s) => entropy(s) >= 4.5,
    rotate: 'revoke it (/2/auth/token/revoke) or the app\'s access in the Dropbox App Console',
    get samples() {
      return { tp: [`DROPBOX_TOKEN: sl.${fake('dbx', 140, `${ALNUM}_-`)}`], fp: [`sl.${'a'.repeat(140)}`] };
    },
  },
  {
    id: 'yandex-api-key',
    name: 'Yandex Cloud API key or IAM token',
    pattern: /(?<![A-Za-z0-9_.-])(?:AQVN[A-Za-z0-9_-]{35,38}|t1\.[A-Za-z0-9_-]{10,200}={0,2}\.[A-Za-z0-9_-]{86}={0,2}|YC[A-Za-z0-9_-]{38})(?![A-Za-z0-9_.=-])/g,
    keywords: ['AQVN', 't1.', 'YC'],
    validate: (s, text, index) => entropy(s) >= 4 && mentionedBefore(text, index, /yandex|\byc[_-]|yc_token|ycloud/i, 300),
    rotate: 'delete the key (or revoke the token) of the service account in the Yandex Cloud console',
    get samples() {
      return { tp: [`YANDEX_API_KEY: AQVN${fake('yc', 36, `${ALNUM}_-`)}`], fp: [`key: AQVN${fake('yc', 36)}`] };
    },
  },
  {
    id: 'beamer-api-token',
    name: 'Beamer API key',
    pattern: /(?<![A-Za-z0-9_])b_[A-Za-z0-9=_-]{44}(?![A-Za-z0-9=_-])/g,
    keywords: ['b_'],
    validate: (s, text, index) => entropy(s) >= 4 && mentionedBefore(text, index, /beamer/i, 120),
    rotate: 'regenerate the API key under Settings → API in Beamer',
    get samples() {
      return { tp: [`BEAMER_API_KEY: b_${fake('beamer', 44, B64.slice(0, 62))}`], fp: [`api_key: b_${fake('beamer', 44)}`] };
    },
  },
];
