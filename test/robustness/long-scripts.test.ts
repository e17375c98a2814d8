// Long `run:` / `bash:` scripts are analysed whole: a sink after 300 KB of harmless commands is still found (no length
// cap that an attacker could pad past), and the work for n commands and 2n grows linearly.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analyzer, DEFAULT_CONFIG } from '../../server/src/engine/index.js';
import { assertLinear } from '../helpers/complexity.js';

const PATH = '.github/workflows/pr.yml';
const padding = (n: number) => '          echo step\n'.repeat(n);
const workflow = (on: string, steps: string) => `on: ${on}\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const HEAD_CHECKOUT = '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n          persist-credentials: false\n';

const AZURE = 'azure-pipelines.yml';
const azurePadding = (n: number) => '      echo harmless step number\n'.repeat(n);

/** Each case: a pipeline whose only hazard sits after `n` harmless lines of one script, and the rule that finds it. */
const CASES: readonly { rule: string; make: (n: number) => string; path?: string }[] = [
  { rule: 'template-injection', make: (n) => workflow('issues', `      - run: |\n${padding(n)}          echo "\${{ github.event.issue.title }}"\n`) },
  {
    rule: 'template-injection',
    make: (n) => workflow('issues', `      - env:\n          TITLE: \${{ github.event.issue.title }}\n        run: |\n${padding(n)}          eval "$TITLE"\n`),
  },
  {
    rule: 'github-env',
    make: (n) => workflow('pull_request_target', `      - env:\n          TITLE: \${{ github.event.pull_request.title }}\n        run: |\n${padding(n)}          echo "TITLE=$TITLE" >> "$GITHUB_ENV"\n`),
  },
  { rule: 'dangerous-triggers', make: (n) => workflow('pull_request_target', `${HEAD_CHECKOUT}      - run: |\n${padding(n)}          ./build.sh\n`) },
  {
    rule: 'dangerous-triggers',
    make: (n) => workflow('pull_request_target', `      - run: |\n${padding(n)}          git fetch origin pull/\${{ github.event.number }}/head && git checkout FETCH_HEAD\n      - run: make\n`),
  },
  { rule: 'azure-script-injection', path: AZURE, make: (n) => `steps:\n  - bash: |\n${azurePadding(n)}      echo "$(Build.SourceBranchName)"\n` },
  { rule: 'azure-secret-literal', path: AZURE, make: (n) => `steps:\n  - bash: |\n${azurePadding(n)}      echo "##vso[task.setvariable variable=deployKey;issecret=true]k9Xq2Lr7VwZp4Tn8"\n` },
];

describe('long run: scripts', () => {
  const analyzer = new Analyzer();
  const config = { ...DEFAULT_CONFIG, maxFileSize: 16 * 1024 * 1024 };
  for (const [i, c] of CASES.entries()) {
    it(`${c.rule} (${i}): found after 300 KB of commands, linear in the script's length`, () => {
      const path = c.path ?? PATH;
      const text = c.make(16_000);
      assert.ok(text.length > 300_000);
      const found = analyzer.analyze({ path, text }, config).findings.filter((f) => f.ruleId === c.rule);
      assert.ok(found.length > 0, `${c.rule} found nothing in a ${text.length}-character file`);
      assertLinear(c.rule, (n) => c.make(n), (t) => void analyzer.analyze({ path, text: t }, config), 16_000);
    });
  }
});
