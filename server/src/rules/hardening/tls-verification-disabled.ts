// Turning off TLS certificate checks in Dockerfiles, CI scripts and YAML environments: `curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, env switches.

import type { Instruction, Property } from 'dockerfile-ast';
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Range } from '../../core/types.js';
import { fileCommands } from '../../models/file-commands.js';
import { get, rangeOf } from '../../models/yaml-nodes.js';
import { programName, type Command } from '../../models/shell-words.js';
import { defineRule } from '../define.js';

/** Environment variables that turn verification off, and whether a value does. */
const ENV_SWITCHES: ReadonlyMap<string, (v: string) => boolean> = new Map([
  ['NODE_TLS_REJECT_UNAUTHORIZED', (v: string) => v === '0'],
  ['PYTHONHTTPSVERIFY', (v: string) => v === '0'],
  // git checks only that the variable is set; an explicit false-like value is read as a statement of intent.
  ['GIT_SSL_NO_VERIFY', (v: string) => v !== '' && !/^(0|false|no|off)$/i.test(v)],
]);

/** curl options that take a value: in a cluster like `-ok`, what follows them is that value, not more flags. */
const CURL_VALUE_FLAGS = new Set('AbcCdDeEFHKmoPQrTuUwxXyYz'.split(''));

function curlInsecure(value: string): boolean {
  if (value === '--insecure') return true;
  if (!/^-[A-Za-z0-9#:]+$/.test(value)) return false;
  for (const c of value.slice(1)) {
    if (c === 'k') return true;
    if (CURL_VALUE_FLAGS.has(c)) return false;
  }
  return false;
}

/** `NAME=value` for messages, showing only values known to be plain switches (never an arbitrary string). */
function shown(name: string, value: string): string {
  return /^(0|1|true|yes|on)$/i.test(value) ? `${name}=${value}` : `${name} (set)`;
}

interface Hit {
  readonly range: Range;
  readonly what: string;
}

export function insecureWords(cmd: Command): Hit[] {
  const hits: Hit[] = [];
  for (const w of cmd) {
    if (w.dynamic) continue;
    const eq = w.value.indexOf('=');
    const name = eq === -1 ? '' : w.value.slice(0, eq);
    const test = ENV_SWITCHES.get(name);
    if (test && test(w.value.slice(eq + 1))) hits.push({ range: w.range, what: shown(name, w.value.slice(eq + 1)) });
  }
  const prog = programName(cmd);
  const words = cmd.map((w) => w.value);
  const lower = words.map((w) => w.toLowerCase());
  switch (prog) {
    case 'curl':
      for (const w of cmd) if (curlInsecure(w.value)) hits.push({ range: w.range, what: w.value === '--insecure' ? 'curl --insecure' : 'curl -k' });
      break;
    case 'wget':
      for (const w of cmd) if (w.value === '--no-check-certificate') hits.push({ range: w.range, what: 'wget --no-check-certificate' });
      break;
    case 'npm':
    case 'yarn':
    case 'pnpm': {
      cmd.forEach((w, i) => {
        const v = lower[i]!;
        if (v === '--strict-ssl=false' || ((v === 'strict-ssl' || v === '--strict-ssl') && lower[i + 1] === 'false') || v === 'strict-ssl=false') {
          hits.push({ range: w.range, what: `${prog} strict-ssl false` });
        }
      });
      break;
    }
    case 'kubectl':
    case 'helm':
    case 'oc':
      for (const w of cmd) {
        if (w.value === '--insecure-skip-tls-verify' || w.value.toLowerCase() === '--insecure-skip-tls-verify=true') hits.push({ range: w.range, what: `${prog} --insecure-skip-tls-verify` });
      }
      break;
    case 'git':
      cmd.forEach((w, i) => {
        const v = lower[i]!;
        if (v === 'http.sslverify=false' || (v === 'http.sslverify' && lower[i + 1] === 'false')) hits.push({ range: w.range, what: 'git http.sslVerify false' });
      });
      break;
    default: {
      const isPip = prog !== undefined && (/^pip[0-9.]*$/.test(prog) || (/^python[0-9.]*$/.test(prog) && words.includes('pip')));
      if (!isPip) break;
      for (const w of cmd) {
        const v = w.value;
        if (v === '--trusted-host' || v.startsWith('--trusted-host=') || /^[a-z]+\.trusted-host(=|$)/.test(v)) hits.push({ range: w.range, what: `pip ${v.split('=')[0]!}` });
      }
    }
  }
  return hits;
}

function envHits(instr: Instruction, lines: { offsetAt(p: { line: number; character: number }): number }): Hit[] {
  const props: Property[] = [];
  const keyword = instr.getKeyword();
  if (keyword === 'ENV') props.push(...(instr as unknown as { getProperties(): Property[] }).getProperties());
  else if (keyword === 'ARG') {
    const p = (instr as unknown as { getProperty(): Property | null }).getProperty();
    if (p) props.push(p);
  }
  const hits: Hit[] = [];
  for (const p of props) {
    const test = ENV_SWITCHES.get(p.getName());
    const value = p.getUnescapedValue();
    if (!test || value === null || value.includes('$') || !test(value)) continue;
    const r = p.getRange();
    hits.push({ range: { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) }, what: shown(p.getName(), value) });
  }
  return hits;
}

/** A scalar's value as the environment would see it; undefined for maps, lists and values with expressions. */
function envValue(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  const str = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  return str === undefined || str.includes('$') ? undefined : str;
}

/**
 * The switches set in YAML: `NAME: value` in any map (`env:`, `variables:`, Compose `environment:`), Kubernetes
 * `{name: NAME, value: …}` entries, and `NAME=value` list items (Compose `environment:` lists).
 */
function yamlHits(docs: readonly { contents: unknown }[]): Hit[] {
  const hits: Hit[] = [];
  const check = (name: string, value: string | undefined, range: Range | undefined): void => {
    const test = ENV_SWITCHES.get(name);
    if (test && value !== undefined && range && test(value)) hits.push({ range, what: shown(name, value) });
  };
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (isMap(node)) {
      const name = get(node, 'name');
      if (isScalar(name) && typeof name.value === 'string' && ENV_SWITCHES.has(name.value)) check(name.value, envValue(get(node, 'value')), rangeOf(get(node, 'value')));
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key) && typeof pair.key.value === 'string') check(pair.key.value, envValue(pair.value), rangeOf(pair.value));
        walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isScalar(item) && typeof item.value === 'string') {
          const eq = item.value.indexOf('=');
          if (eq > 0) check(item.value.slice(0, eq), item.value.includes('$') ? undefined : item.value.slice(eq + 1), rangeOf(item));
        }
        walk(item, depth + 1);
      }
    }
  };
  for (const doc of docs) walk(doc.contents, 0);
  return hits;
}

export default defineRule({
  id: 'tls-verification-disabled',
  family: 'hardening',
  kinds: ['dockerfile', 'github-workflow', 'github-action', 'gitlab-ci', 'azure-pipelines', 'bitbucket-pipelines', 'circleci', 'compose', 'kubernetes'],
  severity: 'high',
  description: 'TLS certificate verification is turned off for downloads or package installs',
  cwe: [295],
  fix: 'none',
  check(ctx) {
    const hits: Hit[] = [];
    const df = ctx.file.dockerfile;
    if (df) for (const instr of df.getInstructions()) hits.push(...envHits(instr, ctx.file.lines));
    const yaml = ctx.file.yaml;
    if (yaml) hits.push(...yamlHits(yaml.docs));
    for (const cmd of fileCommands(ctx.file)) hits.push(...insecureWords(cmd));
    hits.sort((a, b) => a.range.start - b.range.start);
    for (const h of hits) {
      ctx.report({
        range: h.range,
        message: `\`${h.what}\` turns off TLS certificate verification: anyone on the network path (a proxy, a hijacked mirror, a compromised Wi-Fi) can serve modified files or packages and the build or the application accepts them. Remove it and install the CA certificate you need instead (e.g. copy it into /usr/local/share/ca-certificates and run update-ca-certificates).`,
      });
    }
  },
});
