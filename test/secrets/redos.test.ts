// Every secret pattern is linear-time: recheck (pure-JS backend, no native binary) must call each one safe.
// The default run asks only about patterns not already verified (test/helpers/redos-verified.ts); the table-built
// ones the repository-wide test cannot see as literals are therefore always checked when they change, and
// FOREWARN_FULL_TESTS=1 rechecks every pattern.

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { check } from 'recheck';
import { flushVerified, markSafe, needsRecheck } from '../helpers/redos-verified.js';
import { ASSIGNMENT_PATTERNS } from '../../server/src/models/assignments.js';
import { COMMAND_PATTERNS } from '../../server/src/models/secrets/commands.js';
import { VALUE_PATTERNS } from '../../server/src/models/secrets/generic.js';
import { DETECTORS, TOKEN_PLACEHOLDER } from '../../server/src/models/secrets/index.js';
import { IMAGE_SECRET_PATTERNS } from '../../server/src/models/secrets/image-secrets.js';
import { SLOT_PATTERNS } from '../../server/src/models/secrets/slots.js';
import { SLOT_VALUE_PATTERNS } from '../../server/src/models/secrets/values.js';
import { TEXT_FILE_PATTERNS } from '../../server/src/models/text-file.js';

process.env.RECHECK_BACKEND = 'pure';

/**
 * A fixed seed and no wall-clock limits: the fuzzer's verdict depends on step counts only, so the same
 * pattern gets the same verdict on a loaded machine (with the default 1 s attack timeout it does not).
 */
const PARAMS = { randomSeed: 42, seeder: 'static', attackTimeout: null, incubationTimeout: null, recallTimeout: null, seedingTimeout: null, timeout: null } as const;

const PATTERNS: [string, RegExp][] = [
  ...DETECTORS.map((d): [string, RegExp] => [`detector ${d.id}`, d.pattern]),
  ...DETECTORS.filter((d) => d.near).map((d): [string, RegExp] => [`detector ${d.id} anchor`, d.near!.anchor]),
  ...COMMAND_PATTERNS.map((re, i): [string, RegExp] => [`command pattern #${i + 1}`, re]),
  ...VALUE_PATTERNS.map((re, i): [string, RegExp] => [`value pattern #${i + 1}`, re]),
  ['token placeholder', TOKEN_PLACEHOLDER],
  ...ASSIGNMENT_PATTERNS.map((re, i): [string, RegExp] => [`assignment pattern #${i + 1}`, re]),
  ...SLOT_VALUE_PATTERNS.map((re, i): [string, RegExp] => [`slot value pattern #${i + 1}`, re]),
  ...SLOT_PATTERNS.map((re, i): [string, RegExp] => [`slot pattern #${i + 1}`, re]),
  ...IMAGE_SECRET_PATTERNS.map((re, i): [string, RegExp] => [`image secret pattern #${i + 1}`, re]),
  ...TEXT_FILE_PATTERNS.map((re, i): [string, RegExp] => [`text file pattern #${i + 1}`, re]),
];

describe('secret patterns are safe from ReDoS (recheck)', () => {
  after(flushVerified);
  for (const [name, re] of PATTERNS) {
    const flags = re.flags.replace('g', '');
    const skip = needsRecheck(re.source, flags) ? false : 'already verified safe (FOREWARN_FULL_TESTS=1 rechecks it)';
    it(name, { skip }, async () => {
      const d = await check(re.source, flags, PARAMS);
      assert.equal(d.status, 'safe', `${name}: ${d.status}${d.status === 'vulnerable' ? ` ${d.complexity.type} (${d.attack.pattern})` : ''}${d.status === 'unknown' ? ` ${d.error.kind}` : ''}`);
      markSafe(re.source, flags);
    });
  }
});
