// Stages the npm package in dist/npm/: the CLI (its loader dist/cli.js, the bundle, the bundle's V8 code cache and the
// rule pages, see server/src/cli/loader.ts), LICENSE, a manifest for the command line and the README
// written for its users (packaging/npm/README.md). The repository's package.json is the VS Code extension's
// manifest and the developers' README is not for npm users, so the package is published from here:
//   npm run package:cli   (builds, stages and runs `npm pack ./dist/npm`)
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** What dist/cli.js needs beside it (the npm package and .npmignore list the same files). */
export const CLI_FILES = ['cli.js', 'cli-bundle.js', 'cli-bundle.cache', 'rule-docs.json'];

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const out = new URL('../dist/npm/', import.meta.url);
rmSync(out, { recursive: true, force: true });
mkdirSync(new URL('dist/', out), { recursive: true });
// The code cache helps only under the Node.js release that ran the build; any other ignores it (docs/cli.md).
for (const f of CLI_FILES) copyFileSync(new URL(`../dist/${f}`, import.meta.url), new URL(`dist/${f}`, out));
copyFileSync(new URL('../LICENSE', import.meta.url), new URL('LICENSE', out));
copyFileSync(new URL('../packaging/npm/README.md', import.meta.url), new URL('README.md', out));
const manifest = {
  name: root.name,
  version: root.version,
  description:
    'Security checks for CI/CD pipelines, Dockerfiles, Compose, Kubernetes and Terraform: hardcoded secrets, unpinned actions and images, risky permissions, injection — with fixes. No dependencies, offline.',
  license: root.license,
  keywords: root.keywords,
  bin: { forewarn: 'dist/cli.js' },
  engines: { node: root.engines.node },
};
writeFileSync(new URL('package.json', out), `${JSON.stringify(manifest, null, 2)}\n`);
