# Shared by the bench scripts (sourced from the repository root): generated orgs, the NativeAOT build, the one-file
# benchmark input, the timed run and the machine line.

# gen_org DIR GEN_ORG_ARGS...: generate an org with bench/gen_org.py into DIR unless one is there already.
gen_org() {
  local org="$1"; shift
  [ -f "$org/sfdx-project.json" ] && return
  echo "generating $org ..." >&2
  python3 bench/gen_org.py "$org" "$@" >/dev/null
}

# publish_aot: publish the NativeAOT binary of the working tree to bench/out/aot-bin/metalint (RID default
# linux-x64); the build log goes to bench/out/aot-publish.log and is shown when the publish fails.
publish_aot() {
  mkdir -p bench/out
  dotnet publish src/MetaLint.Cli/MetaLint.Cli.csproj -c Release -r "${RID:-linux-x64}" -p:PublishAot=true \
    -o bench/out/aot-bin -v q -nologo -nodeReuse:false >bench/out/aot-publish.log 2>&1 || { cat bench/out/aot-publish.log >&2; return 1; }
}

# one_profile: the path of the ~2.1 MB generated profile every one-file measurement uses (12,000 fieldPermissions),
# generated into bench/out/org-one on first use.
one_profile() {
  local org=bench/out/org-one
  gen_org "$org" --profiles 1 --permsets 0 --objects 300 --fields 40 --seed 7
  find "$PWD/$org" -name '*.profile-meta.xml' | head -1
}

# measure NAME CMD...: one run under /usr/bin/time -v; appends "wall_s cpu_s rss_kb" to $out/NAME.runs.
# Exit 1 (findings) counts as success.
measure() {
  local name="$1"; shift
  /usr/bin/time -v -o "$out/time.txt" "$@" >"$out/$name.stdout" 2>"$out/$name.stderr" || [ $? -le 1 ]
  awk -F': ' '
    /Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for (i=1;i<=n;i++) s=s*60+p[i]; wall=s}
    /User time/ {u=$2} /System time/ {y=$2} /Maximum resident set size/ {rss=$2}
    END {print wall, u+y, rss}' "$out/time.txt" >>"$out/$name.runs"
}

# machine_line: cores, CPU model, memory, .NET SDK and the load average now.
machine_line() {
  echo "machine:  $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), .NET $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
