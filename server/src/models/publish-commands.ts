// Shell commands that publish what a job built (a package, a release, an image), read token by token.

/** Tools whose verb (anywhere later in the same command) publishes. */
const PUBLISH_VERBS: ReadonlyMap<string, readonly string[]> = new Map([
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

/** The words `gh release create|upload` and `dotnet nuget push` (read below) must have as tokens. */
const OTHER_PUBLISH_WORDS = ['release', 'push'];

/**
 * Every publishing command has one of these words as a whole token (the table's verbs and the two above), so a line
 * without any of them as a substring publishes nothing: most script lines are answered by this test alone, without
 * splitting into segments and tokens. Derived from the table, so a new verb cannot be missed by it.
 */
const PUBLISH_WORD = new RegExp([...new Set([...[...PUBLISH_VERBS.values()].flat(), ...OTHER_PUBLISH_WORDS])].join('|'));

/** The publishing command of a script line (`npm publish`, `gh release create` …), or undefined; dry runs do not count. */
export function publishCommand(line: string): string | undefined {
  if (line.length > 4000 || !PUBLISH_WORD.test(line)) return undefined;
  for (const segment of line.split(/[;&|]/)) {
    const tokens = segment.trim().split(/\s+/);
    if (tokens.includes('--dry-run') || tokens.includes('-n')) continue;
    for (let i = 0; i < tokens.length; i++) {
      const tool = tokens[i]!.slice(tokens[i]!.lastIndexOf('/') + 1);
      if (tool === 'gh' && tokens[i + 1] === 'release' && (tokens[i + 2] === 'create' || tokens[i + 2] === 'upload')) return `gh release ${tokens[i + 2]}`;
      if (tool === 'dotnet' && tokens[i + 1] === 'nuget' && tokens[i + 2] === 'push') return 'dotnet nuget push';
      const verbs = PUBLISH_VERBS.get(tool);
      if (!verbs) continue;
      // `docker push`, `docker image push`: the verb comes right after; the others may have options between.
      const rest = tool === 'docker' ? tokens.slice(i + 1, i + 3) : tokens.slice(i + 1);
      const verb = rest.find((t) => verbs.includes(t));
      if (verb) return `${tool} ${verb}`;
    }
  }
  return undefined;
}
