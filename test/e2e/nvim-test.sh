#!/usr/bin/env bash
# Neovim (headless) as a second LSP client of the bundled server. Installs Debian's neovim when it is missing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); REPO=$(cd "$HERE/../.." && pwd)
if ! command -v nvim >/dev/null; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null; fi
[ -f "$REPO/dist/server.js" ] || (cd "$REPO" && npm run -s build)
WS=$(mktemp -d); trap 'rm -rf "$WS"' EXIT
cp -r "$REPO/examples/." "$WS/"
out=$(FOREWARN_SERVER="$REPO/dist/server.js" WS="$WS" timeout 120 nvim --headless -u NONE -c "luafile $HERE/nvim-test.lua" 2>&1) && rc=0 || rc=$?
echo "$out"
if [ "$rc" -eq 0 ] && grep -q '^nvim: 0 failure' <<<"$out"; then echo 'e2e nvim: 1 passed, 0 failed'; else echo 'e2e nvim: 0 passed, 1 failed'; exit 1; fi
