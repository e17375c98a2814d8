// Table tests for azure-secret-literal.

import rule from '../../server/src/rules/permissions/azure-secret-literal.js';
import { ruleTester } from '../helpers/rule-tester.js';

const AZ = 'azure-pipelines.yml';
const SECRET = 'dk_live_9f8e7d6c5b4a3f2e1d0c';

ruleTester(rule, {
  valid: [
    { name: 'from a variable', path: AZ, code: 'steps:\n  - bash: echo "##vso[task.setvariable variable=t;issecret=true]$TOKEN"\n' },
    { name: 'not secret', path: AZ, code: 'steps:\n  - bash: echo "##vso[task.setvariable variable=mode]release"\n' },
    { name: 'from a macro', path: AZ, code: 'steps:\n  - script: echo ##vso[task.setvariable variable=t;issecret=true]$(token)\n' },
  ],
  invalid: [
    {
      name: 'literal value',
      path: AZ,
      code: `steps:\n  - bash: echo "##vso[task.setvariable variable=deployKey;issecret=true]${SECRET}"\n`,
      errors: [{ line: 2, column: 73, endColumn: 101, messageIncludes: 'dk_l…1d0c', messageExcludes: SECRET }],
      output: null,
    },
  ],
});
