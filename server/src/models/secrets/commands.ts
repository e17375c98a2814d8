// Credentials in text: URLs with a password, HTTP Authorization headers, and secrets passed as command-line flags.

import { decodeBase64 } from './checksums.js';
import { isPlaceholder, isReference, isSecretName, looksLikeSecret } from './generic.js';

export interface TextCredential {
  readonly kind: 'url-password' | 'basic-auth' | 'bearer' | 'curl-user' | 'flag';
  /** the flag or URL scheme, for the message. */
  readonly label: string;
  /** range of the secret inside the scanned text. */
  readonly start: number;
  readonly end: number;
  readonly secret: string;
}

/** Lines longer than this are data (minified, encoded); skip them rather than scan them. */
const MAX_LINE = 8192;

const URL_CREDENTIALS = /(?<![A-Za-z0-9+.-])([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:/@"'`<>{}[\]\\]{1,128}):([^\s/@"'`<>\\]{1,256})@([A-Za-z0-9[][^\s/:"'`]{0,253})/gi;
const BASIC = /Authorization:[ \t]{0,4}Basic[ \t]{1,4}([A-Za-z0-9+/]{8,512}={0,2})(?![A-Za-z0-9+/=])/gi;
const BEARER = /Authorization:[ \t]{0,4}Bearer[ \t]{1,4}([A-Za-z0-9._~+/-]{16,2048}=*)(?![A-Za-z0-9._~+/=-])/gi;
const CURL_USER = /(?<![^\s])(?:-u|--user)(?:[ \t]+|=)?["']?([^\s:"'$]{1,128}):([^\s"']{1,256})/g;
const FLAG = /(?<![^\s])(--?[A-Za-z][A-Za-z0-9-]{0,40})(?:=|[ \t]+)["']?([^\s"']{1,512})/g;
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?$/i;
const LOGIN = /\b(?:docker|podman|buildah|nerdctl|helm(?:[ \t]+registry)?|oras|skopeo|crane)[ \t]+login\b/;

/** A password or token value that is written out, not a reference or a filler. */
function literal(v: string): boolean {
  return v !== '' && !isReference(v) && !isPlaceholder(v) && !v.startsWith('$') && !v.includes('${') && !v.includes('$(');
}

function* lines(text: string): Generator<[string, number]> {
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    if (nl - at <= MAX_LINE) yield [text.slice(at, nl), at];
    at = nl + 1;
  }
}

/** URL passwords and Authorization headers anywhere in `text`. */
export function httpCredentials(text: string): TextCredential[] {
  const out: TextCredential[] = [];
  const hasUrl = text.includes('://');
  const hasAuth = /authorization/i.test(text);
  if (!hasUrl && !hasAuth) return out;
  for (const [line, base] of lines(text)) {
    if (hasUrl && line.includes('@')) {
      for (const m of line.matchAll(URL_CREDENTIALS)) {
        const [, scheme, user, password, host] = m as unknown as [string, string, string, string, string];
        if (!literal(password) || password === user || LOCAL_HOST.test(host) || /^[*x]+$/i.test(password)) continue;
        const start = base + m.index + scheme.length + 3 + user.length + 1;
        out.push({ kind: 'url-password', label: scheme.toLowerCase(), start, end: start + password.length, secret: password });
      }
    }
    if (hasAuth) {
      for (const m of line.matchAll(BASIC)) {
        const b64 = m[1]!;
        const decoded = decodeBase64(b64);
        const colon = decoded?.indexOf(':') ?? -1;
        if (!decoded || colon < 1 || !/^[\x20-\x7e]+$/.test(decoded) || !literal(decoded.slice(colon + 1))) continue;
        const start = base + m.index + m[0].length - b64.length;
        out.push({ kind: 'basic-auth', label: 'Basic', start, end: start + b64.length, secret: b64 });
      }
      for (const m of line.matchAll(BEARER)) {
        const token = m[1]!;
        if (!literal(token) || !looksLikeSecret(token, false)) continue;
        const start = base + m.index + m[0].length - token.length;
        out.push({ kind: 'bearer', label: 'Bearer', start, end: start + token.length, secret: token });
      }
    }
  }
  return out;
}

/** `curl -u user:password` in a shell script. */
export function curlUserCredentials(script: string): TextCredential[] {
  const out: TextCredential[] = [];
  if (!script.includes('-u') && !script.includes('--user')) return out;
  for (const [line, base] of lines(script)) {
    if (!/\b(?:curl|wget|http)\b/.test(line)) continue;
    for (const m of line.matchAll(CURL_USER)) {
      const password = m[2]!;
      if (!literal(password) || password === m[1]) continue;
      const start = base + m.index + m[0].length - password.length;
      out.push({ kind: 'curl-user', label: 'curl -u', start, end: start + password.length, secret: password });
    }
  }
  return out;
}

/** `--password X`, `--token=X`, `docker login -p X`: a secret on a command line, in ps output and shell history. */
export function flagCredentials(script: string): TextCredential[] {
  const out: TextCredential[] = [];
  if (!script.includes('-')) return out;
  for (const [line, base] of lines(script)) {
    for (const m of line.matchAll(FLAG)) {
      const flag = m[1]!;
      const value = m[2]!;
      const name = flag.replace(/^-+/, '');
      const isLoginP = flag === '-p' && LOGIN.test(line.slice(0, m.index));
      if (!isLoginP && (flag.length < 4 || !isSecretName(name))) continue;
      if (!literal(value) || value.startsWith('-') || !looksLikeSecret(value, isLoginP || /pass|pwd/i.test(name))) continue;
      const start = base + m.index + m[0].length - value.length;
      out.push({ kind: 'flag', label: flag, start, end: start + value.length, secret: value });
    }
  }
  return out;
}

/** Every pattern above, for the ReDoS check in the tests. */
export const COMMAND_PATTERNS: readonly RegExp[] = [URL_CREDENTIALS, BASIC, BEARER, CURL_USER, FLAG, LOCAL_HOST, LOGIN];
