// Table tests for azure-debug.

import rule from '../../server/src/rules/permissions/azure-debug.js';
import { ruleTester } from '../helpers/rule-tester.js';

const AZ = 'azure-pipelines.yml';

ruleTester(rule, {
  valid: [
    { name: 'false', path: AZ, code: 'variables:\n  system.debug: false\nsteps:\n  - script: make\n' },
    { name: 'from a parameter', path: AZ, code: 'variables:\n  system.debug: ${{ parameters.debug }}\n' },
  ],
  invalid: [
    { name: 'map form', path: AZ, code: "variables:\n  system.debug: 'true'\n", errors: [{ line: 2, column: 17, endColumn: 23 }], output: null },
    { name: 'list form in a job', path: AZ, code: 'jobs:\n  - job: A\n    variables:\n      - name: System.Debug\n        value: true\n    steps:\n      - script: make\n', errors: [{ line: 5, column: 16 }] },
  ],
});
