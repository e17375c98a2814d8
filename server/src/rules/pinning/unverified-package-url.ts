// `pip install` of a package straight from a URL or a VCS branch/tag, with no hash or commit that fixes its content.

import type { Range } from '../../core/types.js';
import { fileCommands } from '../../models/file-commands.js';
import { programIndex, programNameAt, type Command } from '../../models/shell-words.js';
import { defineRule } from '../define.js';

/** pip install options whose value is the next word (so that word is not a requirement). */
const VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target',
  '--prefix', '--root', '--src', '--platform', '--python-version', '--implementation', '--abi', '--upgrade-strategy',
  '--progress-bar', '--log', '--cache-dir', '--trusted-host', '--proxy', '--timeout', '--retries', '--no-binary',
  '--only-binary', '--config-settings', '-C', '--global-option', '--report', '--python', '-p',
]);
const VCS = /^(git|hg|svn|bzr)\+[a-z]+:\/\//i;
const URL = /^https?:\/\//i;
/** A hash fragment pip checks: `#sha256=…` (also `&sha256=` after `#egg=`). */
const HASH = /[#&](sha256|sha384|sha512)=[0-9a-f]{64,128}\b/i;
/** A 40-hex commit in a URL path (`…/archive/<sha>.tar.gz`): the content is fixed by the commit. */
const COMMIT_IN_PATH = /\/[0-9a-f]{40}(?:[/.]|$)/i;
const SHA = /^[0-9a-f]{40}$/i;
/** PyPI never lets a file be replaced: a files.pythonhosted.org URL always serves the same bytes. */
const IMMUTABLE_HOSTS = new Set(['files.pythonhosted.org']);

interface Hit {
  readonly range: Range;
  readonly url: string;
  readonly vcs: boolean;
}

function isPipInstall(cmd: Command, at: number): number | undefined {
  const prog = programNameAt(cmd, at);
  if (prog === undefined) return undefined;
  const words = cmd.map((w) => w.value);
  const pip = /^pip[0-9.]*$/.test(prog) || prog === 'pipx' || ((/^python[0-9.]*$/.test(prog) || prog === 'uv') && words.includes('pip'));
  if (!pip) return undefined;
  const install = words.indexOf('install', at + 1);
  return install === -1 ? undefined : install;
}

/** The URL part of a requirement: `git+https://…`, `https://…`, or `name @ https://…` (PEP 508). */
function urlOf(spec: string): string | undefined {
  if (VCS.test(spec) || URL.test(spec)) return spec;
  const at = spec.indexOf('@');
  if (at === -1) return undefined;
  const rest = spec.slice(at + 1).trim();
  return VCS.test(rest) || URL.test(rest) ? rest : undefined;
}

function host(url: string): string {
  const m = /^[a-z+]+:\/\/(?:[^/@\s]*@)?([^/:?#\s]+)/i.exec(url);
  return (m?.[1] ?? '').toLowerCase();
}

/** A VCS URL is pinned when its `@ref` (before any `#egg=` fragment) is a full commit. */
function vcsPinned(url: string): boolean {
  const noFragment = url.split('#')[0]!;
  const path = noFragment.replace(/^[a-z+]+:\/\/(?:[^/@\s]*@)?[^/]*/i, '');
  const at = path.lastIndexOf('@');
  return at !== -1 && SHA.test(path.slice(at + 1));
}

export function unverifiedUrls(cmd: Command): Hit[] {
  const at = programIndex(cmd);
  if (at === -1) return [];
  const install = isPipInstall(cmd, at);
  if (install === undefined) return [];
  if (cmd.some((w) => w.value === '--require-hashes')) return [];
  const hits: Hit[] = [];
  for (let i = install + 1; i < cmd.length; i++) {
    const w = cmd[i]!;
    const v = w.value;
    if (v === '-e' || v === '--editable') continue; // the next word is the spec: read it as one
    if (v.startsWith('-')) {
      if (VALUE_OPTIONS.has(v)) i++;
      continue;
    }
    if (w.dynamic) continue;
    const url = urlOf(v);
    if (url === undefined) continue;
    const vcs = VCS.test(url);
    if (vcs ? vcsPinned(url) : HASH.test(url) || COMMIT_IN_PATH.test(url.split(/[?#]/)[0]!) || IMMUTABLE_HOSTS.has(host(url))) continue;
    hits.push({ range: w.range, url, vcs });
  }
  return hits;
}

export default defineRule({
  id: 'unverified-package-url',
  family: 'pinning',
  kinds: ['dockerfile', 'github-workflow', 'github-action', 'gitlab-ci', 'azure-pipelines', 'bitbucket-pipelines', 'circleci'],
  severity: 'medium',
  description: '`pip install` from a URL or a VCS branch/tag without a hash or commit',
  cwe: [494, 829],
  fix: 'none',
  check(ctx) {
    if (!/pip/.test(ctx.file.text)) return;
    const cmdList = fileCommands(ctx.file);
    for (let cmdAt = 0; cmdAt < cmdList.length; cmdAt++) {
      const cmd = cmdList[cmdAt]!;
      for (const h of unverifiedUrls(cmd)) {
        const shown = h.url.length > 100 ? `${h.url.slice(0, 100)}…` : h.url;
        ctx.report({
          range: h.range,
          message: h.vcs
            ? `pip installs '${shown}' from a branch or tag: whoever can push to that repository (or move the tag) changes the code this build installs, and nothing checks it. Pin the install to a full commit SHA (\`@<40-hex sha>\`), or install a released version from the index with \`--require-hashes\`.`
            : `pip installs '${shown}' from a URL without a hash: if the file at that address is replaced, or the server or the path to it is compromised, the build installs different code and nothing notices. Add \`#sha256=<hash>\` to the URL (or use a requirements file with \`--hash\` and \`--require-hashes\`).`,
        });
      }
    }
  },
});
