// Table tests for dockerfile-no-user.

import rule from '../../server/src/rules/hardening/dockerfile-no-user.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

ruleTester(rule, {
  valid: [
    { name: 'USER set', path: DF, code: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\n' },
    { name: 'USER root is dockerfile-root-user', path: DF, code: 'FROM alpine:3.20\nUSER root\n' },
    { name: 'inherited from an earlier stage', path: DF, code: 'FROM alpine:3.20 AS base\nUSER app\nFROM base\nCMD ["x"]\n' },
    { name: 'distroless nonroot base', path: DF, code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /\n' },
    { name: 'base image unknown', path: DF, code: 'ARG BASE\nFROM ${BASE}\nCOPY . /\n' },
    { name: 'privileges dropped with gosu', path: DF, code: 'FROM debian:12\nRUN apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\n' },
    { name: 'su-exec downloaded', path: DF, code: 'FROM alpine:3.20\nRUN apk add --no-cache su-exec\n' },
    { name: 'Windows base image', path: DF, code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n' },
    { name: 'empty file', path: DF, code: '' },
    { name: 'broken mid-edit', path: DF, code: 'FROM\n' },
  ],
  invalid: [
    {
      name: 'a user is created: fix adds it',
      path: DF,
      code: 'FROM python:3.12-slim\nRUN useradd --create-home app\nCMD ["python", "app.py"]\n',
      errors: [{ line: 1, column: 6, endColumn: 22 }],
      output: 'FROM python:3.12-slim\nRUN useradd --create-home app\nCMD ["python", "app.py"]\nUSER app\n',
      fixSafety: 'unsafe',
    },
    {
      name: 'node base: well-known user, no final newline, CRLF',
      path: DF,
      code: 'FROM node:20-alpine\r\nCOPY . .\r\nCMD ["node", "index.js"]',
      errors: [{ line: 1, column: 6 }],
      output: 'FROM node:20-alpine\r\nCOPY . .\r\nCMD ["node", "index.js"]\r\nUSER node\r\n',
    },
    { name: 'multi-stage: the final stage has no USER', path: DF, code: 'FROM golang:1.22 AS build\nUSER app\nFROM alpine:3.20\nCOPY --from=build /x /x\n', errors: [{ line: 3, column: 6 }], output: null },
    { name: 'scratch', path: DF, code: 'FROM scratch\nCOPY app /app\n', errors: [{ line: 1, column: 6 }] },
  ],
});

fixRoundTrip(rule, [{ name: 'no USER, user created', path: DF, code: 'FROM debian:12\nRUN useradd -r app\nCMD ["app"]\n' }]);
