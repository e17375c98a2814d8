// Table tests for image-latest.

import rule from '../../server/src/rules/pinning/image-latest.js';
import { ruleTester } from '../helpers/rule-tester.js';

const DF = 'Dockerfile';

ruleTester(rule, {
  valid: [
    { name: 'version tag', path: DF, code: 'FROM node:20-alpine\n' },
    { name: 'digest', path: DF, code: `FROM node@sha256:${'b'.repeat(64)}\n` },
    { name: 'latest with digest is pinned by the digest', path: DF, code: `FROM node:latest@sha256:${'c'.repeat(64)}\n` },
    { name: 'scratch', path: DF, code: 'FROM scratch\n' },
    { name: 'stage name', path: DF, code: 'FROM golang:1.22 AS build\nRUN go build\nFROM build\n' },
    { name: 'stage name, other case', path: DF, code: 'FROM golang:1.22 AS Build\nFROM build AS final\n' },
    { name: 'ARG without a default is unknown', path: DF, code: 'ARG BASE\nFROM ${BASE}\n' },
    { name: 'ARG default with tag', path: DF, code: 'ARG VERSION=20\nFROM node:${VERSION}\n' },
    { name: 'registry with port and tag', path: DF, code: 'FROM localhost:5000/app:1.2\n' },
    { name: '--platform flag', path: DF, code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
    { name: 'not a Dockerfile', path: 'Dockerfile.md', code: 'FROM node\n' },
    { name: 'tag from ARG with :- default', path: DF, code: 'FROM node:${TAG:-20}\n' },
    { name: 'stage name from a build arg', path: DF, code: 'ARG VARIANT=alpine\nFROM golang:1.22 AS build-alpine\nFROM build-${VARIANT}\n' },
    { name: 'ARG default built from another ARG', path: DF, code: 'ARG BASE=node:20-alpine\nARG IMAGE=${BASE}\nFROM ${IMAGE}\n' },
    { name: 'stage name from a :- default', path: DF, code: 'FROM golang:1.22 AS debug\nFROM ${DIST:-debug}\n' },
  ],
  invalid: [
    { name: 'no tag', path: DF, code: 'FROM node\n', errors: [{ line: 1, column: 6, endColumn: 10, messageIncludes: 'no tag' }], output: null },
    { name: 'latest', path: DF, code: 'FROM nginx:latest\n', errors: [{ line: 1, column: 6, endColumn: 18, messageIncludes: '`latest`' }] },
    { name: 'LATEST in capitals', path: DF, code: 'from nginx:LATEST as web\n', errors: [{ line: 1, column: 6 }] },
    { name: 'registry without tag', path: DF, code: 'FROM ghcr.io/org/app\n', errors: [{ line: 1, column: 6 }] },
    { name: 'registry port without tag', path: DF, code: 'FROM localhost:5000/app\n', errors: [{ line: 1, column: 6 }] },
    { name: '--platform without tag', path: DF, code: 'FROM --platform=linux/amd64 ubuntu AS base\n', errors: [{ line: 1, column: 29 }] },
    {
      name: 'ARG default without tag',
      path: DF,
      code: 'ARG BASE=node\nFROM ${BASE} AS build\n',
      errors: [{ line: 2, column: 6, messageIncludes: "resolves to 'node'" }],
    },
    {
      name: 'multi-stage: only the external image without tag',
      path: DF,
      code: 'FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=build /x /x\n',
      errors: [{ line: 2, column: 6 }],
    },
    { name: 'stage referenced before it exists is an image', path: DF, code: 'FROM build\nFROM golang:1.22 AS build\n', errors: [{ line: 1, column: 6 }] },
    { name: 'Containerfile', path: 'Containerfile', code: 'FROM fedora\n', errors: [{ line: 1, column: 6 }] },
    { name: 'suffix naming', path: 'api.Dockerfile', code: 'FROM python:latest\n', errors: [{ line: 1, column: 6 }] },
    { name: 'CRLF and continuation', path: DF, code: 'FROM \\\r\n  node\r\n', errors: [{ line: 2, column: 3 }] },
  ],
});
