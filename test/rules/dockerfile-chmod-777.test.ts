// Table tests for dockerfile-chmod-777.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule, { worldWritable } from '../../server/src/rules/hardening/dockerfile-chmod-777.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

it('worldWritable reads octal and symbolic modes', () => {
  for (const m of ['777', '0777', '666', '0002', '2777', 'a+w', 'o+rwx', 'u+x,o+w', 'a=rwx']) assert.equal(worldWritable(m), true, m);
  for (const m of ['755', '775', '1777', '644', '+w', 'u+w', 'g+w', 'o-w', 'a+rx', 'a+wt', 'x', '8777']) assert.equal(worldWritable(m), false, m);
});

ruleTester(rule, {
  valid: [
    { name: 'owner-only', path: DF, code: 'FROM alpine:3.20\nRUN chmod 755 /app\n' },
    { name: 'sticky /tmp idiom', path: DF, code: 'FROM alpine:3.20\nRUN mkdir -p /scratch && chmod 1777 /scratch\n' },
    { name: 'mode from a variable', path: DF, code: 'FROM alpine:3.20\nRUN chmod "$MODE" /app\n' },
    { name: 'plus w honours the umask', path: DF, code: 'FROM alpine:3.20\nRUN chmod +w /app\n' },
    { name: 'chmod as an argument', path: DF, code: 'FROM alpine:3.20\nRUN echo chmod 777 /app\n' },
    { name: 'COPY --chmod is not checked here', path: DF, code: 'FROM alpine:3.20\nCOPY --chmod=755 a /a\n' },
  ],
  invalid: [
    { name: '777', path: DF, code: 'FROM alpine:3.20\nRUN chmod 777 /app\n', errors: [{ line: 2, column: 11, endColumn: 14 }], output: null },
    { name: 'recursive', path: DF, code: 'FROM alpine:3.20\nRUN chmod -R 0777 /var/www\n', errors: [{ line: 2, column: 14 }] },
    { name: 'symbolic a+w after &&', path: DF, code: 'FROM alpine:3.20\nRUN mkdir /d && chmod a+w /d\n', errors: [{ line: 2, column: 23 }] },
    { name: 'sudo chmod, continuation with CRLF', path: DF, code: 'FROM alpine:3.20\r\nRUN true \\\r\n && sudo chmod o+w /d\r\n', errors: [{ line: 3, column: 16 }] },
    { name: 'full path', path: DF, code: 'FROM alpine:3.20\nRUN /bin/chmod 666 /etc/app.conf\n', errors: [{ line: 2, column: 16 }] },
  ],
});
