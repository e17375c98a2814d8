// The registry: every rule Forewarn ships, in a stable order.

import type { Rule } from './define.js';
import imageLatest from './pinning/image-latest.js';
import unpinnedAction from './pinning/unpinned-action.js';
import awsAccessKey from './secrets/aws-access-key.js';
import templateInjection from './injection/template-injection.js';

export const RULES: readonly Rule[] = [awsAccessKey, imageLatest, templateInjection, unpinnedAction];
