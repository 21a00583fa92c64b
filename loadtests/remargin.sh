#!/usr/bin/env bash
# Issue 16 item 4: N resident accounts (funded, one BTC-PERP position, five resting bids) across 3 Redis
# silos, seeded through the public API (Grid.HouseLoad remargin), left idle until the silos deactivate
# their grains (Grid:Accounts:IdleDeactivation), then a −10 % BTC move published through MarketData and
# timed until every account's state change has arrived on a RiskEvents subscription (its backlog,
# Grid:Gateway:RiskEventBacklog, is set above the burst of N events).
#   loadtests/remargin.sh [--accounts 100000] [--silos 3] [--idle-seconds 90] [--moves 1] [--wait-seconds IDLE+150] [--settle 0] [--host-dll PATH] [--redis-port 6393] [--port-base 5800] [--no-build] [--out DIR]
# --moves K publishes K moves on the same accounts, alternately down to 54,000 and back to 60,000 (each
# changes every account's state); --wait-seconds shortens the wait before the first (grains then still
# active); --settle S publishes S seconds after subscribing (the subscription's opening snapshot out of the
# way); --host-dll runs another build's silo (e.g. main's). With GRID_TRACE_RISK_EVENTS=1 in the environment
# the silos print when each stage of the events' path (sweep, announce, hub, feed, snapshot, stream write)
# first and last passed events.
# Needs Debian's redis-server, the .NET SDK and curl. Prints per silo the resident set and the managed heap
# before seeding, after seeding and after the grains went idle (after a full GC forced through
# dotnet-gcdump when it is installed), then the move's time and events/s.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
accounts=100000 silos=3 idle=90 moves=1 wait_s="" settle=0 host_dll="" redis_port=6393 port_base=5800 build=yes out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --accounts) accounts="$2"; shift 2 ;;
    --silos) silos="$2"; shift 2 ;;
    --idle-seconds) idle="$2"; shift 2 ;;
    --moves) moves="$2"; shift 2 ;;
    --wait-seconds) wait_s="$2"; shift 2 ;;
    --settle) settle="$2"; shift 2 ;;
    --host-dll) host_dll="$2"; shift 2 ;;
    --redis-port) redis_port="$2"; shift 2 ;;
    --port-base) port_base="$2"; shift 2 ;;
    --no-build) build=""; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "remargin.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
for v in "$accounts" "$silos" "$idle" "$moves" "$redis_port" "$port_base"; do
  [[ "$v" =~ ^[0-9]+$ && "$v" -gt 0 ]] || { echo "remargin.sh: $v is not a positive integer" >&2; exit 2; }
done
command -v redis-server >/dev/null || { echo "remargin.sh: redis-server not found" >&2; exit 1; }
out="${out:-$root/loadtests/results/remargin-$(date -u +%Y%m%dT%H%M%S)}"
mkdir -p "$out"
host_dll="${host_dll:-$root/src/Grid.Host/bin/Release/net10.0/Grid.Host.dll}"
tool_dll="$root/loadtests/Grid.HouseLoad/bin/Release/net10.0/Grid.HouseLoad.dll"
if [ -n "$build" ]; then
  dotnet build "$root/src/Grid.Host" -c Release -nologo -v q >/dev/null
  dotnet build "$root/loadtests/Grid.HouseLoad" -c Release -nologo -v q >/dev/null
fi

pids=() redis_pid=""
cleanup() {
  [ ${#pids[@]} -gt 0 ] && kill -TERM "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 50); do [ ${#pids[@]} -gt 0 ] && kill -0 "${pids[@]}" 2>/dev/null || break; sleep 0.2; done
  [ ${#pids[@]} -gt 0 ] && kill -KILL "${pids[@]}" 2>/dev/null || true
  if [ -n "$redis_pid" ]; then kill -TERM "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rcli() { redis-cli -p "$redis_port" "$@"; }
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$out" --appendonly yes --appendfsync everysec --save '' --logfile "$out/redis.log" &
redis_pid=$!
for _ in $(seq 50); do rcli ping >/dev/null 2>&1 && break; sleep 0.1; done
kill -0 "$redis_pid" 2>/dev/null && rcli ping >/dev/null || { echo "remargin.sh: redis-server did not start on port $redis_port (see $out/redis.log)" >&2; exit 1; }

targets=() http_ports=()
for ((i = 0; i < silos; i++)); do
  grpc=$((port_base + 10 * i)) http=$((port_base + 10 * i + 1))
  seed=false; [ "$i" = 0 ] && seed=true
  dotnet "$host_dll" --Grid:Host:Mode=Redis --Grid:Host:RedisConnectionString="127.0.0.1:$redis_port,abortConnect=false" \
    --Grid:Host:GrpcPort=$grpc --Grid:Host:HttpPort=$http --Grid:Host:SiloPort=$((port_base + 5600 + i)) \
    --Grid:Host:GatewayPort=$((port_base + 24600 + i)) --Grid:Host:ClusterId="remargin-$$" \
    --Grid:Host:SeedDemo=$seed --Grid:Gateway:RiskEventBacklog=$((accounts + 10000)) --Grid:Accounts:IdleDeactivation="$(printf "%02d:%02d:%02d" $((idle / 3600)) $((idle / 60 % 60)) $((idle % 60)))" > "$out/silo-$i.log" 2>&1 &
  pids+=($!)
  targets+=("http://127.0.0.1:$grpc") http_ports+=("$http")
  for _ in $(seq 240); do curl -sf "http://127.0.0.1:$http/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -sf "http://127.0.0.1:$http/health/ready" >/dev/null || { echo "remargin.sh: silo $i not ready (see $out/silo-$i.log)" >&2; exit 1; }
done

gcdump="$(command -v dotnet-gcdump || echo "$HOME/.dotnet/tools/dotnet-gcdump")"
memory() {
  for ((i = 0; i < silos; i++)); do
    # A heap snapshot forces a full blocking GC first, so the heap figure below is what is live (optional tool).
    [ "${2:-}" = gc ] && [ -x "$gcdump" ] && "$gcdump" collect -p "${pids[$i]}" -o "$out/silo-$i-$3.gcdump" >/dev/null 2>&1 || true
    rss=$(awk '/VmRSS/ {print $2}' "/proc/${pids[$i]}/status")
    heap=$(curl -sf "http://127.0.0.1:${http_ports[$i]}/metrics" | awk '/^dotnet_gc_last_collection_heap_size_bytes/ {s += $2} END {printf "%.0f", s / 1048576}')
    activations=$(curl -sf "http://127.0.0.1:${http_ports[$i]}/metrics" | awk '/^orleans_catalog_activations[{ ]/ {s += $NF} END {printf "%.0f", s}')
    echo "  silo $i: resident $((rss / 1024)) MB, managed heap after the last GC ${heap:-?} MB, activations ${activations:-?} ($1)"
  done
  echo "  redis: $(rcli info memory | awk -F: '/^used_memory_human/ {print $2}' | tr -d '\r') used, $(rcli dbsize) keys ($1)"
}

echo "remargin: $accounts accounts on $silos Redis silos, idle deactivation after $idle s; results in $out"
memory "before seeding" gc before
dotnet "$tool_dll" remargin "$(IFS=,; echo "${targets[*]}")" "$accounts" seed
memory "after seeding"
wait_s="${wait_s:-$((idle + 150))}"
echo "waiting ${wait_s} s for the account grains to go idle and deactivate"
sleep "$wait_s"
memory "grains idle" gc idle
# CPU seconds the silos used (user + system, from /proc): a move's cost that holds on a shared machine,
# where the wall-clock time depends on what else runs.
cpu() { local t=0; for p in "${pids[@]}"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
tick=$(getconf CLK_TCK)
for ((m = 0; m < moves; m++)); do
  price=54000; [ $((m % 2)) = 1 ] && price=60000
  [ "$m" -gt 0 ] && sleep 5
  before=$(cpu) started=$(date +%s%N)
  dotnet "$tool_dll" remargin "$(IFS=,; echo "${targets[*]}")" "$accounts" move "$price" "$settle"
  used=$(($(cpu) - before)) took=$((($(date +%s%N) - started) / 1000000))
  idle_before=$(cpu); sleep 5; idle=$(($(cpu) - idle_before))
  echo "  silos' CPU during the move step: $(awk -v u="$used" -v t="$tick" 'BEGIN {printf "%.2f", u / t}') s over $took ms (idle: $(awk -v u="$idle" -v t="$tick" 'BEGIN {printf "%.2f", u / t}') s per 5 s); load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
memory "after the move"
for ((i = 0; i < silos; i++)); do grep -h "RiskSweep\|sweep" "$out/silo-$i.log" | tail -3 || true; done
grep -h "risk-event trace" "$out"/silo-*.log | sort -k6 || true
