// Table tests for dependabot-cooldown.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/hardening/dependabot-cooldown.js';
import { applyAllFixes, assertYamlParses } from '../helpers/fix-check.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DB = '.github/dependabot.yml';

ruleTester(rule, {
  valid: [
    { name: 'cooldown set', path: DB, code: 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: daily\n    cooldown:\n      default-days: 5\n' },
    { name: 'no updates', path: DB, code: 'version: 2\n' },
    { name: 'broken YAML mid-edit', path: DB, code: 'version: 2\nupdates:\n  - package-ecosystem: npm\n    schedule: [\n' },
    { name: 'not a Dependabot file', path: 'renovate.yml', code: 'updates:\n  - package-ecosystem: npm\n' },
  ],
  invalid: [
    {
      name: 'two entries, one without cooldown',
      path: DB,
      code: 'version: 2\nupdates:\n  - package-ecosystem: github-actions\n    directory: /\n    schedule:\n      interval: weekly\n  - package-ecosystem: npm\n    directory: /web\n    cooldown:\n      default-days: 3\n',
      errors: [{ line: 3, column: 24, endColumn: 38, messageIncludes: "'/'" }],
      output: 'version: 2\nupdates:\n  - package-ecosystem: github-actions\n    directory: /\n    schedule:\n      interval: weekly\n    cooldown:\n      default-days: 7\n  - package-ecosystem: npm\n    directory: /web\n    cooldown:\n      default-days: 3\n',
      fixSafety: 'unsafe',
    },
    {
      name: 'CRLF and quoted values, last line without newline',
      path: DB,
      code: 'version: 2\r\nupdates:\r\n  - package-ecosystem: "docker"\r\n    directory: "/"',
      errors: [{ line: 3, column: 24 }],
      output: 'version: 2\r\nupdates:\r\n  - package-ecosystem: "docker"\r\n    directory: "/"\r\n    cooldown:\r\n      default-days: 7',
    },
    {
      name: 'flow-style entry: reported, no fix',
      path: DB,
      code: 'version: 2\nupdates:\n  - { package-ecosystem: npm, directory: / }\n',
      errors: [{ line: 3, column: 26 }],
      output: null,
    },
  ],
});

it('dependabot-cooldown: the fixed file parses and has no finding left', () => {
  const code = 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n  - package-ecosystem: pip\n    directory: /py\n    schedule:\n      interval: weekly\n';
  const fixed = applyAllFixes(rule, DB, code);
  assertYamlParses(fixed);
  assert.equal((fixed.match(/cooldown:/g) ?? []).length, 2);
});
