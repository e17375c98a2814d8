// Table tests for hardcoded-credential: every credential slot with a strong value, a weak value, a placeholder and a
// reference of its platform; fix outputs; what is not a slot.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analyzer } from '../../server/src/engine/index.js';
import { withCrc32 } from '../../server/src/models/secrets/fake.js';
import rule from '../../server/src/rules/secrets/hardcoded-credential.js';
import { ruleTester, type InvalidCase, type ValidCase } from '../helpers/rule-tester.js';
import { assertFixResolves, at, GHP } from '../helpers/secrets.js';

const STRONG = 'Zq7mW2xK9pLrT4vB';
const WEAK = 'Passw0rd123';

interface Slot {
  readonly name: string;
  readonly path: string;
  /** the file with `v` in the slot. */
  readonly code: (v: string) => string;
  /** how the value is written in the file (base64 for a Secret's `data:`). */
  readonly written?: (v: string) => string;
  /** a reference this platform resolves at run time. */
  readonly reference: string;
  readonly placeholder?: string;
  /** a key or document rather than a password: never called weak. */
  readonly structured?: boolean;
  /** a command line, where an empty value reads the next word: no empty case. */
  readonly command?: boolean;
}

const b64 = (v: string): string => btoa(v);

const SLOTS: Slot[] = [
  // Terraform: resource attributes per provider, provider blocks, variables, tfvars, locals, modules, env maps
  { name: 'Terraform aws_db_instance.password', path: 'infra/main.tf', code: (v) => `resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  password = "${v}"\n}\n`, reference: '${var.db_password}' },
  { name: 'Terraform aws_rds_cluster.master_password', path: 'infra/rds.tf', code: (v) => `resource "aws_rds_cluster" "c" {\n  master_password = "${v}"\n}\n`, reference: '${random_password.db.result}' },
  { name: 'Terraform aws_elasticache_replication_group.auth_token', path: 'infra/cache.tf', code: (v) => `resource "aws_elasticache_replication_group" "r" {\n  auth_token = "${v}"\n}\n`, reference: '${var.redis_token}' },
  { name: 'Terraform aws_mq_broker user block', path: 'infra/mq.tf', code: (v) => `resource "aws_mq_broker" "b" {\n  user {\n    username = "admin"\n    password = "${v}"\n  }\n}\n`, reference: '${var.mq_password}' },
  { name: 'Terraform aws_secretsmanager_secret_version.secret_string', path: 'infra/sm.tf', code: (v) => `resource "aws_secretsmanager_secret_version" "s" {\n  secret_id     = aws_secretsmanager_secret.s.id\n  secret_string = "${v}"\n}\n`, reference: '${jsonencode(local.creds)}', structured: true },
  { name: 'Terraform aws_ssm_parameter SecureString', path: 'infra/ssm.tf', code: (v) => `resource "aws_ssm_parameter" "p" {\n  name  = "/app/db"\n  type  = "SecureString"\n  value = "${v}"\n}\n`, reference: '${var.db}' },
  { name: 'Terraform azurerm_mssql_server.administrator_login_password', path: 'infra/sql.tf', code: (v) => `resource "azurerm_mssql_server" "s" {\n  administrator_login          = "sqladmin"\n  administrator_login_password = "${v}"\n}\n`, reference: '${var.sql_password}' },
  { name: 'Terraform azurerm_linux_virtual_machine.admin_password', path: 'infra/vm.tf', code: (v) => `resource "azurerm_linux_virtual_machine" "vm" {\n  admin_password = "${v}"\n}\n`, reference: '${random_password.vm.result}' },
  { name: 'Terraform azurerm_kubernetes_cluster service_principal.client_secret', path: 'infra/aks.tf', code: (v) => `resource "azurerm_kubernetes_cluster" "k" {\n  service_principal {\n    client_id     = "00000000-0000-0000-0000-000000000000"\n    client_secret = "${v}"\n  }\n}\n`, reference: '${var.sp_secret}' },
  { name: 'Terraform google_sql_user.password', path: 'infra/gcp.tf', code: (v) => `resource "google_sql_user" "u" {\n  name     = "app"\n  password = "${v}"\n}\n`, reference: '${random_password.u.result}' },
  { name: 'Terraform google_compute_disk raw_key', path: 'infra/disk.tf', code: (v) => `resource "google_compute_disk" "d" {\n  disk_encryption_key {\n    raw_key = "${v}"\n  }\n}\n`, reference: '${var.disk_key}', structured: true },
  { name: 'Terraform github_actions_secret.plaintext_value', path: 'infra/gh.tf', code: (v) => `resource "github_actions_secret" "s" {\n  secret_name     = "DEPLOY"\n  plaintext_value = "${v}"\n}\n`, reference: '${var.deploy}' },
  { name: 'Terraform kubernetes_secret data map', path: 'infra/k8s.tf', code: (v) => `resource "kubernetes_secret" "s" {\n  data = {\n    "db-conn" = "${v}"\n  }\n}\n`, reference: '${var.conn}' },
  { name: 'Terraform provider "aws" secret_key', path: 'infra/provider.tf', code: (v) => `provider "aws" {\n  region     = "eu-west-1"\n  secret_key = "${v}"\n}\n`, reference: '${var.aws_secret}' },
  { name: 'Terraform provider "datadog" app_key', path: 'infra/dd.tf', code: (v) => `provider "datadog" {\n  app_key = "${v}"\n}\n`, reference: '${var.dd_app_key}' },
  { name: 'Terraform variable default (credential name)', path: 'infra/vars.tf', code: (v) => `variable "db_password" {\n  type    = string\n  default = "${v}"\n}\n`, reference: '${local.x}' },
  { name: 'Terraform variable default (sensitive)', path: 'infra/vars.tf', code: (v) => `variable "conn" {\n  sensitive = true\n  default   = "${v}"\n}\n`, reference: '${local.x}' },
  { name: 'Terraform .tfvars', path: 'envs/prod.tfvars', code: (v) => `region      = "eu-west-1"\ndb_password = "${v}"\n`, reference: '${x}' },
  { name: 'Terraform module input', path: 'infra/mod.tf', code: (v) => `module "db" {\n  source         = "./db"\n  admin_password = "${v}"\n}\n`, reference: '${var.pw}' },
  { name: 'Terraform lambda environment variables', path: 'infra/fn.tf', code: (v) => `resource "aws_lambda_function" "f" {\n  environment {\n    variables = {\n      API_TOKEN = "${v}"\n    }\n  }\n}\n`, reference: '${var.token}' },
  { name: 'Terraform ECS name/value pair', path: 'infra/ecs.tf', code: (v) => `locals {\n  env = [\n    {\n      name  = "DB_PASSWORD"\n      value = "${v}"\n    },\n  ]\n}\nresource "aws_ecs_task_definition" "t" {\n  container_definitions = jsonencode([{\n    environment = [{\n      name  = "API_SECRET"\n      value = "${v}"\n    }]\n  }])\n}\n`, reference: '${var.x}' },
  // Kubernetes
  { name: 'Kubernetes Secret data (base64)', path: 'k8s/secret.yaml', code: (v) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${v}\n`, written: b64, reference: '{{ .Values.db.password | b64enc }}' },
  { name: 'Kubernetes Secret stringData, any key', path: 'k8s/secret.yaml', code: (v) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  conn: "${v}"\n`, reference: '{{ .Values.conn }}' },
  { name: 'Kubernetes ConfigMap secret-named key', path: 'k8s/cm.yaml', code: (v) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  API_TOKEN: "${v}"\n`, reference: '{{ .Values.token }}' },
  { name: 'Kubernetes container env', path: 'k8s/deploy.yaml', code: (v) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: DB_PASSWORD\n              value: "${v}"\n`, reference: '$(OTHER_VAR)' },
  { name: 'kubeconfig user token', path: 'k8s/admin-kubeconfig.yaml', code: (v) => `apiVersion: v1\nkind: Config\nusers:\n  - name: admin\n    user:\n      token: ${v}\n`, reference: '${KUBE_TOKEN}' },
  // CI systems
  { name: 'GitHub workflow env', path: '.github/workflows/ci.yml', code: (v) => `on: push\nenv:\n  DB_PASSWORD: "${v}"\n`, reference: '${{ secrets.DB_PASSWORD }}' },
  { name: 'GitHub service container env', path: '.github/workflows/ci.yml', code: (v) => `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: postgres:16\n        env:\n          POSTGRES_PASSWORD: "${v}"\n    steps:\n      - run: make test\n`, reference: '${{ secrets.PG }}' },
  { name: 'GitHub action input', path: '.github/workflows/ci.yml', code: (v) => `on: push\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          username: bot\n          password: "${v}"\n`, reference: '${{ secrets.REGISTRY_PASSWORD }}' },
  { name: 'GitHub container credentials', path: '.github/workflows/ci.yml', code: (v) => `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    container:\n      image: ghcr.io/acme/build:1\n      credentials:\n        username: bot\n        password: "${v}"\n    steps:\n      - run: make\n`, reference: '${{ secrets.GHCR }}' },
  { name: 'composite action input default', path: 'action.yml', code: (v) => `name: x\ninputs:\n  api-token:\n    description: token\n    default: "${v}"\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n`, reference: '${{ github.token }}' },
  { name: 'GitLab variables', path: '.gitlab-ci.yml', code: (v) => `variables:\n  DB_PASSWORD: "${v}"\ntest:\n  script: [make]\n`, reference: '$DB_PASSWORD_MASKED' },
  { name: 'GitLab variables with value:', path: '.gitlab-ci.yml', code: (v) => `variables:\n  SONAR_TOKEN:\n    value: "${v}"\n    description: sonar\n`, reference: '${SONAR}' },
  { name: 'Azure variables (map)', path: 'azure-pipelines.yml', code: (v) => `variables:\n  clientSecret: "${v}"\nsteps:\n  - script: make\n`, reference: '$(CLIENT_SECRET)' },
  { name: 'Azure variables (list)', path: 'azure-pipelines.yml', code: (v) => `variables:\n  - name: apiToken\n    value: "${v}"\nsteps:\n  - script: make\n`, reference: '$(API_TOKEN)' },
  { name: 'Bitbucket service variables', path: 'bitbucket-pipelines.yml', code: (v) => `definitions:\n  services:\n    mysql:\n      image: mysql:8\n      variables:\n        MYSQL_ROOT_PASSWORD: "${v}"\n`, reference: '$MYSQL_PW' },
  { name: 'Bitbucket image password', path: 'bitbucket-pipelines.yml', code: (v) => `image:\n  name: acme/build\n  username: bot\n  password: "${v}"\n`, reference: '$DOCKER_PW' },
  { name: 'Dependabot registry password', path: '.github/dependabot.yml', code: (v) => `version: 2\nregistries:\n  npm-acme:\n    type: npm-registry\n    url: https://npm.acme-corp.net\n    username: bot\n    password: "${v}"\nupdates: []\n`, reference: '${{secrets.NPM_ACME_PASSWORD}}' },
  { name: 'Dependabot registry token', path: '.github/dependabot.yml', code: (v) => `version: 2\nregistries:\n  maven:\n    type: maven-repository\n    url: https://maven.acme-corp.net\n    token: "${v}"\nupdates: []\n`, reference: '${{secrets.MAVEN_TOKEN}}' },
  { name: 'CircleCI environment', path: '.circleci/config.yml', code: (v) => `version: 2.1\njobs:\n  b:\n    docker:\n      - image: cimg/base:current\n        auth:\n          username: bot\n          password: "${v}"\n    environment:\n      NPM_TOKEN: "${v}"\n    steps: [checkout]\n`, reference: '<< pipeline.parameters.token >>' },
  // Containers
  { name: 'compose environment map', path: 'compose.yml', code: (v) => `services:\n  db:\n    image: mysql:8\n    environment:\n      MYSQL_ROOT_PASSWORD: "${v}"\n`, reference: '${MYSQL_ROOT_PASSWORD:?set it}' },
  { name: 'compose environment list', path: 'docker-compose.yml', code: (v) => `services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${v}\n`, reference: '${POSTGRES_PASSWORD}' },
  { name: 'compose build args', path: 'docker-compose.yml', code: (v) => `services:\n  app:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: "${v}"\n`, reference: '${NPM_TOKEN}' },
  { name: 'Dockerfile ENV', path: 'Dockerfile', code: (v) => `FROM alpine:3.20\nENV DB_PASSWORD="${v}"\n`, reference: '${DB_PASSWORD}' },
  { name: 'Dockerfile ARG default', path: 'Dockerfile', code: (v) => `FROM alpine:3.20\nARG API_KEY="${v}"\n`, reference: '$OTHER' },
  // Command lines
  { name: 'docker login -p', path: '.github/workflows/ci.yml', code: (v) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker login -u bot -p ${v} ghcr.io\n`, reference: '${{ secrets.PW }}', command: true },
  { name: '--password= flag', path: 'Dockerfile', code: (v) => `FROM alpine\nRUN tool login --password=${v}\n`, reference: '$PW' },
  { name: 'mysql -p', path: '.gitlab-ci.yml', code: (v) => `test:\n  script:\n    - mysql -h db -u root -p${v} -e "select 1"\n`, reference: '"$MYSQL_PW"' },
  { name: 'sshpass -p', path: 'bitbucket-pipelines.yml', code: (v) => `pipelines:\n  default:\n    - step:\n        script:\n          - sshpass -p ${v} ssh deploy@host uptime\n`, reference: '"$SSH_PW"', command: true },
  { name: 'export in a script', path: '.gitlab-ci.yml', code: (v) => `deploy:\n  script:\n    - export API_TOKEN=${v}\n    - ./deploy.sh\n`, reference: '"$CI_API_TOKEN"' },
  { name: 'docker run -e', path: '.github/workflows/ci.yml', code: (v) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker run -d -e POSTGRES_PASSWORD=${v} postgres:16\n`, reference: '${{ secrets.PG }}' },
  { name: 'echo | docker login --password-stdin', path: '.github/workflows/ci.yml', code: (v) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${v}" | docker login -u bot --password-stdin ghcr.io\n`, reference: '$REGISTRY_PW' },
  { name: 'Terraform user_data script', path: 'infra/ec2.tf', code: (v) => `resource "aws_instance" "i" {\n  user_data = <<-EOF\n    #!/bin/bash\n    export DB_PASSWORD=${v}\n    ./start.sh\n  EOF\n}\n`, reference: '"${var.pw}"' },
  // Text files
  { name: '.env', path: '.env', code: (v) => `# local\nAPP_ENV=prod\nDB_PASSWORD=${v}\n`, reference: '${VAULT_DB_PASSWORD}' },
  { name: '.env.production, export and quotes', path: 'app/.env.production', code: (v) => `export STRIPE_SECRET="${v}"\n`, reference: '${STRIPE}' },
  { name: '.npmrc _authToken', path: '.npmrc', code: (v) => `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${v}\n`, reference: '${NPM_TOKEN}' },
  { name: '.pypirc password', path: '.pypirc', code: (v) => `[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = ${v}\n`, reference: '${PYPI_TOKEN}' },
  { name: '.netrc password', path: '.netrc', code: (v) => `machine github.com\n  login bot\n  password ${v}\n`, reference: '$GH_TOKEN' },
  { name: 'AWS credentials file', path: '.aws/credentials', code: (v) => `[default]\naws_access_key_id = AKIAZ7VRSQ5TJHNLBX4D\naws_secret_access_key = ${v}\n`, reference: '${AWS_SECRET}' },
  { name: 'Maven settings.xml', path: '.m2/settings.xml', code: (v) => `<settings>\n  <servers>\n    <server>\n      <id>releases</id>\n      <username>deploy</username>\n      <password>${v}</password>\n    </server>\n  </servers>\n</settings>\n`, reference: '${env.MAVEN_PASSWORD}' },
  { name: 'NuGet ClearTextPassword', path: 'NuGet.Config', code: (v) => `<configuration>\n  <packageSourceCredentials>\n    <feed>\n      <add key="Username" value="bot" />\n      <add key="ClearTextPassword" value="${v}" />\n    </feed>\n  </packageSourceCredentials>\n</configuration>\n`, reference: '%NUGET_PASSWORD%' },
  { name: '.pgpass', path: '.pgpass', code: (v) => `db.internal:5432:app:app:${v}\n`, reference: '$PGPASS' },
  { name: 'docker config.json auth', path: 'home/.docker/config.json', code: (v) => `{\n  "auths": {\n    "ghcr.io": {\n      "auth": "${v}"\n    }\n  }\n}\n`, written: (v) => btoa(`bot:${v}`), reference: '${DOCKER_AUTH}' },
  { name: 'kubeconfig (no extension)', path: 'home/.kube/config', code: (v) => `apiVersion: v1\nkind: Config\nusers:\n  - name: ci\n    user:\n      password: "${v}"\n`, reference: '${KUBE_PW}' },
  { name: '*.auto.tfvars.json', path: 'envs/prod.auto.tfvars.json', code: (v) => `{\n  "region": "eu-west-1",\n  "db_password": "${v}"\n}\n`, reference: '${x}' },
  { name: 'Spring application.properties', path: 'src/main/resources/application.properties', code: (v) => `spring.datasource.url=jdbc:postgresql://db/app\nspring.datasource.password=${v}\n`, reference: '${DB_PASSWORD}' },
  { name: 'Spring application.yml', path: 'src/main/resources/application.yml', code: (v) => `spring:\n  datasource:\n    username: app\n    password: "${v}"\n`, reference: '${DB_PASSWORD}' },
  { name: 'Spring application.yml, TLS key store', path: 'src/main/resources/application.yml', code: (v) => `server:\n  ssl:\n    key-store: classpath:ks.p12\n    key-store-password: "${v}"\n`, reference: '${KS_PASSWORD}' },
  { name: 'Spring application.yml, OAuth2 client secret', path: 'src/main/resources/application.yml', code: (v) => `spring:\n  security:\n    oauth2:\n      client:\n        registration:\n          github:\n            client-id: app\n            client-secret: "${v}"\n`, reference: '${GITHUB_CLIENT_SECRET}' },
  { name: 'serverless-style environment in a YAML config', path: 'serverless.yml', code: (v) => `provider:\n  name: aws\n  environment:\n    API_SECRET: "${v}"\n`, reference: '${ssm:/app/secret}' },
];

/** The `written` form of a value, or the value itself. */
const w = (s: Slot, v: string): string => (s.written ? s.written(v) : v);

function invalid(s: Slot, v: string, weak: boolean): InvalidCase {
  const code = s.code(w(s, v));
  const { line, column } = at(code, w(s, v));
  const count = code.split(w(s, v)).length - 1;
  return {
    name: `${s.name}: ${weak ? 'weak' : 'strong'} value`,
    path: s.path,
    code,
    errors: Array.from({ length: count }, (_, i) => {
      const p = i === 0 ? { line, column } : at(code, w(s, v), code.indexOf(w(s, v)) + 1);
      return { ...p, messageExcludes: v.length > 8 ? v : '\u0000', ...(weak ? { messageIncludes: 'weak' } : {}) };
    }),
  };
}

ruleTester(rule, {
  valid: SLOTS.flatMap((s): ValidCase[] => [
    { name: `${s.name}: placeholder`, path: s.path, code: s.code(w(s, s.placeholder ?? 'changeme')) },
    { name: `${s.name}: platform reference`, path: s.path, code: s.code(s.reference) },
    ...(s.command ? [] : [{ name: `${s.name}: empty`, path: s.path, code: s.code(w(s, '')) }]),
  ]),
  invalid: SLOTS.flatMap((s) => [invalid(s, STRONG, false), invalid(s, WEAK, !s.structured)]),
});

// Values that are never credentials, in a slot.
const NON_VALUES = [
  '<password>',
  '<your-token>',
  'your-password-here',
  'REPLACE_ME',
  'replace-me',
  'xxx',
  'xxxxxxxxxxxx',
  '****',
  '...',
  'TODO',
  'example',
  'dummy',
  'placeholder',
  'redacted',
  'SECRET',
  'MY_SECRET_NAME',
  '/run/secrets/db_password',
  'db-password.txt',
  'true',
  '@db.password@',
  '__DB_PASSWORD__',
  'ENC[AES256_GCM,data:abcd,iv:efgh,tag:ijkl,type:str]',
  'Set this in the vault',
  `ghp_${withCrc32('x').slice(0, 30)}AAAAAA`,
];

ruleTester(rule, {
  valid: [
    ...NON_VALUES.map((v) => ({ name: `non-value: ${v.slice(0, 20)}`, path: '.github/workflows/ci.yml', code: `on: push\nenv:\n  DB_PASSWORD: '${v}'\n` })),
    { name: 'not a slot: UUID outside a credential name', path: '.github/workflows/ci.yml', code: 'on: push\nenv:\n  TENANT_ID: 550e8400-e29b-41d4-a716-446655440000\n' },
    { name: 'not a slot: digest', path: 'Dockerfile', code: 'FROM alpine\nENV PYTHON_SHA256=2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\n' },
    { name: 'not a slot: GPG key id', path: 'Dockerfile', code: 'FROM debian\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\n' },
    { name: 'not a slot: cache key input', path: '.github/workflows/ci.yml', code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: Swatinem/rust-cache@v2\n        with:\n          shared-key: ruff-linux-debug\n' },
    { name: 'not a slot: auth mode', path: 'compose.yml', code: 'services:\n  r:\n    image: registry:2\n    environment:\n      - REGISTRY_AUTH=htpasswd\n' },
    { name: 'not a slot: username', path: '.github/workflows/ci.yml', code: 'on: push\nenv:\n  DB_USER: admin\n' },
    { name: 'not a slot: password in prose config (i18n)', path: 'locales/de.json', code: '{\n  "password": "Passwort",\n  "token": "Token"\n}\n' },
    { name: 'not a slot: Kubernetes Secret host key', path: 'k8s/s.yaml', code: 'apiVersion: v1\nkind: Secret\nstringData:\n  host: db7.internal\n  username: svc\n' },
    { name: 'a known provider token in a slot is provider-token\'s', path: '.github/workflows/ci.yml', code: `on: push\nenv:\n  GH_TOKEN: ${GHP}\n` },
    { name: 'Terraform password_length is not a password', path: 'infra/r.tf', code: 'resource "random_password" "p" {\n  password_length = "16"\n}\n' },
    { name: 'SSM parameter that is not a SecureString', path: 'infra/ssm.tf', code: 'resource "aws_ssm_parameter" "p" {\n  type  = "String"\n  value = "eu-west-1-prod"\n}\n' },
    { name: 'Terraform heredoc is not an attribute', path: 'infra/main.tf', code: 'locals {\n  x = <<EOT\n  password = "Zq7mW2xK9pLrT4vB"\nEOT\n}\n' },
    { name: 'mysql -p alone prompts', path: '.gitlab-ci.yml', code: 'test:\n  script:\n    - mysql -u root -p app < dump.sql\n' },
    { name: 'docker --password-stdin from a variable', path: '.github/workflows/ci.yml', code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$PW" | docker login -u me --password-stdin\n' },
    { name: 'mkdir -p is no password', path: '.github/workflows/ci.yml', code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mkdir -p build/out9X && ssh -p 2222 host\n' },
    { name: 'Terraform state is reported as a file, not per value', path: 'terraform.tfstate', code: '{\n  "resources": [{"instances": [{"attributes": {"password": "Zq7mW2xK9pLrT4vB"}}]}]\n}\n' },
    { name: 'broken YAML does not throw', path: '.github/workflows/ci.yml', code: 'env:\n  PASSWORD: [unclosed\n  - : :\n' },
    { name: 'broken Terraform does not throw', path: 'main.tf', code: 'resource "x" {\n  password = "abc\n}}}\n{{{\n' },
  ],
  invalid: [
    {
      name: 'weak dictionary password in a Kubernetes Secret (password: root)',
      path: 'k8s/secret.yaml',
      code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${btoa('root')}\n`,
      errors: [{ ...pos(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${btoa('root')}\n`, btoa('root')), messageIncludes: 'weak' }],
      output: null,
    },
    {
      name: 'numeric password in compose',
      path: 'compose.yml',
      code: 'services:\n  db:\n    image: mysql:8\n    environment:\n      MYSQL_ROOT_PASSWORD: 123456\n',
      errors: [{ ...pos('services:\n  db:\n    image: mysql:8\n    environment:\n      MYSQL_ROOT_PASSWORD: 123456\n', '123456'), messageIncludes: 'weak' }],
    },
    {
      name: 'Heroku API key (a UUID) in a slot',
      path: '.github/workflows/deploy.yml',
      code: 'on: push\nenv:\n  HEROKU_API_KEY: 3f2a9c1e-7b4d-4e8a-9c2f-1a6b8d0e5f47\n',
      errors: [pos('on: push\nenv:\n  HEROKU_API_KEY: 3f2a9c1e-7b4d-4e8a-9c2f-1a6b8d0e5f47\n', '3f2a9c1e')],
    },
    {
      name: 'kubeconfig client key (base64 PEM) is a credential, never called weak',
      path: 'k8s/ci-kubeconfig.yaml',
      code: `apiVersion: v1\nkind: Config\nusers:\n  - name: ci\n    user:\n      client-certificate-data: ${btoa('CERT')}\n      client-key-data: ${btoa('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBk\n-----END EC PRIVATE KEY-----\n')}\n`,
      errors: [pos(`apiVersion: v1\nkind: Config\nusers:\n  - name: ci\n    user:\n      client-certificate-data: ${btoa('CERT')}\n      client-key-data: ${btoa('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBk\n-----END EC PRIVATE KEY-----\n')}\n`, btoa('-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBk\n-----END EC PRIVATE KEY-----\n'))],
    },
    {
      name: 'CRLF line ends keep positions',
      path: '.env',
      code: 'A=1\r\nDB_PASSWORD=Zq7mW2xK9pLrT4vB\r\n',
      errors: [{ line: 2, column: 13, endColumn: 29 }],
    },
  ],
});

function pos(code: string, needle: string): { line: number; column: number } {
  const { line, column } = at(code, needle);
  return { line, column };
}

// Fix outputs: the platform's secret reference in place of the value, and the file still parses.
const PW = 'Tr0ub4dor&3xQ';
const FIXES: { name: string; path: string; code: string; output: string }[] = [
  { name: 'workflow env', path: '.github/workflows/ci.yml', code: `env:\n  DB_PASSWORD: ${PW}\n`, output: 'env:\n  DB_PASSWORD: ${{ secrets.DB_PASSWORD }}\n' },
  { name: 'workflow flow map: the reference is quoted', path: '.github/workflows/ci.yml', code: `env: { DB_PASSWORD: ${PW}, X: 1 }\n`, output: "env: { DB_PASSWORD: '${{ secrets.DB_PASSWORD }}', X: 1 }\n" },
  { name: 'workflow with:', path: '.github/workflows/ci.yml', code: `jobs:\n  a:\n    steps:\n      - uses: x/y@v1\n        with:\n          api-key: '${PW}'\n`, output: "jobs:\n  a:\n    steps:\n      - uses: x/y@v1\n        with:\n          api-key: '${{ secrets.API_KEY }}'\n" },
  { name: 'GitLab variables', path: '.gitlab-ci.yml', code: `variables:\n  SONAR_TOKEN: "${PW}"\n`, output: 'variables:\n  SONAR_TOKEN: "$SONAR_TOKEN"\n' },
  { name: 'Azure variables', path: 'azure-pipelines.yml', code: `variables:\n  clientSecret: ${PW}\n`, output: 'variables:\n  clientSecret: $(CLIENT_SECRET)\n' },
  { name: 'compose list', path: 'docker-compose.yml', code: `services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${PW}\n`, output: 'services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n' },
  { name: 'compose map', path: 'compose.yml', code: `services:\n  db:\n    environment:\n      MYSQL_ROOT_PASSWORD: "${PW}"\n`, output: 'services:\n  db:\n    environment:\n      MYSQL_ROOT_PASSWORD: "${MYSQL_ROOT_PASSWORD}"\n' },
  { name: 'Kubernetes env', path: 'k8s/app.yaml', code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      env:\n        - value: ${PW}\n          name: API_TOKEN\n`, output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: api\n      env:\n        - valueFrom:\n            secretKeyRef:\n              name: api-secrets\n              key: api-token\n          name: API_TOKEN\n' },
  { name: 'Dockerfile ENV used by RUN → secret mount', path: 'Dockerfile', code: `FROM alpine:3.20\nENV API_KEY=${PW}\nRUN curl -H "X-Key: $API_KEY" https://example.org\n`, output: 'FROM alpine:3.20\nRUN --mount=type=secret,id=api-key,env=API_KEY curl -H "X-Key: $API_KEY" https://example.org\n' },
  { name: 'Dockerfile ENV K V', path: 'Dockerfile', code: `FROM alpine:3.20\nENV DB_PASSWORD ${PW}\n`, output: 'FROM alpine:3.20\nENV DB_PASSWORD ""\n' },
  { name: 'Terraform attribute → sensitive variable', path: 'db.tf', code: `resource "aws_db_instance" "db" {\n  password = "${PW}"\n}\n`, output: 'resource "aws_db_instance" "db" {\n  password = var.password\n}\n\nvariable "password" {\n  type      = string\n  sensitive = true\n}\n' },
  { name: 'Terraform variable default removed', path: 'vars.tf', code: `variable "db_password" {\n  default = "${PW}"\n}\n`, output: 'variable "db_password" {\n}\n' },
  { name: '.npmrc → ${NPM_TOKEN}', path: '.npmrc', code: `//registry.npmjs.org/:_authToken=${PW}\n`, output: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' },
];

ruleTester(rule, {
  valid: [],
  invalid: FIXES.map((c) => ({ name: `fix: ${c.name}`, path: c.path, code: c.code, errors: [pos(c.code, PW)], output: c.output, fixSafety: 'unsafe' as const })),
});

describe('hardcoded-credential fixes, applied and re-analysed', () => {
  for (const c of FIXES) it(c.name, () => void assertFixResolves(rule, c.path, c.code, c.path === 'Dockerfile' ? ['secret-in-image'] : []));
});

describe('hardcoded-credential and the other secret rules', () => {
  it('a slot value is reported once, by this rule, not also by generic-secret', () => {
    const r = new Analyzer().analyze({ path: '.github/workflows/ci.yml', text: `on: push\nenv:\n  DB_PASSWORD: ${STRONG}\n` });
    assert.deepEqual(r.findings.filter((f) => f.family === 'secrets').map((f) => f.ruleId), ['hardcoded-credential']);
  });
});
