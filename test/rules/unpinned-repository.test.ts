// Table tests for unpinned-repository.

import rule from '../../server/src/rules/pinning/unpinned-repository.js';
import { ruleTester } from '../helpers/rule-tester.js';

const AZ = 'azure-pipelines.yml';
const repo = (extra: string) => `resources:\n  repositories:\n    - repository: templates\n      type: github\n      name: org/templates\n${extra}`;

ruleTester(rule, {
  valid: [
    { name: 'tag', path: AZ, code: repo('      ref: refs/tags/v1.0\n') },
    { name: 'commit', path: AZ, code: repo(`      ref: ${'c'.repeat(40)}\n`) },
    { name: 'parameterised ref', path: AZ, code: repo('      ref: ${{ parameters.ref }}\n') },
    { name: 'not Azure', path: 'x.yml', code: repo('') },
  ],
  invalid: [
    { name: 'no ref', path: AZ, code: repo(''), errors: [{ line: 3, column: 7, endColumn: 17, messageIncludes: 'default branch' }] },
    { name: 'branch ref', path: AZ, code: repo('      ref: refs/heads/main\n'), errors: [{ line: 6, column: 12, messageIncludes: 'refs/heads/main' }] },
    { name: 'bare branch name', path: AZ, code: repo("      ref: 'develop'\n"), errors: [{ line: 6, column: 13 }] },
  ],
});
