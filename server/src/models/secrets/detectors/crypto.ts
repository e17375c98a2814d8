// Key material and signed tokens: PEM private key blocks (also JSON-escaped, as in GCP service-account files), age keys, JWTs.

import { bech32Valid, decodeBase64, decodesToJsonObject, entropy } from '../checksums.js';
import { B64, b64url, bech32Upper, fake } from '../fake.js';
import type { Detector } from '../types.js';

/** How far to look for the END line of a PEM block: keys are a few kilobytes. */
const PEM_MAX = 16_384;

function pem(label: string, seed: string, nl = '\n'): string {
  const body = fake(seed, 256, B64).match(/.{1,64}/g)!.join(nl);
  return `-----BEGIN ${label}-----${nl}${body}${nl}-----END ${label}-----`;
}

/** The last answer of nextPemEnd: matches of one scan arrive in increasing order and mostly share the same END. */
let pemMemo: { text: string; from: number; at: number } | undefined;

/**
 * The first `-----END` at or after `from`. Remembered between calls: thousands of BEGIN lines without an END each
 * searched the rest of the text (quadratic); now a search runs only when the last answer lies behind `from`.
 */
function nextPemEnd(text: string, from: number): number {
  const m = pemMemo;
  if (m && m.text === text && from >= m.from && (m.at === -1 || m.at >= from)) return m.at;
  const at = text.indexOf('-----END', from);
  pemMemo = { text, from, at };
  return at;
}

export const CRYPTO: readonly Detector[] = [
  {
    id: 'private-key',
    name: 'PEM private key',
    pattern: /-----BEGIN[ A-Z0-9]{0,30}PRIVATE KEY(?: BLOCK)?-----/g,
    keywords: ['PRIVATE KEY'],
    extend: (text, matchEnd) => {
      const end = nextPemEnd(text, matchEnd);
      if (end === -1 || end - matchEnd > PEM_MAX) return undefined;
      // Only a close within 64 characters counts: look no further (a header without one must not scan the text).
      const near = text.slice(end + 8, end + 8 + 64 + 5).indexOf('-----');
      const close = near === -1 ? -1 : end + 8 + near;
      return close === -1 || close - end > 64 ? undefined : close + 5;
    },
    validate: (s) => {
      const body = s
        .slice(s.indexOf('-----', 10) + 5, s.lastIndexOf('-----END'))
        .replace(/\\[nr]/g, '\n')
        .replace(/^[A-Za-z-]+:.*$/gm, '')
        .replace(/[\s"',+]/g, (c) => (c === '+' ? c : ''));
      return body.length >= 64 && /^[A-Za-z0-9+/=]+$/.test(body) && entropy(body) >= 4.5;
    },
    rotate: 'replace the key pair and revoke the old public key (or certificate) wherever it is trusted',
    get samples() {
      return {
        tp: [pem('RSA PRIVATE KEY', 'rsa'), `"private_key": "${pem('PRIVATE KEY', 'gcp', '\\n')}\\n"`, pem('OPENSSH PRIVATE KEY', 'ssh')],
        fp: ['-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----', '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----', '-----BEGIN RSA PRIVATE KEY-----\n${{ secrets.KEY }}\n-----END RSA PRIVATE KEY-----'],
      };
    },
  },
  {
    id: 'age-secret-key',
    name: 'age secret key',
    pattern: /(?<![A-Za-z0-9-])AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}(?![A-Za-z0-9])/g,
    keywords: ['AGE-SECRET-KEY-1'],
    validate: (s) => bech32Valid(s),
    checksum: 'bech32',
    rotate: 'generate a new identity with age-keygen and re-encrypt what the old one protected',
    get samples() {
      return {
        tp: [`SOPS_AGE_KEY: ${bech32Upper('age-secret-key-', 'age', 52)}`],
        // right alphabet and length, broken checksum
        fp: [`SOPS_AGE_KEY: ${bech32Upper('age-secret-key-', 'age', 52).slice(0, -1)}Q`],
      };
    },
  },
  {
    id: 'jwt',
    name: 'JSON Web Token',
    // also after a URL-encoded separator (`?auth=Bearer%20eyJ…`)
    pattern: /(?:(?<![A-Za-z0-9_-])|(?<=%[0-9A-Fa-f]{2}))eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g,
    keywords: ['eyJ'],
    validate: (s) => {
      const [header, payload] = s.split('.');
      const h = decodesToJsonObject(header ?? '');
      if (!h || typeof h['alg'] !== 'string' || h['alg'] === 'none') return false;
      const p = decodesToJsonObject(payload ?? '');
      // jwt.io's sample token is documentation, not a credential.
      return !!p && p['name'] !== 'John Doe';
    },
    rotate: 'revoke the token (or rotate its signing key) where it was issued',
    get samples() {
      return {
        tp: [
          `Authorization: Bearer ${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"svc-deploy","iat":1700000000}')}.${fake('jwt', 43, `${B64.slice(0, 62)}_-`)}`,
          `curl "https://api.example.org/v1/export?auth=Bearer%20${b64url('{"alg":"RS256","kid":"k1"}')}.${b64url('{"sub":"ci","exp":1900000000}')}.${fake('jwt2', 86, `${B64.slice(0, 62)}_-`)}"`,
        ],
        fp: [
          `${b64url('{"alg":"none"}')}.${b64url('{"sub":"x","iat":1}')}.${fake('jwt', 20)}`,
          `eyJ${fake('jwt1', 30)}.eyJ${fake('jwt2', 30)}.${fake('jwt3', 30)}`,
          `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"1234567890","name":"John Doe","iat":1516239022}')}.${fake('jwt', 43)}`,
        ],
      };
    },
  },

  {
    id: 'jwt-base64',
    name: 'JSON Web Token, base64-encoded',
    // base64 of `eyJ` is `ZXlK`: a JWT stored encoded (a Kubernetes Secret's data, a config value)
    pattern: /(?<![A-Za-z0-9+/=])ZXlK[A-Za-z0-9+/]{60,8192}={0,2}(?![A-Za-z0-9+/=])/g,
    keywords: ['ZXlK'],
    validate: (s) => {
      const jwt = decodeBase64(s);
      if (!jwt || !/^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}$/.test(jwt)) return false;
      const h = decodesToJsonObject(jwt.slice(0, jwt.indexOf('.')));
      return !!h && typeof h['alg'] === 'string' && h['alg'] !== 'none';
    },
    rotate: 'revoke the token (or rotate its signing key) where it was issued',
    get samples() {
      return {
        tp: [`token: ${btoa(`${b64url('{"alg":"RS256","kid":"a"}')}.${b64url('{"iss":"kubernetes/serviceaccount","sub":"system:serviceaccount:ci:deployer"}')}.${fake('jwtb', 86, `${B64.slice(0, 62)}_-`)}`)}`],
        fp: [`ZXlK${fake('jwtb', 80)}`],
      };
    },
  },
];
