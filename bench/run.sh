#!/usr/bin/env bash
# MetaLint throughput benchmark (issue 6). Generates a synthetic org, builds Release (JIT) and the NativeAOT binary,
# then in one run measures:
#   1. bench/XmlBaseline: every file tokenized by XmlReader on one thread (the yardstick), with and without Dynamic PGO
#   2. metalint check on the whole tree: AOT text, SARIF, JSON, CSV and GitLab, and JIT text
#   3. metalint check on one profile of about 2 MB (hyperfine): AOT text, AOT SARIF, AOT --staged, JIT text
# and prints wall time (median and range over the repeats), MB/s, peak RSS and the metalint/baseline throughput ratios
# (median, and the range of the per-repeat ratios: each repeat's metalint run against that repeat's baseline run).
# Needs only the repository, the .NET SDK, python3 and /usr/bin/time (hyperfine for the one-file timings).
#
# BENCH_SIZE=full  (default) about 400 MB: 120 profiles of ~2.7 MB (400 objects x 40 fields), 200 permission sets
# BENCH_SIZE=small about 40 MB, for a quick check
# BENCH_RUNS=N     repetitions per whole-tree measurement (default 5; median wall shown, peak RSS is the max)
# BENCH_ORG=DIR    where the org is generated (default bench/out/org-$BENCH_SIZE; reused when present)
# BENCH_MEMORY=1   then run bench/memory.sh (peak RSS on half- and double-size orgs, every format; about 2 minutes)
# BENCH_PEER=1     then run bench/peer.sh (installs Salesforce Code Analyzer from npm on first use; Node.js 20+ and
#                  Java 11+; about 3 minutes to install, then about 2 minutes a run on the small org)
# The last lines say, for each issue 14 target, whether this run met it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
. bench/lib.sh
size="${BENCH_SIZE:-full}"
runs="${BENCH_RUNS:-5}"
case "$size" in
  full)  gen_args=(--profiles 120 --permsets 200 --objects 400 --fields 40) ;;
  small) gen_args=(--profiles 12 --permsets 20 --objects 400 --fields 40) ;;
  *) echo "BENCH_SIZE must be full or small" >&2; exit 2 ;;
esac
org="${BENCH_ORG:-$repo/bench/out/org-$size}"
out="$repo/bench/out"
mkdir -p "$out"

gen_org "$org" "${gen_args[@]}" --seed 42

echo "building Release (JIT) and NativeAOT ..."
dotnet build -c Release "$repo/src/MetaLint.Cli/MetaLint.Cli.csproj" -o "$out/metalint" -v q -nologo -nodeReuse:false >/dev/null
publish_aot
dotnet build -c Release "$repo/bench/XmlBaseline/XmlBaseline.csproj" -o "$out/baseline" -v q -nologo -nodeReuse:false >/dev/null
jit=(dotnet "$out/metalint/metalint.dll"); aot="$out/aot-bin/metalint"

files=$(find "$org" -name '*-meta.xml' | wc -l)
bytes=$(find "$org" -name '*-meta.xml' -printf '%s\n' | awk '{s+=$1} END {print s}')
# The one-file case: a single profile of about 2 MB (300 objects x 40 fields, 12,000 fieldPermissions).
one_file=$(one_profile)
one_bytes=$(stat -c %s "$one_file")

# Warm the page cache so every measurement reads from memory, not disk.
find "$org" -name '*-meta.xml' -exec cat {} + >/dev/null

# stats NAME: median wall, its range (min-max), the median CPU time, and the largest peak RSS over all runs.
stats() {
  sort -n "$out/$1.runs" | awk '{w[NR]=$1; c[NR]=$2; if ($3>r) r=$3}
    END {m=int((NR+1)/2); print w[m], w[1], w[NR], c[m], r}'
}
# ratios BASE NAME [COLUMN]: median and range of BASE wall (or CPU, column 2) / NAME's, repeat by repeat
# (interleaved, so similar load).
ratios() {
  paste -d' ' "$out/$1.runs" "$out/$2.runs" | awk -v c="${3:-1}" '{print $c/$(c+3)}' | sort -n |
    awk '{r[NR]=$1} END {m=int((NR+1)/2); printf "%.2fx (%.2f-%.2f)", r[m], r[1], r[NR]}'
}

# Whole-tree runs are interleaved (baselines, then each metalint variant; repeat) so each sees similar machine load.
rm -f "$out"/*.runs
for _ in $(seq "$runs"); do
  measure baseline dotnet "$out/baseline/XmlBaseline.dll" "$org"
  DOTNET_TieredPGO=0 measure baseline-nopgo dotnet "$out/baseline/XmlBaseline.dll" "$org"
  measure tree "$aot" check "$org" --fail-on never
  for f in sarif json csv gitlab; do measure "tree-$f" "$aot" check "$org" --format "$f" --fail-on never; done
  measure tree-jit "${jit[@]}" check "$org" --fail-on never
done

mbs() { awk "BEGIN{printf \"%.0f\", $1/1048576/$2}"; }
echo
machine_line
echo "org:      $size, $files files, $(awk "BEGIN{printf \"%.0f\", $bytes/1048576}") MB ($org)"
echo "runs:     $runs of each, interleaved; median wall (range), CPU = user+sys median, peak RSS = max over runs"
echo "baseline internal: $(cat "$out/baseline.stdout")"
printf '%-46s %8s %13s %7s %6s %8s %-20s %-20s\n' "measurement" "wall s" "range" "CPU s" "MB/s" "RSS MB" "vs baseline" "vs baseline PGO off"
row() {
  local w lo hi c r
  read -r w lo hi c r < <(stats "$2")
  printf '%-46s %8.2f %13s %7.2f %6s %8.0f %-20s %-20s\n' "$1" "$w" "$(printf '%.2f-%.2f' "$lo" "$hi")" "$c" \
    "$(mbs "$bytes" "$w")" "$(awk "BEGIN{print $r/1024}")" "${3:-}" "${4:-}"
}
row "XmlReader baseline, 1 thread" baseline "1.00x"
row "XmlReader baseline, 1 thread, TieredPGO off" baseline-nopgo "" "1.00x"
# The metalint variants, "run name:label".
tree_runs=("tree:text (AOT)" "tree-sarif:SARIF (AOT)" "tree-json:JSON (AOT)" "tree-csv:CSV (AOT)"
  "tree-gitlab:GitLab (AOT)" "tree-jit:text (JIT)")
for t in "${tree_runs[@]}"; do
  row "metalint check, tree, ${t#*:}" "${t%%:*}" "$(ratios baseline "${t%%:*}")" "$(ratios baseline-nopgo "${t%%:*}")"
done
echo "(vs baseline: baseline wall / metalint wall per repeat, median (range); above 1 means faster than the tokenizer)"
cpu="" cpu_nopgo=""
for t in "${tree_runs[@]}"; do
  cpu+="${cpu:+, }${t#*:} $(ratios baseline "${t%%:*}" 2)"
  cpu_nopgo+="${cpu_nopgo:+, }$(ratios baseline-nopgo "${t%%:*}" 2)"
done
echo "CPU time, baseline / metalint per repeat (steadier than wall time on a loaded machine): $cpu; PGO-off baseline:" \
  "$cpu_nopgo"
echo "findings in the SARIF report: $(grep -c '"ruleId"' "$out/tree-sarif.stdout" || true)"

# One file: too short for /usr/bin/time's 10 ms resolution, so hyperfine. --staged runs in a throwaway repository
# holding only that profile, staged and unchanged, as a pre-commit hook sees it.
echo
echo "one file: $one_file ($(awk "BEGIN{printf \"%.1f\", $one_bytes/1048576}") MB)"
one_file_runs() {
staged="$out/staged-repo"; rm -rf "$staged"; mkdir -p "$staged/profiles"
cp "$one_file" "$staged/profiles/One.profile-meta.xml"
git -C "$staged" init -q && git -C "$staged" add -A
hyperfine -N -i --warmup 3 --runs "${BENCH_ONE_RUNS:-30}" --export-json "$out/one.json" \
  "$aot --version" \
  "$aot check '$one_file'" \
  "$aot check '$one_file' --format sarif" \
  "$aot check --staged '$staged/profiles/One.profile-meta.xml'" \
  "${jit[*]} --version" \
  "${jit[*]} check '$one_file'" >/dev/null
python3 - "$out/one.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
for r in results:
    cmd = r["command"].replace(sys.argv[1].rsplit("/", 1)[0] + "/", "")
    print(f"  median {r['median']*1000:7.1f} ms  min {r['min']*1000:6.1f}  CPU {(r['user'] + r['system'])*1000:6.1f} ms  {cmd}")
text, sarif = results[1], results[2]
print(f"  SARIF over text, one file (AOT): {(sarif['median'] - text['median'])*1000:+.1f} ms (medians),"
      f" {(sarif['min'] - text['min'])*1000:+.1f} ms (minimums),"
      f" {(sarif['user'] + sarif['system'] - text['user'] - text['system'])*1000:+.1f} ms CPU")
PY
}
if command -v hyperfine >/dev/null; then one_file_runs; else echo "hyperfine not installed: one-file timings skipped"; fi

# The targets of issue 14, from this run's own figures: every AOT format at 2x the tokenizer or better (wall time,
# against the stricter PGO-off baseline), one-file AOT runs (text, SARIF, --staged) under 30 ms (hyperfine median).
echo
echo "targets (issue 14):"
for t in "${tree_runs[@]}"; do
  case "$t" in *JIT*) continue ;; esac
  r=$(ratios baseline-nopgo "${t%%:*}" | cut -d'x' -f1)
  echo "  ${t#*:}: $(ratios baseline-nopgo "${t%%:*}") the PGO-off tokenizer: $(awk -v r="$r" 'BEGIN{print (r >= 2 ? "met (>= 2x)" : "NOT met (< 2x)")}')"
done
if [ -f "$out/one.json" ] && command -v hyperfine >/dev/null; then
  python3 - "$out/one.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
for name, r in [("one file, text", results[1]), ("one file, SARIF", results[2]), ("one file, --staged", results[3])]:
    ms = r["median"] * 1000
    print(f"  {name} (AOT): {ms:.1f} ms median: {'met (<= 30 ms)' if ms <= 30 else 'NOT met (> 30 ms)'}")
PY
fi
if [ "${BENCH_MEMORY:-0}" = 1 ]; then echo; bash bench/memory.sh; fi
if [ "${BENCH_PEER:-0}" = 1 ]; then echo; bash bench/peer.sh; fi
