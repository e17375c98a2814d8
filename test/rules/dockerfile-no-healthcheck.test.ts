// Table tests for dockerfile-no-healthcheck (off by default; the tester turns it on).

import rule from '../../server/src/rules/hardening/dockerfile-no-healthcheck.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

ruleTester(rule, {
  valid: [
    { name: 'HEALTHCHECK CMD', path: DF, code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n' },
    { name: 'HEALTHCHECK NONE is a decision', path: DF, code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
    { name: 'inherited from the stage the final image builds on', path: DF, code: 'FROM node:20 AS base\nHEALTHCHECK CMD node check.js\nFROM base\nCMD ["node", "server.js"]\n' },
    { name: 'empty file', path: DF, code: '' },
    { name: 'half-typed', path: DF, code: 'HEALTHCHECK\n' },
  ],
  invalid: [
    { name: 'no healthcheck', path: DF, code: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n', errors: [{ line: 1, column: 1, endColumn: 5 }], output: null },
    {
      name: 'healthcheck only in a build stage (CRLF)',
      path: DF,
      code: 'FROM golang:1.22 AS build\r\nHEALTHCHECK NONE\r\nRUN go build -o /app\r\nFROM gcr.io/distroless/static\r\nCOPY --from=build /app /app\r\n',
      errors: [{ line: 4, column: 1, messageIncludes: 'distroless' }],
    },
  ],
});
