#!/usr/bin/env bash
# The scale experiment of issue 16: 1, 2, 3… Redis silos, each under the same cgroup v1 CPU quota, the
# same load per silo, and one Markdown table. The generator and redis-server run outside the quotas.
#   loadtests/scale.sh [--quota 0.4] [--period-us 100000] [--silos "1 2 3"] [--warmup 10] [--duration 20]
#                      [--streams-per-silo 2] [--concurrency 64] [--accounts-per-silo 500]
#                      [--redis-port 6391] [--port-base 5700] [--fund-via-first] [--no-build] [--out DIR]
# Needs root (it writes /sys/fs/cgroup/cpu/<group>), Debian's redis-server, the .NET SDK and python3.
# Per silo count: Redis flushed, silos started (silo 0 seeds the demo market) each inside its own
# cgroup, Grid.LoadTest run against all of them (stream s on silo s mod n), then the silos stopped.
# Every process and cgroup it made is removed on exit, Ctrl+C included.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

quota=0.4 period=100000 silos="1 2 3" warmup=10 duration=20 streams_per=2 concurrency=64 accounts_per=500
redis_port=6391 port_base=5700 build=yes fund_args=() out=""
usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --quota) quota="$2"; shift 2 ;;
    --period-us) period="$2"; shift 2 ;;
    --silos) silos="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --streams-per-silo) streams_per="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --accounts-per-silo) accounts_per="$2"; shift 2 ;;
    --redis-port) redis_port="$2"; shift 2 ;;
    --port-base) port_base="$2"; shift 2 ;;
    --fund-via-first) fund_args=(--fund-via-first); shift ;;
    --no-build) build=""; shift ;;
    --out) out="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "scale.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
for v in "$warmup" "$duration" "$streams_per" "$concurrency" "$accounts_per" "$period" "$redis_port" "$port_base"; do
  [[ "$v" =~ ^[0-9]+$ && "$v" -gt 0 ]] || { echo "scale.sh: $v is not a positive integer" >&2; exit 2; }
done
[[ "$quota" =~ ^[0-9]*\.?[0-9]+$ ]] || { echo "scale.sh: --quota $quota is not a number of cores" >&2; exit 2; }
quota_us=$(python3 -c "print(max(1000, round($quota * $period)))")
cpu_root=/sys/fs/cgroup/cpu
[ -w "$cpu_root" ] && [ -f "$cpu_root/cpu.cfs_quota_us" ] || { echo "scale.sh: needs root and cgroup v1 cpu at $cpu_root" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "scale.sh: redis-server not found (apt-get install redis-server)" >&2; exit 1; }

out="${out:-$root/loadtests/results/scale-$(date -u +%Y%m%dT%H%M%S)}"
mkdir -p "$out"
host_dll="$root/src/Grid.Host/bin/Release/net10.0/Grid.Host.dll"
gen_dll="$root/loadtests/Grid.LoadTest/bin/Release/net10.0/Grid.LoadTest.dll"
if [ -n "$build" ]; then
  dotnet build "$root/src/Grid.Host" -c Release -nologo -v q >/dev/null
  dotnet build "$root/loadtests/Grid.LoadTest" -c Release -nologo -v q >/dev/null
fi

pids=() groups=() redis_pid=""
stop_silos() {
  [ ${#pids[@]} -gt 0 ] || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "${pids[@]}" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  pids=()
  for g in "${groups[@]}"; do rmdir "$g" 2>/dev/null || true; done
  groups=()
}
cleanup() {
  stop_silos
  if [ -n "$redis_pid" ]; then kill -TERM "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rcli() { redis-cli -p "$redis_port" "$@"; }
# Same persistence as docs/performance.md's Redis rows: append-only, fsync every second, no snapshots.
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$out" --appendonly yes --appendfsync everysec \
  --save '' --logfile "$out/redis.log" &
redis_pid=$!
for _ in $(seq 50); do rcli ping >/dev/null 2>&1 && break; sleep 0.1; done
rcli ping >/dev/null || { echo "scale.sh: redis-server did not start on port $redis_port (see $out/redis.log)" >&2; exit 1; }

# Sum of a counter's samples on a silo's /metrics, for one hop tag.
hops() { curl -s "http://127.0.0.1:$1/metrics" | awk -v tag="from=\"$2\"" '/^grid_pretrade_commands_total/ && index($0, tag) {s += $NF} END {print s + 0}'; }
# Grain calls by interface and origin, and Orleans' own count of messages sent to another silo (network) and delivered locally.
calls() { curl -s "http://127.0.0.1:$1/metrics" | awk '/^grid_grain_calls_total/ {match($0, /interface="[^"]*"/); i = substr($0, RSTART + 11, RLENGTH - 12); match($0, /from="[^"]*"/); f = substr($0, RSTART + 6, RLENGTH - 7); print "call_" i "_" f "=" $NF}
  /^orleans_messaging_sent_messages_size_bytes_count/ && /SiloToSilo/ {s += $NF} /^orleans_messaging_sent_local_total/ {l += $NF} END {print "orleans_sent_remote=" s + 0; print "orleans_sent_local=" l + 0}'; }
snapshot() { # $1: file; $2…: http ports
  local file="$1"; shift
  { for h in gateway-local gateway-remote grain other; do t=0; for p in "$@"; do t=$((t + $(hops "$p" "$h"))); done; echo "hop_$h=$t"; done
    for p in "$@"; do calls "$p"; done
    rcli info commandstats | tr -d '\r' | grep '^cmdstat_'
    for g in "${groups[@]}"; do echo "throttled_us=$(awk '/^throttled_time/ {print int($2/1000)}' "$g/cpu.stat")"; done
  } > "$file"
}

echo "scale: quota $quota core per silo (cfs_quota_us $quota_us / cfs_period_us $period), silos: $silos, per silo $streams_per streams × $concurrency, $accounts_per accounts; warm-up ${warmup}s, window ${duration}s; results in $out"
for n in $silos; do
  rcli flushall >/dev/null
  targets=() http_ports=()
  for ((i = 0; i < n; i++)); do
    grpc=$((port_base + 10 * i)) http=$((port_base + 10 * i + 1))
    group="$cpu_root/grid-scale-$$-$n-$i"
    mkdir "$group"; groups+=("$group")
    echo "$period" > "$group/cpu.cfs_period_us"
    echo "$quota_us" > "$group/cpu.cfs_quota_us"
    seed=false; [ "$i" = 0 ] && seed=true
    # The shell joins the cgroup before exec, so the runtime starts under the quota and sizes itself to it.
    sh -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' _ "$group" dotnet "$host_dll" \
      --Grid:Host:Mode=Redis --Grid:Host:RedisConnectionString="127.0.0.1:$redis_port,abortConnect=false" \
      --Grid:Host:GrpcPort=$grpc --Grid:Host:HttpPort=$http --Grid:Host:SiloPort=$((port_base + 5600 + i)) \
      --Grid:Host:GatewayPort=$((port_base + 24600 + i)) --Grid:Host:ClusterId="scale-$$-$n" \
      --Grid:Host:SeedDemo=$seed --Grid:Host:FastFailover=true > "$out/silo-$n-$i.log" 2>&1 &
    pids+=($!)
    targets+=("http://127.0.0.1:$grpc") http_ports+=("$http")
    ready=""
    for _ in $(seq 240); do
      if curl -sf "http://127.0.0.1:$http/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
      kill -0 "${pids[-1]}" 2>/dev/null || break
      sleep 0.5
    done
    [ -n "$ready" ] || { echo "scale.sh: silo $i of $n not ready (see $out/silo-$n-$i.log)" >&2; exit 1; }
  done

  log="$out/generator-$n.log"
  : > "$log"
  dotnet "$gen_dll" --target "$(IFS=,; echo "${targets[*]}")" --streams $((streams_per * n)) --concurrency "$concurrency" \
    --accounts $((accounts_per * n)) --warmup "$warmup" --duration "$duration" --no-echo --core 0 --no-progress \
    --server-pid "$(IFS=,; echo "${pids[*]}")" --label "scale-${n}silo" --out "$out" "${fund_args[@]}" > "$log" 2>&1 &
  gen=$!
  # Counters from the end of funding (the generator prints one "funded" line per target it funds through) to the end of the run.
  funding_targets=${#targets[@]}; [ ${#fund_args[@]} -gt 0 ] && funding_targets=1
  while kill -0 "$gen" 2>/dev/null && [ "$(grep -c '^funded' "$log" || true)" -lt "$funding_targets" ]; do sleep 0.2; done
  snapshot "$out/before-$n.txt" "${http_ports[@]}"
  wait "$gen" || { echo "scale.sh: the generator failed for $n silo(s), see $log" >&2; exit 1; }
  snapshot "$out/after-$n.txt" "${http_ports[@]}"
  grep -o 'reports: [^,]*\.json' "$log" | sed 's/^reports: //' > "$out/report-$n.path"
  echo "  $n silo(s): $(grep -m1 '^grid ' "$log" | tr -s ' ' || tail -1 "$log")"
  stop_silos
done

python3 - "$out" "$quota" "$period" $silos <<'PY'
import json, sys
out, quota, period, silos = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), [int(s) for s in sys.argv[4:]]

# HGET and HMSET here run inside the storage provider's ETag-checking script (EVALSHA): commandstats
# counts them, but they are not round trips; INFO is this script's own.
INSIDE = {'cmdstat_hget', 'cmdstat_hmset', 'cmdstat_info'}

def counters(path):
    values = {}
    for line in open(path):
        line = line.strip()
        if line.startswith('cmdstat_'):
            name, fields = line.split(':', 1)
            calls = int(dict(f.split('=') for f in fields.split(','))['calls'])
            values[name] = calls
            values['redis'] = values.get('redis', 0) + (0 if name in INSIDE else calls)
        elif '=' in line:
            key, value = line.split('=', 1)
            values[key] = values.get(key, 0) + int(value)
    return values

rows = []
for n in silos:
    report = json.load(open(open(f"{out}/report-{n}.path").read().strip()))
    grid = report['grid']
    b, a = counters(f"{out}/before-{n}.txt"), counters(f"{out}/after-{n}.txt")
    d = {k: a.get(k, 0) - b.get(k, 0) for k in a}
    local, remote = d.get('hop_gateway-local', 0), d.get('hop_gateway-remote', 0)
    commands = local + remote + d.get('hop_grain', 0) + d.get('hop_other', 0)
    server = (grid.get('cpu') or {}).get('server') or 0.0
    rate = grid['throughput']
    rows.append(dict(n=n, rate=rate, us=server * 1e6 / rate if rate else 0, used=server / (n * quota),
                     hop=remote / (local + remote) if local + remote else float('nan'),
                     redis=d.get('redis', 0) / commands if commands else float('nan'),
                     throttled=d.get('throttled_us', 0) / 1e6, p50=grid['latency']['p50'] / 1000, p99=grid['latency']['p99'] / 1000,
                     mix=', '.join(f"{k[8:]} {v / commands:.2f}" for k, v in sorted(d.items(), key=lambda kv: -kv[1]) if k.startswith('cmdstat_') and v > 0 and commands) if commands else '',
                     net=d.get('orleans_sent_remote', 0) / commands if commands else float('nan'),
                     grains=', '.join(f"{k[5:]} {v / commands:.3f}" for k, v in sorted(d.items(), key=lambda kv: -kv[1]) if k.startswith('call_') and v > 0 and commands) if commands else '',
                     faults=sum(grid.get('errors', {}).values()) + grid.get('unanswered', 0)))

base = rows[0]
print(f"\n| silos | msgs/s | × {base['n']} silo | server CPU µs/msg | × {base['n']} silo | quota used ({quota:g} core/silo) | hop fraction | silo-to-silo msgs/msg | Redis calls/msg | throttled s | p50 ms | p99 ms | faults |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    print(f"| {r['n']} | {r['rate']:,.0f} | {r['rate'] / base['rate']:.2f} | {r['us']:.0f} | {r['us'] / base['us']:.2f} | {r['used']:.2f} | {r['hop']:.3f} | {r['net']:.2f} | {r['redis']:.2f} | {r['throttled']:.1f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['faults']} |")
print()
for r in rows:
    print(f"* {r['n']} silo(s), grain calls per PreTrade message by interface_origin: {r['grains']}")
    print(f"* {r['n']} silo(s), Redis commands per PreTrade message by command (HGET/HMSET inside EVALSHA): {r['mix']}")
PY
