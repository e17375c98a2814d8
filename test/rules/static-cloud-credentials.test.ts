// Table tests for static-cloud-credentials.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/permissions/static-cloud-credentials.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';
import { applyAllFixes, assertYamlParses } from '../helpers/fix-check.js';

const WF = '.github/workflows/deploy.yml';
const GL = '.gitlab-ci.yml';
const wf = (top: string, job: string, steps: string) => `on: push\n${top}jobs:\n  deploy:\n    runs-on: ubuntu-latest\n${job}    steps:\n${steps}`;
const AWS_KEYS = '      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n          aws-region: eu-west-1\n';
const AWS_ROLE = '      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::<ACCOUNT_ID>:role/<ROLE_NAME>\n          aws-region: eu-west-1\n';

ruleTester(rule, {
  valid: [
    { name: 'AWS with OIDC', path: WF, code: wf('', '    permissions:\n      id-token: write\n', AWS_ROLE) },
    { name: 'keys computed by an earlier step are short-lived', path: WF, code: wf('', '', '      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ steps.vault.outputs.key }}\n          aws-secret-access-key: ${{ steps.vault.outputs.secret }}\n') },
    { name: 'GCP workload identity', path: WF, code: wf('', '', '      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: ${{ vars.WIP }}\n          service_account: ${{ vars.SA }}\n') },
    { name: 'azure/login with client-id', path: WF, code: wf('', '', '      - uses: azure/login@v2\n        with:\n          client-id: ${{ vars.AZURE_CLIENT_ID }}\n          tenant-id: ${{ vars.AZURE_TENANT_ID }}\n          subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}\n') },
    { name: 'GitLab job with id_tokens', path: GL, code: 'deploy:\n  id_tokens:\n    AWS_TOKEN:\n      aud: https://gitlab.com\n  script:\n    - export AWS_ACCESS_KEY_ID=$KEY\n    - aws s3 ls\n' },
    { name: 'GitLab job extending an unknown template', path: GL, code: 'include: ci/aws.yml\ndeploy:\n  extends: .aws\n  script:\n    - aws configure set aws_access_key_id $KEY\n' },
    { name: 'GitLab unset only', path: GL, code: 'clean:\n  script:\n    - unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY\n' },
  ],
  invalid: [
    {
      name: 'AWS keys, job without permissions, workflow without permissions',
      path: WF,
      code: wf('', '', AWS_KEYS),
      errors: [{ line: 8, column: 11, endColumn: 28, messageIncludes: 'role-to-assume' }],
      output: wf('', '    permissions:\n      contents: read\n      id-token: write\n', AWS_ROLE),
      fixSafety: 'unsafe',
    },
    {
      name: 'AWS keys, job permissions extended',
      path: WF,
      code: wf('', '    permissions:\n      contents: read\n', AWS_KEYS),
      errors: [{ line: 10, column: 11 }],
      output: wf('', '    permissions:\n      contents: read\n      id-token: write\n', AWS_ROLE),
    },
    {
      name: 'workflow scopes carried over to the new job block (CRLF)',
      path: WF,
      code: wf('permissions:\n  contents: read\n  packages: write\n', '', AWS_KEYS).replace(/\n/g, '\r\n'),
      errors: [{ line: 11, column: 11 }],
      output: wf('permissions:\n  contents: read\n  packages: write\n', '    permissions:\n      contents: read\n      packages: write\n      id-token: write\n', AWS_ROLE).replace(/\n/g, '\r\n'),
    },
    {
      name: 'GCP credentials_json',
      path: WF,
      code: wf('', '    permissions:\n      id-token: write\n', '      - uses: google-github-actions/auth@v2\n        with:\n          credentials_json: ${{ secrets.GCP_SA_KEY }}\n      - run: gcloud info\n'),
      errors: [{ line: 10, column: 11, messageIncludes: 'Google Cloud' }],
      output: wf('', '    permissions:\n      id-token: write\n', "      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL_ID>/providers/<PROVIDER_ID>\n          service_account: '<SERVICE_ACCOUNT>@<PROJECT_ID>.iam.gserviceaccount.com'\n      - run: gcloud info\n"),
    },
    {
      name: 'azure/login creds, write-all already covers id-token',
      path: WF,
      code: wf('permissions: write-all\n', '', '      - uses: Azure/login@v2\n        with:\n          creds: ${{ secrets.AZURE_CREDENTIALS }}\n'),
      errors: [{ line: 9, column: 11, messageIncludes: 'Azure' }],
      output: wf('permissions: write-all\n', '', "      - uses: Azure/login@v2\n        with:\n          client-id: '<AZURE_CLIENT_ID>'\n          tenant-id: '<AZURE_TENANT_ID>'\n          subscription-id: '<AZURE_SUBSCRIPTION_ID>'\n"),
    },
    {
      name: 'GitLab export of stored keys',
      path: GL,
      code: 'deploy:\n  script:\n    - export AWS_ACCESS_KEY_ID=$PROD_KEY_ID\n    - terraform apply -auto-approve\n',
      errors: [{ line: 3, column: 14, endColumn: 31, messageIncludes: 'id_tokens' }],
      output: null,
    },
    {
      name: 'GitLab job variables',
      path: GL,
      code: 'deploy:\n  variables:\n    AWS_SECRET_ACCESS_KEY: $PROD_SECRET\n  script:\n    - aws s3 sync dist s3://bucket\n',
      errors: [{ line: 3, column: 5 }],
      output: null,
    },
  ],
});

it('static-cloud-credentials: fixed workflow parses and is clean', () => {
  const code = wf('', '', `${AWS_KEYS}          aws-session-token: \${{ secrets.AWS_SESSION_TOKEN }}\n      - run: aws s3 ls\n`);
  const fixed = applyAllFixes(rule, WF, code);
  assertYamlParses(fixed);
  assert.ok(!fixed.includes('aws-session-token') && fixed.includes('id-token: write'));
  assert.equal(analyzeWith(rule, { path: WF, code: fixed }).findings.length, 0);
});
