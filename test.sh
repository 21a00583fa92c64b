#!/usr/bin/env bash
# Runs the whole test suite: builds, starts a throwaway redis-server on loopback for the tests
# that need one (installing Debian's package when missing and allowed), runs every test project,
# stops Redis and prints one summary line "Tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

REDIS_PORT="${GRID_TEST_REDIS_PORT:-6399}"
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq redis-server >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq redis-server >/dev/null 2>&1; }
  fi
fi

redis_dir=""
if command -v redis-server >/dev/null 2>&1; then
  redis_dir=$(mktemp -d)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$redis_dir" \
    --daemonize yes --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
  for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export GRID_TEST_REDIS="127.0.0.1:$REDIS_PORT"
  export GRID_TEST_REDIS_SERVER="$(command -v redis-server)"
else
  echo "redis-server not found: tests that need Redis will be skipped" >&2
fi

stop_redis() {
  if [ -n "$redis_dir" ] && [ -f "$redis_dir/redis.pid" ]; then
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null
    rm -rf "$redis_dir"
  fi
}
trap stop_redis EXIT

log=$(mktemp)
dotnet test Grid.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
