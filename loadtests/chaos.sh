#!/usr/bin/env bash
# Faults at load (issue 15 item 3): each fault kind N times through Grid.LoadTest --chaos, then one table.
#   loadtests/chaos.sh [--runs 5] [--faults "kill-silo hang-silo restart-redis"] [--at 8] [--warmup 5]
#                      [--duration 20] [--rate 1000] [--streams 6] [--accounts 60] [--no-build] [--out DIR]
#                      [-- extra Grid.LoadTest arguments]
# Every run starts its own redis-server (append-only, fsync always) and 3 Redis silos with
# Grid:Host:FastFailover=true on free loopback ports, injects the fault --at seconds into the measured
# window, reconciles the engines' ledger with every account and stops everything it started.
# Needs Debian's redis-server on PATH, the .NET SDK and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

runs=5 faults="kill-silo hang-silo restart-redis" at=8 warmup=5 duration=20 rate=1000 streams=6 accounts=60 build=yes out="" extra=()
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --faults) faults="$2"; shift 2 ;;
    --at) at="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --streams) streams="$2"; shift 2 ;;
    --accounts) accounts="$2"; shift 2 ;;
    --no-build) build=""; shift ;;
    --out) out="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) echo "chaos.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
for v in "$runs" "$streams" "$accounts"; do
  [[ "$v" =~ ^[0-9]+$ && "$v" -gt 0 ]] || { echo "chaos.sh: $v is not a positive integer" >&2; exit 2; }
done
for f in $faults; do
  case "$f" in kill-silo|hang-silo|restart-redis) ;; *) echo "chaos.sh: unknown fault $f (kill-silo, hang-silo, restart-redis)" >&2; exit 2 ;; esac
done
command -v redis-server >/dev/null || { echo "chaos.sh: redis-server not found (apt-get install redis-server)" >&2; exit 1; }

out="${out:-$root/loadtests/results/chaos-$(date -u +%Y%m%dT%H%M%S)}"
mkdir -p "$out"
gen_dll="$root/loadtests/Grid.LoadTest/bin/Release/net10.0/Grid.LoadTest.dll"
if [ -n "$build" ]; then
  dotnet build "$root/src/Grid.Host" -c Release -nologo -v q >/dev/null
  dotnet build "$root/loadtests/Grid.LoadTest" -c Release -nologo -v q >/dev/null
fi

echo "chaos: faults [$faults] × $runs at +${at}s; open ${rate}/s, $streams streams, $accounts accounts, ${warmup}s + ${duration}s; results in $out"
: > "$out/reports.txt"
for f in $faults; do
  for ((r = 1; r <= runs; r++)); do
    log="$out/$f-$r.log"
    if dotnet "$gen_dll" --chaos "$f@$at" --start-host "$root/src/Grid.Host" --streams "$streams" --accounts "$accounts" \
         --rate "$rate" --warmup "$warmup" --duration "$duration" --no-progress --label "chaos-$f-$r" --out "$out" "${extra[@]}" > "$log" 2>&1; then
      report=$(grep -o 'reports: [^,]*\.json' "$log" | sed 's/^reports: //')
      echo "$f $report" >> "$out/reports.txt"
      echo "  $f run $r: $(sed -n '/^== chaos:/{n;n;p;q}' "$log" | tr -s ' ')"
    else
      echo "  $f run $r: the generator failed, see $log" >&2
    fi
  done
done

python3 - "$out/reports.txt" <<'PY'
import json, sys, statistics
runs = {}
for line in open(sys.argv[1]):
    fault, path = line.split(maxsplit=1)
    runs.setdefault(fault, []).append(json.load(open(path.strip())))

def p50(values):
    values = sorted(values)
    return values[max(0, -(-len(values) // 2) - 1)] if values else None

def s(v):
    return "never" if v is None else f"{v:.2f}"

print("\n| fault | runs | msgs/s before | lowest msgs/s after (min of runs) | s < 50 % (median) | acknowledged | lost | applied twice | unacked applied | other | uncertain | recovery p50 s (all accounts) | recovery max s (max of runs) | per-run max s | never | other silos stopped |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|")
for fault, rs in runs.items():
    pooled = [v for r in rs for v in r["recoverySeconds"].values()]
    maxes = [r["recovery"]["max"] for r in rs]
    rec = [r["reconciliation"] for r in rs]
    never = sum(r["recovery"]["never"] for r in rs)
    print(f"| {fault} | {len(rs)} | {statistics.mean(r['dip']['before'] for r in rs):,.0f} | {min(r['dip']['lowest'] for r in rs):,} | "
          f"{statistics.median(r['dip']['secondsBelowHalf'] for r in rs):g} | {sum(r['acknowledged'] for r in rs):,} | "
          f"{sum(x['lost'] for x in rec)} | {sum(x['appliedTwice'] for x in rec)} | {sum(x['unacknowledged'] for x in rec)} | "
          f"{sum(x['other'] + x['unread'] for x in rec)} | {sum(x['uncertain'] for x in rec)} | "
          f"{s(p50([v for v in pooled if v is not None]))} | {s(None if None in maxes else max(maxes))} | {' '.join(s(m) for m in maxes)} | {never} | {sum(r.get('otherSilosStopped', 0) for r in rs)} |")
print()
for fault, rs in runs.items():
    for i, r in enumerate(rs, 1):
        print(f"* {fault} run {i}: msgs/s per second, 5 s before the fault | from it: {' '.join(map(str, r['dip']['series'][:5]))} | {' '.join(map(str, r['dip']['series'][5:]))}")
print()
for fault, rs in runs.items():
    for i, r in enumerate(rs, 1):
        stages = r.get("recoveryStages", {})
        slow = sorted(stages.items(), key=lambda kv: -(kv[1]["accepted"] if kv[1]["accepted"] is not None else 1e9))[:1]
        way = "; ".join(f"{a}: last UNAVAILABLE {s(v['lastUnavailable'])}, accepted check sent {s(v['acceptedSent'])}, accepted {s(v['accepted'])}" for a, v in slow)
        print(f"* {fault} run {i}: recovery p50 {s(r['recovery']['p50'])} s, max {s(r['recovery']['max'])} s; load average {r.get('loadAverage') or 'unknown'}; slowest {way}")
PY
