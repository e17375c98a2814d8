#!/usr/bin/env bash
# End-to-end test in a real VS Code workbench (code-server from npm, driven by playwright-core + Debian chromium),
# with the packaged VSIX installed; Neovim headless as a second LSP client; the same API suite under
# @vscode/test-electron when a VS Code build is available. Not part of `npm test`: it needs ~300 MB of code-server
# and chromium, cached outside the repository (reused when present). `.ci/run` runs it after `npm test`.
# Usage: npm run test:e2e   (ROOT=<cache dir> PORT=<port> to override; FOREWARN_E2E_ONLY=ui|exthost|nvim|electron|terminal
# runs one part while working on it)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd)
ROOT=${ROOT:-$HOME/.cache/forewarn-e2e}
CS_VERSION=4.100.3          # last code-server whose install accepts Node 20
RG_CACHE=vscode-ripgrep-cache-1.15.11   # @vscode/ripgrep version pinned by code-server 4.100.3
PORT=${PORT:-8123}
export TMPDIR=$ROOT/tmp; mkdir -p "$TMPDIR"
# code-server and chromium get their own HOME/XDG dirs; npm keeps the real ~/.npmrc (nodedir for node-gyp offline).
H=$ROOT/home; ISO=(env HOME=$H XDG_CONFIG_HOME=$H/.config XDG_DATA_HOME=$H/.local/share XDG_CACHE_HOME=$H/.cache)
t0=$(date +%s); step() { echo "[+$(( $(date +%s)-t0 ))s] $*"; }

need=(); command -v chromium >/dev/null || need+=(chromium); [ -e /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi
step "apt ok"

CS=$ROOT/cs/node_modules/.bin/code-server
if ! [ -x "$CS" ] || ! "${ISO[@]}" "$CS" --version 2>/dev/null | grep -q "^$CS_VERSION"; then
  mkdir -p "$ROOT/cs" "$TMPDIR/$RG_CACHE"
  # @vscode/ripgrep's postinstall downloads rg from the internet: seed its cache with rg from the npm registry.
  ( cd "$TMPDIR" && npm pack -q @vscode/ripgrep-linux-x64@1.18.0 >/dev/null && tar xzf vscode-ripgrep-linux-x64-1.18.0.tgz package/bin/rg \
    && tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C package/bin rg )
  ( cd "$ROOT/cs" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund "code-server@$CS_VERSION" > "$ROOT/cs-install.log" 2>&1 ) \
    || { tail -40 "$ROOT/cs-install.log"; exit 1; }
fi
step "code-server $("${ISO[@]}" "$CS" --version 2>/dev/null | grep -m1 "^$CS_VERSION")"

[ -d "$ROOT/driver/node_modules/playwright-core" ] || { mkdir -p "$ROOT/driver" && ( cd "$ROOT/driver" && echo '{"private":true}' > package.json && npm install -q --no-audit --no-fund playwright-core@1.65.1 >/dev/null ); }
step "playwright-core ok"

( cd "$REPO" && npm run -s package >/dev/null )
VSIX=$REPO/forewarn-$(node -p "require('$REPO/package.json').version").vsix
rm -rf "$ROOT/vsix" && mkdir -p "$ROOT/vsix" && (cd "$ROOT/vsix" && unzip -q "$VSIX")
step "vsix built: $VSIX"

R=$ROOT/run; rm -rf "$R"; mkdir -p "$R/ud/User" "$R/exts"
for w in ws-ui ws-api; do cp -r "$REPO/examples" "$R/$w"; done
cp "$HERE/settings.json" "$R/ud/User/settings.json"
export HOME=$H XDG_CONFIG_HOME=$H/.config XDG_DATA_HOME=$H/.local/share XDG_CACHE_HOME=$H/.cache
export EXTENSIONS_GALLERY='{"serviceUrl":""}'
COMMON=(--config "$R/config.yaml" --user-data-dir "$R/ud" --extensions-dir "$R/exts")
"${ISO[@]}" "$CS" "${COMMON[@]}" --install-extension "$VSIX" > "$R/install-ext.log" 2>&1
"${ISO[@]}" "$CS" "${COMMON[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --disable-proxy --ignore-last-opened > "$R/code-server.log" 2>&1 &
CSPID=$!; trap 'kill $CSPID 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
step "code-server up"

export CS_URL=http://127.0.0.1:$PORT NODE_PATH=$ROOT/driver/node_modules
passed=0; failed=0; skipped=0
ONLY=${FOREWARN_E2E_ONLY:-}
want() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }
# ES modules resolve playwright-core from their own folder, not NODE_PATH: run them from the driver folder.
cp "$HERE/ui-test.mjs" "$HERE/exthost-test.mjs" "$HERE/terminal-shot.mjs" "$ROOT/driver/"
rm -rf "$ROOT/shots"
if want ui; then
  if WS=$R/ws-ui SHOTS=$ROOT/shots node "$ROOT/driver/ui-test.mjs"; then passed=$((passed+1)); else failed=$((failed+1)); fi
  step "ui test done (screenshots in $ROOT/shots)"
fi
if want exthost; then
  if WS=$R/ws-api DEV=$ROOT/vsix/extension TESTS=$HERE/suite.js node "$ROOT/driver/exthost-test.mjs"; then passed=$((passed+1)); else failed=$((failed+1)); fi
  step "exthost test done"
fi
# The CLI's report in a real terminal (tmux), rendered to a PNG; fails if a raw control character reached it.
if want terminal && command -v tmux >/dev/null; then
  if REPO=$REPO SHOTS=$ROOT/shots node "$ROOT/driver/terminal-shot.mjs"; then passed=$((passed+1)); else failed=$((failed+1)); fi
  step "terminal report done"
elif want terminal; then skipped=$((skipped+1)); echo "e2e terminal: skipped: no tmux"; fi
if want nvim; then
  if bash "$HERE/nvim-test.sh"; then passed=$((passed+1)); else failed=$((failed+1)); fi
  step "neovim test done"
fi
if want electron; then
  # @vscode/test-electron needs a desktop VS Code build; it reports a skip when there is none.
  electron=$(node "$HERE/electron-test.mjs" 2>&1) && erc=0 || erc=$?
  echo "$electron" | tail -5
  if [ "$erc" -ne 0 ]; then failed=$((failed+1)); elif grep -q '1 passed' <<<"$electron"; then passed=$((passed+1)); else skipped=$((skipped+1)); fi
  step "electron test done"
fi
[ "$failed" -eq 0 ] || echo "logs: $R/code-server.log, $R/install-ext.log"
echo "e2e: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
