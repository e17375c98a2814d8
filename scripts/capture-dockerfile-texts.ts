// Refreshes test/fixtures/dockerfile-texts.json: every Dockerfile text the tests give the parser (corpus files left
// out), the "test fixtures" half of the Dockerfile equivalence check (docs/decisions/0004-dockerfile-parser.md).
//
//   npm run -s compile && node out/scripts/capture-dockerfile-texts.js
//
// Run as the main script it runs the rule, engine, secrets and fix-soundness tests with itself as a preload; as a
// preload (CAPTURE_DOCKERFILE_DIR set) it records each text parseDockerfile is given into that folder.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpusDockerfiles } from './measure-dockerfile.js';

const OUT = resolve(__dirname, '..');
const REPO = resolve(OUT, '..');

const dir = process.env['CAPTURE_DOCKERFILE_DIR'];
if (dir && require.main !== module) {
  mkdirSync(dir, { recursive: true });
  // The compiled module itself (its exports object is what the other modules call through).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parser = require(join(OUT, 'server', 'src', 'parsers', 'dockerfile.js')) as { parseDockerfile: (text: string, ...rest: unknown[]) => unknown };
  const parse = parser.parseDockerfile;
  parser.parseDockerfile = (text: string, ...rest: unknown[]) => {
    if (text.length < 200_000) writeFileSync(join(dir, createHash('sha1').update(text).digest('hex')), text);
    return parse(text, ...rest);
  };
}

if (require.main === module) {
  const into = mkdtempSync(join(tmpdir(), 'dockerfile-texts-'));
  const tests = ['rules', 'engine', 'secrets', 'conformance.test.js', join('robustness', 'fix-soundness.test.js')].map((t) => join(OUT, 'test', t));
  try {
    execFileSync(process.execPath, ['--require', __filename, '--test', ...tests], { env: { ...process.env, CAPTURE_DOCKERFILE_DIR: into }, stdio: 'ignore' });
  } catch {
    // A failing test still parsed its texts; the equivalence test reports real problems.
  }
  const corpus = new Set(corpusDockerfiles().map((f) => f.text));
  const texts = readdirSync(into).map((f) => readFileSync(join(into, f), 'utf8')).filter((t) => !corpus.has(t)).sort();
  rmSync(into, { recursive: true, force: true });
  writeFileSync(join(REPO, 'test', 'fixtures', 'dockerfile-texts.json'), `[\n${texts.map((t) => JSON.stringify(t)).join(',\n')}\n]\n`);
  console.log(`${texts.length} Dockerfile texts written to test/fixtures/dockerfile-texts.json`);
}
