// Table tests for dockerfile-root-user.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { shellCommands } from '../../server/src/models/shell-words.js';
import rule, { createdUser } from '../../server/src/rules/hardening/dockerfile-root-user.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

it('createdUser reads useradd and adduser', () => {
  const user = (s: string): string | undefined => createdUser(shellCommands(s)[0]!);
  assert.equal(user('useradd -r -u 1000 -g app app'), 'app');
  assert.equal(user("adduser -D -g '' web"), 'web');
  assert.equal(user('adduser --disabled-password --gecos "" svc'), 'svc');
  assert.equal(user('adduser app staff'), undefined);
  assert.equal(user('useradd $NAME'), undefined);
  assert.equal(user('useradd root'), undefined);
  assert.equal(user('groupadd app'), undefined);
});

ruleTester(rule, {
  valid: [
    { name: 'unprivileged user', path: DF, code: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app\n' },
    { name: 'numeric uid', path: DF, code: 'FROM alpine:3.20\nUSER 10001:10001\n' },
    { name: 'root in a build stage only', path: DF, code: 'FROM golang:1.22 AS build\nUSER root\nFROM alpine:3.20\nUSER 65532\n' },
    { name: 'root then back to a user', path: DF, code: 'FROM node:20\nUSER root\nRUN apt-get update\nUSER node\n' },
    { name: 'user from a build arg is unknown', path: DF, code: 'FROM alpine:3.20\nARG APP_USER=root\nUSER ${APP_USER}\n' },
    { name: 'inherited from an earlier stage', path: DF, code: 'FROM alpine:3.20 AS base\nUSER app\nFROM base\nCMD ["x"]\n' },
    { name: 'distroless nonroot base', path: DF, code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /\n' },
    { name: 'base image unknown', path: DF, code: 'ARG BASE\nFROM ${BASE}\nCOPY . /\n' },
    { name: 'privileges dropped with gosu', path: DF, code: 'FROM debian:12\nRUN apt-get install -y gosu\nENTRYPOINT ["docker-entrypoint.sh"]\n' },
    { name: 'Windows base image', path: DF, code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo hi\n' },
    { name: 'empty file', path: DF, code: '' },
  ],
  invalid: [
    {
      name: 'explicit root',
      path: DF,
      code: 'FROM alpine:3.20\nUSER root\nCMD ["sh"]\n',
      errors: [{ line: 2, column: 6, endColumn: 10 }],
      output: null,
    },
    { name: 'uid 0 with group', path: DF, code: 'FROM alpine:3.20\nUSER 0:0\n', errors: [{ line: 2, column: 6 }] },
    {
      name: 'no USER, a user is created: fix adds it',
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
    {
      name: 'root set last in the stage a final stage builds on',
      path: DF,
      code: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD ["x"]\n',
      errors: [{ line: 2, column: 6 }],
    },
    { name: 'multi-stage: the final stage has no USER', path: DF, code: 'FROM golang:1.22 AS build\nUSER app\nFROM alpine:3.20\nCOPY --from=build /x /x\n', errors: [{ line: 3, column: 6 }], output: null },
    { name: 'scratch', path: DF, code: 'FROM scratch\nCOPY app /app\n', errors: [{ line: 1, column: 6 }] },
  ],
});

fixRoundTrip(rule, [
  { name: 'no USER, user created', path: DF, code: 'FROM debian:12\nRUN useradd -r app\nCMD ["app"]\n' },
  { name: 'USER root last, node base, CRLF without final newline', path: DF, code: 'FROM node:20\r\nUSER root\r\nRUN npm i -g x' },
]);
