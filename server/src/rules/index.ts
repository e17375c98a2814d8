// The registry: every rule Forewarn ships, in a stable order.

import type { Rule } from './define.js';
import imageLatest from './pinning/image-latest.js';
import unpinnedAction from './pinning/unpinned-action.js';
import unpinnedModule from './pinning/unpinned-module.js';
import unversionedProvider from './pinning/unversioned-provider.js';
import awsAccessKey from './secrets/aws-access-key.js';
import templateInjection from './injection/template-injection.js';
import credentialPersistence from './permissions/credential-persistence.js';
import debugLogging from './permissions/debug-logging.js';
import excessivePermissions from './permissions/excessive-permissions.js';
import secretsExposure from './permissions/secrets-exposure.js';
import selfHostedRunner from './permissions/self-hosted-runner.js';
import dangerousTriggers from './injection/dangerous-triggers.js';
import insecureCommands from './injection/insecure-commands.js';
import azureScriptInjection from './injection/azure-script-injection.js';
import gitlabScriptInjection from './injection/gitlab-script-injection.js';
import azureDebug from './permissions/azure-debug.js';
import azurePersistCredentials from './permissions/azure-persist-credentials.js';
import azureSecretLiteral from './permissions/azure-secret-literal.js';
import gitlabDebugTrace from './permissions/gitlab-debug-trace.js';
import gitlabInsecureDind from './permissions/gitlab-insecure-dind.js';
import gitlabJobTokenLeak from './permissions/gitlab-job-token-leak.js';

export const RULES: readonly Rule[] = [
  awsAccessKey,
  azureDebug,
  azurePersistCredentials,
  azureScriptInjection,
  azureSecretLiteral,
  credentialPersistence,
  dangerousTriggers,
  debugLogging,
  excessivePermissions,
  gitlabDebugTrace,
  gitlabInsecureDind,
  gitlabJobTokenLeak,
  gitlabScriptInjection,
  imageLatest,
  insecureCommands,
  secretsExposure,
  selfHostedRunner,
  templateInjection,
  unpinnedAction,
  unpinnedModule,
  unversionedProvider,
];
