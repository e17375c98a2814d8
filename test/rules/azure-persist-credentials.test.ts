// Table tests for azure-persist-credentials.

import rule from '../../server/src/rules/permissions/azure-persist-credentials.js';
import { ruleTester } from '../helpers/rule-tester.js';

const AZ = 'azure-pipelines.yml';

ruleTester(rule, {
  valid: [
    { name: 'default', path: AZ, code: 'steps:\n  - checkout: self\n  - script: make\n' },
    { name: 'false', path: AZ, code: 'steps:\n  - checkout: self\n    persistCredentials: false\n' },
    { name: 'checkout: none', path: AZ, code: 'steps:\n  - checkout: none\n    persistCredentials: true\n' },
  ],
  invalid: [
    {
      name: 'true, in a deployment strategy',
      path: AZ,
      code: 'jobs:\n  - deployment: Web\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n            - checkout: self\n              persistCredentials: true\n',
      errors: [{ line: 8, column: 35, endColumn: 39 }],
      output: 'jobs:\n  - deployment: Web\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n            - checkout: self\n              persistCredentials: false\n',
      fixSafety: 'unsafe',
    },
  ],
});
