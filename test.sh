#!/usr/bin/env bash
# Runs the whole test suite: installs Debian's redis-server when missing (and allowed) for the
# cluster tests, runs every test project, and prints one summary line "Tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

# The cluster tests start (and kill, and restart) private redis-server processes of their own:
# they only need Debian's redis-server installed (without it they are reported as skipped). The
# console's browser tests drive Debian's chromium.
for package in redis-server chromium; do
  if ! command -v "$package" >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq "$package" >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$package" >/dev/null 2>&1; }
  fi
done

if command -v redis-server >/dev/null 2>&1; then
  export GRID_TEST_REDIS_SERVER="$(command -v redis-server)"
else
  echo "redis-server not found: the cluster tests will be skipped" >&2
fi

log=$(mktemp)
# A test that hangs fails after 20 min, naming itself: the fuzz test, the longest, is CPU-bound in the test
# process and overran 10 min on a shared 2-core machine at load average 40-90 (24 min alone at 60-90), which
# a 10-min guard took for a hang. A run stuck anywhere else ends after 60 min.
timeout 60m dotnet test Grid.sln -c Release --blame-hang-timeout 20m --blame-hang-dump-type none 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
