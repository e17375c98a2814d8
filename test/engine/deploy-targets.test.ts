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
  it('gives the same answer when asked again (remembered by text) and for texts too long to remember', () => {
    fc.assert(
      fc.property(fc.array(script, { minLength: 1, maxLength: 6 }), fc.nat(5), (texts, pick) => {
        const first = texts.map((t) => deployTierOfScript(t));
        // the same texts again, as new strings, in another order
        const again = texts.map((_, i) => deployTierOfScript(texts[(i + pick) % texts.length]!.split('').join('')));
        texts.forEach((_, i) => assert.deepEqual(again[i], first[(i + pick) % texts.length]));
      }),
      { numRuns: 300 },
    );
    const long = `${'echo building\n'.repeat(2000)}kubectl apply --context prod`;
    assert.ok(long.length > 4096);
    assert.deepEqual(deployTierOfScript(long), deployTierOfLines(long));
    assert.deepEqual(deployTierOfScript(long), deployTierOfLines(long));
    assert.ok(Object.isFrozen(deployTierOfScript('kubectl apply --context prod')));
  });
});
