// The registry: every rule Forewarn ships, in a stable order.

import type { Rule } from './define.js';
import imageLatest from './pinning/image-latest.js';
import unpinnedAction from './pinning/unpinned-action.js';
import awsAccessKey from './secrets/aws-access-key.js';
import credentialUrl from './secrets/credential-url.js';
import genericSecret from './secrets/generic-secret.js';
import providerToken from './secrets/provider-token.js';

export const RULES: readonly Rule[] = [awsAccessKey, credentialUrl, genericSecret, imageLatest, providerToken, unpinnedAction];
