// Table tests for publish-without-provenance.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseDocument } from 'yaml';
import rule from '../../server/src/rules/pinning/publish-without-provenance.js';
import { applyEdits } from '../../server/src/engine/index.js';
import { analyzeWith, ruleTester } from '../helpers/rule-tester.js';

const WF = '.github/workflows/release.yml';
const job = (steps: string, extra = ''): string => `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;

const PYPI = job('      - uses: actions/checkout@v4\n      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          user: __token__\n          password: ${{ secrets.PYPI_TOKEN }}\n');
const PYPI_FIXED = 'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n      id-token: write\n    steps:\n      - uses: actions/checkout@v4\n      - uses: pypa/gh-action-pypi-publish@release/v1\n';

const PYPI_PERMS = job('      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          password: ${{ secrets.PYPI_TOKEN }}\n          skip-existing: true\n', '    permissions:\n      contents: read\n');
const PYPI_PERMS_FIXED = job('      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          skip-existing: true\n', '    permissions:\n      contents: read\n      id-token: write\n');

ruleTester(rule, {
  valid: [
    { name: 'docker push with cosign sign', path: WF, code: job('      - run: docker push ghcr.io/o/app:1.0\n      - run: cosign sign --yes ghcr.io/o/app@sha256:abc\n') },
    { name: 'npm publish --provenance', path: WF, code: job('      - run: npm publish --provenance --access public\n') },
    { name: 'npm publish with NPM_CONFIG_PROVENANCE', path: WF, code: job('      - run: npm publish\n        env:\n          NPM_CONFIG_PROVENANCE: true\n') },
    { name: 'npm publish --dry-run', path: WF, code: job('      - run: npm publish --dry-run\n') },
    { name: 'twine upload with attest-build-provenance', path: WF, code: job('      - run: twine upload dist/*\n      - uses: actions/attest-build-provenance@v2\n        with:\n          subject-path: dist/*\n') },
    { name: 'goreleaser with the SLSA generator job', path: WF, code: 'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: goreleaser release --clean\n  provenance:\n    needs: release\n    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.0.0\n' },
    { name: 'goreleaser --snapshot builds only', path: WF, code: job('      - run: goreleaser release --snapshot --clean\n') },
    { name: 'pypi publish with trusted publishing', path: WF, code: job('      - uses: pypa/gh-action-pypi-publish@release/v1\n', '    permissions:\n      id-token: write\n') },
    { name: 'docker build without push', path: WF, code: job('      - run: docker buildx build -t app .\n') },
    { name: 'publishing to a local test registry', path: WF, code: job('      - run: |\n          npm publish --registry http://localhost:4873/\n          docker push localhost:5000/app:test\n') },
    { name: 'echoed command', path: WF, code: job('      - run: echo docker push x\n') },
  ],
  invalid: [
    { name: 'docker push', path: WF, code: job('      - run: docker push ghcr.io/o/app:1.0\n'), errors: [{ line: 6, column: 14, endColumn: 20, messageIncludes: '`docker push`' }], output: null },
    { name: 'buildx --push and twine in one job', path: WF, code: job('      - run: |\n          docker buildx build --push -t ghcr.io/o/app:1 .\n          twine upload dist/*\n'), errors: [{ line: 7, column: 11, messageIncludes: 'twine upload' }] },
    { name: 'npm publish without --provenance', path: WF, code: job('      - run: npm publish --access public\n'), errors: [{ line: 6, column: 14 }] },
    { name: 'gh release upload', path: WF, code: job('      - run: gh release upload v1.0 dist/app.tar.gz\n'), errors: [{ line: 6, column: 14 }] },
    { name: 'goreleaser action', path: WF, code: job('      - uses: goreleaser/goreleaser-action@v6\n        with:\n          args: release --clean\n'), errors: [{ line: 6, column: 15 }] },
    { name: 'signing in another job does not count', path: WF, code: 'on: push\njobs:\n  a:\n    steps:\n      - run: docker push x/y:1\n  b:\n    steps:\n      - run: cosign sign x/y:1\n', errors: [{ line: 5, column: 14 }] },
    { name: 'pypi token: low, fix removes password and user, creates permissions', path: WF, code: PYPI, errors: [{ line: 10, column: 11, messageIncludes: 'trusted publisher' }], output: PYPI_FIXED, fixSafety: 'unsafe' },
    { name: 'pypi token: existing permissions get id-token', path: WF, code: PYPI_PERMS, errors: [{ line: 10, column: 11 }], output: PYPI_PERMS_FIXED, fixSafety: 'unsafe' },
    { name: 'pypi token (CRLF)', path: WF, code: PYPI.replace(/\n/g, '\r\n'), errors: [{ line: 10, column: 11 }], output: PYPI_FIXED.replace(/\n/g, '\r\n'), fixSafety: 'unsafe' },
  ],
});

it('publish-without-provenance: the PyPI finding is low, the others info; the fix leaves no finding and valid YAML', () => {
  const { findings } = analyzeWith(rule, { path: WF, code: PYPI });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.severity, 'low');
  const fix = findings[0]!.fixes![0]!;
  assert.ok('edits' in fix);
  const fixed = applyEdits(PYPI, fix.edits);
  assert.equal(parseDocument(fixed).errors.length, 0);
  assert.equal(analyzeWith(rule, { path: WF, code: fixed }).findings.length, 0);
  const docker = analyzeWith(rule, { path: WF, code: job('      - run: docker push a/b:1\n') }).findings;
  assert.equal(docker[0]!.severity, 'info');
});
