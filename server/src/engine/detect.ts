// File-kind detection: user globs first, then built-in globs, then content sniffing.

import type { FileKind } from '../core/types.js';
import { compileGlobs, type PathTest } from './globs.js';

const BUILTIN: readonly [FileKind, readonly string[], { nocase?: boolean }?][] = [
  ['github-workflow', ['.github/workflows/*.yml', '.github/workflows/*.yaml', '**/.github/workflows/*.yml', '**/.github/workflows/*.yaml']],
  ['dependabot', ['.github/dependabot.yml', '.github/dependabot.yaml', '**/.github/dependabot.yml', '**/.github/dependabot.yaml']],
  ['gitlab-ci', ['.gitlab-ci.yml', '*.gitlab-ci.yml']],
  ['azure-pipelines', ['azure-pipelines*.yml', 'azure-pipelines*.yaml', '.azure-pipelines*.yml', '.azure-pipelines*.yaml', '**/.azure-pipelines/**/*.yml', '**/.azure-pipelines/**/*.yaml', '.azure-pipelines/**/*.yml', '.azure-pipelines/**/*.yaml']],
  ['bitbucket-pipelines', ['bitbucket-pipelines.yml']],
  ['circleci', ['.circleci/config.yml', '**/.circleci/config.yml']],
  ['dockerfile', ['Dockerfile', 'Dockerfile.*', '*.Dockerfile', 'Containerfile', 'Containerfile.*'], { nocase: true }],
  [
    'compose',
    ['docker-compose*.yml', 'docker-compose*.yaml', '*.docker-compose.yml', '*.docker-compose.yaml', 'compose.yml', 'compose.yaml', 'compose.*.yml', 'compose.*.yaml', 'compose-*.yml', 'compose-*.yaml'],
  ],
  ['terraform', ['*.tf', '*.tfvars']],
  // kubeconfig files by their usual names (a `.yaml` kubeconfig is also found by its `kind: Config`).
  ['kubernetes', ['kubeconfig', '*.kubeconfig', '.kube/config', '**/.kube/config']],
];

/**
 * Files beside the pipelines that hold credentials, analysed as kind `text` by the secret rules only. YAML files
 * come last: content sniffing (Kubernetes, composite actions) claims them first, and `text` is the fallback.
 */
export const TEXT_GLOBS: readonly string[] = [
  '.env', '.env.*', '*.env', '.envrc',
  '.npmrc', '.yarnrc', '.yarnrc.yml', '.pypirc', '.netrc', '_netrc', '.git-credentials', '.pgpass', '.s3cfg',
  'pip.conf', 'pip.ini', 'settings.xml', 'settings-security.xml', 'nuget.config',
  '**/.docker/config.json', '.dockercfg', '**/.kube/config', 'kubeconfig', '*.kubeconfig',
  '*.tfvars.json', '*.tfstate', '*.tfstate.backup',
  'credentials', '*.properties', '*.ini', '*.cfg', '*.conf', '*.toml',
  '*.pem', '*.key', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519',
  '*.json', '*.yml', '*.yaml',
];
/** Generated files the `text` kind leaves out: lock files, minified JSON, source maps, editor state. */
export const TEXT_EXCLUDED: readonly string[] = [
  'package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'composer.lock', 'Pipfile.lock', 'poetry.lock', 'yarn.lock', 'deno.lock',
  '*.min.json', '*.map', '*.lock', '.terraform.lock.hcl', '.forewarn-baseline.json', '**/.vscode/**', '**/.idea/**',
];

/** `Dockerfile.md` and friends are documentation or scripts about a Dockerfile, not one. */
const NOT_DOCKERFILE = /\.(md|txt|json|ya?ml|sh|py|ps1|bat|js|ts|go|rs|toml|lock|orig|bak|swp)$/i;
/** YAML files that no glob claims may still be a kind by content (Kubernetes, composite actions). */
export const YAML_EXT = /\.ya?ml$/i;

/**
 * `path` is relative to the project root (config globs are written against it); `fullPath`, when known, is the
 * absolute path, so that built-in globs still see `.github/workflows/` when the root is that very folder.
 */
export interface KindDetector {
  detect(path: string, text: string, fullPath?: string): FileKind | undefined;
  /** the kind the path alone gives (no content needed). */
  byPath(path: string, fullPath?: string): FileKind | undefined;
}

/**
 * `extra`: the configuration's `kinds` globs (checked first); `textExclude`: globs (relative to the project root)
 * that the built-in `text` globs no longer claim (`kinds.text` globs still do).
 */
export function createDetector(extra: Partial<Record<FileKind, readonly string[]>> = {}, textExclude: readonly string[] = []): KindDetector {
  const user: [FileKind, PathTest][] = Object.entries(extra).map(([k, globs]) => [k as FileKind, compileGlobs(globs ?? [])]);
  const builtin: [FileKind, PathTest][] = BUILTIN.map(([k, globs, o]) => [k, compileGlobs(globs, { ...o, lazy: true })]);
  const actionFile = compileGlobs(['action.yml', 'action.yaml'], { lazy: true });
  const textFile = compileGlobs(TEXT_GLOBS, { nocase: true, lazy: true });
  const textExcluded = compileGlobs(TEXT_EXCLUDED, { nocase: true, lazy: true });
  const userExcluded = compileGlobs(textExclude);
  const isText = (path: string, fullPath: string): boolean => textFile(fullPath) && !textExcluded(fullPath) && !userExcluded(path);

  const byPath = (path: string, fullPath = path): FileKind | undefined => {
    for (const [kind, test] of user) if (test(path)) return kind;
    for (const [kind, test] of builtin) {
      if (!test(fullPath)) continue;
      if (kind === 'dockerfile' && NOT_DOCKERFILE.test(fullPath)) continue;
      return kind;
    }
    // YAML by extension waits for content sniffing (see detect); everything else is decided here.
    if (!YAML_EXT.test(fullPath) && isText(path, fullPath)) return 'text';
    return undefined;
  };

  return {
    byPath,
    detect(path, text, fullPath = path) {
      const kind = byPath(path, fullPath);
      if (kind) return kind;
      if (!YAML_EXT.test(path)) return undefined;
      if (actionFile(path) && /^runs:/m.test(text)) return 'github-action';
      if (looksLikeKubernetes(text) || looksLikeHelmValues(path, text)) return 'kubernetes';
      return isText(path, fullPath) ? 'text' : undefined;
    },
  };
}

/**
 * Top-level `apiVersion:` and `kind:` in some document. Helm templates count: their `{{ … }}` actions are masked
 * before parsing (parsers/go-template.ts), so the literal settings in a chart are analysed.
 */
function looksLikeKubernetes(text: string): boolean {
  return /^\uFEFF?apiVersion:[ \t]*\S/m.test(text) && /^kind:[ \t]*\S/m.test(text);
}

/** Top-level keys of a Helm chart's values file (`helm create` writes most of them). */
const HELM_VALUES_KEY = /^(image|replicaCount|securityContext|podSecurityContext|containerSecurityContext|serviceAccount|resources|nodeSelector|tolerations|affinity|ingress|imagePullSecrets|nameOverride|fullnameOverride|podAnnotations|hostNetwork|autoscaling):/gm;

/** `values*.yaml` with at least two top-level keys of the Helm values vocabulary. */
function looksLikeHelmValues(path: string, text: string): boolean {
  if (!/(^|[/\\])values([.-][^/\\]*)?\.ya?ml$/i.test(path)) return false;
  const seen = new Set<string>();
  for (const m of text.matchAll(HELM_VALUES_KEY)) {
    seen.add(m[1]!);
    if (seen.size >= 2) return true;
  }
  return false;
}
