// Secrets that end up inside an image: credential-named build arguments and environment variables (recorded in the
// image history and config whatever their value), and secret files copied into a layer.

import type { Instruction, Property } from 'dockerfile-ast';
import type { Range } from '../../core/types.js';
import type { SourceFile } from '../source-file.js';
import { isCredentialName } from './generic.js';
import { slotNonValue } from './values.js';

export interface SecretVariable {
  readonly keyword: 'ARG' | 'ENV';
  readonly name: string;
  readonly nameRange: Range;
  /** the value as written: none (`ARG NPM_TOKEN`), a reference (`ENV TOKEN=$TOKEN`) or a placeholder. */
  readonly value: string | undefined;
  readonly instruction: { readonly range: Range; readonly stage: number; readonly properties: number };
}

/**
 * `ARG` whose name says it holds a credential and whose value is not written in the file (no default, a reference, a
 * placeholder), and `ENV` set from a reference (`ENV TOKEN=$TOKEN`): the value comes in at build time and is kept in
 * the image's history (`docker history`) or config (`docker inspect`). A literal is the value rules' finding.
 */
export function secretVariables(file: SourceFile): SecretVariable[] {
  const df = file.dockerfile;
  if (!df) return [];
  const out: SecretVariable[] = [];
  let stage = -1;
  for (const ins of df.getInstructions()) {
    const keyword = ins.getKeyword();
    if (keyword === 'FROM') stage++;
    if (keyword !== 'ARG' && keyword !== 'ENV') continue;
    const props = (ins as unknown as { getProperties?: () => Property[] }).getProperties?.() ?? [];
    const r = ins.getRange();
    const range = { start: file.lines.offsetAt(r.start), end: file.lines.offsetAt(r.end) };
    for (const p of props) {
      const name = p.getName();
      if (!name || !isCredentialName(name)) continue;
      const value = p.getValue() ?? undefined;
      const reason = value === undefined ? 'none' : slotNonValue(value);
      // A literal is the value rules' finding; an ENV that is empty or a placeholder holds nothing to leak, while an
      // ARG without a usable default is exactly what `--build-arg` fills in.
      if (reason === undefined || (keyword === 'ENV' && reason !== 'reference')) continue;
      const nr = p.getNameRange();
      out.push({
        keyword,
        name,
        nameRange: { start: file.lines.offsetAt(nr.start), end: file.lines.offsetAt(nr.end) },
        value,
        instruction: { range, stage: Math.max(stage, 0), properties: props.length },
      });
    }
  }
  return out;
}

export interface SecretCopy {
  readonly keyword: 'COPY' | 'ADD';
  readonly source: string;
  readonly range: Range;
  /** what the file is, for the message. */
  readonly what: string;
}

const SECRET_FILES: readonly [RegExp, string][] = [
  [/^id_(?:rsa|dsa|ecdsa|ed25519)$/, 'an SSH private key'],
  [/^\.env$|^\.env\.(?!example$|sample$|template$|dist$|defaults?$|schema$)[^/]+$/, 'an environment file (secrets by convention)'],
  [/^\.npmrc$|^\.yarnrc(?:\.yml)?$/, 'an npm/yarn config (registry tokens)'],
  [/^\.pypirc$|^pip\.conf$/, 'a Python package index config (upload tokens, index passwords)'],
  [/^[._]netrc$|^\.git-credentials$|^\.pgpass$|^\.s3cfg$/, 'a credentials file'],
  [/^credentials(?:\.json)?$|credentials?\.json$|^client_secret[\w.-]*\.json$|^service[-_]?account[\w.-]*\.json$/, 'a credentials file'],
  [/^\.dockercfg$/, 'Docker registry credentials'],
  [/\.(?:key|p12|pfx|jks|keystore|ppk)$/, 'a private key or keystore'],
  [/\.pem$/, 'a PEM file (private key)'],
];
/** Secret folders, or files inside them, by their path's last two segments. */
const SECRET_DIRS: readonly [RegExp, string][] = [
  [/(?:^|\/)\.aws(?:\/(?:credentials|config))?\/?$/, 'AWS credentials'],
  [/(?:^|\/)\.ssh(?:\/[^/]+)?\/?$/, 'SSH keys'],
  [/(?:^|\/)\.docker(?:\/config\.json)?\/?$/, 'Docker registry credentials'],
  [/(?:^|\/)\.kube(?:\/config)?\/?$/, 'a kubeconfig'],
  [/(?:^|\/)\.gnupg\/?$/, 'GnuPG private keys'],
  [/(?:^|\/)\.config\/gcloud\/?$/, 'Google Cloud credentials'],
];
/** A `.pem` named as a certificate or a public key is not a secret. */
const CERT_NAME = /cert|chain|(?:^|[-_.])ca(?:[-_.]|$)|bundle|pub|root|trust/;

/** What a COPY/ADD source is, when it is a secret file or folder. */
export function secretFileKind(source: string): string | undefined {
  const s = source.replace(/\\/g, '/').replace(/^(?:~|\$HOME|\$\{HOME\})(?=\/)/, '');
  const trimmed = s.endsWith('/') ? s.slice(0, -1) : s;
  for (const [re, what] of SECRET_DIRS) if (re.test(trimmed)) return what;
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1).toLowerCase();
  if (name.includes('*') || name.includes('$')) return undefined;
  for (const [re, what] of SECRET_FILES) {
    if (!re.test(name)) continue;
    if (what.startsWith('a PEM') && CERT_NAME.test(name)) return undefined;
    if (/\.pub$/.test(name)) return undefined;
    return what;
  }
  return undefined;
}

interface Arg {
  getValue(): string;
  getRange(): { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** COPY/ADD sources that are secret files (`id_rsa`, `.env`, `.npmrc`, `*.pem`, `.aws/`, `.docker/config.json` …). */
export function secretCopies(file: SourceFile): SecretCopy[] {
  const df = file.dockerfile;
  if (!df) return [];
  const out: SecretCopy[] = [];
  for (const ins of df.getInstructions() as Instruction[]) {
    const keyword = ins.getKeyword();
    if (keyword !== 'COPY' && keyword !== 'ADD') continue;
    const raw = ins.getRawArgumentsContent() ?? '';
    const json = raw.trimStart().startsWith('[');
    const args: Arg[] = json ? ((ins as unknown as { getJSONStrings?: () => Arg[] }).getJSONStrings?.call(ins) ?? []) : ins.getArguments();
    const operands = args.filter((a) => !a.getValue().startsWith('--'));
    // the last operand is the destination; heredoc sources (`<<EOF`) are inline text
    for (const a of operands.slice(0, -1)) {
      let source = a.getValue();
      if (source.startsWith('<<')) continue;
      if (json && source.startsWith('"') && source.endsWith('"')) source = source.slice(1, -1);
      const what = secretFileKind(source);
      if (!what) continue;
      const r = a.getRange();
      out.push({ keyword, source, range: { start: file.lines.offsetAt(r.start), end: file.lines.offsetAt(r.end) }, what });
    }
  }
  return out;
}

/** Every pattern above, for the ReDoS check in the tests. */
export const IMAGE_SECRET_PATTERNS: readonly RegExp[] = [...SECRET_FILES.map(([re]) => re), ...SECRET_DIRS.map(([re]) => re), CERT_NAME];
