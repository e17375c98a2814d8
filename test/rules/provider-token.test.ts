// Table tests for provider-token: known formats in every file kind, redacted messages, and the per-kind fixes.

import { describe, it } from 'node:test';
import rule from '../../server/src/rules/secrets/provider-token.js';
import { fake } from '../../server/src/models/secrets/fake.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { assertFixResolves, at, GHP, NPM } from '../helpers/secrets.js';

const WF = '.github/workflows/ci.yml';
const BAD_CHECKSUM = `ghp_${fake('tests-ghp', 36)}`;
const SLACK = `xoxb-123456789012-1234567890123-${fake('slack', 24)}`;
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${fake('pem', 64)}\n${fake('pem2', 64)}\n-----END RSA PRIVATE KEY-----`;

const cases: { name: string; path: string; code: string; token: string; output: string | null }[] = [
  {
    name: 'workflow env: secret reference, name from the key',
    path: WF,
    code: `env:\n  GH_PAT: ${GHP}\n`,
    token: GHP,
    output: 'env:\n  GH_PAT: ${{ secrets.GH_PAT }}\n',
  },
  {
    name: 'workflow with: quoted, GITHUB_ prefix avoided',
    path: WF,
    code: `jobs:\n  a:\n    steps:\n      - uses: some/action@v1\n        with:\n          github_token: "${GHP}"\n`,
    token: GHP,
    output: 'jobs:\n  a:\n    steps:\n      - uses: some/action@v1\n        with:\n          github_token: "${{ secrets.GH_TOKEN }}"\n',
  },
  { name: 'workflow CRLF', path: WF, code: `env:\r\n  NPM_TOKEN: ${NPM}\r\n  X: 1\r\n`, token: NPM, output: 'env:\r\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\r\n  X: 1\r\n' },
  { name: 'GitLab variables', path: '.gitlab-ci.yml', code: `variables:\n  NPM_TOKEN: ${NPM}\n`, token: NPM, output: 'variables:\n  NPM_TOKEN: $NPM_TOKEN\n' },
  { name: 'Azure variables', path: 'azure-pipelines.yml', code: `variables:\n  slackToken: '${SLACK}'\n`, token: SLACK, output: "variables:\n  slackToken: '$(SLACK_TOKEN)'\n" },
  { name: 'Bitbucket', path: 'bitbucket-pipelines.yml', code: `definitions:\n  variables:\n    token: ${GHP}\n`, token: GHP, output: 'definitions:\n  variables:\n    token: $TOKEN\n' },
  { name: 'CircleCI: environment values are not interpolated, no fix', path: '.circleci/config.yml', code: `jobs:\n  a:\n    environment:\n      GH_TOKEN: ${GHP}\n`, token: GHP, output: null },
  {
    name: 'Dockerfile ENV used by a RUN: BuildKit secret mount',
    path: 'Dockerfile',
    code: `FROM node:20\nENV NPM_TOKEN=${NPM}\nRUN npm ci --token=$NPM_TOKEN\n`,
    token: NPM,
    output: 'FROM node:20\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci --token=$NPM_TOKEN\n',
  },
  { name: 'Dockerfile ENV not used: emptied', path: 'Dockerfile', code: `FROM node:20\nENV NPM_TOKEN ${NPM}\nCMD ["node"]\n`, token: NPM, output: 'FROM node:20\nENV NPM_TOKEN ""\nCMD ["node"]\n' },
  { name: 'Dockerfile ENV used in another stage: emptied', path: 'Dockerfile', code: `FROM node:20 AS a\nENV NPM_TOKEN="${NPM}"\nFROM node:20\nRUN echo $NPM_TOKEN\n`, token: NPM, output: 'FROM node:20 AS a\nENV NPM_TOKEN=""\nFROM node:20\nRUN echo $NPM_TOKEN\n' },
  { name: 'Dockerfile ARG: default removed', path: 'Dockerfile', code: `FROM node:20\nARG GH_TOKEN=${GHP}\n`, token: GHP, output: 'FROM node:20\nARG GH_TOKEN\n' },
  {
    name: 'Terraform attribute: var + sensitive variable',
    path: 'infra/main.tf',
    code: `provider "github" {\n  token = "${GHP}"\n}\n`,
    token: GHP,
    output: 'provider "github" {\n  token = var.token\n}\n\nvariable "token" {\n  type      = string\n  sensitive = true\n}\n',
  },
  {
    name: 'Terraform: existing variable is reused',
    path: 'infra/main.tf',
    code: `variable "token" {\n  type = string\n}\nprovider "github" {\n  token = "${GHP}"\n}`,
    token: GHP,
    output: 'variable "token" {\n  type = string\n}\nprovider "github" {\n  token = var.token\n}',
  },
  { name: 'Terraform variable default: removed', path: 'infra/vars.tf', code: `variable "gh_token" {\n  type    = string\n  default = "${GHP}"\n}\n`, token: GHP, output: 'variable "gh_token" {\n  type    = string\n}\n' },
  { name: 'tfvars: no fix', path: 'prod.tfvars', code: `gh_token = "${GHP}"\n`, token: GHP, output: null },
  { name: 'compose environment map', path: 'docker-compose.yml', code: `services:\n  app:\n    environment:\n      GH_TOKEN: ${GHP}\n`, token: GHP, output: 'services:\n  app:\n    environment:\n      GH_TOKEN: ${GH_TOKEN}\n' },
  { name: 'compose environment list', path: 'compose.yaml', code: `services:\n  app:\n    environment:\n      - "NPM_TOKEN=${NPM}"\n`, token: NPM, output: 'services:\n  app:\n    environment:\n      - "NPM_TOKEN=${NPM_TOKEN}"\n' },
  {
    name: 'Kubernetes env value: secretKeyRef',
    path: 'deploy/app.yaml',
    code: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          env:\n            - name: GH_TOKEN\n              value: "${GHP}"\n`,
    token: GHP,
    output:
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          env:\n            - name: GH_TOKEN\n              valueFrom:\n                secretKeyRef:\n                  name: web-secrets\n                  key: gh-token\n',
  },
  { name: 'Kubernetes Secret stringData: no mechanical fix', path: 'deploy/secret.yaml', code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: ${GHP}\n`, token: GHP, output: null },
  { name: 'inside a run script: no fix', path: WF, code: `jobs:\n  a:\n    steps:\n      - run: |\n          npm config set //registry.npmjs.org/:_authToken=${NPM}\n`, token: NPM, output: null },
  { name: 'PEM private key in a block scalar', path: WF, code: `env:\n  KEY: |\n    ${PEM.replace(/\n/g, '\n    ')}\n`, token: '-----BEGIN', output: null },
];

ruleTester(rule, {
  valid: [
    { name: 'secret reference', path: WF, code: 'env:\n  GH_PAT: ${{ secrets.GH_PAT }}\n' },
    { name: 'right shape, wrong checksum', path: WF, code: `env:\n  GH_PAT: ${BAD_CHECKSUM}\n` },
    { name: 'placeholder', path: WF, code: 'env:\n  SLACK: xoxb-000000000000-0000000000000-XXXXXXXXXXXXXXXXXXXXXXXX\n' },
    { name: 'public key', path: WF, code: 'env:\n  K: |\n    -----BEGIN PUBLIC KEY-----\n    MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n    -----END PUBLIC KEY-----\n' },
    { name: 'truncated PEM header only', path: WF, code: 'env:\n  K: "-----BEGIN PRIVATE KEY-----"\n' },
    { name: 'Terraform reference', path: 'main.tf', code: 'provider "github" {\n  token = var.github_token\n}\n' },
    { name: 'not a supported file', path: 'notes.txt', code: GHP },
  ],
  invalid: cases.map((c) => ({
    name: c.name,
    path: c.path,
    code: c.code,
    errors: [{ line: at(c.code, c.token).line, column: at(c.code, c.token).column, ...(c.token.length > 20 && { messageExcludes: c.token }) }],
    output: c.output,
    ...(c.output !== null && { fixSafety: 'unsafe' as const }),
  })),
});

describe('provider-token fixes, applied and re-analysed', () => {
  for (const c of cases.filter((x) => x.output !== null)) {
    it(c.name, () => void assertFixResolves(rule, c.path, c.code, c.name.includes('ARG') ? ['secret-in-image'] : []));
  }
});
