// Where a secret belongs instead, in the words of each file kind: a Terraform or Compose user has no "CI secret store".

import type { FileKind } from '../../core/types.js';

const STORE: Readonly<Record<FileKind, string>> = {
  'github-workflow': 'a repository or environment secret (`${{ secrets.NAME }}`)',
  'github-action': 'an input the calling workflow fills from its secrets',
  dependabot: 'a Dependabot secret (`${{ secrets.NAME }}` in `registries:`)',
  'gitlab-ci': 'a masked, protected CI/CD variable',
  'azure-pipelines': 'a secret pipeline variable or Azure Key Vault',
  'bitbucket-pipelines': 'a secured repository or deployment variable',
  circleci: 'a project environment variable or a context',
  dockerfile: 'a build secret (`RUN --mount=type=secret`), never the image',
  compose: 'a Compose secret or an environment file kept out of Git',
  kubernetes: 'a Secret, referenced with `secretKeyRef`',
  terraform: 'a variable marked `sensitive` or a secrets manager, never the configuration',
  text: 'a secrets manager or an environment variable set where it runs, with the file kept out of Git',
};

/** "read it from …": the place for a secret in a file of this kind. */
export function secretStore(kind: FileKind): string {
  return STORE[kind];
}
