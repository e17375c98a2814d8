// A small embedded list of widely used GitHub Actions, and the one-edit typo test that typosquat-action runs against it.

/**
 * `owner/repo` of actions used in a large share of public workflows (lower-cased). Kept short on purpose: a name one
 * edit away from one of these, under another owner, is worth a look; a longer list would mostly add noise.
 */
export const POPULAR_ACTIONS: readonly string[] = [
  'actions/add-to-project', 'actions/attest-build-provenance', 'actions/cache', 'actions/checkout', 'actions/configure-pages',
  'actions/create-github-app-token', 'actions/dependency-review-action', 'actions/deploy-pages', 'actions/download-artifact',
  'actions/first-interaction', 'actions/github-script', 'actions/labeler', 'actions/setup-dotnet', 'actions/setup-go',
  'actions/setup-java', 'actions/setup-node', 'actions/setup-python', 'actions/stale', 'actions/upload-artifact',
  'actions/upload-pages-artifact',
  'github/codeql-action', 'github/super-linter',
  'docker/bake-action', 'docker/build-push-action', 'docker/login-action', 'docker/metadata-action',
  'docker/setup-buildx-action', 'docker/setup-qemu-action',
  'aws-actions/amazon-ecr-login', 'aws-actions/amazon-ecs-deploy-task-definition', 'aws-actions/amazon-ecs-render-task-definition',
  'aws-actions/configure-aws-credentials',
  'azure/docker-login', 'azure/k8s-set-context', 'azure/login', 'azure/setup-helm', 'azure/setup-kubectl', 'azure/webapps-deploy',
  'google-github-actions/auth', 'google-github-actions/deploy-cloudrun', 'google-github-actions/get-gke-credentials',
  'google-github-actions/setup-gcloud',
  'hashicorp/setup-terraform', 'hashicorp/vault-action',
  'amannn/action-semantic-pull-request', 'anchore/sbom-action', 'anchore/scan-action', 'aquasecurity/trivy-action',
  'astral-sh/setup-uv', 'cachix/install-nix-action', 'changesets/action', 'codecov/codecov-action', 'coverallsapp/github-action',
  'crazy-max/ghaction-import-gpg', 'denoland/setup-deno', 'dorny/paths-filter', 'dtolnay/rust-toolchain',
  'golangci/golangci-lint-action', 'googleapis/release-please-action', 'goreleaser/goreleaser-action', 'gradle/actions',
  'jamesives/github-pages-deploy-action', 'marocchino/sticky-pull-request-comment', 'ncipollo/release-action',
  'oven-sh/setup-bun', 'ossf/scorecard-action', 'peaceiris/actions-gh-pages', 'peter-evans/create-or-update-comment',
  'peter-evans/create-pull-request', 'peter-evans/find-comment', 'pnpm/action-setup', 'pypa/gh-action-pypi-publish',
  'release-drafter/release-drafter', 'ruby/setup-ruby', 'shivammathur/setup-php', 'sigstore/cosign-installer',
  'slackapi/slack-github-action', 'softprops/action-gh-release', 'step-security/harden-runner',
  'stefanzweifel/git-auto-commit-action', 'subosito/flutter-action', 'swatinem/rust-cache', 'taiki-e/install-action',
  'tj-actions/changed-files',
];

const POPULAR = new Set(POPULAR_ACTIONS);
const OWNERS = new Set(POPULAR_ACTIONS.map((s) => s.slice(0, s.indexOf('/'))));

/** Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbouring characters. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The popular action that `owner/repo` (lower-cased) imitates: one edit away from it under an owner that does not
 * publish any of the listed actions. Undefined for the popular actions themselves and their owners' other actions.
 */
export function typosquatOf(slug: string): string | undefined {
  if (POPULAR.has(slug)) return undefined;
  const slash = slug.indexOf('/');
  if (slash <= 0 || OWNERS.has(slug.slice(0, slash))) return undefined;
  return POPULAR_ACTIONS.find((p) => oneEditApart(slug, p));
}

/** Publishers whose every action is widely trusted: an owner one edit away is suspect whatever the repository. */
const TRUSTED_OWNERS: readonly string[] = ['actions', 'github', 'aws-actions', 'google-github-actions', 'hashicorp'];

/** The trusted publisher an owner (lower-cased) imitates, one edit away; undefined for the publishers themselves. */
export function ownerTyposquatOf(owner: string): string | undefined {
  if (OWNERS.has(owner)) return undefined;
  return TRUSTED_OWNERS.find((o) => oneEditApart(owner, o));
}
