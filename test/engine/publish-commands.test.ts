// publishCommand's word prefilter changes no answer: the same results as the implementation before it, over random
// lines made of the words it reads and over every line of the shared corpus.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { publishCommand } from '../../server/src/models/publish-commands.js';
import { walkFiles } from '../../server/src/workspace/walk.js';
import { REPO } from '../helpers/lsp-client.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261204);
const CORPUS = process.env.FOREWARN_CORPUS ?? join(REPO, '../shared/corpus');

/** The implementation before the prefilter (kept here as the reference). */
const VERBS: ReadonlyMap<string, readonly string[]> = new Map([
  ['npm', ['publish']],
  ['pnpm', ['publish']],
  ['yarn', ['publish']],
  ['bun', ['publish']],
  ['twine', ['upload']],
  ['cargo', ['publish']],
  ['uv', ['publish']],
  ['poetry', ['publish']],
  ['gem', ['push']],
  ['vsce', ['publish']],
  ['ovsx', ['publish']],
  ['goreleaser', ['release']],
  ['mvn', ['deploy']],
  ['docker', ['push']],
]);
function reference(line: string): string | undefined {
  if (line.length > 4000) return undefined;
  for (const segment of line.split(/[;&|]/)) {
    const tokens = segment.trim().split(/\s+/);
    if (tokens.includes('--dry-run') || tokens.includes('-n')) continue;
    for (let i = 0; i < tokens.length; i++) {
      const tool = tokens[i]!.slice(tokens[i]!.lastIndexOf('/') + 1);
      if (tool === 'gh' && tokens[i + 1] === 'release' && (tokens[i + 2] === 'create' || tokens[i + 2] === 'upload')) return `gh release ${tokens[i + 2]}`;
      if (tool === 'dotnet' && tokens[i + 1] === 'nuget' && tokens[i + 2] === 'push') return 'dotnet nuget push';
      const verbs = VERBS.get(tool);
      if (!verbs) continue;
      const rest = tool === 'docker' ? tokens.slice(i + 1, i + 3) : tokens.slice(i + 1);
      const verb = rest.find((t) => verbs.includes(t));
      if (verb) return `${tool} ${verb}`;
    }
  }
  return undefined;
}

const WORDS = [
  ...VERBS.keys(),
  ...[...VERBS.values()].flat(),
  'gh', 'release', 'create', 'upload', 'dotnet', 'nuget', 'push', 'image', 'publish', 'deploy',
  '--dry-run', '-n', '--tag', 'latest', '/usr/bin/npm', './node_modules/.bin/vsce', 'echo', 'run', 'build', 'x',
  'Publish', 'PUSH', 'npmpublish', 'prepublish', 'pushd', 'released', 'uploads',
];
const SEPARATORS = [' ', '  ', '\t', ';', ' && ', ' | ', '||', '&', ' ; '];
const line = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), fc.constantFrom(...SEPARATORS)), { maxLength: 10 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

describe('publishCommand', () => {
  it('reads the publishing commands (and not dry runs)', () => {
    assert.equal(publishCommand('npm publish --access public'), 'npm publish');
    assert.equal(publishCommand('cd dist && /usr/local/bin/twine upload *'), 'twine upload');
    assert.equal(publishCommand('gh release create v1 out/*'), 'gh release create');
    assert.equal(publishCommand('dotnet nuget push x.nupkg'), 'dotnet nuget push');
    assert.equal(publishCommand('docker image push app'), 'docker push');
    assert.equal(publishCommand('npm publish --dry-run'), undefined);
    assert.equal(publishCommand('npm ci && npm test'), undefined);
  });

  it('property: the same answer as the implementation without the prefilter', () => {
    let published = 0;
    fc.assert(
      fc.property(line, (l) => {
        const want = reference(l);
        if (want) published++;
        assert.equal(publishCommand(l), want, JSON.stringify(l));
      }),
      { numRuns: RUNS * 20, seed: SEED },
    );
    // The lines must reach the commands, not only the prefilter's early answer.
    assert.ok(published > RUNS / 2, `only ${published} random lines published`);
  });

  it('the same answer as the implementation without the prefilter on every corpus line', { skip: existsSync(CORPUS) ? false : `skipped: no corpus at ${CORPUS}` }, () => {
    let lines = 0;
    let published = 0;
    for (const file of walkFiles(CORPUS, { file: () => true })) {
      const text = readFileSync(file, 'utf8');
      for (const l of text.split('\n')) {
        lines++;
        const want = reference(l);
        if (want) published++;
        assert.equal(publishCommand(l), want, `${file}: ${JSON.stringify(l)}`);
      }
    }
    assert.ok(lines > 10_000 && published > 0, `${lines} lines, ${published} publishing`);
  });
});
