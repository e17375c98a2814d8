// The deploy-tier model's prefilter: a script is tokenized only when it names a deploy tool, and that never changes the answer.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { deployTierOfLines, deployTierOfScript } from '../../server/src/models/deploy-targets.js';

const WORDS = [
  'kubectl', 'KUBECTL', '\u212Aubectl', 'apply', 'helm', 'helmfile', 'upgrade', 'sync', 'gcloud', 'deploy', 'terraform', 'Tofu', 'apply',
  'workspace', 'select', 'cd', '-chdir=envs/prod', 'pulumi', 'up', 'vercel', '--prod', 'aws', 'ecs', 'update-service', 'az', 'webapp',
  'containerapp', 'update', 'serverless', 'sls', 'cdk', 'flyctl', 'fly', 'prod', 'production', 'staging', 'dev', '--context', '$CTX',
  '${{ inputs.env }}', 'echo', '#', 'npm', 'test', 'build', 'live', 'x',
];
const SEPARATORS = [' ', ' ', ';', '&&', '|', '(', ')', '\t'];
const line = fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 8 }).map((ws) => ws.map(([w, s]) => w + s).join(''));
const script = fc.array(line, { maxLength: 6 }).map((ls) => ls.join('\n'));

describe('deployTierOfScript', () => {
  it('equals the unfiltered line scan on generated scripts (the tool prefilter never hides a deploy)', () => {
    fc.assert(
      fc.property(script, (text) => assert.deepEqual(deployTierOfScript(text), deployTierOfLines(text))),
      { numRuns: 1000 },
    );
  });
  it('finds deploys named in any case, and skips scripts without a deploy tool', () => {
    assert.equal(deployTierOfScript('KUBECTL apply --context prod')?.tier, 'prod');
    assert.equal(deployTierOfScript('\u212Aubectl apply --context prod')?.tier, 'prod');
    assert.equal(deployTierOfScript('npm run deploy-prod\nmake release production'), undefined);
  });
});
