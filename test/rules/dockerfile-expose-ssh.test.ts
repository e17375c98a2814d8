// Table tests for dockerfile-expose-ssh.

import rule from '../../server/src/rules/hardening/dockerfile-expose-ssh.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

ruleTester(rule, {
  valid: [
    { name: 'http', path: DF, code: 'FROM nginx:1.27\nEXPOSE 80 443\n' },
    { name: 'port 2222', path: DF, code: 'FROM alpine:3.20\nEXPOSE 2222\n' },
    { name: 'udp 22', path: DF, code: 'FROM alpine:3.20\nEXPOSE 22/udp\n' },
    { name: 'from a build arg', path: DF, code: 'FROM alpine:3.20\nARG PORT=22\nEXPOSE $PORT\n' },
    { name: 'no arguments mid-edit', path: DF, code: 'FROM alpine:3.20\nEXPOSE\n' },
  ],
  invalid: [
    { name: '22', path: DF, code: 'FROM alpine:3.20\nEXPOSE 22\n', errors: [{ line: 2, column: 8, endColumn: 10 }], output: null },
    { name: '22/tcp among others', path: DF, code: 'FROM alpine:3.20\nEXPOSE 80 22/tcp\n', errors: [{ line: 2, column: 11, endColumn: 17 }] },
    { name: 'range including 22', path: DF, code: 'FROM alpine:3.20\nexpose 20-25\n', errors: [{ line: 2, column: 8 }] },
  ],
});
