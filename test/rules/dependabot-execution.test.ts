// Table tests for dependabot-execution.

import rule from '../../server/src/rules/hardening/dependabot-execution.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DB = '.github/dependabot.yml';
const entry = (extra = '') => `version: 2\nupdates:\n  - package-ecosystem: bundler\n    directory: /\n    schedule:\n      interval: weekly\n${extra}`;

ruleTester(rule, {
  valid: [
    { name: 'default (deny)', path: DB, code: entry() },
    { name: 'explicit deny', path: DB, code: entry('    insecure-external-code-execution: deny\n') },
    { name: 'value from nothing (mid-edit)', path: DB, code: entry('    insecure-external-code-execution:\n') },
    { name: 'same key in a workflow is not Dependabot', path: '.github/workflows/x.yml', code: 'on: push\njobs: {}\ninsecure-external-code-execution: allow\n' },
    { name: 'dependabot.yml outside .github', path: 'docs/dependabot.yml', code: entry('    insecure-external-code-execution: allow\n') },
  ],
  invalid: [
    {
      name: 'allow, with a private registry',
      path: DB,
      code: `version: 2\nregistries:\n  gems:\n    type: rubygems-server\n    url: https://gems.example.com\n    token: \${{secrets.GEMS_TOKEN}}\nupdates:\n  - package-ecosystem: bundler\n    directory: /\n    registries: [gems]\n    insecure-external-code-execution: allow\n    schedule:\n      interval: weekly\n`,
      errors: [{ line: 11, column: 39, endColumn: 44, messageIncludes: "'gems'" }],
      output: `version: 2\nregistries:\n  gems:\n    type: rubygems-server\n    url: https://gems.example.com\n    token: \${{secrets.GEMS_TOKEN}}\nupdates:\n  - package-ecosystem: bundler\n    directory: /\n    registries: [gems]\n    insecure-external-code-execution: deny\n    schedule:\n      interval: weekly\n`,
      fixSafety: 'unsafe',
    },
    {
      name: 'quoted Allow, .yaml, CRLF',
      path: 'sub/.github/dependabot.yaml',
      code: 'version: 2\r\nupdates:\r\n  - package-ecosystem: "pip"\r\n    directory: "/"\r\n    insecure-external-code-execution: "Allow"\r\n',
      errors: [{ line: 5, column: 39 }],
      output: 'version: 2\r\nupdates:\r\n  - package-ecosystem: "pip"\r\n    directory: "/"\r\n    insecure-external-code-execution: deny\r\n',
    },
  ],
});
