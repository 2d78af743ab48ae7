#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs every test project, prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --tests || exit 1
log=$(mktemp)
dotnet test OmniContextEval.sln -c Release --nologo "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
if [[ $rc -ne 0 ]] && ! grep -qE "Failed! +- +Failed: +[1-9]" "$log"; then
  echo "tests: the build or a test host failed (exit $rc); the errors are above:" >&2
  grep -E ": error [A-Z]+[0-9]+" "$log" | sort -u | head -20 >&2
fi
rm -f "$log"
exit "$rc"
