// Every secret pattern is linear-time: recheck (pure-JS backend, no native binary) must call each one safe.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from 'recheck';
import { ASSIGNMENT_PATTERNS } from '../../server/src/models/assignments.js';
import { COMMAND_PATTERNS } from '../../server/src/models/secrets/commands.js';
import { VALUE_PATTERNS } from '../../server/src/models/secrets/generic.js';
import { DETECTORS, TOKEN_PLACEHOLDER } from '../../server/src/models/secrets/index.js';
import { FIND_PATTERNS } from '../../server/src/models/secrets/find.js';
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
  ...COMMAND_PATTERNS.map((re, i): [string, RegExp] => [`command pattern #${i + 1}`, re]),
  ...VALUE_PATTERNS.map((re, i): [string, RegExp] => [`value pattern #${i + 1}`, re]),
  ['token placeholder', TOKEN_PLACEHOLDER],
  ...ASSIGNMENT_PATTERNS.map((re, i): [string, RegExp] => [`assignment pattern #${i + 1}`, re]),
  ...SLOT_VALUE_PATTERNS.map((re, i): [string, RegExp] => [`slot value pattern #${i + 1}`, re]),
  ...SLOT_PATTERNS.map((re, i): [string, RegExp] => [`slot pattern #${i + 1}`, re]),
  ...FIND_PATTERNS.map((re, i): [string, RegExp] => [`find pattern #${i + 1}`, re]),
  ...IMAGE_SECRET_PATTERNS.map((re, i): [string, RegExp] => [`image secret pattern #${i + 1}`, re]),
  ...TEXT_FILE_PATTERNS.map((re, i): [string, RegExp] => [`text file pattern #${i + 1}`, re]),
];

describe('secret patterns are safe from ReDoS (recheck)', () => {
  for (const [name, re] of PATTERNS) {
    it(name, async () => {
      const d = await check(re.source, re.flags.replace('g', ''), PARAMS);
      assert.equal(d.status, 'safe', `${name}: ${d.status}${d.status === 'vulnerable' ? ` ${d.complexity.type} (${d.attack.pattern})` : ''}${d.status === 'unknown' ? ` ${d.error.kind}` : ''}`);
    });
  }
});
