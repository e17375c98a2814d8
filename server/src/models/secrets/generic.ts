// Which names hold secrets, and which literal values are real secrets rather than references, placeholders or data.

import { entropy } from './checksums.js';
import { memoByString } from '../../core/memo.js';

/** Words a name ends with when it holds a secret on its own. */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials', 'creds', 'pat', 'privatekey']);
/** `…_key` is a secret only after one of these (`api_key`, `access_key`, `private_key`, `AWS_SECRET_ACCESS_KEY`). */
const KEY_QUALIFIERS = new Set(['api', 'access', 'private', 'secret', 'auth', 'signing', 'encryption', 'master', 'account', 'client', 'shared', 'license', 'ssh', 'app', 'storage', 'subscription', 'admin', 'service']);
/** `auth` alone is a secret only as a whole word at the end (`basic_auth`, `auth`), never `auth_type`. */
const AUTH_WORDS = new Set(['auth', 'authorization']);

/** Names seen lately, split: the same few keys recur in every file (`name`, `bucket`, `tags`), on every keystroke. */
const splitName = memoByString(
  4096,
  (name): readonly string[] =>
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
);

/** Splits `awsSecretAccessKey`, `AWS_SECRET_ACCESS_KEY`, `aws-secret-access-key` into lower-case words. */
export function words(name: string): readonly string[] {
  return splitName(name);
}

/** The name says its value is a secret: the last word is a secret word (`DB_PASSWORD`, `apiKey`, `client_secret`). */
export function isSecretName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  if (last === undefined) return false;
  if (SECRET_WORDS.has(last)) return !(last === 'token' && w[w.length - 2] === 'csrf');
  if (AUTH_WORDS.has(last)) return true;
  if (last === 'key') {
    const before = w[w.length - 2];
    return before !== undefined && KEY_QUALIFIERS.has(before);
  }
  return false;
}

/** `…_key` names in a credential slot: `shared` is left out (`shared-key` is a cache key in actions), as is `auth` alone (a mode: `AUTH=htpasswd`). */
const SLOT_KEY_QUALIFIERS = new Set([...KEY_QUALIFIERS].filter((q) => q !== 'shared'));

/**
 * The name says its value is a credential, strictly enough that any literal under it is reported (a credential slot):
 * `DB_PASSWORD`, `api_token`, `client-secret`, `AWS_SECRET_ACCESS_KEY`; not `REGISTRY_AUTH` or `shared-key`.
 */
export function isCredentialName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  if (last === undefined) return false;
  if (SECRET_WORDS.has(last)) return !(last === 'token' && w[w.length - 2] === 'csrf');
  if (last === 'key') {
    const before = w[w.length - 2];
    return before !== undefined && SLOT_KEY_QUALIFIERS.has(before);
  }
  return false;
}

/** Names whose values are passwords a person typed (lower bar than tokens). */
export function isPasswordName(name: string): boolean {
  const w = words(name);
  const last = w[w.length - 1];
  return last === 'password' || last === 'passwd' || last === 'pwd' || last === 'passphrase';
}

/** `aws-access-key-id` → `AWS_ACCESS_KEY_ID`: a name usable as a secret or environment variable. */
export function envName(key: string): string {
  const name = words(key).join('_').toUpperCase().replace(/^[0-9_]+/, '');
  return name || 'SECRET';
}

const REFERENCE = [
  /\$\{\{/, // GitHub expressions
  /\$\{?[A-Za-z_][A-Za-z0-9_]*/, // $VAR, ${VAR}
  /\$\([A-Za-z_][A-Za-z0-9_.]*\)/, // Azure $(VAR), shell $(cmd)
  /\$\[\[/, // GitLab inputs
  /%[A-Za-z_][A-Za-z0-9_]*%/, // %VAR%
  /%\{/, // Terraform template directives
  /#\{/, // Ruby / Azure templating
  /^(?:var|local|data|module|each|count|path|self)\.[A-Za-z_]/, // Terraform references
  /^@Microsoft\.KeyVault\(/,
  /^(?:arn|projects|vault|ref\+|op|secretsmanager|ssm|sm|awssm|gcpsm|azkv):/i, // secret manager references
];

const PLACEHOLDER_WORDS =
  /^(?:password|passwd|secret|token|changeme|change[-_ ]?me|example|sample|test|testing|dummy|fake|foo|bar|baz|foobar|placeholder|redacted|none|null|nil|undefined|empty|default|required|todo|tbd|replace[-_ ]?me|insert[-_ ]?here|secretpassword|mysecretpassword|mypassword|your[-_ ]?password|pass|password123|admin|root|guest|user|username|hunter2|notasecret|not[-_]?a[-_]?secret|unused|ignored|n\/a)$/i;
const PLACEHOLDER_PARTS = /example|placeholder|changeme|change[-_]me|your[-_ ]?(?:own|api|token|key|secret|password|pass)|replace[-_ ]?(?:me|with|this)|insert[-_ ]?(?:here|your)|dummy|redacted|fake|xxxx|\*\*\*|\.\.\.|-here$|_here$|p[a@]ss?w[o0]rd|s[e3]cr[e3]t|abcd|1234|qwerty|letmein/i;

/** One character over and over, six in a row, or a 1–3 character pattern repeated (`abcabcabcabc`). */
const REPEATS = [/^(.)\1*$/, /(.)\1{5}/, /^(.{1,3})\1{3,}$/];

/** A value that says what goes there instead of being it. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  const wrapped = v.length >= 2 && ((v[0] === '<' && v.endsWith('>')) || (v[0] === '[' && v.endsWith(']')) || (v[0] === '{' && v.endsWith('}')));
  return wrapped || PLACEHOLDER_WORDS.test(v) || PLACEHOLDER_PARTS.test(v) || REPEATS.some((re) => re.test(v));
}

export function isReference(value: string): boolean {
  // `{{ … }}`: Helm, Jinja, Go templates (two indexOf calls rather than a regex with `.*` between)
  const open = value.indexOf('{{');
  if (open !== -1 && value.indexOf('}}', open + 2) !== -1) return true;
  return REFERENCE.some((re) => re.test(value));
}

const BOOLEAN_OR_NULL = /^(?:true|false|yes|no|on|off|y|n|null|~|enabled|disabled)$/i;
const NUMBER = /^[-+]?(?:\d[\d_]*(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DIGEST = /^(?:sha(?:1|224|256|384|512)|md5|blake2b?|sha3-\d+)[:-]/i;
const GPG_FINGERPRINT = /^(?:0x)?(?:[0-9A-F]{4} ?){4,10}$/i;
const PATH = /^(?:~|\.{1,2})?\/[^\s]*$|^[A-Za-z]:\\/;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const FILE_NAME = /^[\w.-]+\.(?:json|ya?ml|pem|key|crt|cer|p12|pfx|txt|env|conf|cfg|ini|xml|jks|keystore|gpg|asc)$/i;
const IDENTIFIER = /^[a-z]+(?:[-_./][a-z0-9]+)*$/;
/** `MARKETPLACE_TOKEN`: the name of a secret or variable, not its value. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** Why a literal is not a secret, or undefined when it may be one. */
export function notSecretReason(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'empty';
  if (BOOLEAN_OR_NULL.test(v)) return 'boolean';
  if (NUMBER.test(v)) return 'number';
  if (isReference(v)) return 'reference';
  if (isPlaceholder(v)) return 'placeholder';
  if (UUID.test(v)) return 'uuid';
  if (DIGEST.test(v)) return 'digest';
  if (GPG_FINGERPRINT.test(v) && /\s|^0x/i.test(v)) return 'fingerprint';
  if (PATH.test(v)) return 'path';
  if (URL.test(v)) return 'url'; // a URL with credentials is credential-url's
  if (EMAIL.test(v)) return 'email';
  if (FILE_NAME.test(v)) return 'file name';
  if (/\s/.test(v)) return 'text';
  return undefined;
}

function charClasses(v: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(v)).length;
}

/**
 * A literal assigned to a secret-looking name that is worth reporting: not a reference, placeholder or data,
 * and random enough. Passwords need 8+ characters of 2+ classes; other secrets 12+ characters with entropy.
 */
export function looksLikeSecret(value: string, password: boolean): boolean {
  const v = value.trim();
  if (v.length > 4096 || notSecretReason(v) !== undefined) return false;
  // lower-case words and kebab identifiers read as names (`my-app`, `read_only`), not secrets
  if (IDENTIFIER.test(v) || CONSTANT_NAME.test(v)) return false;
  const classes = charClasses(v);
  if (password) return v.length >= 8 && classes >= 2 && entropy(v) >= 2.5;
  return v.length >= 12 && classes >= 2 && entropy(v) >= 3.2;
}

/** Every pattern above, for the ReDoS check in the tests. */
export const VALUE_PATTERNS: readonly RegExp[] = [...REFERENCE, ...REPEATS, PLACEHOLDER_WORDS, PLACEHOLDER_PARTS, BOOLEAN_OR_NULL, NUMBER, UUID, DIGEST, GPG_FINGERPRINT, PATH, URL, EMAIL, FILE_NAME, IDENTIFIER, CONSTANT_NAME];
