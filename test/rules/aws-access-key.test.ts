// Table tests for aws-access-key, including that messages carry only the redacted key.

import rule from '../../server/src/rules/secrets/aws-access-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';
const WF = '.github/workflows/ci.yml';

ruleTester(rule, {
  valid: [
    { name: 'AWS documentation example key', path: WF, code: 'env:\n  AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n' },
    { name: 'secret reference', path: WF, code: 'env:\n  AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n' },
    { name: 'too short', path: WF, code: 'env:\n  K: AKIAZ7VRSQ5TJHNLBX4\n' },
    { name: 'part of a longer token', path: WF, code: `env:\n  K: X${KEY}\n` },
    { name: 'followed by more alphanumerics', path: WF, code: `env:\n  K: ${KEY}9\n` },
    { name: 'lower-case is not a key id', path: WF, code: `env:\n  K: ${KEY.toLowerCase()}\n` },
    { name: 'filler characters', path: 'main.tf', code: 'access_key = "AKIAAAAAAAAAAAAAAAAA"\n' },
    { name: 'digits 0, 1, 8, 9 are not base32', path: WF, code: 'env:\n  K: AKIA0123456789018901\n' },
    { name: 'unsupported file', path: 'notes.txt', code: KEY },
  ],
  invalid: [
    {
      name: 'workflow env: fix replaces the value with a secret reference',
      path: WF,
      code: `env:\n  AWS_ACCESS_KEY_ID: ${KEY}\n`,
      errors: [{ line: 2, column: 22, endColumn: 42, messageIncludes: 'AKIA…BX4D', messageExcludes: KEY }],
      output: 'env:\n  AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n',
      fixSafety: 'unsafe',
    },
    {
      name: 'quoted value keeps its quotes',
      path: WF,
      code: `jobs:\n  a:\n    steps:\n      - with:\n          aws-access-key-id: "${KEY}"\n`,
      errors: [{ line: 5, column: 31 }],
      output: 'jobs:\n  a:\n    steps:\n      - with:\n          aws-access-key-id: "${{ secrets.AWS_ACCESS_KEY_ID }}"\n',
    },
    {
      name: 'key inside a run script has no automatic fix',
      path: WF,
      code: `jobs:\n  a:\n    steps:\n      - run: |\n          export AWS_ACCESS_KEY_ID=${KEY}\n`,
      errors: [{ line: 5, column: 36 }],
      output: null,
    },
    { name: 'ASIA temporary key', path: '.gitlab-ci.yml', code: 'variables:\n  AWS_ACCESS_KEY_ID: "ASIAY34FZKBOKMUTVV7A"\n', errors: [{ line: 2, column: 23 }], output: null },
    { name: 'Dockerfile ENV', path: 'Dockerfile', code: `FROM alpine:3.20\nENV AWS_ACCESS_KEY_ID=${KEY}\n`, errors: [{ line: 2, column: 23, messageExcludes: KEY }] },
    { name: 'Terraform', path: 'infra/main.tf', code: `provider "aws" {\n  access_key = "${KEY}"\n}\n`, errors: [{ line: 2, column: 17 }] },
    { name: 'Kubernetes (content sniffed)', path: 'deploy/app.yaml', code: `apiVersion: v1\nkind: Secret\nstringData:\n  id: ${KEY}\n`, errors: [{ line: 4, column: 7 }] },
    { name: 'two keys on one line', path: 'x.tfvars', code: `a = "${KEY}" b = "AKIA2OGYBAH6STMMNXNN"\n`, errors: [{ line: 1, column: 6 }, { line: 1, column: 33 }] },
  ],
});
