#!/usr/bin/env bash
# Start-up of the three ways metalint is installed (issue 14), in one hyperfine run:
#   IL only  the framework-dependent build without ReadyToRun (the "any" tool package, and every package before 0.1.1)
#   R2R      the framework-dependent ReadyToRun build of the RID-specific tool package (what `dotnet tool install`
#            picks on linux-x64, linux-arm64, osx-x64, osx-arm64 and win-x64)
#   AOT      the NativeAOT binary
# on `metalint --version` and a one-file check of a generated 2 MB profile. hyperfine's User/System columns are the
# CPU time, which a loaded machine stretches less than the wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
out="$PWD/bench/out/startup"; rid="${RID:-linux-x64}"
mkdir -p "$out"
echo "building IL-only, ReadyToRun and NativeAOT ..."
dotnet publish src/MetaLint.Cli -c Release -o "$out/il" --nologo -v q >/dev/null 2>&1
dotnet publish src/MetaLint.Cli -c Release -r "$rid" -o "$out/r2r" --nologo -v q >/dev/null 2>&1
[ -x bench/out/aot-bin/metalint ] || publish_aot
file=$(one_profile)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
hyperfine -N -i --warmup 3 --runs "${STARTUP_RUNS:-20}" --export-json "$out/startup.json" \
  "dotnet $out/il/metalint.dll --version" \
  "dotnet $out/r2r/metalint.dll --version" \
  "bench/out/aot-bin/metalint --version" \
  "dotnet $out/il/metalint.dll check '$file'" \
  "dotnet $out/r2r/metalint.dll check '$file'" \
  "bench/out/aot-bin/metalint check '$file'" >/dev/null
python3 - "$out/startup.json" <<'PY'
import json, sys
print(f"  {'median ms':>9} {'min ms':>7} {'CPU ms':>7}  command")
for r in json.load(open(sys.argv[1]))["results"]:
    cpu = (sum(r["user"]) + sum(r["system"])) / len(r["user"]) if isinstance(r["user"], list) else r["user"] + r["system"]
    print(f"  {r['median']*1000:9.1f} {r['min']*1000:7.1f} {cpu*1000:7.1f}  {r['command']}")
PY
