// Turning off TLS certificate checks in Dockerfiles, CI scripts, YAML environments and kubeconfigs: `curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, env switches.

import type { Range } from '../../core/types.js';
import { dockerfileEnvSettings, yamlEnvSettingsNamed, type EnvSetting } from '../../models/env-settings.js';
import { fileCommands } from '../../models/file-commands.js';
import { programName, type Command } from '../../models/shell-words.js';
import { isScalar } from 'yaml';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';
import { append } from '../../core/arrays.js';

/** Environment variables that turn verification off, and whether a value does. */
const ENV_SWITCHES: ReadonlyMap<string, (v: string) => boolean> = new Map([
  ['NODE_TLS_REJECT_UNAUTHORIZED', (v: string) => v === '0'],
  ['PYTHONHTTPSVERIFY', (v: string) => v === '0'],
  // git checks only that the variable is set; an explicit false-like value is read as a statement of intent.
  ['GIT_SSL_NO_VERIFY', (v: string) => v !== '' && !/^(0|false|no|off)$/i.test(v)],
  // npm reads its configuration from `npm_config_*` variables in either case.
  ['NPM_CONFIG_STRICT_SSL', (v: string) => /^(false|0|no)$/i.test(v)],
  ['npm_config_strict_ssl', (v: string) => /^(false|0|no)$/i.test(v)],
  ['PIP_TRUSTED_HOST', (v: string) => v.trim() !== ''],
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
  /** a kubeconfig, not a download: the consequence differs. */
  readonly kubeconfig?: boolean;
}

/** The command's word at `i` lower-cased (only the programs that compare words so ask: most commands are none of them). */
function lowerAt(cmd: Command, i: number): string | undefined {
  return cmd[i]?.value.toLowerCase();
}

/** Adds the command's switches that turn verification off to `hits` (one list for the file: no array per command). */
function insecureWords(cmd: Command, hits: Hit[]): void {
  for (const w of cmd) {
    if (w.dynamic) continue;
    const eq = w.value.indexOf('=');
    const name = eq === -1 ? '' : w.value.slice(0, eq);
    const test = ENV_SWITCHES.get(name);
    if (test && test(w.value.slice(eq + 1))) hits.push({ range: w.range, what: shown(name, w.value.slice(eq + 1)) });
  }
  const prog = programName(cmd);
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
        const v = lowerAt(cmd, i)!;
        if (v === '--strict-ssl=false' || ((v === 'strict-ssl' || v === '--strict-ssl') && lowerAt(cmd, i + 1) === 'false') || v === 'strict-ssl=false') {
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
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'tdnf':
      cmd.forEach((w, i) => {
        const v = lowerAt(cmd, i)!;
        const opt = v.startsWith('--setopt=') ? v.slice('--setopt='.length) : v === '--setopt' ? (lowerAt(cmd, i + 1) ?? '') : undefined;
        if (opt !== undefined && /^([a-z0-9_.-]+\.)?sslverify=(0|false|no)$/.test(opt)) hits.push({ range: w.range, what: `${prog} --setopt=sslverify=0` });
      });
      break;
    case 'git':
      cmd.forEach((w, i) => {
        const v = lowerAt(cmd, i)!;
        if (v === 'http.sslverify=false' || (v === 'http.sslverify' && lowerAt(cmd, i + 1) === 'false')) hits.push({ range: w.range, what: 'git http.sslVerify false' });
      });
      break;
    default: {
      const isPip = prog !== undefined && prog[0] === 'p' && (/^pip[0-9.]*$/.test(prog) || (/^python[0-9.]*$/.test(prog) && cmd.some((w) => w.value === 'pip')));
      if (!isPip) break;
      for (const w of cmd) {
        const v = w.value;
        if (v === '--trusted-host' || v.startsWith('--trusted-host=') || /^[a-z]+\.trusted-host(=|$)/.test(v)) hits.push({ range: w.range, what: `pip ${v.split('=')[0]!}` });
      }
    }
  }
}

/** `insecure-skip-tls-verify: true` on a cluster of a kubeconfig (`kind: Config`). */
function kubeconfigHits(docs: readonly { contents: unknown }[]): Hit[] {
  const hits: Hit[] = [];
  for (const doc of docs) {
    const kind = get(doc.contents, 'kind');
    if (!isScalar(kind) || kind.value !== 'Config') continue;
    for (const c of items(get(doc.contents, 'clusters'))) {
      const v = get(get(c, 'cluster'), 'insecure-skip-tls-verify');
      if (isScalar(v) && v.value === true) hits.push({ range: rangeOf(v)!, what: 'insecure-skip-tls-verify: true', kubeconfig: true });
    }
  }
  return hits;
}

/** The switches set as environment variables (Dockerfile ENV/ARG, YAML maps and lists, Kubernetes env entries). */
function envHits(settings: readonly EnvSetting[]): Hit[] {
  const hits: Hit[] = [];
  for (const e of settings) {
    const test = ENV_SWITCHES.get(e.name);
    if (test && e.value !== undefined && !e.value.includes('$') && test(e.value)) hits.push({ range: e.valueRange, what: shown(e.name, e.value) });
  }
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
    const yaml = ctx.file.yaml;
    append(hits, envHits(df ? dockerfileEnvSettings(df, ctx.file.lines) : yaml ? yamlEnvSettingsNamed(ctx.file.text, yaml.docs, ENV_SWITCHES) : []));
    const cmdList = fileCommands(ctx.file);
    for (let cmdAt = 0; cmdAt < cmdList.length; cmdAt++) insecureWords(cmdList[cmdAt]!, hits);
    if (yaml && ctx.file.kind === 'kubernetes') append(hits, kubeconfigHits(yaml.docs));
    hits.sort((a, b) => a.range.start - b.range.start);
    for (const h of hits) {
      if (h.kubeconfig) {
        ctx.report({
          range: h.range,
          message: `\`${h.what}\` in this kubeconfig turns off TLS certificate verification of the API server: anyone on the network path can pose as the cluster, receive the token or client certificate sent to it, and answer kubectl with anything. Remove it and set \`certificate-authority-data\` (or \`certificate-authority\`) to the cluster's CA.`,
        });
        continue;
      }
      ctx.report({
        range: h.range,
        message: `\`${h.what}\` turns off TLS certificate verification: anyone on the network path (a proxy, a hijacked mirror, a compromised Wi-Fi) can serve modified files or packages and the build or the application accepts them. Remove it and install the CA certificate you need instead (e.g. copy it into /usr/local/share/ca-certificates and run update-ca-certificates).`,
      });
    }
  },
});
