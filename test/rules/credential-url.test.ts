// Table tests for credential-url: passwords in URLs, Authorization headers and curl -u; references and local test databases are not.

import rule from '../../server/src/rules/secrets/credential-url.js';
import { ruleTester } from '../helpers/rule-tester.js';
import { at, GHP } from '../helpers/secrets.js';

const WF = '.github/workflows/ci.yml';
const PW = 'k9Xq2Lr7Vw';
const BASIC = btoa(`deploy:${PW}`);
const BEARER = 'q8Hf2LzR7vWx1Kd9TmPa4Ns6Jc3Ye5Ub';

const invalid = [
  { name: 'postgres URL in env', path: WF, code: `env:\n  DATABASE_URL: postgres://app:${PW}@db.internal:5432/app\n`, secret: PW },
  { name: 'mongodb+srv', path: 'docker-compose.yml', code: `services:\n  a:\n    environment:\n      MONGO: "mongodb+srv://u:${PW}@cluster0.mongodb.net/x"\n`, secret: PW },
  { name: 'https in a run script', path: WF, code: `jobs:\n  a:\n    steps:\n      - run: git clone https://bot:${PW}@git.acme-corp.net/r.git\n`, secret: PW },
  { name: 'redis in Terraform', path: 'main.tf', code: `locals {\n  url = "redis://default:${PW}@cache.acme-corp.net:6379"\n}\n`, secret: PW },
  { name: 'amqp in a Dockerfile', path: 'Dockerfile', code: `FROM alpine\nENV BROKER amqp://guest2:${PW}@mq.acme-corp.net/\n`, secret: PW },
  { name: 'Basic Authorization header', path: WF, code: `jobs:\n  a:\n    steps:\n      - run: curl -H "Authorization: Basic ${BASIC}" https://api.example.org\n`, secret: BASIC },
  { name: 'Bearer Authorization header', path: '.gitlab-ci.yml', code: `job:\n  script:\n    - 'curl -H "Authorization: Bearer ${BEARER}" https://api.example.org'\n`, secret: BEARER },
  { name: 'curl -u user:password', path: WF, code: `jobs:\n  a:\n    steps:\n      - run: |\n          curl -fsS -u deploy:${PW} https://nexus.example.org/upload\n`, secret: PW },
  { name: 'curl --user in a Dockerfile RUN', path: 'Dockerfile', code: `FROM alpine\nRUN curl --user ci:${PW} -O https://files.example.org/a.tgz\n`, secret: PW },
  { name: 'Authorization: token (GitHub style)', path: WF, code: `jobs:\n  a:\n    steps:\n      - run: curl -H "Authorization: token ${BEARER}" https://api.github.com/user\n`, secret: BEARER },
  { name: 'PRIVATE-TOKEN header (GitLab API)', path: '.gitlab-ci.yml', code: `job:\n  script:\n    - curl --header "PRIVATE-TOKEN: ${BEARER}" https://gitlab.example.org/api/v4/projects\n`, secret: BEARER },
  { name: 'X-API-Key header', path: 'Dockerfile', code: `FROM alpine\nRUN curl -H 'X-API-Key: ${BEARER}' https://api.example.org/x\n`, secret: BEARER },
  { name: 'access_token in a URL query', path: WF, code: `jobs:\n  a:\n    steps:\n      - run: curl "https://api.example.org/v1/items?page=2&access_token=${BEARER}"\n`, secret: BEARER },
  { name: 'private_token in a URL query', path: '.gitlab-ci.yml', code: `job:\n  script:\n    - wget "https://gitlab.example.org/api/v4/projects/1/jobs/artifacts/main/download?job=build&private_token=${BEARER}"\n`, secret: BEARER },
  { name: 'S3 presigned URL', path: 'main.tf', code: `locals {\n  url = "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLEXXX%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20240101T000000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=${'4b3c2d1e'.repeat(8)}"\n}\n`, secret: '4b3c2d1e'.repeat(8) },
  { name: 'weak URL password is reported (and said weak)', path: WF, code: 'env:\n  URL: postgres://app:hunter2@db.internal/app\n', secret: 'hunter2' },
];

ruleTester(rule, {
  valid: [
    { name: 'reference password', path: WF, code: 'env:\n  URL: postgres://app:${{ secrets.DB_PW }}@db:5432/app\n' },
    { name: 'shell variable password', path: WF, code: 'jobs:\n  a:\n    steps:\n      - run: git clone https://x-access-token:${GITHUB_TOKEN}@github.com/o/r.git\n' },
    { name: 'local test database', path: WF, code: 'env:\n  DATABASE_URL: postgres://postgres:s3rv1ce9x@localhost:5432/test\n' },
    { name: 'password equals user', path: WF, code: 'env:\n  URL: mysql://root:root@db:3306/x\n' },
    { name: 'placeholder password', path: WF, code: 'env:\n  URL: "postgres://user:<password>@host/db"\n  URL2: https://user:****@example.org\n  URL3: amqp://u:changeme@mq/\n' },
    { name: 'documentation hosts (RFC 2606): examples, not accounts', path: WF, code: 'env:\n  A: http://user:pass@example.com:123/x\n  B: https://bot:Hx4Tn8Wq2Z@git.example.org/r.git\n  C: redis://u:Hx4Tn8Wq2Z@cache.test:6379\n' },
    { name: 'URL without credentials', path: WF, code: 'env:\n  URL: https://user@example.org/path\n' },
    { name: 'Basic header from a variable', path: WF, code: 'jobs:\n  a:\n    steps:\n      - run: curl -H "Authorization: Basic $AUTH" https://x\n' },
    { name: 'Bearer header from a variable', path: WF, code: 'jobs:\n  a:\n    steps:\n      - run: curl -H "Authorization: Bearer ${{ secrets.T }}" https://x\n' },
    { name: 'curl -u with a variable', path: WF, code: 'jobs:\n  a:\n    steps:\n      - run: curl -u "$USER:$PASS" https://x\n' },
    { name: 'known token format is provider-token\'s', path: WF, code: `env:\n  URL: https://x:${GHP}@github.com/o/r\n` },
    { name: 'query token from a variable', path: WF, code: 'jobs:\n  a:\n    steps:\n      - run: curl "https://api.example.org/x?access_token=${TOKEN}&private_token=$CI_TOKEN"\n' },
    { name: 'query parameter without a digit (a word, not a token)', path: WF, code: 'env:\n  DOCS: https://example.org/login?token=required\n' },
    { name: 'header from a variable', path: '.gitlab-ci.yml', code: 'job:\n  script:\n    - curl --header "PRIVATE-TOKEN: $GITLAB_TOKEN" https://gitlab.example.org/api/v4/projects\n' },
    { name: 'signature without a credential is not a presigned URL', path: WF, code: `env:\n  X: https://example.org/a?X-Amz-Signature=${'4b3c2d1e'.repeat(8)}\n` },
    { name: 'Bearer placeholder', path: WF, code: 'jobs:\n  a:\n    steps:\n      - run: curl -H "Authorization: Bearer YOUR_TOKEN" https://x\n' },
  ],
  invalid: invalid.map((c) => ({ name: c.name, path: c.path, code: c.code, errors: [{ line: at(c.code, c.secret).line, column: at(c.code, c.secret).column, endColumn: at(c.code, c.secret).endColumn, messageExcludes: c.secret, ...(c.secret === 'hunter2' && { messageIncludes: 'weak' }) }], output: null })),
});
