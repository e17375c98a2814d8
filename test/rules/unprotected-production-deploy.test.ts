// Table tests for unprotected-production-deploy.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/permissions/unprotected-production-deploy.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';
import { applyAllFixes, assertYamlParses } from '../helpers/fix-check.js';

const WF = '.github/workflows/deploy.yml';
const GL = '.gitlab-ci.yml';
const AZ = 'azure-pipelines.yml';
const gh = (job: string, extra: string, steps: string) => `on: push\njobs:\n  ${job}:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;
const KUBE = '      - run: kubectl apply -f k8s/ --context prod\n';

ruleTester(rule, {
  valid: [
    { name: 'environment set', path: WF, code: gh('deploy', '    environment: production\n', KUBE) },
    { name: 'environment as an expression', path: WF, code: gh('deploy', '    environment: ${{ inputs.env }}\n', KUBE) },
    { name: 'staging deploy', path: WF, code: gh('deploy', '', '      - run: kubectl apply -f k8s/ --context staging\n') },
    { name: '`product` is not `prod`', path: WF, code: gh('deploy-product-docs', '', '      - run: helm upgrade product-api ./chart\n') },
    { name: 'the target is a variable', path: WF, code: gh('deploy', '', '      - run: kubectl apply -f k8s/ --context $KUBE_CONTEXT\n') },
    { name: 'the target is an expression', path: WF, code: gh('deploy', '', '      - run: helm upgrade app ./chart -n ${{ inputs.environment }}\n') },
    { name: 'an unterminated expression hides the rest of the line', path: WF, code: gh('deploy', '', "      - run: 'helm upgrade app ./chart -n ${{ inputs.x -n prod'\n") },
    { name: 'a prod build is not a deploy', path: WF, code: gh('build-prod', '', '      - run: npm run build:prod\n') },
    { name: 'reusable workflow call', path: WF, code: 'on: push\njobs:\n  deploy-prod:\n    uses: ./.github/workflows/deploy.yml\n    with:\n      target: production\n' },
    { name: 'a deploy action to staging', path: WF, code: gh('web', '', '      - uses: azure/webapps-deploy@v3\n        with:\n          slot-name: staging\n') },
    { name: 'echo is not a deploy', path: WF, code: gh('notify', '', '      - run: echo "run helm upgrade app ./chart -n prod next"\n') },
    { name: 'GitLab: environment and when: manual', path: GL, code: 'deploy_prod:\n  script: helm upgrade app ./chart --kube-context prod\n  environment: production\n  when: manual\n' },
    { name: 'GitLab: environment map and a manual rule', path: GL, code: 'deploy_prod:\n  script: helm upgrade app ./chart --kube-context prod\n  environment:\n    name: production\n  rules:\n    - if: $CI_COMMIT_TAG\n      when: manual\n' },
    { name: 'GitLab: stop action', path: GL, code: 'stop_prod:\n  script: kubectl delete ns prod\n  environment:\n    name: production\n    action: stop\n' },
    { name: 'GitLab: extends may bring the gate', path: GL, code: 'deploy_prod:\n  extends: .deploy\n  script: helm upgrade app ./chart --kube-context prod\n' },
    { name: 'GitLab: hidden template', path: GL, code: '.deploy_prod:\n  script: helm upgrade app ./chart --kube-context prod\n' },
    { name: 'Azure: deployment with environment', path: AZ, code: 'jobs:\n  - deployment: DeployProd\n    environment: production\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n            - script: ./deploy.sh\n' },
    { name: 'Azure: staging deployment', path: AZ, code: 'jobs:\n  - deployment: DeployStaging\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n            - script: ./deploy.sh\n' },
  ],
  invalid: [
    {
      name: 'kubectl on the prod context: medium, stub before steps',
      path: WF,
      code: gh('deploy', '', KUBE),
      errors: [{ line: 3, column: 3, endColumn: 9, messageIncludes: 'kubectl apply -f k8s/ --context prod' }],
      output: gh('deploy', '    environment:\n      name: production\n', KUBE),
      fixSafety: 'unsafe',
    },
    {
      name: 'a main-branch condition has no reviewers; name-only evidence',
      path: WF,
      code: gh('deploy-production', "    if: github.ref == 'refs/heads/main'\n", '      - run: ./deploy.sh\n'),
      errors: [{ line: 3, column: 3, messageIncludes: "'deploy-production'" }],
      output: gh('deploy-production', "    if: github.ref == 'refs/heads/main'\n    environment:\n      name: production\n", '      - run: ./deploy.sh\n'),
    },
    {
      name: 'terraform apply in a prod workspace, CRLF',
      path: WF,
      code: gh('infra', '', '      - run: |\n          terraform workspace select prod\n          terraform apply -auto-approve\n').replace(/\n/g, '\r\n'),
      errors: [{ line: 3, column: 3, messageIncludes: 'terraform apply' }],
      output: gh('infra', '    environment:\r\n      name: production\r\n', '      - run: |\n          terraform workspace select prod\n          terraform apply -auto-approve\n'.replace(/\n/g, '\r\n')).replace(/\r?\n/g, '\r\n'),
    },
    {
      name: 'a deploy action with a production slot',
      path: WF,
      code: gh('web', '', '      - uses: azure/webapps-deploy@v3\n        with:\n          app-name: shop\n          slot-name: production\n'),
      errors: [{ line: 3, column: 3, messageIncludes: '`slot-name: production`' }],
    },
    {
      name: 'step name',
      path: WF,
      code: gh('cd', '', '      - name: Deploy to production\n        run: ./go.sh\n'),
      errors: [{ line: 3, column: 3 }],
    },
    {
      name: 'GitLab: production environment without when: manual',
      path: GL,
      code: 'deploy:\n  script: ./deploy.sh\n  environment: production\n',
      errors: [{ line: 1, column: 1, messageIncludes: 'without `when: manual`' }],
      output: null,
    },
    {
      name: 'GitLab: aws ecs update-service on prod, no environment',
      path: GL,
      code: 'release:\n  when: manual\n  script:\n    - aws ecs update-service --cluster prod --service api --force-new-deployment\n',
      errors: [{ line: 1, column: 1, messageIncludes: 'without `environment:`' }],
    },
    {
      name: 'Azure: deployment job in a Production stage',
      path: AZ,
      code: 'stages:\n  - stage: Production\n    jobs:\n      - deployment: Deploy\n        strategy:\n          runOnce:\n            deploy:\n              steps:\n                - script: az webapp deploy --name app-prod --src-path app.zip\n',
      errors: [{ line: 4, column: 21, messageIncludes: 'az webapp deploy' }],
      output: 'stages:\n  - stage: Production\n    jobs:\n      - deployment: Deploy\n        environment:\n          name: production\n        strategy:\n          runOnce:\n            deploy:\n              steps:\n                - script: az webapp deploy --name app-prod --src-path app.zip\n',
      fixSafety: 'unsafe',
    },
  ],
});

it('severity: medium for a deploy command, low for a name only', () => {
  const cmd = analyzeWith(rule, { path: WF, code: gh('deploy', '', KUBE) }).findings;
  const name = analyzeWith(rule, { path: WF, code: gh('deploy-prod', '', '      - run: ./x.sh\n') }).findings;
  assert.equal(cmd[0]?.severity, 'medium');
  assert.equal(name[0]?.severity, 'low');
});

it('the stub removes the finding and keeps the file a workflow', () => {
  for (const [path, code] of [
    [WF, gh('deploy', '    timeout-minutes: 10\n', '      - run: helm upgrade api ./chart -n prod\n')],
    [AZ, 'jobs:\n  - deployment: DeployProd\n    pool: default\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n            - script: ./deploy.sh\n'],
  ] as const) {
    const fixed = applyAllFixes(rule, path, code);
    assert.notEqual(fixed, code);
    assertYamlParses(fixed);
    assert.deepEqual(analyzeWith(rule, { path, code: fixed }).findings, []);
  }
});
