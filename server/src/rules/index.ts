// The registry: every rule Forewarn ships, in a stable order.

import type { Rule } from './define.js';
import dockerfileAddLocal from './hardening/dockerfile-add-local.js';
import dockerfileChmod777 from './hardening/dockerfile-chmod-777.js';
import dockerfileExposeSsh from './hardening/dockerfile-expose-ssh.js';
import dockerfileRootUser from './hardening/dockerfile-root-user.js';
import dockerfileSudo from './hardening/dockerfile-sudo.js';
import tlsVerificationDisabled from './hardening/tls-verification-disabled.js';
import unauthenticatedPackages from './hardening/unauthenticated-packages.js';
import imageLatest from './pinning/image-latest.js';
import unpinnedAction from './pinning/unpinned-action.js';
import awsAccessKey from './secrets/aws-access-key.js';

export const RULES: readonly Rule[] = [
  awsAccessKey,
  imageLatest,
  unpinnedAction,
  // issue 6: privileges and hardening
  dockerfileAddLocal,
  dockerfileChmod777,
  dockerfileExposeSsh,
  dockerfileRootUser,
  dockerfileSudo,
  tlsVerificationDisabled,
  unauthenticatedPackages,
];
