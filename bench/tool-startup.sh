#!/usr/bin/env bash
# Start-up of the installed .NET tool (issue 14 point 5): packs twice, the default (the RID-specific package carries
# the NativeAOT binary where this machine can build it) and with -p:ToolAot=false (ReadyToRun), installs each with
# `dotnet tool install --tool-path DIR MetaLint --add-source PACKS` (each with its own NuGet cache: the two packages
# share an id and version), and times `metalint --version` and a one-file check of a generated 2 MB profile in one
# hyperfine run. CPU ms is hyperfine's User + System.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
out="$PWD/bench/out/tool"
rm -rf "$out"; mkdir -p "$out"
for kind in aot r2r; do
  flag=(); [ "$kind" = r2r ] && flag=(-p:ToolAot=false)
  echo "packing and installing the $kind tool ..."
  dotnet pack src/MetaLint.Cli -o "$out/packs-$kind" "${flag[@]}" --nologo -v q >/dev/null 2>&1
  NUGET_PACKAGES="$out/nuget-$kind" dotnet tool install --tool-path "$out/$kind" MetaLint \
    --add-source "$out/packs-$kind" --ignore-failed-sources >/dev/null
done
file -L "$out/aot/metalint" | grep -q ELF || { echo "the default package does not carry a native binary"; exit 1; }
file=$(one_profile)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
hyperfine -N -i --warmup 3 --runs "${STARTUP_RUNS:-30}" --export-json "$out/tool.json" \
  "$out/r2r/metalint --version" \
  "$out/aot/metalint --version" \
  "$out/r2r/metalint check '$file'" \
  "$out/aot/metalint check '$file'" >/dev/null
python3 - "$out/tool.json" <<'PY'
import json, sys
print(f"  {'median ms':>9} {'min ms':>7} {'CPU ms':>7}  command")
for r in json.load(open(sys.argv[1]))["results"]:
    cpu = (sum(r["user"]) + sum(r["system"])) / len(r["user"]) if isinstance(r["user"], list) else r["user"] + r["system"]
    print(f"  {r['median']*1000:9.1f} {r['min']*1000:7.1f} {cpu*1000:7.1f}  {r['command']}")
PY
