// The registry: every rule Forewarn ships, in a stable order.

import type { Rule } from './define.js';
import imageLatest from './pinning/image-latest.js';
import unpinnedAction from './pinning/unpinned-action.js';
import unpinnedModule from './pinning/unpinned-module.js';
import unversionedProvider from './pinning/unversioned-provider.js';
import awsAccessKey from './secrets/aws-access-key.js';

export const RULES: readonly Rule[] = [awsAccessKey, imageLatest, unpinnedAction, unpinnedModule, unversionedProvider];
