#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs every test project, prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh --tests || exit 1
log=$(mktemp)
# Detailed console output names every test and, for a skipped one, the reason its attribute gives.
dotnet test OmniContextEval.sln -c Release --nologo --logger "console;verbosity=detailed" "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# One closing line for the whole run, summed over the test assemblies.
awk '/^ +(Passed|Failed|Skipped): +[0-9]+ *$/ { n[$1] += $2 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", n["Passed:"], n["Failed:"], n["Skipped:"] }' "$log"
# A skip is not a pass: list each skipped test with the reason it gives (when it would run).
awk '/^  Skipped / { name = $2; want = 1; next }
     want && /Error Message:/ { next }
     want && NF { sub(/^ +/, ""); printf "skipped: %s: %s\n", name, $0; want = 0 }' "$log"
if [[ $rc -ne 0 ]] && ! grep -qE "^ +Failed: +[1-9]" "$log"; then
  echo "tests: the build or a test host failed (exit $rc); the errors are above:" >&2
  grep -E ": error [A-Z]+[0-9]+" "$log" | sort -u | head -20 >&2
fi
rm -f "$log"
exit "$rc"
