// Table tests for generic-secret: literals under secret-looking names are flagged; references, placeholders and data are not.

import { describe, it } from 'node:test';
import rule from '../../server/src/rules/secrets/generic-secret.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { assertFixResolves, at, GHP } from '../helpers/secrets.js';

const WF = '.github/workflows/ci.yml';
/** A YAML config file of no CI kind: its keys are not credential slots, so only random-looking values are reported. */
const CFG = 'config/app.yml';
const PW = 'Tr0ub4dor&3x';
const KEY = 'q8Hf2LzR7vWx1Kd9TmPa4Ns6';

/** Values under `password:` (outside a credential slot) that must never be reported. */
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
  'postgres',
];

const cases: { name: string; path: string; code: string; value: string; output: string | null }[] = [
  { name: 'YAML config password (random-looking)', path: CFG, code: `database:\n  host: db\n  password: ${PW}\n`, value: PW, output: null },
  { name: 'JSON config apiKey', path: 'config/settings.json', code: `{\n  "service": {\n    "apiKey": "${KEY}"\n  }\n}\n`, value: KEY, output: null },
  { name: 'INI file secret', path: 'conf/app.ini', code: `[auth]\nclient_secret = ${KEY}\n`, value: KEY, output: null },
  { name: 'properties file', path: 'src/main/resources/app.properties', code: `app.jwt.secret=${KEY}\n`, value: KEY, output: null },
  { name: 'TOML token', path: 'config.toml', code: `[runners]\n  token = "${KEY}"\n`, value: KEY, output: null },
  { name: 'Bitbucket definitions: not an env map', path: 'bitbucket-pipelines.yml', code: `definitions:\n  x:\n    password: ${PW}\n`, value: PW, output: 'definitions:\n  x:\n    password: $PASSWORD\n' },
  { name: 'Terraform attribute not in the slot table', path: 'db.tf', code: `resource "acme_widget" "w" {\n  api_token = "${KEY}"\n}\n`, value: KEY, output: 'resource "acme_widget" "w" {\n  api_token = var.api_token\n}\n\nvariable "api_token" {\n  type      = string\n  sensitive = true\n}\n' },
  { name: 'Kubernetes manifest field', path: 'k8s/app.yaml', code: `apiVersion: acme.io/v1\nkind: Widget\nspec:\n  provider:\n    apiKey: ${KEY}\n`, value: KEY, output: null },
];

ruleTester(rule, {
  valid: [
    ...NEVER.map((v) => ({ name: `never: ${v}`, path: CFG, code: `database:\n  password: ${v.startsWith('{') || v.startsWith('*') || v.startsWith('%') || v.startsWith('<') ? `'${v}'` : v}\n` })),
    { name: 'not a secret name: token_url', path: CFG, code: `oauth:\n  token_url: ${KEY}\n` },
    { name: 'not a secret name: secret_name', path: CFG, code: `vault:\n  secret_name: ${KEY}\n` },
    { name: 'a credential slot is hardcoded-credential\'s', path: WF, code: `env:\n  DB_PASSWORD: ${PW}\n` },
    { name: 'provider-token format is left to provider-token', path: CFG, code: `github:\n  token: ${GHP}\n` },
    { name: 'Terraform reference and interpolation', path: 'main.tf', code: 'resource "x" "y" {\n  password = var.db_password\n  token    = "${var.prefix}-tok"\n}\n' },
    { name: 'Terraform heredoc is skipped', path: 'main.tf', code: `locals {\n  x = <<EOT\n  token = "${KEY}"\nEOT\n}\n` },
    { name: 'docker-library style checksums', path: 'Dockerfile', code: 'FROM debian\nENV PYTHON_SHA256 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\nENV GOSU_KEY B42F6819007F00F88E364FD4036A9C25BF357DD4\n' },
    { name: 'lock files are not text files', path: 'package-lock.json', code: `{\n  "token": "${KEY}"\n}\n` },
    { name: 'broken YAML does not throw', path: CFG, code: 'env:\n  PASSWORD: [unclosed\n  - : :\n' },
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
    { name: 'password flags are credential slots (hardcoded-credential)', path: WF, code: `jobs:\n  a:\n    steps:\n      - run: docker login -u me -p ${FLAG_PW} ghcr.io && tool --password=${FLAG_PW}\n` },
  ],
  invalid: [
    { name: '--signing-key with a random value', path: WF, code: `jobs:\n  a:\n    steps:\n      - run: release --signing-key ${FLAG_PW}xyz3 dist/\n`, errors: [{ ...pos(`jobs:\n  a:\n    steps:\n      - run: release --signing-key ${FLAG_PW}xyz3 dist/\n`), messageExcludes: FLAG_PW }], output: null },
    { name: '--auth in a GitLab script', path: '.gitlab-ci.yml', code: `job:\n  script:\n    - tool push --auth ${FLAG_PW}xyz3\n`, errors: [pos(`job:\n  script:\n    - tool push --auth ${FLAG_PW}xyz3\n`)], output: null },
  ],
});

function pos(code: string): { line: number; column: number } {
  const { line, column } = at(code, FLAG_PW);
  return { line, column };
}
