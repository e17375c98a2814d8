// Table tests for secret-in-image: credential-named ARG/ENV without a written value, secret files copied into a layer.

import { describe, it } from 'node:test';
import rule from '../../server/src/rules/secrets/secret-in-image.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { assertFixResolves, at } from '../helpers/secrets.js';

const D = 'Dockerfile';

function err(code: string, needle: string, from = 0): { line: number; column: number; endColumn: number } {
  return at(code, needle, from);
}

const ARG_USED = 'FROM node:20\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n';
// gh reads GITHUB_TOKEN without naming it: no RUN references it, so no mount fix
const ENV_REF = 'FROM node:20\nARG GH\nENV GITHUB_TOKEN=$GH\nRUN gh release download\n';
const COPY = 'FROM alpine\nCOPY .npmrc id_rsa /root/\nCOPY ["credentials.json", "/app/"]\nADD --chown=app .aws/ /home/app/.aws/\nCOPY --from=build /src/.env.production /app/\nCOPY certs/server-key.pem /etc/ssl/private/\n';

ruleTester(rule, {
  valid: [
    { name: 'build args that are not credentials', path: D, code: 'FROM alpine\nARG VERSION=1.2\nARG GPG_KEY\nARG PASSWORD_LENGTH\nENV NODE_ENV=production\n' },
    { name: 'a literal value is the value rules\' finding', path: D, code: 'FROM alpine\nARG API_TOKEN=Zq7mW2xK9pLrT4vB\n' },
    { name: 'an ENV that is empty holds nothing', path: D, code: 'FROM alpine\nENV NPM_TOKEN=""\n' },
    { name: 'secret mounts are the right way', path: D, code: 'FROM node:20\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n' },
    { name: 'certificates and public keys', path: D, code: 'FROM nginx\nCOPY ca-cert.pem fullchain.pem /etc/ssl/\nCOPY id_rsa.pub /root/.ssh/authorized_keys\nCOPY .env.example /app/.env.example\n' },
    { name: 'ordinary files and globs', path: D, code: 'FROM alpine\nCOPY package.json package-lock.json ./\nCOPY *.pem /x/\nCOPY . .\n' },
    { name: 'heredoc COPY', path: D, code: 'FROM alpine\nCOPY <<EOF /etc/app.conf\npassword=x\nEOF\n' },
  ],
  invalid: [
    { name: 'ARG without a default, used by RUN: secret mount fix', path: D, code: ARG_USED, errors: [err(ARG_USED, 'NPM_TOKEN')], output: 'FROM node:20\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n', fixSafety: 'unsafe' },
    { name: 'ARG with a placeholder default, unused: no fix', path: D, code: 'FROM alpine\nARG SONAR_TOKEN=changeme\n', errors: [err('FROM alpine\nARG SONAR_TOKEN=changeme\n', 'SONAR_TOKEN')], output: null },
    { name: 'ENV from a build argument', path: D, code: ENV_REF, errors: [err(ENV_REF, 'GITHUB_TOKEN')], output: null },
    {
      name: 'ENV from a build argument, used by RUN: secret mount fix',
      path: D,
      code: 'FROM alpine\nENV API_TOKEN=${API_TOKEN}\nRUN curl -H "X-Token: $API_TOKEN" https://example.org\n',
      errors: [err('FROM alpine\nENV API_TOKEN=${API_TOKEN}\n', 'API_TOKEN')],
      output: 'FROM alpine\nRUN --mount=type=secret,id=api-token,env=API_TOKEN curl -H "X-Token: $API_TOKEN" https://example.org\n',
    },
    {
      name: 'secret files copied in',
      path: D,
      code: COPY,
      errors: [err(COPY, '.npmrc'), err(COPY, 'id_rsa'), err(COPY, '"credentials.json"'), err(COPY, '.aws/'), err(COPY, '/src/.env.production'), err(COPY, 'certs/server-key.pem')],
      output: null,
    },
  ],
});

describe('secret-in-image fixes, applied and re-analysed', () => {
  it('ARG used by RUN', () => void assertFixResolves(rule, D, ARG_USED));
});
