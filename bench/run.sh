#!/usr/bin/env bash
# MetaLint throughput benchmark (issue 6). Generates a synthetic org, builds Release (JIT) and the NativeAOT binary,
# then in one run measures:
#   1. bench/XmlBaseline: every file tokenized by XmlReader on one thread (the yardstick), with and without Dynamic PGO
#   2. metalint check on the whole tree: AOT text, AOT SARIF, JIT text
#   3. metalint check on one profile of about 2 MB (hyperfine): AOT text, AOT SARIF, AOT --staged, JIT text
# and prints wall time, MB/s, peak RSS and the metalint/baseline throughput ratios.
#
# BENCH_SIZE=full  (default) about 400 MB: 120 profiles of ~2.7 MB (400 objects x 40 fields), 200 permission sets
# BENCH_SIZE=small about 40 MB, for a quick check
# BENCH_RUNS=N     repetitions per whole-tree measurement (default 3; best wall kept, peak RSS is the max)
# GEN_ORG=PATH     the org generator (default /work/shared/tools/gen_org.py)
# BENCH_ORG=DIR    where the org is generated (default bench/out/org-$BENCH_SIZE; reused when present)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
size="${BENCH_SIZE:-full}"
runs="${BENCH_RUNS:-3}"
case "$size" in
  full)  gen_args=(--profiles 120 --permsets 200 --objects 400 --fields 40) ;;
  small) gen_args=(--profiles 12 --permsets 20 --objects 400 --fields 40) ;;
  *) echo "BENCH_SIZE must be full or small" >&2; exit 2 ;;
esac
org="${BENCH_ORG:-$repo/bench/out/org-$size}"
out="$repo/bench/out"
mkdir -p "$out"

if [ ! -f "$org/sfdx-project.json" ]; then
  echo "generating $size org in $org ..."
  python3 "${GEN_ORG:-/work/shared/tools/gen_org.py}" "$org" "${gen_args[@]}" --seed 42
fi

echo "building Release (JIT) and NativeAOT ..."
dotnet build -c Release "$repo/src/MetaLint.Cli/MetaLint.Cli.csproj" -o "$out/metalint" -v q -nologo >/dev/null
dotnet publish "$repo/src/MetaLint.Cli/MetaLint.Cli.csproj" -c Release -r "${RID:-linux-x64}" -p:PublishAot=true \
  -o "$out/aot-bin" -v q -nologo >/dev/null 2>&1
dotnet build -c Release "$repo/bench/XmlBaseline/XmlBaseline.csproj" -o "$out/baseline" -v q -nologo >/dev/null
jit=(dotnet "$out/metalint/metalint.dll"); aot="$out/aot-bin/metalint"

files=$(find "$org" -name '*-meta.xml' | wc -l)
bytes=$(find "$org" -name '*-meta.xml' -printf '%s\n' | awk '{s+=$1} END {print s}')
# The one-file case: a single profile of about 2 MB (300 objects x 40 fields, 12,000 fieldPermissions).
one_org="$out/org-one"
[ -f "$one_org/sfdx-project.json" ] ||
  python3 "${GEN_ORG:-/work/shared/tools/gen_org.py}" "$one_org" --profiles 1 --permsets 0 --objects 300 --fields 40 --seed 7 >/dev/null
one_file=$(find "$one_org" -name '*.profile-meta.xml' | head -1)
one_bytes=$(stat -c %s "$one_file")

# Warm the page cache so every measurement reads from memory, not disk.
find "$org" -name '*-meta.xml' -exec cat {} + >/dev/null

# measure NAME CMD...: one run under /usr/bin/time -v; appends "wall cpu rss_kb" to $out/NAME.runs.
measure() {
  local name="$1"; shift
  /usr/bin/time -v -o "$out/time.txt" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr" || [ $? -le 1 ]
  awk -F': ' '
    /Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for (i=1;i<=n;i++) s=s*60+p[i]; wall=s}
    /User time/ {u=$2} /System time/ {y=$2} /Maximum resident set size/ {rss=$2}
    END {print wall, u+y, rss}' "$out/time.txt" >>"$out/$name.runs"
}
# best NAME: best wall, the CPU time of that run, and the largest peak RSS over all runs.
best() { sort -n "$out/$1.runs" | awk -v name="$1" 'NR==1 {w=$1; c=$2} {if ($3>r) r=$3} END {print w, c, r}'; }

# Whole-tree runs are interleaved (baselines, then each metalint variant; repeat) so each sees similar machine load.
rm -f "$out"/*.runs
for _ in $(seq "$runs"); do
  measure baseline dotnet "$out/baseline/XmlBaseline.dll" "$org"
  DOTNET_TieredPGO=0 measure baseline-nopgo dotnet "$out/baseline/XmlBaseline.dll" "$org"
  measure tree "$aot" check "$org" --fail-on never
  measure tree-sarif "$aot" check "$org" --format sarif --fail-on never
  measure tree-jit "${jit[@]}" check "$org" --fail-on never
done
read -r base_s base_cpu base_kb < <(best baseline)
read -r basen_s basen_cpu basen_kb < <(best baseline-nopgo)
read -r tree_s tree_cpu tree_kb < <(best tree)
read -r sarif_s sarif_cpu sarif_kb < <(best tree-sarif)
read -r jtree_s jtree_cpu jtree_kb < <(best tree-jit)

mbs() { awk "BEGIN{printf \"%.0f\", $1/1048576/$2}"; }
ratio() { awk "BEGIN{printf \"%.2f\", $1/$2}"; }
echo
echo "machine:  $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), .NET $(dotnet --version)"
echo "org:      $size, $files files, $(awk "BEGIN{printf \"%.0f\", $bytes/1048576}") MB ($org)"
echo "runs:     $runs of each, interleaved; best wall time shown (CPU = user+sys of that run), peak RSS = max over runs"
echo "baseline internal: $(cat "$out/baseline.stdout")"
row() { printf '%-46s %8.2f %8.2f %8s %12.0f\n' "$1" "$2" "$3" "$(mbs "$4" "$2")" "$(awk "BEGIN{print $5/1024}")"; }
printf '%-46s %8s %8s %8s %12s\n' "measurement" "wall s" "CPU s" "MB/s" "peak RSS MB"
row "XmlReader baseline, 1 thread" "$base_s" "$base_cpu" "$bytes" "$base_kb"
row "XmlReader baseline, 1 thread, TieredPGO off" "$basen_s" "$basen_cpu" "$bytes" "$basen_kb"
row "metalint check, tree, text (AOT)" "$tree_s" "$tree_cpu" "$bytes" "$tree_kb"
row "metalint check, tree, SARIF (AOT)" "$sarif_s" "$sarif_cpu" "$bytes" "$sarif_kb"
row "metalint check, tree, text (JIT)" "$jtree_s" "$jtree_cpu" "$bytes" "$jtree_kb"
echo "throughput ratio metalint/baseline, whole tree: AOT $(ratio "$base_s" "$tree_s")x (text), $(ratio "$base_s" "$sarif_s")x (SARIF); JIT $(ratio "$base_s" "$jtree_s")x (text)"
echo "  against the baseline with TieredPGO off: AOT $(ratio "$basen_s" "$tree_s")x (text), $(ratio "$basen_s" "$sarif_s")x (SARIF); JIT $(ratio "$basen_s" "$jtree_s")x (text)"
echo "findings in the SARIF report: $(grep -c '"ruleId"' "$out/tree-sarif.stdout" || true)"

# One file: too short for /usr/bin/time's 10 ms resolution, so hyperfine. --staged runs in a throwaway repository
# holding only that profile, staged and unchanged, as a pre-commit hook sees it.
echo
echo "one file: $one_file ($(awk "BEGIN{printf \"%.1f\", $one_bytes/1048576}") MB)"
if ! command -v hyperfine >/dev/null; then echo "hyperfine not installed: one-file timings skipped"; exit 0; fi
staged="$out/staged-repo"; rm -rf "$staged"; mkdir -p "$staged/profiles"
cp "$one_file" "$staged/profiles/One.profile-meta.xml"
git -C "$staged" init -q && git -C "$staged" add -A
hyperfine -N -i --warmup 3 --runs "${BENCH_ONE_RUNS:-30}" --export-json "$out/one.json" \
  "$aot --version" \
  "$aot check '$one_file'" \
  "$aot check '$one_file' --format sarif" \
  "$aot check --staged '$staged/profiles/One.profile-meta.xml'" \
  "${jit[*]} check '$one_file'" >/dev/null
python3 - "$out/one.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    cmd = r["command"].replace(sys.argv[1].rsplit("/", 1)[0] + "/", "")
    print(f"  {r['mean']*1000:7.1f} ms +- {r['stddev']*1000:4.1f}  (min {r['min']*1000:5.1f})  {cmd}")
PY
