#!/usr/bin/env bash
# Optional peer comparison (issue 14): Salesforce Code Analyzer with PMD XPath rules that look for the grants
# MetaLint's permission rules report (bench/peer/metalint-grants.xml), against `metalint check` (NativeAOT) on the
# same generated org, in one run. Installs @salesforce/cli and its code-analyzer plugin from npm into bench/out/peer
# on first use (needs Node.js 20+, npm and Java 11+; nothing is installed outside bench/out), about 3 minutes.
#
# PEER_SIZE=small (default) the bench/run.sh small org: 12 profiles + 20 permission sets, about 43 MB
# PEER_SIZE=tiny            12 profiles + 20 permission sets of 100 objects x 20 fields, about 3 MB
# PEER_RUNS=N               runs of each tool (default 3; median wall, peak RSS is the max). metalint's wall time
#                           comes from hyperfine (20 runs, median) when it is installed: it is below /usr/bin/time's
#                           10 ms resolution on the tiny org.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"; out="$repo/bench/out"; peer="$out/peer"
. bench/lib.sh
size="${PEER_SIZE:-small}"; runs="${PEER_RUNS:-3}"
case "$size" in
  small) gen_args=(--profiles 12 --permsets 20 --objects 400 --fields 40); org="$out/org-small" ;;
  tiny)  gen_args=(--profiles 12 --permsets 20 --objects 100 --fields 20); org="$out/org-tiny" ;;
  *) echo "PEER_SIZE must be small or tiny" >&2; exit 2 ;;
esac
gen_org "$org" "${gen_args[@]}" --seed 42

# The CLI and the plugin stay inside bench/out/peer: XDG folders there, no telemetry, no update checks.
export XDG_DATA_HOME="$peer/xdg/data" XDG_CONFIG_HOME="$peer/xdg/config" XDG_CACHE_HOME="$peer/xdg/cache"
export SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_HIDE_RELEASE_NOTES=true SF_SKIP_NEW_VERSION_CHECK=true
export PATH="$peer/node_modules/.bin:$PATH"
# Versions that install from npm and run on Node.js 20: @salesforce/cli 2.130 (later ones need Node.js 22), undici 7
# (8 needs Node.js 22) and plugin-code-analyzer 5.16.0 with code-analyzer-core 0.52.0. The engines this comparison
# does not run are replaced by bench/peer/stub-engine (the registry may lack some of them); PMD runs as shipped.
if [ ! -x "$peer/node_modules/.bin/sf" ]; then
  echo "installing @salesforce/cli into $peer ..."
  mkdir -p "$peer"
  cat >"$peer/package.json" <<EOF
{ "private": true, "dependencies": { "@salesforce/cli": "2.130.9" }, "overrides": { "undici": "^7.16.0" } }
EOF
  npm install --no-audit --no-fund --prefix "$peer" >/dev/null
fi
plugins="$XDG_DATA_HOME/sf"
if [ ! -d "$plugins/node_modules/@salesforce/plugin-code-analyzer" ]; then
  echo "installing the code-analyzer plugin (PMD engine) into $plugins ..."
  mkdir -p "$plugins"
  stub="file:$repo/bench/peer/stub-engine"
  cat >"$plugins/package.json" <<EOF
{
  "private": true,
  "oclif": { "schema": 1, "plugins": [ { "name": "@salesforce/plugin-code-analyzer", "tag": "5.16.0", "type": "user" } ] },
  "dependencies": { "@salesforce/plugin-code-analyzer": "5.16.0" },
  "overrides": {
    "undici": "^7.16.0",
    "@salesforce/code-analyzer-core": "0.52.0",
    "@salesforce/code-analyzer-apexguru-engine": "$stub",
    "@salesforce/code-analyzer-eslint-engine": "$stub",
    "@salesforce/code-analyzer-flow-engine": "$stub",
    "@salesforce/code-analyzer-regex-engine": "$stub",
    "@salesforce/code-analyzer-retirejs-engine": "$stub",
    "@salesforce/code-analyzer-sfge-engine": "$stub",
    "@salesforce/code-analyzer-uibundle-engine": "$stub"
  }
}
EOF
  npm install --no-audit --no-fund --prefix "$plugins" >/dev/null
fi
# Only the PMD rules in bench/peer/metalint-grants.xml run (the rule selector is the ruleset's name).
printf 'engines:\n  pmd:\n    custom_rulesets:\n      - %s\n' "$repo/bench/peer/metalint-grants.xml" >"$out/peer-code-analyzer.yml"

aot="$out/aot-bin/metalint"
if [ ! -x "$aot" ]; then
  echo "publishing the NativeAOT binary ..."
  publish_aot
fi

# median NAME: median wall, max peak RSS and median CPU (user+sys) over the runs.
median() {
  local f="$out/$1.runs" mid='{a[NR]=$1} END {print a[int((NR+1)/2)]}'
  echo "$(cut -d' ' -f1 "$f" | sort -n | awk "$mid") $(cut -d' ' -f3 "$f" | sort -n | tail -1) $(cut -d' ' -f2 "$f" | sort -n | awk "$mid")"
}

find "$org" -name '*-meta.xml' -exec cat {} + >/dev/null
rm -f "$out"/peer-*.runs
for _ in $(seq "$runs"); do
  rm -f "$out/peer-report.json"
  measure peer-sf sf code-analyzer run --workspace "$org" --rule-selector pmd:MetaLintGrants \
    --config-file "$out/peer-code-analyzer.yml" --output-file "$out/peer-report.json"
  measure peer-metalint "$aot" check "$org" --format sarif --output "$out/peer-metalint.sarif" --fail-on never
done
read -r sf_s sf_kb sf_cpu < <(median peer-sf)
read -r ml_s ml_kb ml_cpu < <(median peer-metalint)
if command -v hyperfine >/dev/null; then
  hyperfine -N -i --warmup 2 --runs 20 --export-json "$out/peer-metalint.json" \
    "$aot check '$org' --format sarif --output $out/peer-metalint.sarif --fail-on never" >/dev/null
  ml_s=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$out/peer-metalint.json")
fi
bytes=$(find "$org" -name '*-meta.xml' -printf '%s\n' | awk '{s+=$1} END {print s}')
sf_found=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["violations"]))' "$out/peer-report.json" 2>/dev/null || echo "?")
ml_found=$(grep -c '"ruleId": "ML1\|"ruleId": "ML2' "$out/peer-metalint.sarif" || true)
echo
echo "org:    $size, $(find "$org" -name '*-meta.xml' | wc -l) files, $(awk "BEGIN{printf \"%.1f\", $bytes/1048576}") MB ($org)"
echo "peer:   $(sf --version | head -1), plugin-code-analyzer $(sf plugins 2>/dev/null | awk '/code-analyzer/ {print $2; exit}'), $(java -version 2>&1 | head -1)"
echo "runs:   $runs of each, interleaved; median wall time (metalint: hyperfine median when installed), peak RSS = max over runs"
printf '%-58s %8s %8s %12s %9s\n' "measurement" "wall s" "CPU s" "peak RSS MB" "findings"
printf '%-58s %8.3f %8.2f %12.0f %9s\n' "Salesforce Code Analyzer, PMD rules in bench/peer (JSON)" "$sf_s" "$sf_cpu" "$(awk "BEGIN{print $sf_kb/1024}")" "$sf_found"
printf '%-58s %8.3f %8.2f %12.0f %9s\n' "metalint check --format sarif (NativeAOT)" "$ml_s" "$ml_cpu" "$(awk "BEGIN{print $ml_kb/1024}")" "$ml_found"
echo "ratio: metalint is $(awk "BEGIN{printf \"%.0f\", $sf_s/$ml_s}")x faster (wall), $(awk "BEGIN{printf \"%.0f\", $sf_cpu/$ml_cpu}")x less CPU time, $(awk "BEGIN{printf \"%.0f\", $sf_kb/$ml_kb}")x less peak memory"
echo "target (issue 14): 100x the peer's speed (wall): $(awk "BEGIN{print ($sf_s/$ml_s >= 100 ? \"met\" : \"NOT met\")}")"
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (a loaded machine stretches metalint's short run more than the peer's)"
