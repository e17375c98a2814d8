// Table tests for compose-dangerous-capabilities.

import rule from '../../server/src/rules/hardening/compose-dangerous-capabilities.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'docker-compose.yml';

ruleTester(rule, {
  valid: [
    { name: 'narrow capability', path: P, code: 'services:\n  web:\n    cap_add: [NET_BIND_SERVICE]\n' },
    { name: 'cap_drop ALL', path: P, code: 'services:\n  web:\n    cap_drop: [ALL]\n' },
  ],
  invalid: [
    { name: 'ALL and SYS_ADMIN', path: P, code: 'services:\n  vpn:\n    cap_add:\n      - NET_ADMIN\n      - CAP_SYS_ADMIN\n', errors: [{ line: 4, column: 9, endColumn: 18 }, { line: 5, column: 9 }], output: null },
  ],
});
