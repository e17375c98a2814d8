// Loads code-server with the unpacked extension in development mode and suite.js as its extension tests
// (the mechanism @vscode/test-web uses), then waits for the suite to report through codeAutomationExit.
// env: CS_URL, WS (workspace folder), DEV (unpacked extension folder), TESTS (suite.js)
import { chromium } from 'playwright-core';

const { CS_URL, WS, DEV, TESTS } = process.env;
const host = new URL(CS_URL).host;
const payload = [
  ['extensionDevelopmentPath', `vscode-remote://${host}${DEV}`],
  ['extensionTestsPath', `vscode-remote://${host}${TESTS}`],
];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
page.on('console', (m) => {
  const t = m.text();
  if (t.includes('[suite]') || m.type() === 'error') console.log(`${m.type()}:`, t.slice(0, 500));
});
page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()); });
const exit = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
const t0 = Date.now();
await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
const code = await Promise.race([exit, new Promise((r) => setTimeout(() => r('timeout'), 120_000))]);
console.log(`extension-host suite finished with ${code} after ${Date.now() - t0} ms`);
await browser.close();
console.log(code === 0 ? 'e2e exthost: 1 passed, 0 failed' : 'e2e exthost: 0 passed, 1 failed');
process.exit(code === 0 ? 0 : 1);
