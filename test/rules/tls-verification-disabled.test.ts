// Table tests for tls-verification-disabled.

import rule from '../../server/src/rules/hardening/tls-verification-disabled.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

ruleTester(rule, {
  valid: [
    { name: 'curl with verification', path: DF, code: 'FROM alpine:3.20\nRUN curl -fsSL https://example.com/x -o /x\n' },
    { name: 'curl -o k (k is the output file name)', path: DF, code: 'FROM alpine:3.20\nRUN curl -ok https://example.com/x\n' },
    { name: 'wget -k converts links', path: DF, code: 'FROM alpine:3.20\nRUN wget -k https://example.com/\n' },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED=1', path: DF, code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
    { name: 'value from a variable', path: DF, code: 'FROM node:20\nARG V\nENV NODE_TLS_REJECT_UNAUTHORIZED=$V\n' },
    { name: 'GIT_SSL_NO_VERIFY false', path: DF, code: 'FROM alpine:3.20\nENV GIT_SSL_NO_VERIFY=false\n' },
    { name: 'strict-ssl true', path: DF, code: 'FROM node:20\nRUN npm config set strict-ssl true\n' },
    { name: '--insecure for another program', path: DF, code: 'FROM alpine:3.20\nRUN helm repo add x https://x --insecure-skip-tls-verify=false\n' },
    { name: 'trusted-host echoed', path: DF, code: 'FROM python:3.12\nRUN echo --trusted-host\n' },
    { name: 'broken mid-edit', path: DF, code: 'FROM alpine:3.20\nENV\nRUN curl "\n' },
  ],
  invalid: [
    { name: 'curl -k', path: DF, code: 'FROM alpine:3.20\nRUN curl -k https://example.com/x\n', errors: [{ line: 2, column: 10, endColumn: 12 }], output: null },
    { name: 'curl cluster -fsSLk', path: DF, code: 'FROM alpine:3.20\nRUN curl -fsSLk https://example.com/x | tar x\n', errors: [{ line: 2, column: 10 }] },
    { name: 'curl --insecure on a continuation line (CRLF)', path: DF, code: 'FROM alpine:3.20\r\nRUN curl -fsSL \\\r\n  --insecure https://x/y\r\n', errors: [{ line: 3, column: 3 }] },
    { name: 'wget', path: DF, code: 'FROM alpine:3.20\nRUN wget --no-check-certificate https://x/y\n', errors: [{ line: 2, column: 10 }] },
    { name: 'pip --trusted-host', path: DF, code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.org requests\n', errors: [{ line: 2, column: 17 }] },
    { name: 'python -m pip', path: DF, code: 'FROM python:3.12\nRUN python3 -m pip install --trusted-host=x y\n', errors: [{ line: 2, column: 28 }] },
    { name: 'pip config', path: DF, code: 'FROM python:3.12\nRUN pip config set global.trusted-host pypi.org\n', errors: [{ line: 2, column: 20 }] },
    { name: 'npm strict-ssl', path: DF, code: 'FROM node:20\nRUN npm config set strict-ssl false\n', errors: [{ line: 2, column: 20 }] },
    { name: 'git http.sslVerify', path: DF, code: 'FROM alpine:3.20\nRUN git config --global http.sslVerify false\n', errors: [{ line: 2, column: 25 }] },
    { name: 'ENV NODE_TLS_REJECT_UNAUTHORIZED', path: DF, code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', errors: [{ line: 2, column: 5 }] },
    { name: 'ENV with space form', path: DF, code: 'FROM python:3.12\nENV PYTHONHTTPSVERIFY 0\n', errors: [{ line: 2, column: 5 }] },
    { name: 'ARG default', path: DF, code: 'FROM alpine:3.20\nARG GIT_SSL_NO_VERIFY=1\n', errors: [{ line: 2, column: 5 }] },
    { name: 'inline assignment in RUN', path: DF, code: 'FROM alpine:3.20\nRUN GIT_SSL_NO_VERIFY=true git clone https://x/y\n', errors: [{ line: 2, column: 5 }] },
    { name: 'export in RUN', path: DF, code: 'FROM node:20\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm ci\n', errors: [{ line: 2, column: 12 }] },
  ],
});
