// Table tests for compose-host-namespaces.

import rule from '../../server/src/rules/hardening/compose-host-namespaces.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'docker-compose.yml';

ruleTester(rule, {
  valid: [
    { name: 'bridge', path: P, code: 'services:\n  app:\n    network_mode: bridge\n' },
    { name: 'another service namespace', path: P, code: 'services:\n  app:\n    network_mode: "service:vpn"\n    pid: "container:abc"\n' },
    { name: 'variable', path: P, code: 'services:\n  app:\n    network_mode: ${NET}\n' },
  ],
  invalid: [
    { name: 'all three', path: P, code: 'services:\n  agent:\n    network_mode: host\n    pid: "host"\n    ipc: host\n', errors: [{ line: 3, column: 19, endColumn: 23 }, { line: 4, column: 10 }, { line: 5, column: 10 }], output: null },
  ],
});
