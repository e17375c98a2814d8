// Code and packages fetched over `http://`, `ftp://` or `git://` in CI scripts and Dockerfile RUN: anyone on the path can swap them.

import type { Fix, Range } from '../../core/types.js';
import { dockerfileCommands } from '../../models/dockerfile-stages.js';
import { mappedCommands, programIndex, type Command, type Word } from '../../models/shell-words.js';
import { defineRule } from '../define.js';

/** A plaintext scheme at the start of a URL (`git+http://` as pip writes VCS requirements). */
const PLAIN_URL = /^(?:git\+)?(http|ftp|git):\/\/([^/?#\s]*)/i;
/** Options whose value is not what is fetched (a proxy, a referer, an output file, a header), per program family. */
const NOT_FETCHED_ANY = ['--proxy', '--https-proxy', '--preproxy', '--referer', '--noproxy', '--trusted-host', '--header', '--output', '--output-document'];
const NOT_FETCHED: Readonly<Record<'curl' | 'wget' | 'other', ReadonlySet<string>>> = {
  curl: new Set([...NOT_FETCHED_ANY, '-x', '-e', '-o', '-H', '-d', '--data', '--data-raw', '--data-binary', '-F', '--form']),
  wget: new Set([...NOT_FETCHED_ANY, '-e', '-o', '-O', '--execute']),
  other: new Set(NOT_FETCHED_ANY),
};
const GIT_FETCHING = new Set(['clone', 'fetch', 'pull', 'submodule', 'remote', 'ls-remote']);
const FETCHERS = new Set(['curl', 'wget', 'invoke-webrequest', 'iwr', 'invoke-restmethod', 'irm', 'start-bitstransfer', 'aria2c']);
const PACKAGE_TOOLS = /^(?:pip[0-9.]*|pipx|uv|poetry|npm|yarn|pnpm|gem|bundle|composer|python[0-9.]*|dotnet|nuget|helm)$/;
/** Subcommands of the package tools that fetch or configure where to fetch from (`npm run x http://…` passes text on). */
const PACKAGE_VERBS = new Set(['install', 'i', 'add', 'download', 'set', 'repo', 'source', 'sources', 'update', 'upgrade', 'ci']);
/** After the download the script checks a checksum or a signature: the content is verified whatever the transport. */
const CHECKSUM = /\bsha(?:1|224|256|384|512)sum\b|\bshasum\b|\bcosign\s+verify|\bopenssl\s+dgst\b|Get-FileHash/i;

/** A checksum tool, or a `gpg … --verify` / `minisign … -V` line, in the text. */
function verifies(text: string): boolean {
  if (CHECKSUM.test(text)) return true;
  for (const line of text.split('\n')) {
    if ((line.includes('gpg') && line.includes('--verify')) || (line.includes('minisign') && line.includes(' -V'))) return true;
  }
  return false;
}

/** Hosts a plaintext request to is not exposed to the internet: loopback, private ranges, service containers, test names. */
function localHost(hostPort: string): boolean {
  const at = hostPort.lastIndexOf('@');
  let host = (at === -1 ? hostPort : hostPort.slice(at + 1)).toLowerCase();
  if (host.startsWith('[')) return true; // IPv6 literals: loopback or link-local in practice
  host = host.replace(/:\d*$/, '');
  if (host === '' || host.includes('$') || host.includes('{') || host.includes('%')) return true; // unknown until run time
  if (!host.includes('.')) return true; // `localhost`, a service container (`postgres`, `minio`), a compose service
  if (/^(?:127|10|0)\.\d/.test(host) || /^192\.168\./.test(host) || /^169\.254\./.test(host) || /^172\.(?:1[6-9]|2\d|3[01])\./.test(host)) return true;
  return /\.(?:localhost|local|internal|lan|test|example|invalid|svc|home\.arpa)$/.test(host) || /(?:^|\.)example\.(?:com|org|net)$/.test(host) || host === 'host.docker.internal';
}

interface Hit {
  readonly word: Word;
  readonly url: string;
  readonly scheme: string;
}

function plainUrl(w: Word): { url: string; scheme: string } | undefined {
  let v = w.value;
  // `--index-url=http://…`, `--registry=http://…`
  if (v.startsWith('--')) {
    const eq = v.indexOf('=');
    if (eq === -1) return undefined;
    v = v.slice(eq + 1);
  }
  const m = PLAIN_URL.exec(v);
  if (!m || localHost(m[2]!)) return undefined;
  return { url: v, scheme: m[1]!.toLowerCase() };
}

/** Plaintext URLs a command fetches: downloads, clones, package indexes and registries. */
export function plaintextFetches(cmd: Command): Hit[] {
  const at = programIndex(cmd);
  if (at === -1) return [];
  const w0 = cmd[at]!.value;
  const prog = w0.slice(w0.lastIndexOf('/') + 1).toLowerCase().replace(/\.exe$/, '');
  let from = at + 1;
  if (prog === 'git') {
    // `git [-c k=v] [-C dir] <subcommand>`
    while (from < cmd.length && cmd[from]!.value.startsWith('-')) from += cmd[from]!.value === '-c' || cmd[from]!.value === '-C' ? 2 : 1;
    if (from >= cmd.length || !GIT_FETCHING.has(cmd[from]!.value)) return [];
  } else if (FETCHERS.has(prog)) {
    // A request over a Unix socket never leaves the machine, whatever its URL says.
    if (cmd.some((w) => w.value === '--unix-socket' || w.value === '--abstract-unix-socket')) return [];
  } else if (PACKAGE_TOOLS.test(prog)) {
    const words = cmd.slice(from).map((w) => w.value);
    if (/^python/.test(prog) && !words.includes('pip')) return [];
    if (!words.some((w) => PACKAGE_VERBS.has(w))) return [];
  } else return [];
  const skip = NOT_FETCHED[prog === 'curl' ? 'curl' : prog === 'wget' ? 'wget' : 'other'];
  const hits: Hit[] = [];
  for (let i = from; i < cmd.length; i++) {
    const w = cmd[i]!;
    if (skip.has(w.value) || (w.value.startsWith('-') && skip.has(w.value.split('=')[0]!))) {
      if (!w.value.includes('=')) i++;
      continue;
    }
    const u = plainUrl(w);
    if (u) hits.push({ word: w, ...u });
  }
  return hits;
}

/** `https://` for the scheme, when the file spells the URL exactly there. */
function httpsFix(text: string, range: Range, scheme: string): Fix | undefined {
  const src = text.slice(range.start, range.end);
  const at = src.toLowerCase().indexOf(`${scheme}://`);
  if (at === -1 || src.toLowerCase().indexOf(`${scheme}://`, at + 1) !== -1) return undefined;
  const start = range.start + at;
  return {
    title: `Fetch over https:// instead of ${scheme}://`,
    safety: 'unsafe',
    edits: [{ range: { start, end: start + scheme.length + 3 }, newText: 'https://' }],
  };
}

export default defineRule({
  id: 'plaintext-download',
  family: 'pinning',
  kinds: ['dockerfile', 'github-workflow', 'github-action', 'gitlab-ci', 'azure-pipelines', 'bitbucket-pipelines', 'circleci'],
  severity: 'medium',
  description: 'Download, clone or package index over plaintext `http://`, `ftp://` or `git://`',
  cwe: [319, 494],
  fix: 'unsafe',
  check(ctx) {
    const text = ctx.file.text;
    if (!/(?:http|ftp|git):\/\//i.test(text)) return;
    const groups: { commands: Command[]; verified: boolean }[] = [];
    const df = ctx.file.dockerfile;
    if (df) groups.push({ commands: dockerfileCommands(df, text, ctx.file.lines), verified: verifies(text) });
    else {
      for (const s of ctx.file.facets.scripts) {
        if (s.source === 'github-script' || s.source === 'dockerfile-run' || !/(?:http|ftp|git):\/\//i.test(s.text)) continue;
        groups.push({ commands: mappedCommands(s.text, (a, b) => s.fileRange(a, b)), verified: verifies(s.text) });
      }
    }
    for (const { commands, verified } of groups) {
      if (verified) continue;
      for (const cmd of commands) {
        for (const h of plaintextFetches(cmd)) {
          const shown = h.url.length > 100 ? `${h.url.slice(0, 100)}…` : h.url;
          const fix = httpsFix(text, h.word.range, h.scheme);
          ctx.report({
            range: h.word.range,
            message:
              `'${shown}' is fetched over plaintext ${h.scheme}://: anyone on the network path (a compromised router, a hostile Wi-Fi, a DNS hijack) can replace what the build downloads, and nothing here checks it. ` +
              'Use https:// (or verify a checksum or signature of what was downloaded).',
            fixes: fix ? [fix] : [],
          });
        }
      }
    }
  },
});
