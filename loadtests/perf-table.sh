#!/usr/bin/env bash
# Issue 14's table in one command: the grid against the gRPC echo in the same generator run (in memory,
# one silo, audit on, today's order mix), still and under a live market, written as Markdown.
#
#   loadtests/perf-table.sh [--runs N] [--warmup S] [--duration S] [--market still|live|both] [--prices R]
#                           [--out DIR] [--no-build] [-- extra Grid.LoadTest options]
#
#   --runs N        repeat the whole table N times (the figures are noisy on a shared machine)      [1]
#   --warmup S      unmeasured seconds before each phase (JIT tiering settles after ~25 s)         [10]
#   --duration S    measured seconds per phase                                                     [10]
#   --market M      still (no price moves), live (--prices R --profile market-maker), or both      [both]
#   --prices R      price batches/s of the live market                                             [50]
#   --out DIR       where the reports, logs and table.md go        [loadtests/results/perf-table-<time>]
#   --no-build      use the existing Release builds of src/Grid.Host and loadtests/Grid.LoadTest
#
# Per run and market, Grid.LoadTest starts its own Grid.Host (Release, Echo on) twice and measures
#   1. closed loop 4x128: grid phase, then echo phase with the same streams, load and price feed;
#   2. open loop at half of that grid phase's msgs/s: grid, then echo.
# Server CPU comes from /proc (the host's pid), server allocations from the host's runtime counter
# (/metrics: dotnet_gc_heap_total_allocated_bytes_total). The defaults take about 5 minutes plus the build (2 markets
# x 2 runs of the generator, each about 75 s); --warmup 25 --duration 20 --runs 3 is the careful version
# (about 20 minutes). Each run's table is printed and appended to DIR/table.md; reports and logs stay in DIR.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "perf-table.sh: $*" >&2; exit 2; }
number() { [[ $2 =~ ^[0-9]+([.][0-9]+)?$ ]] || fail "$1 $2: not a number"; }

runs=1; warmup=10; duration=10; market=both; prices=50; out=""; build=1; extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs|--warmup|--duration|--market|--prices|--out) [[ $# -ge 2 ]] || fail "$1 needs a value" ;;&
    --runs) [[ $2 =~ ^[1-9][0-9]*$ ]] || fail "--runs $2: not a positive whole number"; runs=$2; shift 2 ;;
    --warmup) number "$1" "$2"; warmup=$2; shift 2 ;;
    --duration) number "$1" "$2"; [[ $2 =~ ^0+([.]0+)?$ ]] && fail "--duration $2: must be above zero"; duration=$2; shift 2 ;;
    --market) [[ $2 =~ ^(still|live|both)$ ]] || fail "--market $2: still, live or both"; market=$2; shift 2 ;;
    --prices) number "$1" "$2"; prices=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
done
case $market in both) markets=(still live) ;; *) markets=("$market") ;; esac
command -v python3 > /dev/null || fail "python3 not found (it reads the JSON reports)"
out=${out:-$root/loadtests/results/perf-table-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"

gen_dll=loadtests/Grid.LoadTest/bin/Release/net10.0/Grid.LoadTest.dll
if [[ $build == 1 ]]; then
  echo "building src/Grid.Host and loadtests/Grid.LoadTest (Release)"
  dotnet build src/Grid.Host -c Release -nologo -v q > "$out/build.log" 2>&1 \
    && dotnet build loadtests/Grid.LoadTest -c Release -nologo -v q >> "$out/build.log" 2>&1 \
    || { tail -20 "$out/build.log" >&2; fail "the build failed (see $out/build.log)"; }
fi
for f in src/Grid.Host/bin/Release/net10.0/Grid.Host.dll "$gen_dll"; do
  [[ -f $f ]] || fail "missing $f: run without --no-build"
done

# One generator run; prints the path of its JSON report, or nothing when it wrote none.
measure() {
  local label=$1; shift
  dotnet "$gen_dll" --start-host src/Grid.Host --streams 4 --core 0 --warmup "$warmup" --duration "$duration" --no-progress \
    --label "$label" --out "$out" "$@" "${extra[@]}" > "$out/$label.txt" 2>&1 || true
  ls -t "$out"/"$label"-*.json 2>/dev/null | head -1 || true
}

throughput() { python3 -c 'import json,sys; print(int((json.load(open(sys.argv[1])).get("grid") or {}).get("throughput", 0)))' "$1"; }

echo "perf-table: $runs run(s) of ${markets[*]}, warm-up ${warmup}s, window ${duration}s per phase; load average $(cut -d' ' -f1-3 /proc/loadavg); files in $out"
for run in $(seq "$runs"); do
  reports=()
  for m in "${markets[@]}"; do
    margs=(); [[ $m == live ]] && margs=(--prices "$prices" --profile market-maker)
    echo "run $run, $m: closed loop 4x128"
    closed=$(measure "run$run-$m-closed" --concurrency 128 "${margs[@]}")
    [[ -n $closed ]] || { tail -5 "$out/run$run-$m-closed.txt" >&2; fail "run $run, $m: the closed-loop run wrote no report (see $out/run$run-$m-closed.txt)"; }
    half=$(( $(throughput "$closed") / 2 ))
    [[ $half -gt 0 ]] || fail "run $run, $m: the grid's closed loop answered nothing (see $out/run$run-$m-closed.txt)"
    echo "run $run, $m: open loop at $half msgs/s"
    open=$(measure "run$run-$m-open" --rate "$half" "${margs[@]}")
    [[ -n $open ]] || { tail -5 "$out/run$run-$m-open.txt" >&2; fail "run $run, $m: the open-loop run wrote no report (see $out/run$run-$m-open.txt)"; }
    reports+=("$m" "$closed" "$open")
  done
  python3 "$root/loadtests/perf-table.py" --run "$run" --commit "$(git rev-parse --short HEAD)" --prices "$prices" \
    --load "$(cut -d' ' -f1-3 /proc/loadavg)" --cores "$(nproc)" "${reports[@]}" | tee -a "$out/table.md"
done
echo
echo "every run: $out/table.md"
