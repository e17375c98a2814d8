// Table tests for generic-secret: literals under secret-looking names are flagged; references, placeholders and data are not.

import { describe, it } from 'node:test';
import rule from '../../server/src/rules/secrets/generic-secret.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { assertFixResolves, at, GHP } from '../helpers/secrets.js';

const WF = '.github/workflows/ci.yml';
const PW = 'Tr0ub4dor&3x';
const KEY = 'q8Hf2LzR7vWx1Kd9TmPa4Ns6';

/** Values under `password:` that must never be reported. */
const NEVER = [
  '${{ secrets.DB_PASSWORD }}',
  '${{ vars.DB_PASSWORD }}',
  '$DB_PASSWORD',
  '${DB_PASSWORD}',
  '${DB_PASSWORD:-fallback}',
  '$(DB_PASSWORD)',
  '%DB_PASSWORD%',
  '{{ .Values.db.password }}',
  '{{ db_password }}',
  '<password>',
  'changeme',
  'example',
  'xxxxxxxxxxxx',
  '************',
  'dummy-password',
  'your-token-here',
  'REDACTED',
  'aaaaaaaaaaaa',
  '""',
  'true',
  '12345678901',
  '/run/secrets/db_password',
  'https://vault.internal.example.org/v1/secret',
  '550e8400-e29b-41d4-a716-446655440000',
  'sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824',
  'MARKETPLACE_TOKEN',
  'default/ca-secret',
  'SuperSecretPassw0rd',
];

const cases: { name: string; path: string; code: string; value: string; output: string | null }[] = [
  { name: 'workflow env password', path: WF, code: `env:\n  DB_PASSWORD: ${PW}\n`, value: PW, output: 'env:\n  DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n' },
  { name: 'workflow with: api-key', path: WF, code: `jobs:\n  a:\n    steps:\n      - uses: x/y@v1\n        with:\n          api-key: '${KEY}'\n`, value: KEY, output: "jobs:\n  a:\n    steps:\n      - uses: x/y@v1\n        with:\n          api-key: '${{ secrets.API_KEY }}'\n" },
  { name: 'workflow flow map: the reference is quoted', path: WF, code: `env: { DB_PASSWORD: ${PW}, X: 1 }\n`, value: PW, output: "env: { DB_PASSWORD: '${{ secrets.DB_PASSWORD }}', X: 1 }\n" },
  { name: 'GitLab variables', path: '.gitlab-ci.yml', code: `variables:\n  SONAR_TOKEN: "${KEY}"\n`, value: KEY, output: 'variables:\n  SONAR_TOKEN: "$SONAR_TOKEN"\n' },
  { name: 'Azure', path: 'azure-pipelines.yml', code: `variables:\n  clientSecret: ${KEY}\n`, value: KEY, output: 'variables:\n  clientSecret: $(CLIENT_SECRET)\n' },
  { name: 'Bitbucket', path: 'bitbucket-pipelines.yml', code: `definitions:\n  x:\n    password: ${PW}\n`, value: PW, output: 'definitions:\n  x:\n    password: $PASSWORD\n' },
  { name: 'Dockerfile ENV K=V used by RUN', path: 'Dockerfile', code: `FROM alpine:3.20\nENV API_KEY=${KEY}\nRUN curl -H "X-Key: $API_KEY" https://example.org\n`, value: KEY, output: 'FROM alpine:3.20\nRUN --mount=type=secret,id=api-key,env=API_KEY curl -H "X-Key: $API_KEY" https://example.org\n' },
  { name: 'Dockerfile ENV K V', path: 'Dockerfile', code: `FROM alpine:3.20\nENV DB_PASSWORD ${PW}\n`, value: PW, output: 'FROM alpine:3.20\nENV DB_PASSWORD ""\n' },
  { name: 'Dockerfile ARG', path: 'Dockerfile', code: `FROM alpine:3.20\nARG ACCESS_KEY="${KEY}"\n`, value: KEY, output: 'FROM alpine:3.20\nARG ACCESS_KEY\n' },
  { name: 'Terraform attribute', path: 'db.tf', code: `resource "aws_db_instance" "db" {\n  password = "${PW}"\n}\n`, value: PW, output: 'resource "aws_db_instance" "db" {\n  password = var.password\n}\n\nvariable "password" {\n  type      = string\n  sensitive = true\n}\n' },
  { name: 'Terraform variable default', path: 'vars.tf', code: `variable "db_password" {\n  default = "${PW}"\n}\n`, value: PW, output: 'variable "db_password" {\n}\n' },
  { name: 'compose list', path: 'docker-compose.yml', code: `services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${PW}\n`, value: PW, output: 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n' },
  { name: 'compose map', path: 'compose.yml', code: `services:\n  db:\n    environment:\n      MYSQL_ROOT_PASSWORD: "${PW}"\n`, value: PW, output: 'services:\n  db:\n    environment:\n      MYSQL_ROOT_PASSWORD: "${MYSQL_ROOT_PASSWORD}"\n' },
  { name: 'Kubernetes env', path: 'k8s/app.yaml', code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      env:\n        - value: ${KEY}\n          name: API_TOKEN\n`, value: KEY, output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      env:\n        - valueFrom:\n            secretKeyRef:\n              name: api-secrets\n              key: api-token\n          name: API_TOKEN\n' },
  { name: 'Kubernetes Secret data (base64), any key name', path: 'k8s/secret.yaml', code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  conn: ${btoa(PW)}\n  username: ${btoa('deploybot7')}\n`, value: btoa(PW), output: null },
  { name: 'Kubernetes Secret stringData', path: 'k8s/secret.yaml', code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  conn: ${PW}\n`, value: PW, output: null },
];

ruleTester(rule, {
  valid: [
    ...NEVER.map((v) => ({ name: `never: ${v}`, path: WF, code: `env:\n  DB_PASSWORD: ${v.startsWith('{') || v.startsWith('*') || v.startsWith('%') || v.startsWith('<') ? `'${v}'` : v}\n` })),
    { name: 'not a secret name: token_url', path: WF, code: `env:\n  TOKEN_URL: ${KEY}\n` },
    { name: 'not a secret name: secret_name', path: WF, code: `env:\n  SECRET_NAME: ${KEY}\n` },
    { name: 'not a secret name: gpg key', path: 'Dockerfile', code: 'FROM alpine\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\n' },
    { name: 'password too simple', path: WF, code: 'env:\n  PASSWORD: postgres\n' },
    { name: 'provider-token format is left to provider-token', path: WF, code: `env:\n  GH_TOKEN: ${GHP}\n` },
    { name: 'Terraform reference and interpolation', path: 'main.tf', code: 'resource "x" "y" {\n  password = var.db_password\n  token    = "${var.prefix}-tok"\n}\n' },
    { name: 'Terraform heredoc is skipped', path: 'main.tf', code: `locals {\n  x = <<EOT\n  password = "${PW}"\nEOT\n}\n` },
    { name: 'Kubernetes Secret: host and user keys', path: 'k8s/s.yaml', code: 'apiVersion: v1\nkind: Secret\nstringData:\n  host: db7.internal\n  username: svc-user-42\n' },
    { name: 'docker-library style checksums', path: 'Dockerfile', code: 'FROM debian\nENV PYTHON_SHA256 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\nENV GOSU_KEY B42F6819007F00F88E364FD4036A9C25BF357DD4\n' },
    { name: 'broken YAML does not throw', path: WF, code: 'env:\n  PASSWORD: [unclosed\n  - : :\n' },
    { name: 'broken Terraform does not throw', path: 'main.tf', code: 'resource "x" {\n  password = "abc\n}}}\n{{{\n' },
  ],
  invalid: cases.map((c) => {
    const { line, column } = at(c.code, c.value);
    return { name: c.name, path: c.path, code: c.code, errors: [{ line, column, messageExcludes: c.value }], output: c.output };
  }),
});

describe('generic-secret fixes, applied and re-analysed', () => {
  for (const c of cases.filter((x) => x.output !== null)) {
    it(c.name, () => void assertFixResolves(rule, c.path, c.code));
  }
});

// Secrets passed as command-line flags in run:/script:/RUN (the scripts facet).
const FLAG_PW = 'Zq7mW2xK9pLr';
ruleTester(rule, {
  valid: [
    { name: 'docker login with --password-stdin', path: WF, code: 'jobs:\n  a:\n    steps:\n      - run: echo "$PW" | docker login -u me --password-stdin\n' },
    { name: 'docker login -p from a secret', path: WF, code: 'jobs:\n  a:\n    steps:\n      - run: docker login -u me -p ${{ secrets.PW }} ghcr.io\n' },
    { name: '--token from a variable', path: '.gitlab-ci.yml', code: 'job:\n  script:\n    - tool upload --token="$TOKEN"\n' },
    { name: '-p outside a login is a port or path', path: WF, code: 'jobs:\n  a:\n    steps:\n      - run: mkdir -p build/out9X && ssh -p 2222 host\n' },
    { name: 'flag names that are not secrets', path: WF, code: 'jobs:\n  a:\n    steps:\n      - run: tool --token-file /tmp/t --password-file=/run/secrets/pw --secret-id Abc123Def456Ghi\n' },
  ],
  invalid: [
    { name: 'docker login -p', path: WF, code: `jobs:\n  a:\n    steps:\n      - run: docker login -u me -p ${FLAG_PW} ghcr.io\n`, errors: [{ ...pos(`jobs:\n  a:\n    steps:\n      - run: docker login -u me -p ${FLAG_PW} ghcr.io\n`), messageExcludes: FLAG_PW }], output: null },
    { name: '--password=', path: 'Dockerfile', code: `FROM alpine\nRUN tool login --password=${FLAG_PW}\n`, errors: [pos(`FROM alpine\nRUN tool login --password=${FLAG_PW}\n`)], output: null },
    { name: '--token in a GitLab script', path: '.gitlab-ci.yml', code: `job:\n  script:\n    - sonar-scanner --token ${FLAG_PW}xyz3\n`, errors: [pos(`job:\n  script:\n    - sonar-scanner --token ${FLAG_PW}xyz3\n`)], output: null },
  ],
});

function pos(code: string): { line: number; column: number } {
  const { line, column } = at(code, FLAG_PW);
  return { line, column };
}
