#!/usr/bin/env bash
# Runs the whole test suite the way CI does, from a fresh clone:
#   1. installs what the tests need and is missing (see scripts/install-test-deps.sh),
#   2. builds the solution in Release (warnings are errors),
#   3. runs every test project,
#   4. ends with one line: "tests: N passed, N failed, N skipped".
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Store"]
set -uo pipefail
cd "$(dirname "$0")"

results_dir="$PWD/.test-output"
rm -rf "$results_dir"
mkdir -p "$results_dir"

# A dockerd that scripts/install-test-deps.sh started for this run (it records the pid) is stopped,
# quietly, however the run ends; one that was already running is left alone.
stop_started_dockerd() {
  local pid_file="$results_dir/dockerd.pid" pid
  [ -f "$pid_file" ] || return 0
  pid=$(cat "$pid_file")
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -KILL "$pid" 2>/dev/null || true
}
trap stop_started_dockerd EXIT

if [ -x scripts/install-test-deps.sh ]; then
  scripts/install-test-deps.sh || { echo "test.sh: installing test dependencies failed" >&2; echo "tests: 0 passed, 1 failed, 0 skipped"; exit 1; }
fi

echo "==> dotnet build Reconciler.sln -c Release"
if ! dotnet build Reconciler.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "test.sh: the build failed" >&2
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

echo "==> dotnet test (every test project)"
# A hung test fails its project after the timeout instead of eating CI's 90 minutes.
dotnet test Reconciler.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results_dir" \
  --blame-hang --blame-hang-timeout 10m "$@" 2>&1 | tee "$results_dir/console.log"
status=${PIPESTATUS[0]}

# Count from the TRX files: one per test project that ran.
counter() { # sums one attribute of <Counters> over every TRX file
  grep -ho "<Counters [^>]*" "$results_dir"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{s+=$1} END {print s+0}'
}
passed=$(counter passed)
failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
skipped=$(counter notExecuted)
passed=${passed:-0}; failed=${failed:-0}; skipped=${skipped:-0}

# A test host that crashed leaves no failed test behind but a non-zero exit: count it.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: dotnet test exited with $status without a failed test (a test host crashed or hung?)" >&2
  failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  failed=1
fi

echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
