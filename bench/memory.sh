#!/usr/bin/env bash
# Peak memory against org size (issue 14 point 2: "peak memory within 20 MB between the half-size and double-size
# generated orgs, for every format"). Generates two orgs of the bench/run.sh BENCH_SIZE=full shape (400 objects x 40
# fields), HALF (60 profiles, 100 permission sets, about 210 MB) and DOUBLE (240 profiles, 400 permission sets, about
# 830 MB), publishes the NativeAOT binary, then runs `metalint check ORG --format F --fail-on never` on both, for
# every format, under /usr/bin/time -v, interleaved (each repeat runs every format on HALF then DOUBLE), and prints
# per format the findings in each org (counted in the report itself), the peak RSS in each (the max over the runs),
# the difference and PASS/FAIL against the target. SARIF with --max-results 0 (no result cap) is an extra row, for
# information. Needs the .NET SDK, python3 and /usr/bin/time.
#
# MEM_RUNS=N        runs of each format on each org (default 3)
# MEM_SCALE=small   a tenth of the files (6/10 and 24/40 profiles/permission sets) for a quick smoke run
# MEM_LIMIT_MB=N    the target (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"; out="$repo/bench/out"
. bench/lib.sh
runs="${MEM_RUNS:-3}"; limit="${MEM_LIMIT_MB:-20}"
case "${MEM_SCALE:-full}" in
  full)  half=(--profiles 60 --permsets 100); double=(--profiles 240 --permsets 400); suffix= ;;
  small) half=(--profiles 6 --permsets 10); double=(--profiles 24 --permsets 40); suffix=-small ;;
  *) echo "MEM_SCALE must be full or small" >&2; exit 2 ;;
esac
shape=(--objects 400 --fields 40 --seed 42)
org_half="$out/org-mem-half$suffix"; org_double="$out/org-mem-double$suffix"
mkdir -p "$out"
gen_org "$org_half" "${half[@]}" "${shape[@]}"
gen_org "$org_double" "${double[@]}" "${shape[@]}"

echo "publishing the NativeAOT binary ..."
publish_aot
aot="$out/aot-bin/metalint"

# Warm the page cache so every run reads from memory.
find "$org_half" "$org_double" -name '*-meta.xml' -exec cat {} + >/dev/null

# name:flags; the first five are the formats the target applies to.
variants=(text:"--format text" sarif:"--format sarif" json:"--format json" csv:"--format csv" gitlab:"--format gitlab"
  sarif-nocap:"--format sarif --max-results 0")
rm -f "$out"/mem-*.runs
for _ in $(seq "$runs"); do
  for v in "${variants[@]}"; do
    read -ra flags <<<"${v#*:}"
    measure "mem-${v%%:*}-half" "$aot" check "$org_half" "${flags[@]}" --fail-on never
    measure "mem-${v%%:*}-double" "$aot" check "$org_double" "${flags[@]}" --fail-on never
  done
done

# findings FORMAT REPORT: the findings the report holds; for SARIF "FINDINGS (N results)", where FINDINGS puts back
# the per-object findings grouped under the result cap (metalint/groupedFindings, metalint/groupedResults) and the
# results left out (metalint/omittedResults).
findings() {
  python3 - "$1" "$2" <<'PY'
import csv, json, re, sys
fmt, path = sys.argv[1], sys.argv[2]
if fmt == "text":
    with open(path, encoding="utf-8") as f:
        print(sum(1 for line in f if re.match(r"\s+\d+:\d+\s+(error|warning|note)\s", line)))
elif fmt == "csv":
    with open(path, encoding="utf-8", newline="") as f:
        print(sum(1 for _ in csv.reader(f)) - 1)
else:
    doc = json.load(open(path, encoding="utf-8"))
    if fmt == "json":
        print(len(doc["findings"]))
    elif fmt == "gitlab":
        print(len(doc))
    else:
        run = doc["runs"][0]
        p = run.get("properties", {})
        results = len(run["results"])
        total = results - p.get("metalint/groupedResults", 0) + p.get("metalint/groupedFindings", 0) \
            + p.get("metalint/omittedResults", 0)
        print(f"{total} ({results} results)")
PY
}
# peak NAME: the largest peak RSS over NAME's runs, in MB; wall NAME: the median wall time.
peak() { awk '$3>r {r=$3} END {printf "%.1f", r/1024}' "$out/$1.runs"; }
wall() { cut -d' ' -f1 "$out/$1.runs" | sort -n | awk '{w[NR]=$1} END {printf "%.2f", w[int((NR+1)/2)]}'; }
size() { echo "$(find "$1" -name '*-meta.xml' | wc -l) files, $(find "$1" -name '*-meta.xml' -printf '%s\n' | awk '{s+=$1} END {printf "%.0f MB", s/1048576}')"; }

echo
machine_line
echo "half:     $(size "$org_half") ($org_half)"
echo "double:   $(size "$org_double") ($org_double)"
echo "binary:   $aot (NativeAOT, $(git log -1 --format='%h %cs' 2>/dev/null || echo 'no git'))"
echo "runs:     $runs of each format on each org, interleaved; peak RSS = max over runs (/usr/bin/time -v), wall = median"
printf '%-12s %-22s %-22s %9s %9s %8s %8s %8s  %s\n' format "findings half" "findings double" "RSS half" "RSS dbl" \
  "diff MB" "wall h" "wall d" "within ${limit} MB"
passed=0
for v in "${variants[@]}"; do
  name="${v%%:*}"; fmt="$name"; [ "$name" = sarif-nocap ] && fmt=sarif
  h=$(peak "mem-$name-half"); d=$(peak "mem-$name-double")
  diff=$(awk "BEGIN{printf \"%.1f\", $d-$h}")
  verdict=$(awk "BEGIN{d=$diff; if (d<0) d=-d; print (d<=$limit ? \"PASS\" : \"FAIL\")}")
  if [ "$name" = sarif-nocap ]; then verdict="$verdict (information, --max-results 0)"
  elif [ "$verdict" = PASS ]; then passed=$((passed + 1)); fi
  printf '%-12s %-22s %-22s %9s %9s %8s %8s %8s  %s\n' "$name" "$(findings "$fmt" "$out/mem-$name-half.stdout")" \
    "$(findings "$fmt" "$out/mem-$name-double.stdout")" "$h" "$d" "$diff" "$(wall "mem-$name-half")" \
    "$(wall "mem-$name-double")" "$verdict"
done
echo "target (issue 14): peak RSS within $limit MB between half and double: $passed of 5 formats pass"
