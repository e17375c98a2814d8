// Credentials in text: URLs with a password or a token in the query, HTTP credential headers, and secrets on command lines.

import { lineEndOf, lineStartOf } from '../../core/text.js';
import { decodeBase64 } from './checksums.js';
import { isCredentialName, isPlaceholder, isReference, isSecretName, looksLikeSecret } from './generic.js';
import { slotNonValue } from './values.js';
import { matchesOf } from '../../core/regex.js';

export type TextCredentialKind =
  /** `scheme://user:password@host` */
  | 'url-password'
  /** `?access_token=…`, `&private_token=…` */
  | 'url-query'
  /** `X-Amz-Signature=…` next to `X-Amz-Credential=…`: a presigned URL, usable by anyone who has it */
  | 'presigned-url'
  | 'basic-auth'
  | 'bearer'
  /** `PRIVATE-TOKEN: …`, `X-API-Key: …` and other credential headers */
  | 'header'
  | 'curl-user'
  /** a secret-named flag whose value looks random (the entropy-based rule) */
  | 'flag'
  /** `--password X`, `--token=X`, `docker login -p X`, `mysql -pX`, `sshpass -p X` */
  | 'password-flag'
  /** `export DB_PASSWORD=…`, `API_TOKEN=… cmd`, `--build-arg NPM_TOKEN=…`, `-e POSTGRES_PASSWORD=…` */
  | 'env'
  /** `echo "…" | docker login --password-stdin` */
  | 'stdin';

export interface TextCredential {
  readonly kind: TextCredentialKind;
  /** the flag, header, parameter or URL scheme, for the message. */
  readonly label: string;
  /** range of the secret inside the scanned text. */
  readonly start: number;
  readonly end: number;
  readonly secret: string;
  /** a URL password at a host reserved for documentation (`example.com`, `*.test`): not reported, still redacted. */
  readonly documentation?: boolean;
}

/** Tried where a `://` is: sticky at the start of the scheme before it (found by hand, so no lookbehind is needed). */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:/@"'`<>{}[\]\\]{1,128}):([^\s/@"'`<>\\]{1,256})@([A-Za-z0-9[][^\s/:"'`]{0,253})/iy;
const BASIC = /Authorization:[ \t]{0,4}Basic[ \t]{1,4}([A-Za-z0-9+/]{8,512}={0,2})(?![A-Za-z0-9+/=])/gi;
const BEARER = /Authorization:[ \t]{0,4}(Bearer|token|Token|Bot)[ \t]{1,4}([A-Za-z0-9._~+/-]{8,2048}=*)(?![A-Za-z0-9._~+/=$-])/g;
/** Token headers (`X-API-Key: …`), by name: looked up at each `:` (an alternation tried at every position costs more). */
const HEADER_NAMES: ReadonlySet<string> = new Set([
  'PRIVATE-TOKEN', 'DEPLOY-TOKEN', 'X-API-Key', 'X-Api-Key', 'X-API-KEY', 'Api-Key', 'API-Key', 'X-Auth-Token', 'X-Vault-Token',
  'X-Access-Token', 'X-JFrog-Art-Api', 'X-Octopus-ApiKey', 'X-TFE-Token', 'Circle-Token', 'X-Figma-Token', 'X-Gitlab-Token',
  'X-Postmark-Server-Token', 'X-Shopify-Access-Token', 'DD-API-KEY', 'DD-APPLICATION-KEY',
]);
/** What follows a header name: the value, tried at the `:` (sticky). */
const HEADER_VALUE = /:[ \t]{0,4}([A-Za-z0-9._~+/=-]{8,512})(?![A-Za-z0-9._~+/=$-])/y;
const LONGEST_HEADER_NAME = [...HEADER_NAMES].reduce((n, name) => Math.max(n, name.length), 0);

const QUERY = /[?&](access_token|private_token|auth_token|api_key|apikey|api-key|token|client_secret|password|passwd|secret)=([^&\s"'`#<>()[\]{}$%\\]{8,512})/gi;
const PRESIGNED = /[?&](X-Amz-Signature|X-Goog-Signature)=([0-9a-f]{64,1024})(?![0-9a-f])/g;
const CURL_USER = /(?<![^\s])(?:-u|--user)(?:[ \t]+|=)?["']?([^\s:"'$]{1,128}):([^\s"']{1,256})/g;
/** A flag value that is a `key=value` list names where a secret comes from (`--secret id=npmrc,src=…`): no secret itself. */
const OPTION_LIST = /^[A-Za-z][A-Za-z0-9_.-]{0,40}=/;
const FLAG = /(?<![^\s])(--?[A-Za-z][A-Za-z0-9-]{0,40})(?:=|[ \t]+)["']?([^\s"']{1,512})/g;
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?$/i;
/** Hosts reserved for documentation and tests (RFC 2606, RFC 6761): a URL there is an example, not an account. */
const EXAMPLE_HOST = /(?:^|\.)(?:example\.(?:com|net|org)|[a-z0-9-]+\.(?:example|test|invalid|localhost))(?::\d+)?$/i;
const LOGIN = /\b(?:docker|podman|buildah|nerdctl|helm(?:[ \t]+registry)?|oras|skopeo|crane|regctl[ \t]+registry|cf|argocd|vault)[ \t]+login\b/;
/** Flags that take a credential in any tool. */
const PASSWORD_FLAG = /^--(?:password|passwd|pass|token|api-?key|api-token|auth-token|access-token|client-secret|secret-key|secret-access-key|private-token|registration-token|personal-access-token|db-password|admin-password)$/i;
const MYSQL = /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mariadb|mariadb-dump|mariadb-admin)\b/;
const SSHPASS = /\bsshpass[ \t]+-p[ \t]*(["']?)([^\s"']{1,256})\1/g;
const ENV_ASSIGN = /(?<![A-Za-z0-9_$.{-])([A-Za-z_][A-Za-z0-9_]{1,80})=("[^"\n$`\\]{0,512}"|'[^'\n]{0,512}'|[^\s;&|'"`()<>$\\]{1,512})/g;
/** At a pipe: the login command that reads the password from stdin (`| docker login …`, `| sudo helm registry login …`). */
const PIPED_LOGIN = /[ \t]{0,16}(?:sudo[ \t]{1,16})?[a-z][a-z0-9-]{1,20}(?:[ \t]{1,16}registry)?[ \t]{1,16}login\b/y;

/** A password or token value that is written out, not a reference or a filler (the entropy-based rules' test). */
function literal(v: string): boolean {
  return v !== '' && !isReference(v) && !isPlaceholder(v) && !v.startsWith('$') && !v.includes('${') && !v.includes('$(');
}

/** A value in a credential slot: anything written out except a reference or a well-known placeholder. */
function slotValue(v: string): boolean {
  return v !== '' && !v.startsWith('$') && !v.includes('${') && !v.includes('$(') && slotNonValue(v) === undefined;
}

/**
 * Calls `each` with every line of `text` and its offset (a callback, not a generator: the redactor runs this on
 * every message it masks). Every line, however long: a long line is scanned like a short one (skipping it would hide a credential behind
 * 8 KB of filler). The work stays linear because every pattern has bounded quantifiers and every per-line question
 * (is there a login command before this flag?) is answered once per line, not once per match.
 */
function eachLine(text: string, each: (line: string, base: number) => void): void {
  if (!text.includes('\n')) return each(text, 0);
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    each(text.slice(at, nl), at);
    at = nl + 1;
  }
}

/** Where the first login command of the line ends (`docker login`), or -1: a `-p` after it is a password. */
function loginEnd(line: string): number {
  if (!line.includes('login')) return -1;
  const m = LOGIN.exec(line);
  return m ? m.index + m[0].length : -1;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/**
 * `mysql -pSECRET`, `-p"SECRET"`, `-p'SECRET'`: words after `from` that start with `-p` and carry the password
 * attached (a lone `-p` prompts). One pass over the words: no pattern re-reads the line.
 */
function attachedPasswords(line: string, from: number): { value: string; start: number }[] {
  const out: { value: string; start: number }[] = [];
  let i = from;
  while (i < line.length) {
    while (i < line.length && isSpace(line[i])) i++;
    const wordStart = i;
    while (i < line.length && !isSpace(line[i])) i++;
    if (i - wordStart < 3 || line[wordStart] !== '-' || line[wordStart + 1] !== 'p' || (wordStart > 0 && !isSpace(line[wordStart - 1]))) continue;
    let vs = wordStart + 2;
    let ve = i;
    const q = line[vs];
    if (q === '"' || q === "'") {
      if (ve - vs < 3 || line[ve - 1] !== q) continue;
      vs++;
      ve--;
    }
    const value = line.slice(vs, ve);
    if (value.length > 256 || value[0] === '-' || value.includes('"') || value.includes("'")) continue;
    out.push({ value, start: vs });
  }
  return out;
}

const STDIN_VALUE_STOP = new Set([' ', '\t', '"', "'", '|', '$', '`', '\\']);

/**
 * `echo SECRET | docker login --password-stdin` (also `printf`, `echo -n`, `printf '%s'`, quoted values, `sudo`): at
 * each pipe followed by a login command with `--password-stdin` later on the line, the echoed word before the pipe.
 * Each pipe looks back over its own word and blanks only, and forward through one bounded sticky pattern: linear.
 */
function stdinPasswords(line: string): { value: string; start: number }[] {
  const out: { value: string; start: number }[] = [];
  const lastStdin = line.lastIndexOf('--password-stdin');
  for (let p = line.indexOf('|'); p !== -1 && p < lastStdin; p = line.indexOf('|', p + 1)) {
    if (line[p + 1] === '|' || line[p - 1] === '|') continue; // `||` is not a pipe
    PIPED_LOGIN.lastIndex = p + 1;
    const login = PIPED_LOGIN.exec(line);
    if (!login || PIPED_LOGIN.lastIndex > lastStdin) continue;
    // the echoed word, right before the pipe
    let e = p;
    while (e > 0 && isBlank(line[e - 1])) e--;
    let q = '';
    if (line[e - 1] === '"' || line[e - 1] === "'") q = line[--e]!;
    let s = e;
    while (s > 0 && e - s <= 256 && !STDIN_VALUE_STOP.has(line[s - 1]!)) s--;
    if (s === e || e - s > 256) continue;
    let before = s;
    if (q) {
      if (line[before - 1] !== q) continue;
      before--;
    }
    // then blanks, an optional `-n` / `'%s'` / `"%s"`, blanks, and `echo` or `printf` as a word
    let b = before;
    if (!isBlank(line[b - 1])) continue;
    while (b > 0 && isBlank(line[b - 1])) b--;
    for (const opt of ['-n', "'%s'", '"%s"']) {
      if (line.endsWith(opt, b) && isBlank(line[b - opt.length - 1])) {
        b -= opt.length;
        while (b > 0 && isBlank(line[b - 1])) b--;
        break;
      }
    }
    const cmd = line.endsWith('echo', b) ? 4 : line.endsWith('printf', b) ? 6 : 0;
    if (cmd === 0 || /[A-Za-z0-9_]/.test(line[b - cmd - 1] ?? '')) continue;
    out.push({ value: line.slice(s, e), start: s });
  }
  return out;
}

/**
 * URL passwords and query tokens, presigned URLs, and HTTP credential headers anywhere in `text`, in text order.
 * No pattern crosses a line break, so each runs once over the whole text (a regex per line cost more than the
 * matching); URL credentials are tried only where a `://` is.
 */
export function httpCredentials(text: string): TextCredential[] {
  const out: TextCredential[] = [];
  const hasUrl = text.includes('://');
  if (hasUrl && text.includes('@')) urlPasswords(text, out);
  if (text.includes('=') && (hasUrl || text.includes('?'))) {
    for (const m of matchesOf(QUERY, text)) {
      const value = m[2]!;
      if (!slotValue(value) || !/[0-9]/.test(value)) continue;
      const start = m.index + m[0].length - value.length;
      out.push({ kind: 'url-query', label: m[1]!, start, end: start + value.length, secret: value });
    }
    if (text.includes('X-Amz-Credential=') || text.includes('X-Goog-Credential=')) {
      for (const m of matchesOf(PRESIGNED, text)) {
        // a signature counts beside its credential, on the same line
        const line = text.slice(lineStartOf(text, m.index), lineEndOf(text, m.index));
        if (!line.includes('X-Amz-Credential=') && !line.includes('X-Goog-Credential=')) continue;
        const value = m[2]!;
        const start = m.index + m[0].length - value.length;
        out.push({ kind: 'presigned-url', label: m[1]!, start, end: start + value.length, secret: value });
      }
    }
  }
  if (text.includes(':')) {
    if (/authorization/i.test(text)) {
      for (const m of matchesOf(BASIC, text)) {
        const b64 = m[1]!;
        const decoded = decodeBase64(b64);
        const colon = decoded?.indexOf(':') ?? -1;
        if (!decoded || colon < 1 || !/^[\x20-\x7e]+$/.test(decoded) || !slotValue(decoded.slice(colon + 1))) continue;
        const start = m.index + m[0].length - b64.length;
        out.push({ kind: 'basic-auth', label: 'Basic', start, end: start + b64.length, secret: b64 });
      }
      for (const m of matchesOf(BEARER, text)) {
        const token = m[2]!;
        if (!slotValue(token)) continue;
        const start = m.index + m[0].length - token.length;
        out.push({ kind: 'bearer', label: m[1]!, start, end: start + token.length, secret: token });
      }
    }
    headerCredentials(text, out);
  }
  // stable: on one position the kinds keep the order above
  return out.sort((a, b) => a.start - b.start);
}

/** `NAME: value` for a token header NAME: the name is the whole run of `[A-Za-z0-9-]` before a `:`. */
function headerCredentials(text: string, out: TextCredential[]): void {
  /** where the last match ended: as in a global regex's scan, a value is never read again as a name. */
  let consumed = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let from = colon;
    while (from > 0 && colon - from <= LONGEST_HEADER_NAME && isHeaderNameUnit(text.charCodeAt(from - 1))) from--;
    if (from === colon || from < consumed || (from > 0 && isHeaderNameUnit(text.charCodeAt(from - 1)))) continue;
    const name = text.slice(from, colon);
    if (!HEADER_NAMES.has(name)) continue;
    HEADER_VALUE.lastIndex = colon;
    const m = HEADER_VALUE.exec(text);
    if (!m) continue;
    consumed = colon + m[0].length;
    const token = m[1]!;
    if (!slotValue(token)) continue;
    const start = consumed - token.length;
    out.push({ kind: 'header', label: name, start, end: consumed, secret: token });
  }
}

/** `[A-Za-z0-9-]` */
function isHeaderNameUnit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
}

/** A scheme character (`[a-z0-9+.-]`, either case). */
function isSchemeChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45;
}

/**
 * `scheme://user:password@host`: at each `://`, the scheme is the run of scheme characters before it (2 to 21 of
 * them, a letter first, nothing of the kind before it), and the sticky pattern is tried there once.
 */
function urlPasswords(text: string, out: TextCredential[]): void {
  let from = 0;
  for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) {
    let s = i;
    while (s > 0 && i - s <= 21 && isSchemeChar(text.charCodeAt(s - 1))) s--;
    const len = i - s;
    // `from`: the end of the last match; a scheme inside it (its host) starts no other match
    if (s < from || len < 2 || len > 21 || (s > 0 && isSchemeChar(text.charCodeAt(s - 1)))) continue;
    const first = text.charCodeAt(s) | 0x20;
    if (first < 97 || first > 122) continue;
    URL_CREDENTIALS.lastIndex = s;
    const m = URL_CREDENTIALS.exec(text);
    if (!m) continue;
    from = s + m[0].length;
    const [, scheme, user, password, host] = m as unknown as [string, string, string, string, string];
    if (!slotValue(password) || password === user || LOCAL_HOST.test(host)) continue;
    const start = s + scheme.length + 3 + user.length + 1;
    out.push({ kind: 'url-password', label: scheme.toLowerCase(), start, end: start + password.length, secret: password, ...(EXAMPLE_HOST.test(host) && { documentation: true }) });
  }
}

/** `curl -u user:password` in a shell script. */
export function curlUserCredentials(script: string): TextCredential[] {
  const out: TextCredential[] = [];
  if (!script.includes('-u') && !script.includes('--user')) return out;
  eachLine(script, (line, base) => {
    if (!/\b(?:curl|wget|http)\b/.test(line)) return;
    for (const m of matchesOf(CURL_USER, line)) {
      const password = m[2]!;
      if (!slotValue(password) || password === m[1]) continue;
      const start = base + m.index + m[0].length - password.length;
      out.push({ kind: 'curl-user', label: 'curl -u', start, end: start + password.length, secret: password });
    }
  });
  return out;
}

/**
 * The flag takes a credential whatever its value looks like (`--password`, `--token`, `-p` of a login command).
 * `login` is where the line's first login command ends (loginEnd), so no match rescans the line before it.
 */
function passwordFlag(flag: string, login: number, at: number): boolean {
  return PASSWORD_FLAG.test(flag) || (flag === '-p' && login !== -1 && login <= at);
}

/**
 * Secret-named flags whose value looks random (`--signing-key 9f…`): the entropy-based rule. Flags that always take
 * a credential are `commandCredentials`' (every literal there is one).
 */
export function flagCredentials(script: string): TextCredential[] {
  const out: TextCredential[] = [];
  if (!script.includes('-')) return out;
  eachLine(script, (line, base) => {
    if (!line.includes('-')) return;
    const login = loginEnd(line);
    for (const m of matchesOf(FLAG, line)) {
      const flag = m[1]!;
      const value = m[2]!;
      const name = flag.replace(/^-+/, '');
      if (flag.length < 4 || !isSecretName(name) || passwordFlag(flag, login, m.index)) continue;
      if (!literal(value) || value.startsWith('-') || OPTION_LIST.test(value) || !looksLikeSecret(value, /pass|pwd/i.test(name))) continue;
      const start = base + m.index + m[0].length - value.length;
      out.push({ kind: 'flag', label: flag, start, end: start + value.length, secret: value });
    }
  });
  return out;
}

/**
 * Credential slots on a command line: `--password X`, `--token=X`, `docker login -p X`, `mysql -pX`, `sshpass -p X`,
 * `echo X | docker login --password-stdin`, and environment assignments with credential names
 * (`export DB_PASSWORD=X`, `TOKEN=X cmd`, `--build-arg NPM_TOKEN=X`, `docker run -e POSTGRES_PASSWORD=X`).
 */
export function commandCredentials(script: string): TextCredential[] {
  const out: TextCredential[] = [];
  const hasFlag = script.includes('-');
  const hasAssign = script.includes('=');
  if (!hasFlag && !hasAssign) return out;
  eachLine(script, (line, base) => {
    const trimmed = line.trimStart();
    // comments, and the YAML/INI-like lines of heredocs (`password: x`) are not commands
    if (trimmed.startsWith('#')) return;
    if (hasFlag && line.includes('-')) {
      const login = loginEnd(line);
      for (const m of matchesOf(FLAG, line)) {
        const flag = m[1]!;
        const value = m[2]!;
        if (!passwordFlag(flag, login, m.index) || value.startsWith('-') || !slotValue(value)) continue;
        const start = base + m.index + m[0].length - value.length;
        out.push({ kind: 'password-flag', label: flag === '-p' ? 'login -p' : flag, start, end: start + value.length, secret: value });
      }
      const mysql = MYSQL.exec(line);
      if (mysql) {
        for (const w of attachedPasswords(line, mysql.index)) {
          if (!slotValue(w.value)) continue;
          const start = base + w.start;
          out.push({ kind: 'password-flag', label: `${mysql[0]} -p`, start, end: start + w.value.length, secret: w.value });
        }
      }
      if (line.includes('sshpass')) {
        for (const m of matchesOf(SSHPASS, line)) {
          const value = m[2]!;
          if (!slotValue(value)) continue;
          const start = base + m.index + m[0].length - value.length - m[1]!.length;
          out.push({ kind: 'password-flag', label: 'sshpass -p', start, end: start + value.length, secret: value });
        }
      }
      if (line.includes('--password-stdin')) {
        for (const w of stdinPasswords(line)) {
          if (!slotValue(w.value)) continue;
          const start = base + w.start;
          out.push({ kind: 'stdin', label: 'login --password-stdin', start, end: start + w.value.length, secret: w.value });
        }
      }
    }
    if (hasAssign && line.includes('=')) {
      for (const m of matchesOf(ENV_ASSIGN, line)) {
        const name = m[1]!;
        if (!isCredentialName(name) || !/^[A-Z]/.test(name)) continue;
        const raw = m[2]!;
        const quoted = raw[0] === '"' || raw[0] === "'";
        const value = quoted ? raw.slice(1, -1) : raw;
        if (!slotValue(value)) continue;
        const start = base + m.index + name.length + 1 + (quoted ? 1 : 0);
        out.push({ kind: 'env', label: name, start, end: start + value.length, secret: value });
      }
    }
  });
  return out;
}

/** Every pattern above, for the ReDoS check in the tests. */
export const COMMAND_PATTERNS: readonly RegExp[] = [URL_CREDENTIALS, BASIC, BEARER, HEADER_VALUE, QUERY, PRESIGNED, CURL_USER, FLAG, OPTION_LIST, LOCAL_HOST, EXAMPLE_HOST, LOGIN, PASSWORD_FLAG, MYSQL, SSHPASS, ENV_ASSIGN, PIPED_LOGIN];
