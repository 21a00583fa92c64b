#!/usr/bin/env bash
# Issue 15 item 2 (docs/performance.md, "Redis against memory"): one build, in-memory against Redis-durable, the
# order of the two modes alternating by round. Each round: closed 4x128 (--no-echo) in each mode, then an open
# loop in each mode at half that round's Redis maximum. Redis: Debian's redis-server started here on --redis-port,
# append-only with appendfsync everysec (as in the docs' Redis rows), FLUSHALL before each Redis run, its CPU
# counted with the host's.
#
#   loadtests/redis-ratio.sh [--rounds 3] [--host-dll DLL] [--redis-port 6421] [--out DIR]
#
# Needs a Release build (dotnet build src/Grid.Host -c Release; dotnet build loadtests/Grid.LoadTest -c Release).
# Prints each run's summary line and "open rate R"; the reports land in --out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
fail() { echo "redis-ratio.sh: $*" >&2; exit 2; }
rounds=3; dll=src/Grid.Host/bin/Release/net10.0/Grid.Host.dll; port=6421; out=""
gen=loadtests/Grid.LoadTest/bin/Release/net10.0/Grid.LoadTest.dll
while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds|--host-dll|--redis-port|--out) [[ $# -ge 2 ]] || fail "$1 needs a value" ;;&
    --rounds) [[ $2 =~ ^[1-9][0-9]*$ ]] || fail "--rounds $2: not a positive whole number"; rounds=$2; shift 2 ;;
    --host-dll) dll=$2; shift 2 ;;
    --redis-port) [[ $2 =~ ^[1-9][0-9]*$ ]] || fail "--redis-port $2: not a port"; port=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
done
[[ -f $dll ]] || fail "no host build at $dll"
[[ -f $gen ]] || fail "no generator build at $gen"
out=${out:-$root/loadtests/results/redis-ratio-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out/redis"
redis-server --port "$port" --save "" --appendonly yes --appendfsync everysec --dir "$out/redis" --daemonize yes \
  --logfile "$out/redis.log" > /dev/null
trap 'redis-cli -p "$port" shutdown nosave > /dev/null 2>&1 || true' EXIT
for _ in $(seq 50); do redis-cli -p "$port" ping > /dev/null 2>&1 && break; sleep 0.1; done
rpid=$(redis-cli -p "$port" info server | awk -F: '/^process_id/{print $2}' | tr -d '\r')
common=(--start-host "$dll" --core 0 --streams 4 --warmup 25 --duration 20 --no-progress --no-echo)
redis=(--host-arg --Grid:Host:Mode=Redis --host-arg "--Grid:Host:RedisConnectionString=127.0.0.1:$port,abortConnect=false" --server-pid "$rpid")
run() { # label mode load...
  local label=$1 mode=$2; shift 2
  local extra=()
  if [[ $mode == redis ]]; then redis-cli -p "$port" FLUSHALL > /dev/null; extra=("${redis[@]}"); fi
  echo "== $label $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
  dotnet "$gen" "${common[@]}" "$@" "${extra[@]}" --label "$label" --out "$out" > "$out/$label.txt" 2>&1 || true
  grep -E "^grid " "$out/$label.txt" || echo "   (no summary: see $out/$label.txt)"
}
for r in $(seq "$rounds"); do
  order=(memory redis); (( r % 2 == 0 )) && order=(redis memory)
  for m in "${order[@]}"; do run "$m-closed-$r" "$m" --concurrency 128; done
  rate=$(awk '/^grid /{gsub(",","",$4); print int($4/2)}' "$out/redis-closed-$r.txt")
  [[ -n $rate && $rate -gt 0 ]] || { echo "   round $r: no Redis maximum, no open loop"; continue; }
  echo "   open rate $rate"
  for m in "${order[@]}"; do run "$m-open-$r" "$m" --rate "$rate"; done
done
