// Table tests for unpinned-orb.

import rule from '../../server/src/rules/pinning/unpinned-orb.js';
import { ruleTester } from '../helpers/rule-tester.js';

const CC = '.circleci/config.yml';

ruleTester(rule, {
  valid: [
    { name: 'semver', path: CC, code: 'version: 2.1\norbs:\n  node: circleci/node@5.2.0\n' },
    { name: 'major version', path: CC, code: 'version: 2.1\norbs:\n  node: circleci/node@5\n' },
    { name: 'inline orb', path: CC, code: 'version: 2.1\norbs:\n  mine:\n    commands: {}\n' },
    { name: 'not CircleCI', path: 'config.yml', code: 'orbs:\n  node: circleci/node@volatile\n' },
  ],
  invalid: [
    { name: 'volatile', path: CC, code: 'version: 2.1\norbs:\n  node: circleci/node@volatile\n', errors: [{ line: 3, column: 9, endColumn: 31, messageIncludes: 'volatile' }] },
    { name: 'dev version, quoted', path: CC, code: "version: 2.1\norbs:\n  x: 'acme/x@dev:alpha'\n", errors: [{ line: 3, column: 7, messageIncludes: 'dev:alpha' }] },
  ],
});
