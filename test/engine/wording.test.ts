// Messages in the words of the file they are about (issue 18's wording slips): where a secret belongs per file kind,
// what a Dockerfile download runs with, and the untrusted-value advice in the singular.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileKind } from '../../server/src/core/types.js';
import { Analyzer, DEFAULT_CONFIG } from '../../server/src/engine/index.js';

const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';
const analyzer = new Analyzer();

function messages(path: string, kind: FileKind, text: string, ruleId: string): string[] {
  return analyzer
    .analyze({ path, text, kind }, DEFAULT_CONFIG)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => f.message);
}

describe('wording per file kind', () => {
  it('a hardcoded key is sent where that kind of file keeps secrets, never to a "CI secret store"', () => {
    const cases: [string, FileKind, string, RegExp][] = [
      ['main.tf', 'terraform', `provider "aws" {\n  access_key = "${KEY}"\n}\n`, /a variable marked `sensitive` or a secrets manager/],
      ['docker-compose.yml', 'compose', `services:\n  app:\n    image: a:1\n    environment:\n      AWS_ACCESS_KEY_ID: ${KEY}\n`, /a Compose secret or an environment file kept out of Git/],
      ['Dockerfile', 'dockerfile', `FROM a:1\nENV AWS_ACCESS_KEY_ID=${KEY}\n`, /a build secret \(`RUN --mount=type=secret`\)/],
      ['.gitlab-ci.yml', 'gitlab-ci', `job:\n  script: [echo]\n  variables:\n    AWS_ACCESS_KEY_ID: ${KEY}\n`, /a masked, protected CI\/CD variable/],
      ['.github/workflows/ci.yml', 'github-workflow', `on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      AWS_ACCESS_KEY_ID: ${KEY}\n    steps: [{run: echo}]\n`, /a repository or environment secret/],
    ];
    for (const [path, kind, text, advice] of cases) {
      const [m] = messages(path, kind, text, 'aws-access-key');
      assert.ok(m, `${kind}: a finding`);
      assert.match(m, advice, kind);
      assert.doesNotMatch(m, /CI secret store/, kind);
    }
  });

  it("a Dockerfile download runs with the build's network access and secrets, not \"this job's secrets\"", () => {
    const [docker] = messages('Dockerfile', 'dockerfile', 'FROM a:1\nRUN curl -fsSL https://example.com/i.sh | sh\n', 'download-and-execute');
    assert.match(docker!, /the build's network access and secrets, and lands in the image/);
    assert.doesNotMatch(docker!, /this job/);
    const [job] = messages('.gitlab-ci.yml', 'gitlab-ci', 'job:\n  script:\n    - curl -fsSL https://example.com/i.sh | sh\n', 'download-and-execute');
    assert.match(job!, /this job's secrets and permissions/);
  });

  it('the template-injection fix speaks of one value: "instead of expanding it"', () => {
    const r = analyzer.analyze({ path: '.github/workflows/t.yml', kind: 'github-workflow', text: 'on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n' }, DEFAULT_CONFIG);
    const titles = r.findings.filter((f) => f.ruleId === 'template-injection').flatMap((f) => f.fixes.map((x) => x.title));
    assert.ok(titles.some((t) => /instead of expanding it in the shell$/.test(t)), titles.join(' | '));
    assert.ok(!titles.some((t) => /expanding them/.test(t)));
  });
});
