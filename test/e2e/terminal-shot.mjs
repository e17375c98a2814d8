// A PNG of the CLI's terminal report as a person sees it: the command runs in a real terminal (tmux, so stdout is a
// TTY and the report is the pretty one, in colour), the pane is captured with its colours, rendered as HTML in
// Chromium and screenshotted. Also checks that what the terminal shows holds no raw escape besides colours.
// env: REPO (repository), SHOTS (output folder), ARGS (forewarn scan arguments, relative to REPO/examples)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const REPO = process.env.REPO;
const SHOTS = process.env.SHOTS ?? 'shots';
const ARGS = process.env.ARGS ?? '.github/workflows/ci.yml Dockerfile --fail-on none';
const COLS = 108;
fs.mkdirSync(SHOTS, { recursive: true });

const tmux = (...a) => execFileSync('tmux', ['-L', `forewarn-shot-${process.pid}`, ...a], { encoding: 'utf8' });
const cmd = `cd ${JSON.stringify(path.join(REPO, 'examples'))} && printf '$ forewarn scan ${ARGS}\\n' && env -u NO_COLOR node ../dist/cli.js scan ${ARGS}; tmux -L forewarn-shot-${process.pid} wait-for -S done; sleep 600`;
tmux('new-session', '-d', '-x', String(COLS), '-y', '400', '-s', 'shot', cmd);
let text;
try {
  tmux('wait-for', 'done');
  text = tmux('capture-pane', '-p', '-e', '-J', '-S', '0', '-t', 'shot');
} finally {
  tmux('kill-server');
}
const lines = text.replace(/\s+$/, '').split('\n');
fs.writeFileSync(path.join(SHOTS, 'terminal-report.ansi'), `${lines.join('\n')}\n`);
// Colours only: a raw ESC that is not an SGR sequence (or a CR) would mean the file took over the terminal.
const stray = lines.some((l) => /\r|\x1b(?!\[[0-9;]*m)/.test(l));

const PALETTE = ['#1e1e1e', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#e5e5e5'];
const BRIGHT = ['#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function toHtml(line) {
  let out = '';
  let style = { fg: undefined, bold: false, dim: false, underline: false };
  let open = false;
  const re = /\x1b\[([0-9;]*)m/g;
  let at = 0;
  const flush = (s) => {
    if (!s) return;
    const css = [style.fg && `color:${style.fg}`, style.bold && 'font-weight:bold', style.dim && 'opacity:0.6', style.underline && 'text-decoration:underline'].filter(Boolean).join(';');
    out += css ? `<span style="${css}">${esc(s)}</span>` : esc(s);
  };
  for (let m = re.exec(line); m; m = re.exec(line)) {
    flush(line.slice(at, m.index));
    at = m.index + m[0].length;
    const codes = m[1] === '' ? [0] : m[1].split(';').map(Number);
    for (const c of codes) {
      if (c === 0) style = { fg: undefined, bold: false, dim: false, underline: false };
      else if (c === 1) style.bold = true;
      else if (c === 2) style.dim = true;
      else if (c === 4) style.underline = true;
      else if (c === 22) style = { ...style, bold: false, dim: false };
      else if (c === 24) style.underline = false;
      else if (c >= 30 && c <= 37) style.fg = (style.bold ? BRIGHT : PALETTE)[c - 30];
      else if (c >= 90 && c <= 97) style.fg = BRIGHT[c - 90];
      else if (c === 39) style.fg = undefined;
    }
  }
  flush(line.slice(at));
  void open;
  return out;
}
const html = `<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:#181818}
pre{margin:0;padding:18px 22px;display:inline-block;background:#1e1e1e;color:#cccccc;font:14px/1.35 "DejaVu Sans Mono","Liberation Mono",monospace;border-radius:6px}
</style><pre id="t">${lines.map(toHtml).join('\n')}</pre>`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
  await page.setContent(html);
  const out = path.join(SHOTS, 'terminal-report.png');
  await page.locator('#t').screenshot({ path: out });
  console.log(`terminal report: ${lines.length} lines, ${out}`);
} finally {
  await browser.close();
}
if (stray) {
  console.log('e2e terminal: 0 passed, 1 failed (a raw control character reached the terminal)');
  process.exit(1);
}
console.log('e2e terminal: 1 passed, 0 failed');
