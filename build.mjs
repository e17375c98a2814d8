// Bundles the client, the server and the CLI into dist/ with esbuild (one file each, Node 20, CommonJS).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { asciiOnly } from './scripts/ascii-bundle.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { FOREWARN_VERSION: JSON.stringify(version) },
  // yaml's browser build is the same code as its Node build (ES modules) without the Node build's
  // `process.env.LOG_TOKENS` / `LOG_STREAM` reads on every token: an environment read is a call into C++, and in a
  // worker thread it was ~4% of a workspace scan worker's CPU (docs/decisions/0010-yaml-browser-build.md).
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

// SARIF carries each rule's documentation page as its help text (code scanning shows it beside the alert), and
// `forewarn explain` prints it: dist/rule-docs.json beside the CLI bundle, read only by those two (cli/rule-docs.ts).
const ruleDocs = Object.fromEntries(
  readdirSync('docs/rules')
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [f.slice(0, -3), readFileSync(`docs/rules/${f}`, 'utf8')]),
);

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The workspace scan's worker threads (dist/server.js starts them from its own folder).
  build({ ...common, entryPoints: ['server/src/lsp/scan-worker.ts'], outfile: 'dist/scan-worker.js' }),
  // The CLI: dist/cli.js is a small loader (the `forewarn` executable) that starts dist/cli-bundle.js from the V8 code
  // cache written below (see server/src/cli/loader.ts).
  build({ ...common, minify: true, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-bundle.js' }),
  build({ ...common, entryPoints: ['server/src/cli/loader.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
writeFileSync('dist/rule-docs.json', `${JSON.stringify(ruleDocs)}\n`);
// An ASCII bundle reads into a one-byte string, twice as fast and half the memory of a two-byte one (cold start).
writeFileSync('dist/cli-bundle.js', asciiOnly(readFileSync('dist/cli-bundle.js', 'utf8')));
// With this Node.js: the cache is valid for the Node.js that made it (any other compiles the bundle as before).
execFileSync(process.execPath, ['scripts/code-cache.mjs'], { stdio: 'inherit' });

// The editor validates .forewarn.yml with the same schema the engine uses (contributes.yamlValidation).
writeFileSync('dist/forewarn.schema.json', execFileSync(process.execPath, ['dist/cli.js', 'schema']));
