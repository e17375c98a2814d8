// Package installs that add a private index or registry next to the public one (pip extra indexes, npm registry overrides, gem sources).

import type { Range } from '../../core/types.js';
import { dockerfileEnvSettings, yamlEnvSettingsNamed, type EnvSetting } from '../../models/env-settings.js';
import { fileCommands } from '../../models/file-commands.js';
import { programIndex, programNameAt, type Command, type Word } from '../../models/shell-words.js';
import { defineRule } from '../define.js';
import { append } from '../../core/arrays.js';

/** Hosts of the public indexes themselves: pointing at them mixes nothing. */
const PUBLIC_HOSTS = new Set(['pypi.org', 'pypi.python.org', 'files.pythonhosted.org', 'registry.npmjs.org', 'registry.npmjs.com', 'registry.yarnpkg.com', 'rubygems.org', 'www.rubygems.org']);

const HOST = /^[a-z][a-z0-9+.-]{0,20}:\/\/(?:[^/@\s]{0,512}@)?([^/:?#\s]{1,255})/i;

/** Registries on the build machine itself (a Verdaccio or devpi started by the job to test a publish). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/** True when the URL is known to be one of the public indexes, or a throwaway registry on the build machine. */
function isPublic(url: string): boolean {
  const m = HOST.exec(url.trim());
  if (m === null) return false;
  const host = m[1]!.toLowerCase();
  return PUBLIC_HOSTS.has(host) || LOCAL_HOSTS.has(host);
}

interface Hit {
  readonly range: Range;
  readonly what: string;
  readonly advice: string;
}

const PIP_ADVICE = 'Install from one index only: use `--index-url` pointing at a private index that proxies PyPI, and pin hashes (`--require-hashes`).';
const NPM_ADVICE = 'Publish private packages under an npm scope and map only that scope to the private registry (`@org:registry=https://…`), or use one registry that proxies npm and a lockfile.';
const GEM_ADVICE = 'Use one source that proxies rubygems.org, or declare private gems in a `source "…" do … end` block of the Gemfile.';

/** The value of `--flag value` / `--flag=value` at index i, with the word that holds it. */
function flagValue(cmd: Command, i: number, flag: string): Word | undefined {
  const w = cmd[i]!;
  if (w.value === flag) return cmd[i + 1];
  if (w.value.startsWith(`${flag}=`)) return { ...w, value: w.value.slice(flag.length + 1) };
  return undefined;
}

function isPip(cmd: Command, prog: string | undefined): boolean {
  // Most programs are neither: no pattern is run for them.
  if (prog === undefined || (prog[0] !== 'p' && prog !== 'uv')) return false;
  if (/^pip[0-9.]*$/.test(prog)) return true;
  return (/^python[0-9.]*$/.test(prog) || prog === 'uv') && cmd.some((w) => w.value === 'pip');
}

/** npm/yarn/pnpm options whose value is the next word (so it is not a package name). */
const NPM_VALUE_OPTIONS = new Set(['--registry', '--prefix', '--cache', '--tag', '--userconfig', '-C', '--dir', '--workspace', '-w', '--filter', '--loglevel']);

function npmHits(cmd: Command, start: number, prog: string): Hit[] {
  const hits: Hit[] = [];
  const args = cmd.slice(start + 1);
  const subAt = args.findIndex((w) => !w.value.startsWith('-'));
  const sub = subAt === -1 ? undefined : args[subAt]!.value;
  // `npm config set registry <url>`, `yarn config set registry <url>`, `npm set registry <url>`, `key=value` forms
  const setAt = args.findIndex((w) => w.value === 'set');
  if ((sub === 'config' || sub === 'set') && setAt !== -1) {
    const key = args[setAt + 1];
    if (key && !key.dynamic) {
      const k = key.value;
      const eq = k.indexOf('=');
      const name = eq === -1 ? k : k.slice(0, eq);
      const value = eq === -1 ? args[setAt + 2] : { ...key, value: k.slice(eq + 1) };
      if ((name === 'registry' || name === 'npmRegistryServer') && value && !value.dynamic && value.value !== '' && !isPublic(value.value)) {
        hits.push({ range: key.range, what: `${prog} config set registry`, advice: NPM_ADVICE });
      }
    }
    return hits;
  }
  if (sub !== 'install' && sub !== 'i' && sub !== 'add' && sub !== 'isntall') return hits;
  let registry: Word | undefined;
  const packages: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const r = flagValue(args, i, '--registry');
    if (r) {
      registry = r;
      if (w.value === '--registry') i++;
      continue;
    }
    if (w.value.startsWith('-')) {
      if (NPM_VALUE_OPTIONS.has(w.value)) i++;
      continue;
    }
    if (i === subAt) continue;
    packages.push(w);
  }
  if (!registry || registry.dynamic || isPublic(registry.value)) return hits;
  // A package spec that is a path, URL or tarball is not resolved by name.
  const unscoped = packages.filter((p) => !p.dynamic && !p.value.includes('$') && !p.value.startsWith('@') && !/[/:]|\.tgz$/.test(p.value) && p.value !== '.');
  if (unscoped.length > 0) hits.push({ range: registry.range, what: `${prog} ${sub} --registry with unscoped package \`${unscoped[0]!.value.slice(0, 80)}\``, advice: NPM_ADVICE });
  return hits;
}

/** Adds the command's mixed-index installs to `hits` (one list for the file: no array per command). */
function confusionWords(cmd: Command, hits: Hit[]): void {
  for (const w of cmd) {
    if (w.dynamic || !w.value.startsWith('PIP_EXTRA_INDEX_URL=')) continue;
    const m = /^PIP_EXTRA_INDEX_URL=(.+)$/.exec(w.value);
    if (m && !isPublic(m[1]!)) hits.push({ range: w.range, what: 'PIP_EXTRA_INDEX_URL', advice: PIP_ADVICE });
  }
  const at = programIndex(cmd);
  if (at === -1) return;
  const prog = programNameAt(cmd, at)!;
  if (isPip(cmd, prog)) {
    cmd.forEach((w, i) => {
      const v = flagValue(cmd, i, '--extra-index-url');
      if (v && (v.dynamic || (v.value !== '' && !isPublic(v.value)))) hits.push({ range: w.range, what: 'pip --extra-index-url', advice: PIP_ADVICE });
      else if (/^[a-z]+\.extra-index-url(=|$)/.test(w.value)) {
        const value = w.value.includes('=') ? w.value.slice(w.value.indexOf('=') + 1) : cmd[i + 1]?.value ?? '';
        if (!isPublic(value)) hits.push({ range: w.range, what: 'pip config extra-index-url', advice: PIP_ADVICE });
      }
    });
  } else if (prog === 'npm' || prog === 'yarn' || prog === 'pnpm') {
    append(hits, npmHits(cmd, at, prog));
  } else if (prog === 'gem') {
    const sub = cmd[at + 1]?.value;
    if (sub === 'sources' || sub === 'source') {
      cmd.forEach((w, i) => {
        const v = flagValue(cmd, i, '--add') ?? flagValue(cmd, i, '-a');
        if (v && !v.dynamic && !isPublic(v.value)) hits.push({ range: w.range, what: 'gem sources --add', advice: GEM_ADVICE });
      });
    }
  } else if (prog === 'echo' || prog === 'printf') {
    // `echo "registry=https://npm.corp/" >> .npmrc`: an unscoped registry override written to an npm config
    const target = cmd.some((w) => /\.npmrc$|\.yarnrc$/.test(w.value));
    for (const w of cmd) {
      const m = /^registry\s?=\s?(\S+)/.exec(w.value);
      if (target && m && !w.dynamic && !isPublic(m[1]!)) hits.push({ range: w.range, what: '`registry=` written to .npmrc', advice: NPM_ADVICE });
    }
  }
}

const PIP_EXTRA = 'PIP_EXTRA_INDEX_URL';
const PIP_EXTRA_NAMES: ReadonlySet<string> = new Set([PIP_EXTRA]);

/** `PIP_EXTRA_INDEX_URL` set to a private index in a Dockerfile ENV/ARG, a YAML map or a `NAME=value` list item. */
function envHits(settings: readonly EnvSetting[]): Hit[] {
  const hits: Hit[] = [];
  for (const e of settings) {
    if (e.name !== PIP_EXTRA || e.form === 'k8s') continue;
    // An empty or public value adds nothing; a value that is not a scalar (or not literal) may add anything.
    if (e.scalar && (e.value === undefined || e.value === '' || isPublic(e.value))) continue;
    hits.push({ range: e.form === 'map' ? e.keyRange : e.valueRange, what: PIP_EXTRA, advice: PIP_ADVICE });
  }
  return hits;
}

export default defineRule({
  id: 'dependency-confusion',
  family: 'pinning',
  kinds: ['dockerfile', 'github-workflow', 'github-action', 'gitlab-ci', 'azure-pipelines', 'bitbucket-pipelines', 'circleci'],
  severity: 'medium',
  description: 'A package install mixes a private index or registry with the public one (dependency confusion)',
  cwe: [427, 829],
  fix: 'none',
  check(ctx) {
    const hits: Hit[] = [];
    const df = ctx.file.dockerfile;
    const yaml = ctx.file.yaml;
    append(hits, envHits(df ? dockerfileEnvSettings(df, ctx.file.lines) : yaml ? yamlEnvSettingsNamed(ctx.file.text, yaml.docs, PIP_EXTRA_NAMES) : []));
    const cmdList = fileCommands(ctx.file);
    for (let cmdAt = 0; cmdAt < cmdList.length; cmdAt++) confusionWords(cmdList[cmdAt]!, hits);
    hits.sort((a, b) => a.range.start - b.range.start);
    for (const h of hits) {
      ctx.report({
        range: h.range,
        message: `${h.what} lets the installer resolve package names from both a private source and the public one: anyone can publish a public package with the same name as a private one (often with a higher version) and the build installs theirs instead. ${h.advice}`,
      });
    }
  },
});
