// Drives a real VS Code workbench (code-server) like a person: the workspace scan fills the Problems panel and the
// compact status bar before anything is opened; a workflow with mixed findings, the hover of two findings grouped on
// one span, its rule link opening the bundled page, the quick-fix menu (each fix once, one "Ignore" for both rules),
// the suppression snippet with the reason selected for typing, "Fix All" saying what it fixed and then that nothing
// is left to fix safely, the AWS-key quick fix saved to disk, "Scan Workspace" with its result message, and the rule
// picker. Screenshots of each step land in SHOTS.
// env: CS_URL, WS (workspace folder: a copy of examples/), SHOTS (screenshot folder)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const { CS_URL, WS } = process.env;
const SHOTS = process.env.SHOTS ?? 'shots';
const FILE = path.join(WS, '.github/workflows/ci.yml');
const PREVIEW = path.join(WS, '.github/workflows/pr-preview.yml');
const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';
fs.mkdirSync(SHOTS, { recursive: true });
const t0 = Date.now();
const log = (...a) => console.log(`[${Date.now() - t0} ms]`, ...a);
const check = (ok, what) => {
  if (!ok) throw new Error(`check failed: ${what}`);
  log('ok', what);
};

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
let n = 0;
const shot = async (name, clip) => {
  const p = path.join(SHOTS, `${String(++n).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: p, ...(clip ? { clip } : {}) });
  log('screenshot', p);
};

const editor = page.locator('.editor-instance .monaco-editor').first();
const menu = page.locator('.action-widget .monaco-list-row');
const toast = (re) => page.locator('.notifications-toasts .notification-toast', { hasText: re }).first();

async function runCommand(title) {
  await page.keyboard.press('F1');
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
}

async function quickOpen(name, text) {
  await page.keyboard.press('Control+P');
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 30_000 });
  await page.keyboard.press('Enter');
  await editor.locator('.view-lines', { hasText: text }).waitFor({ timeout: 30_000 });
}

async function goTo(lineCol) {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(lineCol);
  await page.keyboard.press('Enter');
}

async function dismissToasts() {
  if ((await page.locator('.notifications-toasts .notification-toast').count()) === 0) return;
  await runCommand('Notifications: Clear All Notifications');
  await page.locator('.notifications-toasts .notification-toast').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => {});
}

/** The rows of the quick-fix menu that are actions (not group headers). */
async function menuTitles() {
  return (await menu.evaluateAll((rows) => rows.filter((r) => !r.classList.contains('group-header')).map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''))).map((t) => t.trim());
}

const focusedRow = async () => (await page.locator('.action-widget .monaco-list-row.focused').innerText().catch(() => '')).trim();

/**
 * Every row of the open menu, read by moving the focus down it: the action list renders only the rows that fit its
 * height, so a row below that is not in the DOM until the focus reaches it. The focus ends back where it started.
 */
async function menuByKeys() {
  const seen = [];
  for (let i = 0; i < 20; i++) {
    const row = await focusedRow();
    if (seen.includes(row)) break; // wrapped around to the first row, or stuck on the last
    if (row) seen.push(row);
    await page.keyboard.press('ArrowDown');
  }
  return seen;
}

async function pick(text) {
  for (const key of ['ArrowDown', 'ArrowUp']) {
    for (let i = 0; i < 12; i++) {
      if ((await focusedRow()).includes(text)) return page.keyboard.press('Enter');
      await page.keyboard.press(key);
    }
  }
  throw new Error(`no menu row ${text}`);
}

let ok = false;
try {
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: '.github' }).waitFor({ timeout: 60_000 });
  log('workbench ready');

  // The background scan: a compact status bar (shield + the worst severity's count), the table in its tooltip.
  const status = page.locator('.statusbar-item', { hasText: /^\s*\d+ critical\s*$/ });
  await status.first().waitFor({ timeout: 60_000 });
  const statusBefore = (await status.first().innerText()).trim();
  check(/^\d+ critical$/.test(statusBefore), `status bar says only the worst severity's count: "${statusBefore}"`);
  await status.first().hover();
  const tip = page.locator('.workbench-hover, .monaco-hover', { hasText: 'Click to show the Problems panel' }).first();
  await tip.waitFor({ timeout: 15_000 });
  const tipText = await tip.innerText();
  check(/critical\s+\d+[\s\S]*high\s+\d+[\s\S]*info\s+\d+/.test(tipText) && /with findings/.test(tipText), 'the tooltip holds the table by severity');
  const box = await status.first().boundingBox();
  await shot('status-bar', { x: 0, y: Math.max(0, box.y - 330), width: 620, height: 900 - Math.max(0, box.y - 330) });
  await page.mouse.move(700, 300);

  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'aws-access-key' }).first().waitFor({ timeout: 30_000 });
  await shot('workspace-scan');
  // The list is virtualised: filter it to the unopened Dockerfile's finding, then clear the filter.
  const filter = page.getByPlaceholder(/^Filter/).first();
  await filter.fill('image-latest');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'image-latest' }).first().waitFor({ timeout: 30_000 });
  log('Problems panel lists image-latest of the unopened Dockerfile');
  await filter.fill('');

  // A workflow with mixed findings: warnings for high and medium, red only for critical.
  await quickOpen('pr-preview.yml', 'PREVIEW_TITLE');
  await editor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
  await editor.locator('.squiggly-warning').first().waitFor({ timeout: 10_000 });
  await filter.fill('**/pr-preview.yml');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'dangerous-triggers' }).first().waitFor({ timeout: 30_000 });
  const rows = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  check(rows.some((r) => /high: /.test(r)) && rows.some((r) => /critical: /.test(r)), 'Problems rows show our severity in the message');
  await shot('problems');
  await shot('mixed-findings');

  // Two findings on one span (github-env + template-injection): one hover, the other as related information.
  await goTo('25:40');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover', { hasText: 'high template-injection:' }).first();
  await hover.waitFor({ timeout: 15_000 });
  const hoverText = await hover.innerText();
  check(/high: Attacker-controlled text/.test(hoverText) && /high template-injection:/.test(hoverText), 'the hover groups both findings');
  await shot('hover');
  // Its rule link works offline: the command opens the page bundled with the extension.
  await hover.locator('a.code-link').first().click();
  const docTab = page.locator('.tabs-container .tab', { hasText: /github-env/ }).first();
  await docTab.waitFor({ timeout: 20_000 });
  await page.locator('.markdown-preview, iframe.webview', {}).first().waitFor({ timeout: 20_000 }).catch(() => {});
  log('the rule link opened the bundled page');
  await shot('rule-page');
  // Close the page with its tab's close button (a key press may reach the editor before the preview has focus).
  await docTab.hover();
  await docTab.locator('.tab-actions .action-label').first().click({ timeout: 5_000 });
  await docTab.waitFor({ state: 'detached', timeout: 10_000 });
  await page.locator('.tabs-container .tab', { hasText: 'pr-preview.yml' }).first().click();
  await editor.locator('.view-lines', { hasText: 'PREVIEW_TITLE' }).waitFor({ timeout: 15_000 });

  // The quick-fix menu on that line: each fix once, ONE ignore for both rules, then the pages.
  await goTo('25:40');
  await page.keyboard.press('Control+Period');
  const grouped = menu.filter({ hasText: 'Ignore github-env, template-injection on this line' });
  if (!(await grouped.waitFor({ timeout: 8_000 }).then(() => true, () => false))) {
    // Seen once after the merge of the document worker: "No code actions available" on the first Ctrl+. (cause not
    // established). Logged, then tried once more, so a flake is visible in the log without failing the run.
    log('the quick-fix menu did not open on the first Ctrl+.; trying once more');
    await page.keyboard.press('Escape');
    await goTo('25:40');
    await page.keyboard.press('Control+Period');
    await grouped.waitFor({ timeout: 15_000 });
  }
  const titles = await menuTitles();
  log('quick fixes:', titles.join(' | '));
  const expected = [
    /^Pass the untrusted value through env: \(PULL_REQUEST_TITLE\) instead of expanding it in the shell/,
    /^Write PREVIEW_TITLE with a random heredoc delimiter/,
    /^Ignore github-env, template-injection on this line/,
    /^Ignore github-env, template-injection in this file/,
    /^Show documentation for github-env/,
    /^Show documentation for template-injection/,
  ];
  check(titles.length === expected.length && expected.every((re, i) => re.test(titles[i])), `menu order: ${titles.join(' | ')}`);
  await shot('quick-fix-two-findings');
  // The suppression comment is a snippet: "reason" is selected, typing replaces it.
  await pick('on this line');
  await editor.locator('.view-lines', { hasText: 'forewarn-ignore[github-env,template-injection] reason' }).waitFor({ timeout: 15_000 });
  await page.keyboard.type('triaged in SEC-1');
  await editor.locator('.view-lines', { hasText: 'forewarn-ignore[github-env,template-injection] triaged in SEC-1' }).waitFor({ timeout: 5_000 });
  check(!(await editor.locator('.view-lines').innerText()).includes('<reason>'), 'no literal <reason>');
  log('the reason was a tab stop: typed over it');
  await page.keyboard.press('Escape');
  await shot('suppressed');

  // Fix All: what it fixed, by rule; then, with nothing safe left, says so in our words.
  await dismissToasts();
  await runCommand('Forewarn: Fix All Safe Problems in This File');
  const fixed = toast(/Forewarn fixed 1 problem in pr-preview\.yml: credential-persistence\./);
  await fixed.waitFor({ timeout: 15_000 });
  log('fix all:', (await fixed.innerText()).replace(/\s+/g, ' '));
  await editor.locator('.view-lines', { hasText: 'persist-credentials: false' }).waitFor({ timeout: 5_000 });
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'credential-persistence' }).first().waitFor({ state: 'detached', timeout: 15_000 });
  // A toast shows one line: expand it so the screenshot has the whole message.
  await fixed.hover();
  await fixed.locator('.codicon-notifications-expand, .codicon-chevron-up').first().click({ timeout: 2000 }).catch(() => log('(toast not expandable)'));
  await page.mouse.move(700, 300);
  await shot('fix-all');
  await dismissToasts();
  await runCommand('Forewarn: Fix All Safe Problems in This File');
  const nothing = toast(/Forewarn: nothing to fix safely in pr-preview\.yml\. \d+ problems? need/);
  await nothing.waitFor({ timeout: 15_000 });
  log('fix all again:', (await nothing.innerText()).replace(/\s+/g, ' '));
  check((await page.locator('.notifications-toasts').innerText()).indexOf('No source actions') === -1, "never VS Code's internal message");
  await dismissToasts();
  await page.keyboard.press('Control+S');
  for (let i = 0; i < 100 && !fs.readFileSync(PREVIEW, 'utf8').includes('triaged in SEC-1'); i++) await page.waitForTimeout(100);
  check(fs.readFileSync(PREVIEW, 'utf8').includes('# forewarn-ignore[github-env,template-injection] triaged in SEC-1'), 'saved to disk');
  await filter.fill('');

  // The AWS key in ci.yml: reveal it from the Problems panel, apply its fix with Ctrl+. and Enter, save.
  await quickOpen('ci.yml', 'AWS_ACCESS_KEY_ID');
  await editor.locator('.squiggly-error').first().waitFor({ timeout: 60_000 });
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  // Other files of the scanned workspace have AWS keys too: this is the workflow's (redacted AKIA…BX4D).
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'aws-access-key' }).filter({ hasText: 'BX4D' });
  await row.first().waitFor({ timeout: 30_000 });
  const rowText = (await row.first().innerText()).replace(/\s+/g, ' ');
  log('problems row:', rowText);
  if (rowText.includes(KEY)) throw new Error('the key is shown unredacted');
  await row.first().dblclick();
  await editor.locator('.view-lines', { hasText: 'AWS_ACCESS_KEY_ID' }).waitFor();
  await editor.locator('textarea').first().focus();
  await page.keyboard.press('Control+Period');
  await menu.filter({ hasText: 'Replace the key with ${{ secrets.AWS_ACCESS_KEY_ID }}' }).waitFor({ timeout: 15_000 });
  const keyMenu = await menuByKeys();
  log('quick fixes:', keyMenu.join(' | '));
  check(keyMenu.some((t) => t.includes('Ignore aws-access-key on this line')), 'the menu offers the line suppression too');
  await shot('quick-fix-menu');
  await pick('Replace the key');
  await editor.locator('.view-lines', { hasText: 'secrets.AWS_ACCESS_KEY_ID' }).waitFor({ timeout: 15_000 });
  await page.keyboard.press('Control+S');
  for (let i = 0; i < 100 && fs.readFileSync(FILE, 'utf8').includes(KEY); i++) await page.waitForTimeout(100);
  const disk = fs.readFileSync(FILE, 'utf8');
  if (disk.includes(KEY) || !disk.includes('AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}')) throw new Error('file not fixed on disk');
  log('file on disk fixed');
  await row.first().waitFor({ state: 'detached', timeout: 15_000 });
  log('aws-access-key row gone from the Problems panel');
  const statusNow = page.locator('.statusbar-item', { hasText: /^\s*\d+ (critical|high|medium|low|info)\s*$|^\s*Forewarn\s*$/ }).filter({ hasNotText: statusBefore });
  await statusNow.first().waitFor({ timeout: 15_000 });
  log('status bar now:', (await statusNow.first().innerText()).trim());
  await shot('fixed');

  // A file written on disk outside the editor; with scanOnSave off only a scan finds it. The scan reports back.
  fs.mkdirSync(path.join(WS, 'zz-late-arrival'), { recursive: true });
  fs.writeFileSync(path.join(WS, 'zz-late-arrival', 'Dockerfile'), 'FROM ubuntu\nRUN echo late\n');
  await dismissToasts();
  await runCommand('Forewarn: Scan Workspace');
  const scanned = toast(/Forewarn scanned \d+ files in [\d.]+ s: \d+ critical, [^(]+\(\d+ files with findings\)/);
  await scanned.waitFor({ timeout: 60_000 });
  log('scan result:', (await scanned.innerText()).replace(/\s+/g, ' '));
  await filter.fill("'ubuntu'");
  await page.locator('.markers-panel .monaco-list-row', { hasText: "Base image 'ubuntu'" }).first().waitFor({ timeout: 30_000 });
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'zz-late-arrival' }).first().waitFor({ timeout: 5_000 });
  log('Scan Workspace listed the new, unopened zz-late-arrival/Dockerfile');
  await shot('scan-command');
  await dismissToasts();

  // The rule picker (no finding under the cursor): id, family and severity, and the description.
  await goTo('1:1');
  await runCommand('Forewarn: Show Rule Documentation');
  await page.getByPlaceholder(/^Which rule\?/).waitFor({ timeout: 15_000 });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'add-without-checksum' }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.type('unpinned-act');
  const item = page.locator('.quick-input-list .monaco-list-row', { hasText: 'unpinned-action' }).first();
  await item.waitFor({ timeout: 15_000 });
  const itemText = (await item.innerText()).replace(/\s+/g, ' ');
  check(/pinning · high/.test(itemText) && /not pinned to a full commit SHA/.test(itemText), `picker item: ${itemText}`);
  await shot('rule-picker');
  await page.keyboard.press('Escape');
  ok = true;
} catch (e) {
  log('FAIL', e.message);
  await shot('failure').catch(() => {});
} finally {
  await browser.close();
}
console.log(ok ? 'e2e ui: 1 passed, 0 failed' : 'e2e ui: 0 passed, 1 failed');
process.exit(ok ? 0 : 1);
