// The registry: every rule Forewarn ships, in a stable order.

import type { Rule } from './define.js';
import addWithoutChecksum from './pinning/add-without-checksum.js';
import downloadAndExecute from './pinning/download-and-execute.js';
import imageLatest from './pinning/image-latest.js';
import imageWithoutDigest from './pinning/image-without-digest.js';
import shaPinWithoutVersion from './pinning/sha-pin-without-version.js';
import unpinnedAction from './pinning/unpinned-action.js';
import unpinnedInclude from './pinning/unpinned-include.js';
import unpinnedOrb from './pinning/unpinned-orb.js';
import unpinnedRepository from './pinning/unpinned-repository.js';
import awsAccessKey from './secrets/aws-access-key.js';

export const RULES: readonly Rule[] = [
  addWithoutChecksum,
  awsAccessKey,
  downloadAndExecute,
  imageLatest,
  imageWithoutDigest,
  shaPinWithoutVersion,
  unpinnedAction,
  unpinnedInclude,
  unpinnedOrb,
  unpinnedRepository,
];
