// Table tests for compose-unconfined-security.

import rule from '../../server/src/rules/hardening/compose-unconfined-security.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'docker-compose.yml';

ruleTester(rule, {
  valid: [
    { name: 'custom seccomp profile', path: P, code: 'services:\n  app:\n    security_opt:\n      - seccomp:./profile.json\n      - no-new-privileges:true\n' },
    { name: 'variable', path: P, code: 'services:\n  app:\n    security_opt: ["${SECCOMP}"]\n' },
  ],
  invalid: [
    {
      name: 'seccomp, apparmor, label',
      path: P,
      code: 'services:\n  app:\n    security_opt:\n      - seccomp:unconfined\n      - apparmor=unconfined\n      - "label:disable"\n',
      errors: [{ line: 4, column: 9, endColumn: 27 }, { line: 5, column: 9 }, { line: 6, column: 9 }],
      output: null,
    },
  ],
});
