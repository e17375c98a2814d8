// `forewarn scan` on worker threads gives the report a single-threaded scan gives: same files, errors and findings,
// in the same order, with the same line tables and redactors.

import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { scanWithThreads } from '../../server/src/cli/scan-threads.js';
import { DEFAULT_CONFIG } from '../../server/src/engine/index.js';
import { scan, type ScanReport } from '../../server/src/workspace/scan.js';

const FILES: Record<string, string> = {
  '.github/workflows/ci.yml': 'on: pull_request_target\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo "${{ github.event.issue.title }}"\n        env:\n          AWS_ACCESS_KEY_ID: AKIAZ7VRSQ5TJN2XBLQW\n',
  'Dockerfile': 'FROM node:latest\nENV GITHUB_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\nRUN curl -fsSL https://x.example/i.sh | sh\n',
  'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  acl    = "public-read"\n}\n',
  'compose.yaml': 'services:\n  web:\n    image: nginx\n    privileged: true\n',
  'broken.yml': 'a: [1,\nb: {\n',
  '.gitlab-ci.yml': 'build:\n  image: docker:latest\n  script:\n    - curl https://x.example/get.sh | bash\n',
};

function view(r: ScanReport): unknown {
  return {
    files: r.files,
    errors: r.errors,
    findings: r.findings.map((f) => ({
      path: f.path,
      absPath: f.absPath,
      finding: f.finding,
      start: f.start,
      end: f.end,
      text: f.lines.text,
      excerpt: f.redactor.source(f.finding.range.start, f.finding.range.end),
      masked: f.redactor.text(f.lines.text),
    })),
  };
}

describe('scan on worker threads', () => {
  it('gives the single-threaded report', () => {
    const root = mkdtempSync(join(tmpdir(), 'forewarn-threads-'));
    try {
      // Enough copies that both workers get several batches.
      for (let i = 0; i < 12; i++) {
        for (const [rel, text] of Object.entries(FILES)) {
          const p = join(root, `p${i}`, rel);
          mkdirSync(dirname(p), { recursive: true });
          writeFileSync(p, text);
        }
      }
      const opts = { config: DEFAULT_CONFIG, root, cwd: root };
      const single = scan([root], opts);
      const threaded = scanWithThreads([root], { ...opts, minFiles: 0, threads: 2 });
      assert.ok(single.findings.length > 20);
      assert.deepEqual(view(threaded), view(single));
      // Below the threshold, the scan stays in this thread (and still gives the same report).
      assert.deepEqual(view(scanWithThreads([root], opts)), view(single));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
