// The registry: every rule Forewarn ships, in a stable order.

import type { Rule } from './define.js';
import azureScriptInjection from './injection/azure-script-injection.js';
import dangerousTriggers from './injection/dangerous-triggers.js';
import gitlabScriptInjection from './injection/gitlab-script-injection.js';
import insecureCommands from './injection/insecure-commands.js';
import templateInjection from './injection/template-injection.js';
import azureDebug from './permissions/azure-debug.js';
import azurePersistCredentials from './permissions/azure-persist-credentials.js';
import azureSecretLiteral from './permissions/azure-secret-literal.js';
import credentialPersistence from './permissions/credential-persistence.js';
import debugLogging from './permissions/debug-logging.js';
import excessivePermissions from './permissions/excessive-permissions.js';
import gitlabDebugTrace from './permissions/gitlab-debug-trace.js';
import gitlabInsecureDind from './permissions/gitlab-insecure-dind.js';
import gitlabJobTokenLeak from './permissions/gitlab-job-token-leak.js';
import secretsExposure from './permissions/secrets-exposure.js';
import selfHostedRunner from './permissions/self-hosted-runner.js';
import addWithoutChecksum from './pinning/add-without-checksum.js';
import downloadAndExecute from './pinning/download-and-execute.js';
import imageLatest from './pinning/image-latest.js';
import imageWithoutDigest from './pinning/image-without-digest.js';
import shaPinWithoutVersion from './pinning/sha-pin-without-version.js';
import unpinnedAction from './pinning/unpinned-action.js';
import unpinnedInclude from './pinning/unpinned-include.js';
import unpinnedModule from './pinning/unpinned-module.js';
import unpinnedOrb from './pinning/unpinned-orb.js';
import unpinnedRepository from './pinning/unpinned-repository.js';
import unversionedProvider from './pinning/unversioned-provider.js';
import awsAccessKey from './secrets/aws-access-key.js';

export const RULES: readonly Rule[] = [
  addWithoutChecksum,
  awsAccessKey,
  azureDebug,
  azurePersistCredentials,
  azureScriptInjection,
  azureSecretLiteral,
  credentialPersistence,
  dangerousTriggers,
  debugLogging,
  downloadAndExecute,
  excessivePermissions,
  gitlabDebugTrace,
  gitlabInsecureDind,
  gitlabJobTokenLeak,
  gitlabScriptInjection,
  imageLatest,
  imageWithoutDigest,
  insecureCommands,
  secretsExposure,
  selfHostedRunner,
  shaPinWithoutVersion,
  templateInjection,
  unpinnedAction,
  unpinnedInclude,
  unpinnedModule,
  unpinnedOrb,
  unpinnedRepository,
  unversionedProvider,
];
