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
    { name: 'no USER is dockerfile-no-user', path: DF, code: 'FROM alpine:3.20\nCMD ["sh"]\n' },
    { name: 'Windows user names', path: DF, code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerAdministrator\nRUN setx PATH x\nUSER ContainerUser\n' },
    { name: 'empty file', path: DF, code: '' },
    { name: 'broken mid-edit', path: DF, code: 'FROM alpine:3.20\nUSER\n' },
  ],
  invalid: [
    { name: 'explicit root', path: DF, code: 'FROM alpine:3.20\nUSER root\nCMD ["sh"]\n', errors: [{ line: 2, column: 6, endColumn: 10 }], output: null },
    { name: 'uid 0 with group', path: DF, code: 'FROM alpine:3.20\nUSER 0:0\n', errors: [{ line: 2, column: 6 }] },
    {
      name: 'root set last in the stage a final stage builds on',
      path: DF,
      code: 'FROM alpine:3.20 AS base\nUSER root\nFROM base\nCMD ["x"]\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: 'node base: well-known user, CRLF without final newline',
      path: DF,
      code: 'FROM node:20\r\nUSER root\r\nRUN npm i -g x',
      errors: [{ line: 2, column: 6 }],
      output: 'FROM node:20\r\nUSER root\r\nRUN npm i -g x\r\nUSER node\r\n',
      fixSafety: 'unsafe',
    },
  ],
});

fixRoundTrip(rule, [
  { name: 'USER root last, user created', path: DF, code: 'FROM debian:12\nRUN useradd -r app\nUSER root\nCMD ["app"]\n' },
  { name: 'USER root last, node base, CRLF without final newline', path: DF, code: 'FROM node:20\r\nUSER root\r\nRUN npm i -g x' },
]);
