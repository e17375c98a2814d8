// Drives a real VS Code workbench (code-server) like a person: open the example workflow, see Forewarn's squiggles
// and Problems rows, apply the AWS-key quick fix with Ctrl+. and Enter, save, and check the file on disk.
// env: CS_URL, WS (workspace folder: a copy of examples/), SHOTS (screenshot folder)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const { CS_URL, WS } = process.env;
const SHOTS = process.env.SHOTS ?? 'shots';
const FILE = path.join(WS, '.github/workflows/ci.yml');
const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';
fs.mkdirSync(SHOTS, { recursive: true });
const t0 = Date.now();
const log = (...a) => console.log(`[${Date.now() - t0} ms]`, ...a);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
let n = 0;
const shot = async (name) => {
  const p = path.join(SHOTS, `${String(++n).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: p });
  log('screenshot', p);
};

let ok = false;
try {
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: '.github' }).waitFor({ timeout: 60_000 });
  log('workbench ready');

  // Quick Open the workflow.
  await page.keyboard.press('Control+P');
  await page.keyboard.type('ci.yml');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'ci.yml' }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-lines', { hasText: 'AWS_ACCESS_KEY_ID' }).waitFor({ timeout: 30_000 });
  const tOpen = Date.now();
  await editor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
  log(`squiggles visible ${Date.now() - tOpen} ms after the editor opened`);
  await shot('squiggles');

  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'aws-access-key' });
  await row.first().waitFor({ timeout: 30_000 });
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'unpinned-action' }).first().waitFor({ timeout: 30_000 });
  const rowText = (await row.first().innerText()).replace(/\s+/g, ' ');
  log('problems row:', rowText);
  if (rowText.includes(KEY)) throw new Error('the key is shown unredacted');
  await shot('problems');

  // Reveal the finding, open the quick-fix menu, move to the fix and press Enter (clicks are swallowed by an overlay).
  await row.first().dblclick();
  // The double-click selects the finding in the editor; give the editor focus (keeping the selection) for Ctrl+.
  await editor.locator('.view-lines', { hasText: 'AWS_ACCESS_KEY_ID' }).waitFor();
  await editor.locator('textarea').first().focus();
  await page.keyboard.press('Control+Period');
  const menu = page.locator('.action-widget .monaco-list-row');
  await menu.filter({ hasText: 'Replace the key with ${{ secrets.AWS_ACCESS_KEY_ID }}' }).waitFor({ timeout: 15_000 });
  await menu.filter({ hasText: 'Ignore aws-access-key on this line' }).waitFor({ timeout: 5_000 });
  log('quick fixes:', (await menu.allInnerTexts()).map((t) => t.trim()).join(' | '));
  await shot('quick-fix-menu');
  for (let i = 0; i < 10; i++) {
    const focused = await page.locator('.action-widget .monaco-list-row.focused').innerText().catch(() => '');
    if (focused.includes('Replace the key')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await editor.locator('.view-lines', { hasText: 'secrets.AWS_ACCESS_KEY_ID' }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Control+S');
  for (let i = 0; i < 100 && fs.readFileSync(FILE, 'utf8').includes(KEY); i++) await page.waitForTimeout(100);
  const disk = fs.readFileSync(FILE, 'utf8');
  if (disk.includes(KEY) || !disk.includes('AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}')) throw new Error('file not fixed on disk');
  log('file on disk fixed');
  await row.first().waitFor({ state: 'detached', timeout: 15_000 });
  log('aws-access-key row gone from the Problems panel');
  await shot('fixed');
  ok = true;
} catch (e) {
  log('FAIL', e.message);
  await shot('failure').catch(() => {});
} finally {
  await browser.close();
}
console.log(ok ? 'e2e ui: 1 passed, 0 failed' : 'e2e ui: 0 passed, 1 failed');
process.exit(ok ? 0 : 1);
