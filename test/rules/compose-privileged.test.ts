// Table tests for compose-privileged.

import rule from '../../server/src/rules/hardening/compose-privileged.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const P = 'docker-compose.yml';

ruleTester(rule, {
  valid: [
    { name: 'false', path: P, code: 'services:\n  app:\n    image: a:1\n    privileged: false\n' },
    { name: 'variable', path: P, code: 'services:\n  app:\n    privileged: ${PRIVILEGED}\n' },
    { name: 'not under services', path: P, code: 'x-defaults:\n  privileged: true\nservices: {}\n' },
    { name: 'not a compose file', path: 'config.yml', code: 'services:\n  app:\n    privileged: true\n' },
    { name: 'broken mid-edit', path: P, code: 'services:\n  app:\n    privileged: [\n' },
  ],
  invalid: [
    { name: 'block', path: P, code: 'services:\n  app:\n    image: a:1\n    privileged: true\n', errors: [{ line: 4, column: 17, endColumn: 21 }], output: 'services:\n  app:\n    image: a:1\n    privileged: false\n', fixSafety: 'unsafe' },
    { name: 'quoted "true" is cast by Compose', path: P, code: 'services:\n  app:\n    privileged: "true"\n', errors: [{ line: 3, column: 17, endColumn: 23 }], output: 'services:\n  app:\n    privileged: false\n' },
    { name: 'flow, CRLF, compose.yaml', path: 'compose.yaml', code: 'services:\r\n  db: { image: "pg:16", privileged: true }\r\n', errors: [{ line: 2, column: 37 }], output: 'services:\r\n  db: { image: "pg:16", privileged: false }\r\n' },
  ],
});

fixRoundTrip(rule, [{ name: 'two services', path: P, code: 'services:\n  a:\n    privileged: true\n  b:\n    privileged: true # dind\n' }]);
