// Files of the `text` kind (.env, .npmrc, .netrc, settings.xml, config files …): their format, their role, and their entries.

import type { Range } from '../core/types.js';

/**
 * How a `text` file is read: `yaml` (YAML and JSON, through the YAML parser), `entries` (`KEY=value`, `key = value`,
 * `key: value` lines: .env, .properties, .ini, .npmrc, TOML …), `netrc`, `pgpass`, `xml` (Maven and NuGet settings),
 * `raw` (key files, .git-credentials: only the token and URL scanners apply) and `tfstate` (reported as a whole).
 */
export type TextFormat = 'yaml' | 'entries' | 'netrc' | 'pgpass' | 'xml' | 'raw' | 'tfstate';

/**
 * `credentials`: the file exists to hold credentials or an environment (.env, .npmrc, .netrc, docker and kube config …),
 * so a credential-named entry in it is a credential slot; `config`: a configuration file in general.
 */
export type TextRole = 'credentials' | 'config';

function baseName(path: string): string {
  const p = path.replace(/\\/g, '/');
  return p.slice(p.lastIndexOf('/') + 1).toLowerCase();
}

const YAML_NAME = /\.(?:ya?ml|json)$|^(?:kubeconfig|\.dockercfg)$|\.kubeconfig$/;
const KEY_FILE = /\.(?:pem|key)$|^id_(?:rsa|dsa|ecdsa|ed25519)$/;

export function textFormatOf(path: string): TextFormat {
  const name = baseName(path);
  if (/\.tfstate(?:\.backup)?$/.test(name)) return 'tfstate';
  if (YAML_NAME.test(name) || (name === 'config' && /(?:^|[\\/])\.kube[\\/]config$/i.test(path))) return 'yaml';
  if (name === '.netrc' || name === '_netrc') return 'netrc';
  if (name === '.pgpass') return 'pgpass';
  if (name === 'settings.xml' || name === 'settings-security.xml' || name === 'nuget.config') return 'xml';
  if (KEY_FILE.test(name) || name === '.git-credentials') return 'raw';
  return 'entries';
}

const CREDENTIAL_FILE =
  /^(?:\.env(?:\..+)?|.+\.env|\.envrc|\.npmrc|\.yarnrc(?:\.yml)?|\.pypirc|\.netrc|_netrc|\.git-credentials|\.pgpass|\.s3cfg|pip\.conf|pip\.ini|settings\.xml|settings-security\.xml|nuget\.config|\.dockercfg|kubeconfig|.+\.kubeconfig|credentials|.+\.tfvars\.json)$/;

export function textRoleOf(path: string): TextRole {
  const name = baseName(path);
  if (CREDENTIAL_FILE.test(name)) return 'credentials';
  const p = path.replace(/\\/g, '/');
  if (/(?:^|\/)\.docker\/config\.json$/.test(p) || /(?:^|\/)\.kube\/config$/.test(p)) return 'credentials';
  return 'config';
}

/** One `key = value` entry of a text file. */
export interface TextEntry {
  /** the key as written (`//registry.npmjs.org/:_authToken`, `spring.datasource.password`). */
  readonly key: string;
  readonly keyRange: Range;
  readonly value: string;
  readonly valueRange: Range;
  /** the text at valueRange is exactly `value`. */
  readonly exact: boolean;
  /** the `[section]` it sits in (INI, TOML, .pypirc), or the netrc machine. */
  readonly section: string | undefined;
}

/** Every line, however long (a credential behind 8 KB of filler is still one); the work per line is one pass. */
function* lines(text: string): Generator<[string, number]> {
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    const end = nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    yield [text.slice(at, end), at];
    at = nl + 1;
  }
}

const KEY = /^[A-Za-z0-9_.\-/:@$]+$/;
const SECTION = /^\[{1,2}([^\]\r\n]{1,200})\]{1,2}\s*$/;

/** Where `line` splits into key and value: the first `=`, or a `:` followed by a blank (`key: value`), whichever comes first. */
function separator(line: string): number {
  const eq = line.indexOf('=');
  let colon = -1;
  for (let i = line.indexOf(':'); i !== -1; i = line.indexOf(':', i + 1)) {
    const next = line[i + 1];
    if (next === undefined || next === ' ' || next === '\t') {
      colon = i;
      break;
    }
    if (eq !== -1 && i > eq) break;
  }
  if (eq === -1) return colon;
  if (colon === -1) return eq;
  return Math.min(eq, colon);
}

/** The value part of an entry: quoted, or up to an inline comment; undefined for arrays, tables and other structure. */
function valueOf(line: string, from: number): { start: number; end: number; value: string; exact: boolean } | undefined {
  let start = from;
  while (line[start] === ' ' || line[start] === '\t') start++;
  const first = line[start];
  if (first === undefined) return { start, end: start, value: '', exact: true };
  if (first === '[' || first === '{') return undefined;
  if (first === '"' || first === "'") {
    let end = start + 1;
    let escaped = false;
    while (end < line.length && line[end] !== first) {
      if (first === '"' && line[end] === '\\') {
        escaped = true;
        end++;
      }
      end++;
    }
    if (end >= line.length) return undefined; // unterminated: mid-edit, or a multi-line string
    const raw = line.slice(start + 1, end);
    const value = escaped ? raw.replace(/\\(.)/g, '$1') : raw;
    return { start: start + 1, end, value, exact: !escaped };
  }
  let end = line.length;
  // `KEY=value # comment`: a comment starts at a `#` or `;` after a blank.
  for (let i = start + 1; i < line.length; i++) {
    if ((line[i] === '#' || line[i] === ';') && (line[i - 1] === ' ' || line[i - 1] === '\t')) {
      end = i;
      break;
    }
  }
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  const value = line.slice(start, end);
  return { start, end, value, exact: true };
}

/** `KEY=value`, `export KEY=value`, `key = "value"`, `key: value` lines, with `[section]` headers. */
export function parseEntries(text: string, spaceSeparated = false): TextEntry[] {
  const out: TextEntry[] = [];
  let section: string | undefined;
  for (const [line, base] of lines(text)) {
    let i = 0;
    while (line[i] === ' ' || line[i] === '\t') i++;
    const c = line[i];
    if (c === undefined || c === '#' || c === ';' || c === '!') continue;
    const sec = SECTION.exec(line.slice(i));
    if (sec) {
      section = sec[1]!.trim();
      continue;
    }
    if (line.startsWith('export', i) && (line[i + 6] === ' ' || line[i + 6] === '\t')) {
      i += 7;
      while (line[i] === ' ' || line[i] === '\t') i++;
    }
    let sep = separator(line);
    let valueFrom = sep + 1;
    if (sep < i && spaceSeparated) {
      // .yarnrc (v1): `"//registry/:_authToken" "value"` or `key value`
      const m = /^("?)([^\s"]{1,300})\1[ \t]+/.exec(line.slice(i));
      if (!m) continue;
      sep = i + m[0].trimEnd().length;
      valueFrom = i + m[0].length;
    }
    if (sep <= i) continue;
    let keyStart = i;
    let keyEnd = sep;
    while (keyEnd > keyStart && (line[keyEnd - 1] === ' ' || line[keyEnd - 1] === '\t')) keyEnd--;
    if ((line[keyStart] === '"' || line[keyStart] === "'") && line[keyEnd - 1] === line[keyStart] && keyEnd - keyStart >= 2) {
      keyStart++;
      keyEnd--;
    }
    const key = line.slice(keyStart, keyEnd);
    if (!key || !KEY.test(key)) continue;
    const v = valueOf(line, valueFrom);
    if (!v) continue;
    out.push({
      key,
      keyRange: { start: base + keyStart, end: base + keyEnd },
      value: v.value,
      valueRange: { start: base + v.start, end: base + v.end },
      exact: v.exact,
      section,
    });
  }
  return out;
}

/** `.netrc`: `machine <host> login <user> password <secret>` tokens, on one line or several. */
export function parseNetrc(text: string): TextEntry[] {
  const out: TextEntry[] = [];
  const tokens: { value: string; start: number }[] = [];
  for (const m of text.matchAll(/[^\s]{1,1024}/g)) tokens.push({ value: m[0], start: m.index });
  let machine: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.value;
    const next = tokens[i + 1];
    if (t === 'machine' && next) machine = next.value;
    else if (t === 'default') machine = 'default';
    else if ((t === 'password' || t === 'account') && next) {
      out.push({
        key: t,
        keyRange: { start: tokens[i]!.start, end: tokens[i]!.start + t.length },
        value: next.value,
        valueRange: { start: next.start, end: next.start + next.value.length },
        exact: true,
        section: machine,
      });
      i++;
    } else if (t === 'macdef') break; // macro bodies follow: not credentials, and they run to a blank line
  }
  return out;
}

/** `.pgpass`: `hostname:port:database:username:password` lines (`\\:` escapes a colon). */
export function parsePgpass(text: string): TextEntry[] {
  const out: TextEntry[] = [];
  for (const [line, base] of lines(text)) {
    if (line.trimStart().startsWith('#')) continue;
    let fields = 0;
    let i = 0;
    for (; i < line.length && fields < 4; i++) {
      if (line[i] === '\\') i++;
      else if (line[i] === ':') fields++;
    }
    if (fields < 4) continue;
    const value = line.slice(i);
    out.push({ key: 'password', keyRange: { start: base, end: base + i - 1 }, value, valueRange: { start: base + i, end: base + line.length }, exact: !value.includes('\\'), section: line.slice(0, line.indexOf(':')) });
  }
  return out;
}

const XML_ELEMENT = /<(password|passphrase|privateKey|token|apiKey|accessToken|secret|clientSecret)>([^<]{0,1024})<\/\1>/g;
const XML_ADD = /<add[ \t]+key="([^"]{1,200})"[ \t]+value="([^"]{0,1024})"/g;

/** Maven `settings.xml` (`<password>…</password>`) and NuGet `nuget.config` (`<add key="ClearTextPassword" value="…"/>`). */
export function parseXmlCredentials(text: string): TextEntry[] {
  const out: TextEntry[] = [];
  if (!text.includes('<')) return out;
  for (const m of text.matchAll(XML_ELEMENT)) {
    const key = m[1]!;
    const keyStart = m.index + 1;
    const start = m.index + key.length + 2;
    const raw = m[2]!;
    out.push({ key, keyRange: { start: keyStart, end: keyStart + key.length }, value: unescapeXml(raw), valueRange: { start, end: start + raw.length }, exact: !raw.includes('&'), section: undefined });
  }
  for (const m of text.matchAll(XML_ADD)) {
    const key = m[1]!;
    const raw = m[2]!;
    const keyStart = m.index + m[0].indexOf('"') + 1;
    const start = m.index + m[0].length - raw.length - 1;
    out.push({ key, keyRange: { start: keyStart, end: keyStart + key.length }, value: unescapeXml(raw), valueRange: { start, end: start + raw.length }, exact: !raw.includes('&'), section: undefined });
  }
  return out;
}

function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '');
}

/** Every pattern above, for the ReDoS check in the tests. */
export const TEXT_FILE_PATTERNS: readonly RegExp[] = [YAML_NAME, KEY_FILE, CREDENTIAL_FILE, KEY, SECTION, XML_ELEMENT, XML_ADD];
