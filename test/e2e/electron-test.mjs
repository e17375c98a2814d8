// The extension-host API suite (suite.js) in a desktop VS Code through @vscode/test-electron.
// Runs when VSCODE_EXECUTABLE points to a VS Code build, or when FOREWARN_E2E_DOWNLOAD=1 lets @vscode/test-electron
// download one; otherwise, and when the download fails, it says plainly that it skipped.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const exe = process.env.VSCODE_EXECUTABLE;
const download = process.env.FOREWARN_E2E_DOWNLOAD === '1';

if (!exe && !download) {
  console.log('e2e electron: skipped: no VS Code build (set VSCODE_EXECUTABLE, or FOREWARN_E2E_DOWNLOAD=1 to download one)');
  process.exit(0);
}

const { runTests } = await import('@vscode/test-electron');
const ws = mkdtempSync(join(tmpdir(), 'forewarn-electron-'));
cpSync(join(REPO, 'examples'), ws, { recursive: true });
try {
  await runTests({
    ...(exe ? { vscodeExecutablePath: exe } : {}),
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(HERE, 'suite.js'),
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log('e2e electron: 1 passed, 0 failed');
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  if (!exe && /download|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|fetch failed/i.test(message)) {
    console.log(`e2e electron: skipped: VS Code could not be downloaded (${message.split('\n')[0]})`);
  } else {
    console.log(`e2e electron: 0 passed, 1 failed (${message})`);
    process.exitCode = 1;
  }
} finally {
  rmSync(ws, { recursive: true, force: true });
}
