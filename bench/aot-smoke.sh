#!/usr/bin/env bash
# Builds the NativeAOT binary and checks that it behaves exactly like the JIT build: the same bytes for text, JSON,
# SARIF and GitLab reports on the sample org, the same exit codes, working git (--base) and baseline commands, and
# the same language-server diagnostics (bench/lsp-roundtrip.py).
# Then times a one-file check of the largest profile given (or generated) against the JIT build, with hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${AOT_OUT:-bench/out/aot}"
rid="${RID:-linux-x64}"
dotnet publish src/MetaLint.Cli -c Release -r "$rid" -p:PublishAot=true -o "$out/native" --nologo -v q
dotnet publish src/MetaLint.Cli -c Release -o "$out/jit" --nologo -v q
aot="$out/native/metalint"; jit="$out/jit/metalint"
sample=testdata/sample-org
fail=0
for format in text json sarif gitlab; do
  set +e
  "$aot" check "$sample" --format "$format" > "$out/aot.$format"; a=$?
  "$jit" check "$sample" --format "$format" > "$out/jit.$format"; j=$?
  set -e
  if [ "$a" != "$j" ] || ! cmp -s "$out/aot.$format" "$out/jit.$format"; then
    echo "DIFFERENT: --format $format (exit $a vs $j)"; fail=1
  else
    echo "same: --format $format (exit $a)"
  fi
done
"$aot" check . --base HEAD --fail-on never > /dev/null && echo "same: --base HEAD runs" || { echo "FAILED: --base HEAD"; fail=1; }
"$aot" baseline score "$sample" > /dev/null && echo "same: baseline score runs" || { echo "FAILED: baseline score"; fail=1; }
mapfile -t lsp_files < <(find "$sample/force-app" -name '*.permissionset-meta.xml' -o -name '*.profile-meta.xml' | sort)
if [ "$(python3 bench/lsp-roundtrip.py "$aot" "${lsp_files[@]}")" == "$(python3 bench/lsp-roundtrip.py "$jit" "${lsp_files[@]}")" ]; then
  echo "same: lsp diagnostics"
else
  echo "DIFFERENT: lsp diagnostics"; fail=1
fi
[ "$fail" -eq 0 ] || exit 1

profile="${1:-}"
if [ -z "$profile" ]; then
  python3 bench/gen_org.py "$out/org" --profiles 1 --permsets 0 --objects 300 --fields 20 --seed 7 > /dev/null
  profile=$(find "$out/org" -name '*.profile-meta.xml' | head -1)
fi
echo "timing one-file check of $profile ($(du -h "$profile" | cut -f1))"
hyperfine -N --warmup 3 --runs 20 -i \
  "$aot --version" \
  "$aot check '$profile'" \
  "$aot check '$profile' --format sarif --output $out/one.sarif" \
  "$jit check '$profile'"
