// File-kind detection: user globs first, then built-in globs, then content sniffing.

import type { FileKind } from '../core/types.js';
import { compileGlobs, type PathTest } from './globs.js';

const BUILTIN: readonly [FileKind, readonly string[], { nocase?: boolean }?][] = [
  ['github-workflow', ['.github/workflows/*.yml', '.github/workflows/*.yaml', '**/.github/workflows/*.yml', '**/.github/workflows/*.yaml']],
  ['dependabot', ['.github/dependabot.yml', '.github/dependabot.yaml', '**/.github/dependabot.yml', '**/.github/dependabot.yaml']],
  ['gitlab-ci', ['.gitlab-ci.yml', '*.gitlab-ci.yml']],
  ['azure-pipelines', ['azure-pipelines*.yml', 'azure-pipelines*.yaml', '**/.azure-pipelines/**/*.yml', '**/.azure-pipelines/**/*.yaml', '.azure-pipelines/**/*.yml', '.azure-pipelines/**/*.yaml']],
  ['bitbucket-pipelines', ['bitbucket-pipelines.yml']],
  ['circleci', ['.circleci/config.yml', '**/.circleci/config.yml']],
  ['dockerfile', ['Dockerfile', 'Dockerfile.*', '*.Dockerfile', 'Containerfile', 'Containerfile.*'], { nocase: true }],
  [
    'compose',
    ['docker-compose*.yml', 'docker-compose*.yaml', '*.docker-compose.yml', '*.docker-compose.yaml', 'compose.yml', 'compose.yaml', 'compose.*.yml', 'compose.*.yaml', 'compose-*.yml', 'compose-*.yaml'],
  ],
  ['terraform', ['*.tf', '*.tfvars']],
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

export function createDetector(extra: Partial<Record<FileKind, readonly string[]>> = {}): KindDetector {
  const user: [FileKind, PathTest][] = Object.entries(extra).map(([k, globs]) => [k as FileKind, compileGlobs(globs ?? [])]);
  const builtin: [FileKind, PathTest][] = BUILTIN.map(([k, globs, o]) => [k, compileGlobs(globs, o)]);
  const actionFile = compileGlobs(['action.yml', 'action.yaml']);

  const byPath = (path: string, fullPath = path): FileKind | undefined => {
    for (const [kind, test] of user) if (test(path)) return kind;
    for (const [kind, test] of builtin) {
      if (!test(fullPath)) continue;
      if (kind === 'dockerfile' && NOT_DOCKERFILE.test(fullPath)) continue;
      return kind;
    }
    return undefined;
  };

  return {
    byPath,
    detect(path, text, fullPath = path) {
      const kind = byPath(path, fullPath);
      if (kind) return kind;
      if (!YAML_EXT.test(path)) return undefined;
      if (actionFile(path) && /^runs:/m.test(text)) return 'github-action';
      if (looksLikeKubernetes(path, text)) return 'kubernetes';
      return undefined;
    },
  };
}

/** Top-level `apiVersion:` and `kind:` in some document; Helm templates (`{{ }}` under templates/) are not YAML yet. */
function looksLikeKubernetes(path: string, text: string): boolean {
  if (!/^\uFEFF?apiVersion:[ \t]*\S/m.test(text) || !/^kind:[ \t]*\S/m.test(text)) return false;
  return !(text.includes('{{') && /(^|\/)templates\//.test(path.replace(/\\/g, '/')));
}
