// Synthetic inputs for scripts/bench.ts: a realistic ~1,000-line GitHub Actions workflow and one-character edits of it.

/** A generated workflow and the offsets where a one-character edit keeps it valid YAML (comments, run scripts). */
export interface WorkflowFixture {
  readonly text: string;
  readonly lineCount: number;
  /** offsets of lowercase letters inside comments and `run:` block scalars, spread over the whole file. */
  readonly editOffsets: readonly number[];
}

const ACTIONS: readonly string[] = [
  'actions/checkout@v4',
  'actions/setup-node@1e60f620b9541d16bece96c5465dc8ee9832be0d # v4.0.3',
  'actions/cache@v4',
  'actions/upload-artifact@v4',
  'actions/setup-python@f677139bbe7f9c59b41e40162b753c062f5d49a3 # v5.2.0',
  'docker/setup-buildx-action@v3',
  'docker/login-action@9780b0c442fbb1117ed29e0efdff1e18412f7567 # v3.3.0',
  'actions/download-artifact@fa0a91b85d4f404e444e00e005971372dc801d16 # v4.1.8',
  'codecov/codecov-action@main',
  'aws-actions/configure-aws-credentials@v4',
];

const SCRIPTS: readonly (readonly string[])[] = [
  ['npm ci --no-audit --no-fund', 'npm run build --if-present', 'npm test -- --reporter=dot'],
  [
    'set -euo pipefail',
    'echo "building for ${{ matrix.os }} with node ${{ matrix.node }}"',
    'if [ -f package-lock.json ]; then',
    '  npm ci',
    'else',
    '  npm install',
    'fi',
    'npm run lint',
  ],
  [
    'python -m pip install --upgrade pip',
    'pip install -r requirements.txt',
    'pytest -q --maxfail=1 --disable-warnings',
    'coverage xml -o coverage.xml',
  ],
  [
    'docker build --pull --tag app:${{ github.sha }} .',
    'docker run --rm app:${{ github.sha }} ./healthcheck.sh',
    'for tag in latest ${{ github.ref_name }}; do',
    '  docker tag app:${{ github.sha }} registry.example.com/app:$tag',
    'done',
  ],
  [
    'curl -fsSL https://example.com/install.sh -o install.sh',
    'sha256sum --check checksums.txt',
    'chmod +x install.sh && ./install.sh --prefix "$HOME/.local"',
    'echo "$HOME/.local/bin" >> "$GITHUB_PATH"',
  ],
];

/** Deterministic: the same text on every run, so figures are comparable between runs. */
export function generateWorkflow(targetLines = 1000): WorkflowFixture {
  const lines: string[] = [];
  const editable: number[] = [];
  const add = (line: string, canEdit = false): void => {
    if (canEdit) editable.push(lines.length);
    lines.push(line);
  };
  // Jobs are written whole; one that would overrun the target (minus the closing job) is taken back out.
  const closing = 6;
  const undoTo = (length: number): void => {
    lines.length = length;
    while (editable.length > 0 && editable[editable.length - 1]! >= length) editable.pop();
  };

  add('# Continuous integration for the monorepo: build, test and publish every package.', true);
  add('name: CI');
  add('on:');
  add('  push:');
  add('    branches: [main, "release/**"]');
  add('  pull_request:');
  add('    types: [opened, synchronize, reopened]');
  add('  workflow_dispatch:');
  add('    inputs:');
  add('      debug:');
  add('        description: run with debug logging');
  add('        type: boolean');
  add('        default: false');
  add('permissions:');
  add('  contents: read');
  add('concurrency:');
  add('  group: ${{ github.workflow }}-${{ github.ref }}');
  add('  cancel-in-progress: true');
  add('env:');
  add("  NODE_VERSION: '20'");
  add('  AWS_REGION: eu-west-1');
  add('  # legacy deploy key, to be rotated away from', true);
  add('  AWS_ACCESS_KEY_ID: AKIAZ7VRSQ5TJN2XBLQW');
  add('jobs:');

  for (let j = 0; ; j++) {
    const before = lines.length;
    writeJob(j);
    if (lines.length > targetLines - closing) {
      undoTo(before);
      break;
    }
  }
  add('  summary:');
  add('    # final job: aggregates the results of every part', true);
  add('    runs-on: ubuntu-latest');
  add('    if: always()');
  add('    steps:');
  add('      - run: echo "all parts finished"', true);
  // Top up to the exact line count with small report steps (two lines each) and, if odd, a closing comment.
  for (let k = 0; lines.length + 2 <= targetLines; k++) {
    add(`      - name: Report part ${k}`);
    add(`        run: echo "part ${k} finished with status \${{ job.status }}"`, true);
  }
  if (lines.length < targetLines) add('# end of workflow', true);

  function writeJob(j: number): void {
    if (j % 9 === 8) {
      add(`  reusable-${j}:`);
      add(`    # shared release flow number ${j}`, true);
      add(j % 2 === 0 ? '    uses: ./.github/workflows/release.yml' : '    uses: octo-org/shared-workflows/.github/workflows/deploy.yml@main');
      add('    with:');
      add(`      environment: stage-${j}`);
      add('    secrets: inherit');
      return;
    }
    add(`  job-${j}:`);
    add(`    name: Build and test part ${j}`);
    add("    runs-on: ${{ matrix.os }}");
    add('    timeout-minutes: 30');
    if (j > 0) add(`    needs: [job-${j - 1}]`);
    add('    strategy:');
    add('      fail-fast: false');
    add('      matrix:');
    add('        os: [ubuntu-latest, windows-latest, macos-latest]');
    add('        node: [18, 20, 22]');
    add('    env:');
    add(`      PART: "${j}"`);
    add('      CI: true');
    add('    steps:');
    for (let s = 0; s < 6; s++) {
      const action = ACTIONS[(j * 3 + s) % ACTIONS.length]!;
      add(`      # step ${s} of job ${j}: keep this in sync with the release checklist`, true);
      add(`      - name: Step ${s} uses ${action.split('@')[0]}`);
      add(`        uses: ${action}`);
      add('        with:');
      add(`          key: deps-${j}-${s}-\${{ hashFiles('**/package-lock.json') }}`);
      add('          fetch-depth: 0');
      const script = SCRIPTS[(j + s) % SCRIPTS.length]!;
      add(`      - name: Run script ${s}`);
      if (s % 2 === 0) {
        add('        env:');
        add('          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}');
        add(`          DEBUG: \${{ inputs.debug }}`);
      }
      add('        run: |');
      for (const line of script) add(`          ${line}`, true);
    }
    if (j === 5) {
      add('      - name: Upload with a hardcoded key (seeded finding)');
      add('        run: aws s3 cp dist/ s3://bucket/ --recursive');
      add('        env:');
      add('          AWS_ACCESS_KEY_ID: AKIAQ3JLK7D2WMPT5XRN');
    }
  }

  const text = `${lines.join('\n')}\n`;
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const editOffsets: number[] = [];
  for (const index of editable) {
    const line = lines[index]!;
    // A lowercase letter past the middle of the line: inside the comment text or the script, never the YAML syntax.
    for (let c = Math.floor(line.length / 2); c < line.length; c++) {
      const ch = line.charCodeAt(c);
      if (ch >= 97 && ch <= 122) {
        editOffsets.push(lineStarts[index]! + c);
        break;
      }
    }
  }
  return { text, lineCount: lines.length, editOffsets };
}

/**
 * The text after the `i`-th one-character edit of `base`: positions jump around the file and the replacement letter
 * rotates, so consecutive texts always differ (the analyzer's same-text parse cache never hits).
 */
export function editedText(fixture: WorkflowFixture, i: number): string {
  const { text, editOffsets } = fixture;
  // A stride coprime with the count visits every position before repeating, far apart from the previous one.
  const n = editOffsets.length;
  const stride = coprimeNear(n, Math.floor(n * 0.37) + 1);
  const at = editOffsets[(i * stride) % n]!;
  const original = text[at]!;
  const letters = 'qxzjkv';
  let replacement = letters[i % letters.length]!;
  if (replacement === original) replacement = letters[(i + 1) % letters.length]!;
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

/**
 * Typing: the `i`-th one-character edit applied to the text of the edit before it (`editedText` always starts from
 * the base text, so two consecutive texts differ in two places; a user's consecutive versions differ in one).
 */
export function typedText(fixture: WorkflowFixture, previous: string, i: number): string {
  const { editOffsets } = fixture;
  const n = editOffsets.length;
  const stride = coprimeNear(n, Math.floor(n * 0.37) + 1);
  const at = editOffsets[(i * stride) % n]!;
  const letters = 'qxzjkv';
  let replacement = letters[i % letters.length]!;
  if (replacement === previous[at]) replacement = letters[(i + 1) % letters.length]!;
  return previous.slice(0, at) + replacement + previous.slice(at + 1);
}

function coprimeNear(n: number, start: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  for (let s = Math.max(1, start); ; s++) if (gcd(s, n) === 1) return s;
}
