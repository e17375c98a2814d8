// The registry: every rule Forewarn ships, in a stable order.

import type { Rule } from './define.js';
import imageLatest from './pinning/image-latest.js';
import unpinnedAction from './pinning/unpinned-action.js';
import awsAccessKey from './secrets/aws-access-key.js';
import templateInjection from './injection/template-injection.js';
import credentialPersistence from './permissions/credential-persistence.js';
import debugLogging from './permissions/debug-logging.js';
import excessivePermissions from './permissions/excessive-permissions.js';
import secretsExposure from './permissions/secrets-exposure.js';
import selfHostedRunner from './permissions/self-hosted-runner.js';
import dangerousTriggers from './injection/dangerous-triggers.js';
import insecureCommands from './injection/insecure-commands.js';

export const RULES: readonly Rule[] = [
  awsAccessKey,
  credentialPersistence,
  dangerousTriggers,
  debugLogging,
  excessivePermissions,
  imageLatest,
  insecureCommands,
  secretsExposure,
  selfHostedRunner,
  templateInjection,
  unpinnedAction,
];
