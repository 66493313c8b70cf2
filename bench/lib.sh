# Shared by the bench scripts (sourced from the repository root): the one-file benchmark input and the timed run.

# one_profile: the path of the ~2.1 MB generated profile every one-file measurement uses (12,000 fieldPermissions),
# generated into bench/out/org-one on first use.
one_profile() {
  local org=bench/out/org-one
  [ -f "$org/sfdx-project.json" ] ||
    python3 bench/gen_org.py "$org" --profiles 1 --permsets 0 --objects 300 --fields 40 --seed 7 >/dev/null
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
