// Table tests for shared-environment-secrets.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../server/src/rules/permissions/shared-environment-secrets.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/deploy.yml';
const job = (id: string, extra: string, run: string) =>
  `  ${id}:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - run: ${run}\n        env:\n          TOKEN: \${{ secrets.DEPLOY_TOKEN }}\n          GH: \${{ secrets.GITHUB_TOKEN }}\n`;
const wf = (...jobs: string[]) => `on: push\njobs:\n${jobs.join('')}`;

ruleTester(rule, {
  valid: [
    { name: 'production job has an environment', path: WF, code: wf(job('deploy-staging', '', './d.sh'), job('deploy-prod', '    environment: production\n', './d.sh')) },
    { name: 'staging job has an environment', path: WF, code: wf(job('deploy-staging', '    environment: staging\n', './d.sh'), job('deploy-prod', '', './d.sh')) },
    { name: 'a plain test job is not an environment', path: WF, code: wf(job('test', '', 'npm test'), job('deploy-prod', '', './d.sh')) },
    { name: 'only production jobs', path: WF, code: wf(job('deploy-prod-eu', '', './d.sh'), job('deploy-prod-us', '', './d.sh')) },
    { name: 'different secret names', path: WF, code: wf(job('deploy-staging', '', './d.sh'), job('deploy-prod', '', './d.sh').replace('DEPLOY_TOKEN', 'PROD_DEPLOY_TOKEN')) },
    { name: 'a matrix over both is not one target', path: WF, code: wf(job('deploy-staging-and-prod', '', './d.sh'), job('deploy-prod', '', './d.sh')) },
    { name: '`product` is not production', path: WF, code: wf(job('deploy-staging', '', './d.sh'), job('deploy-product-site', '', './d.sh')) },
  ],
  invalid: [
    {
      name: 'staging and production share DEPLOY_TOKEN; GITHUB_TOKEN never reported',
      path: WF,
      code: wf(job('deploy-staging', '', './d.sh'), job('deploy-production', '', './d.sh')),
      errors: [{ line: 15, column: 22, endColumn: 42, messageIncludes: "pre-production job 'deploy-staging'" }],
      output: null,
    },
    {
      name: 'targets from deploy commands',
      path: WF,
      code: wf(job('a', '', 'helm upgrade api ./chart -n staging'), job('b', '', 'helm upgrade api ./chart -n prod')),
      errors: [{ line: 15, column: 22, messageExcludes: 'GITHUB_TOKEN' }],
    },
  ],
});

it('reports each use in the production job', () => {
  const code = wf(job('deploy-dev', '', './d.sh'), job('deploy-prod', '', 'TOKEN2=${{ secrets.DEPLOY_TOKEN }} ./d.sh'));
  const { findings } = analyzeWith(rule, { path: WF, code });
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.severity === 'low' && f.fixes.length === 0));
});
