#!/usr/bin/env bash
# Issue 16 item 4: N resident accounts (funded, one BTC-PERP position, five resting bids) across 3 Redis
# silos, seeded through the public API (Grid.HouseLoad remargin), left idle until the silos deactivate
# their grains (Grid:Accounts:IdleDeactivation), then a −10 % BTC move published through MarketData and
# timed until every account's state change has arrived on a RiskEvents subscription (its backlog,
# Grid:Gateway:RiskEventBacklog, is set above the burst of N events).
#   loadtests/remargin.sh [--accounts 100000] [--silos 3] [--idle-seconds 90] [--moves 1] [--wait-seconds IDLE+150+N/10000] [--settle 0] [--host-dll PATH] [--tool-dll PATH] [--seed-only] [--redis-port 6393] [--port-base 5800] [--no-build] [--out DIR]
# The million (docs/scaling.md, "Seeding"): loadtests/remargin.sh --accounts 1000000 --settle 60 (≈ 10-20 min of seeding on a
# quiet machine, ≈ 7 GB of Redis, ≈ 1 GB resident per silo). --seed-only stops after seeding (rate, CPU per account, memory);
# GRID_SEED_STREAMS / GRID_SEED_DEPOSITS / GRID_SEED_WINDOW set the seeding's width (4 streams per silo, 24 deposits and
# 1,024 messages in flight per stream).
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
accounts=100000 silos=3 idle=90 moves=1 wait_s="" settle=0 host_dll="" tool_dll="" seed_only="" redis_port=6393 port_base=5800 build=yes out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --accounts) accounts="$2"; shift 2 ;;
    --silos) silos="$2"; shift 2 ;;
    --idle-seconds) idle="$2"; shift 2 ;;
    --moves) moves="$2"; shift 2 ;;
    --wait-seconds) wait_s="$2"; shift 2 ;;
    --settle) settle="$2"; shift 2 ;;
    --host-dll) host_dll="$2"; shift 2 ;;
    --tool-dll) tool_dll="$2"; shift 2 ;;
    --seed-only) seed_only=yes; shift ;;
    --redis-port) redis_port="$2"; shift 2 ;;
    --port-base) port_base="$2"; shift 2 ;;
    --no-build) build=""; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
tool_dll="${tool_dll:-$root/loadtests/Grid.HouseLoad/bin/Release/net10.0/Grid.HouseLoad.dll}"
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
  # --contentRoot: the host's own appsettings.json (log levels: without it every request, Polly call and
  # account state change logged at Information cost the silos ≈ 10 lines of console output per seeded account).
  dotnet "$host_dll" --contentRoot "$(dirname "$host_dll")" --Grid:Host:Mode=Redis --Grid:Host:RedisConnectionString="127.0.0.1:$redis_port,abortConnect=false" \
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
  # The AOF is what a restart replays (fsync every second); rewrites fork redis-server and compact it.
  aof=$(du -sm "$out/appendonlydir" 2>/dev/null | cut -f1)
  echo "  redis: $(rcli info memory | awk -F: '/^used_memory_human/ {print $2}' | tr -d '\r') used, resident $(($(awk '/VmRSS/ {print $2}' "/proc/$redis_pid/status") / 1024)) MB, AOF ${aof:-?} MB ($(rcli info persistence | awk -F: '/^aof_rewrites:/ {print $2}' | tr -d '\r') rewrite(s)), $(rcli dbsize) keys ($1)"
}

echo "remargin: $accounts accounts on $silos Redis silos, idle deactivation after $idle s; results in $out"
memory "before seeding" gc before
# CPU seconds (user + system, from /proc) of the given processes: a cost that holds on a shared machine,
# where the wall-clock time depends on what else runs.
cpu() { local t=0; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
tick=$(getconf CLK_TCK)
seed_cpu=$(cpu "${pids[@]}" "$redis_pid") started=$(date +%s%N)
dotnet "$tool_dll" remargin "$(IFS=,; echo "${targets[*]}")" "$accounts" seed
seed_cpu=$(($(cpu "${pids[@]}" "$redis_pid") - seed_cpu)) took=$((($(date +%s%N) - started) / 1000000))
echo "  seeding: silos' and redis-server's CPU $(awk -v u="$seed_cpu" -v t="$tick" 'BEGIN {printf "%.1f", u / t}') s over $((took / 1000)) s ($(awk -v u="$seed_cpu" -v t="$tick" -v n="$accounts" 'BEGIN {printf "%.0f", u / t / n * 1e6}') µs per account); load: $(cut -d' ' -f1-3 /proc/loadavg)"
memory "after seeding"
[ -n "$seed_only" ] && exit 0
# Grains active at the end of seeding (up to the idle time's worth of accounts) deactivate over Orleans'
# collection quantum; a larger N leaves more of them and a larger directory to drain.
wait_s="${wait_s:-$((idle + 150 + accounts / 10000))}"
echo "waiting ${wait_s} s for the account grains to go idle and deactivate"
sleep "$wait_s"
memory "grains idle" gc idle
for ((m = 0; m < moves; m++)); do
  price=54000; [ $((m % 2)) = 1 ] && price=60000
  [ "$m" -gt 0 ] && sleep 5
  before=$(cpu "${pids[@]}") started=$(date +%s%N)
  dotnet "$tool_dll" remargin "$(IFS=,; echo "${targets[*]}")" "$accounts" move "$price" "$settle"
  used=$(($(cpu "${pids[@]}") - before)) took=$((($(date +%s%N) - started) / 1000000))
  idle_before=$(cpu "${pids[@]}"); sleep 5; idle=$(($(cpu "${pids[@]}") - idle_before))
  echo "  silos' CPU during the move step: $(awk -v u="$used" -v t="$tick" 'BEGIN {printf "%.2f", u / t}') s over $took ms (idle: $(awk -v u="$idle" -v t="$tick" 'BEGIN {printf "%.2f", u / t}') s per 5 s); load: $(cut -d' ' -f1-3 /proc/loadavg)"
done
memory "after the move"
for ((i = 0; i < silos; i++)); do grep -h "RiskSweep\|sweep" "$out/silo-$i.log" | tail -3 || true; done
grep -h "risk-event trace" "$out"/silo-*.log | sort -k6 || true
