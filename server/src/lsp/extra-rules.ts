// Rules injected for tests (FOREWARN_TEST_RULES=<module exporting `rules`>); never set in normal use.

import type { Rule } from '../engine/index.js';

export function loadExtraRules(): Rule[] {
  const path = process.env.FOREWARN_TEST_RULES;
  if (!path) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path) as { rules?: Rule[] };
  return mod.rules ?? [];
}
