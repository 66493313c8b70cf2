#!/usr/bin/env bash
# End-to-end test of the VS Code extension in a real VS Code (code-server), driven by Debian's Chromium through
# playwright-core. Installs what it needs on the first run (install.sh, cached under E2E_HOME), builds metalint and
# the .vsix, opens a copy of testdata/sample-org and runs e2e/test.js. Screenshots go to artifacts/e2e/.
# Prints one line per step ("e2e: PASS|FAIL step") and a last line "e2e: N passed, N failed"; exit 0 when all pass.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
ext="$repo/editors/vscode"
export E2E_HOME="${E2E_HOME:-$HOME/.cache/metalint-e2e}"
artifacts="${E2E_ARTIFACTS:-$repo/artifacts/e2e}"

# How long each phase took, for the log ("e2e-time: <phase> <ms>").
last_mark="$(date +%s%N)"
mark() { local now; now="$(date +%s%N)"; echo "e2e-time: $1 $(( (now - last_mark) / 1000000 )) ms" >&2; last_mark="$now"; }

fail_setup() { echo "e2e: FAIL setup: $*"; echo "e2e: 0 passed, 1 failed"; exit 1; }

tools_env="$("$here/install.sh")" || fail_setup "installing the e2e tools (see the messages above)"
eval "$tools_env"
mark install

# The server: the clone's own build (dotnet build is incremental, so this is nearly free after `dotnet test`),
# or E2E_METALINT, an executable built elsewhere.
if [ -n "${E2E_METALINT:-}" ]; then
  metalint="$E2E_METALINT"
else
  MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 \
    dotnet build "$repo/src/MetaLint.Cli" -nodeReuse:false -v q -nologo >&2 || fail_setup "dotnet build src/MetaLint.Cli"
  metalint="$repo/src/MetaLint.Cli/bin/Debug/net10.0/metalint"
fi
[ -x "$metalint" ] || fail_setup "no $metalint after the build"
mark "metalint build"

# A throwaway run folder: code-server, VS Code and the test write nothing to ~ or /tmp outside it.
work="$(mktemp -d "${TMPDIR:-/tmp}/metalint-e2e.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/xdg-config" XDG_DATA_HOME="$work/xdg-data" XDG_CACHE_HOME="$work/xdg-cache"
mkdir -p "$work/tmp" "$work/ud/User" "$artifacts" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
# This run's artifacts only: the files an earlier run left (a failure's screenshot and logs) would mislead.
rm -rf "$artifacts"/*.png "$artifacts/code-server.log" "$artifacts/vscode-logs"

# The extension: its locked dependencies, then the .vsix as a user would install it.
(cd "$ext" && npm ci --ignore-scripts --no-audit --no-fund >&2 && \
  vsce package --skip-license --out "$work/metalint.vsix" >&2) || fail_setup "packaging the extension"
mark "npm ci + vsce package"

cp -r "$repo/testdata/sample-org" "$work/sample-org"
folder="$work/sample-org"
# What the Problems view must hold after "MetaLint: check workspace": the CLI's own counts for the folder.
expected="$("$metalint" check "$folder" --format json --fail-on never | node -e '
  const s = JSON.parse(require("fs").readFileSync(0, "utf8")).summary;
  process.stdout.write(`${s.errors} ${s.warnings} ${s.notes}`)')"
mark "metalint check (expected counts)"

export TMPDIR="$work/tmp"
code-server --user-data-dir "$work/ud" --extensions-dir "$work/ext" --install-extension "$work/metalint.vsix" >&2 \
  || fail_setup "code-server --install-extension"
mark "install the .vsix"
cat > "$work/ud/User/settings.json" <<JSON
{
  "metalint.path": "$metalint",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "security.workspace.trust.enabled": false,
  "chat.disableAIFeatures": true,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "editor.accessibilitySupport": "off",
  "metalint.trace.server": "${E2E_TRACE:-off}"
}
JSON
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$work/config.yaml"
code-server --bind-addr "127.0.0.1:$port" --auth none --user-data-dir "$work/ud" --extensions-dir "$work/ext" \
  --config "$work/config.yaml" --disable-telemetry --disable-update-check --disable-workspace-trust ${E2E_CODE_SERVER_ARGS:-} \
  > "$work/code-server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/code-server.log" >&2; fail_setup "code-server exited"; }
  sleep 0.2
done

mark "code-server start"
status=0
E2E_URL="http://127.0.0.1:$port/?folder=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$folder")" \
E2E_EXPECTED_COUNTS="$expected" E2E_ARTIFACTS="$artifacts" \
  node "$here/test.js" || status=$?
mark "test.js"
if [ "$status" -ne 0 ]; then
  cp "$work/code-server.log" "$artifacts/code-server.log" 2>/dev/null || true
  cp -r "$work/ud/logs" "$artifacts/vscode-logs" 2>/dev/null || true   # extension host and MetaLint output channel
fi
exit "$status"
