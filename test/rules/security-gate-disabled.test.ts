// Table tests for security-gate-disabled.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule, { removePairLines, scannerUses } from '../../server/src/rules/permissions/security-gate-disabled.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';
import { applyAllFixes, assertYamlParses } from '../helpers/fix-check.js';
import { parseDocument } from 'yaml';

const WF = '.github/workflows/security.yml';
const GL = '.gitlab-ci.yml';
const AZ = 'azure-pipelines.yml';
const wf = (steps: string, job = '') => `on: push\njobs:\n  scan:\n    runs-on: ubuntu-latest\n${job}    steps:\n${steps}`;

ruleTester(rule, {
  valid: [
    { name: 'scanner that can fail', path: WF, code: wf('      - run: trivy fs --exit-code 1 .\n') },
    { name: 'continue-on-error on a non-scanner step', path: WF, code: wf('      - run: make test\n        continue-on-error: true\n') },
    { name: 'continue-on-error: false', path: WF, code: wf('      - uses: aquasecurity/trivy-action@0.28.0\n        continue-on-error: false\n') },
    { name: 'continue-on-error from an expression is unknown', path: WF, code: wf('      - run: semgrep ci\n        continue-on-error: ${{ inputs.soft }}\n') },
    { name: 'installing a scanner is not a scan', path: WF, code: wf('      - run: pip install semgrep || true\n        continue-on-error: true\n') },
    { name: 'version probe', path: WF, code: wf('      - run: trivy --version || true\n') },
    { name: 'snyk monitor only reports', path: WF, code: wf('      - run: snyk monitor\n        continue-on-error: true\n') },
    {
      name: 'a later step gates on the outcome',
      path: WF,
      code: wf('      - id: sg\n        run: semgrep ci --sarif > out.sarif\n        continue-on-error: true\n      - uses: github/codeql-action/upload-sarif@v3\n      - if: steps.sg.outcome == \'failure\'\n        run: exit 1\n'),
    },
    { name: 'grype with --fail-on is a gate', path: WF, code: wf('      - run: grype dir:. --fail-on high\n') },
    { name: 'grype writing SARIF for code scanning is a report, not a gate', path: WF, code: wf('      - run: grype dir:. -o sarif > grype.sarif\n') },
    { name: 'grype piped on', path: WF, code: wf('      - run: grype dir:. -o json | jq .\n') },
    { name: 'scanner name as an argument', path: WF, code: wf('      - run: echo trivy || true\n') },
    { name: 'gitlab allow_failure with exit codes', path: GL, code: 'sast:\n  script:\n    - semgrep ci\n  allow_failure:\n    exit_codes: [2]\n' },
    { name: 'gitlab non-scanner job', path: GL, code: 'lint:\n  script:\n    - npm run lint\n  allow_failure: true\n' },
  ],
  invalid: [
    {
      name: 'grype without --fail-on whose report only goes to the log',
      path: WF,
      code: wf('      - run: grype dir:. --only-fixed\n'),
      errors: [{ line: 6, column: 14, endColumn: 19, messageIncludes: '--fail-on' }],
    },
    {
      name: 'grype -o table is still only the log',
      path: GL,
      code: 'scan:\n  script:\n    - grype registry:app:1.0 -o table\n',
      errors: [{ line: 3, column: 7, messageIncludes: '--fail-on' }],
    },
    {
      name: 'GitHub scanner action with continue-on-error',
      path: WF,
      code: wf('      - uses: aquasecurity/trivy-action@0.28.0\n        continue-on-error: true\n        with:\n          scan-type: fs\n'),
      errors: [{ line: 7, column: 9, endColumn: 26, messageIncludes: 'aquasecurity/trivy-action' }],
      output: wf('      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          scan-type: fs\n'),
      fixSafety: 'unsafe',
    },
    {
      name: 'GitHub run: with continue-on-error (last line, CRLF)',
      path: WF,
      code: wf('      - run: gitleaks detect --source .\n        continue-on-error: true').replace(/\n/g, '\r\n'),
      errors: [{ line: 7, column: 9, messageIncludes: 'gitleaks' }],
      output: wf('      - run: gitleaks detect --source .').replace(/\n/g, '\r\n'),
    },
    {
      name: 'job-level continue-on-error',
      path: WF,
      code: wf('      - run: checkov -d .\n', '    continue-on-error: true # for now\n'),
      errors: [{ line: 5, column: 5, messageIncludes: 'on a job' }],
      output: wf('      - run: checkov -d .\n'),
    },
    {
      name: 'trivy --exit-code 0',
      path: WF,
      code: wf('      - run: trivy image --exit-code 0 --severity CRITICAL app:latest\n'),
      errors: [{ line: 6, column: 14, endColumn: 19, messageIncludes: '--exit-code 0' }],
      output: null,
    },
    {
      name: '|| true after the scanner, in a block script',
      path: WF,
      code: wf('      - run: |\n          npm ci\n          npx snyk test || true\n'),
      errors: [{ line: 8, column: 15, messageIncludes: 'thrown away' }],
      output: null,
    },
    {
      name: '; exit 0 after a path-invoked scanner',
      path: WF,
      code: wf('      - run: ./bin/tfsec . ; exit 0\n'),
      errors: [{ line: 6, column: 20, messageIncludes: 'tfsec' }],
      output: null,
    },
    {
      name: 'GitLab scanning job with allow_failure',
      path: GL,
      code: 'stages: [test]\nsecrets:\n  stage: test\n  image: zricethezav/gitleaks:v8.18.0\n  script:\n    - gitleaks detect -v\n  allow_failure: true\n',
      errors: [{ line: 7, column: 3, messageIncludes: 'runs gitleaks' }],
      output: 'stages: [test]\nsecrets:\n  stage: test\n  image: zricethezav/gitleaks:v8.18.0\n  script:\n    - gitleaks detect -v\n',
    },
    {
      name: 'Azure continueOnError on a scanner script',
      path: AZ,
      code: 'steps:\n  - script: trivy fs --exit-code 1 .\n    continueOnError: true\n    displayName: Scan\n',
      errors: [{ line: 3, column: 5 }],
      output: 'steps:\n  - script: trivy fs --exit-code 1 .\n    displayName: Scan\n',
    },
    {
      name: 'flag on the dash line: reported without a fix',
      path: WF,
      code: wf('      - continue-on-error: true\n        run: grype dir:. --fail-on high\n'),
      errors: [{ line: 6, column: 9 }],
      output: null,
    },
  ],
});

it('security-gate-disabled: fixed files parse and are clean', () => {
  const code = wf('      - uses: snyk/actions/node@master\n        continue-on-error: true\n      - run: zizmor .\n        continue-on-error: true\n');
  const fixed = applyAllFixes(rule, WF, code);
  assertYamlParses(fixed);
  assert.equal(analyzeWith(rule, { path: WF, code: fixed }).findings.length, 0);
  const gl = 'kics:\n  script: kics scan -p .\n  allow_failure: true\n';
  const glFixed = applyAllFixes(rule, GL, gl);
  assertYamlParses(glFixed);
  assert.equal(analyzeWith(rule, { path: GL, code: glFixed }).findings.length, 0);
});

it('security-gate-disabled: scanner detection and line removal', () => {
  assert.deepEqual(scannerUses('sudo trivy fs .\nbrew install trivy\ntrivy --version\na && semgrep scan').map((u) => u.name), ['trivy', 'semgrep']);
  assert.equal(scannerUses('x'.repeat(100_000) + ';'.repeat(100_000)).length, 0);
  const text = 'a:\n  b: true # c\n  d: 1\n';
  const pair = (parseDocument(text).get('a') as { items: never[] }).items[0]!;
  assert.deepEqual(removePairLines(text, pair), [{ range: { start: 3, end: 17 }, newText: '' }]);
});
