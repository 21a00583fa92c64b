#!/usr/bin/env bash
# The per-hop budget of the pre-trade path (issue 14): where the host's CPU and allocations go, per message.
#
#   loadtests/hop-budget.sh [generator options...]        e.g. --concurrency 128 (default load: closed 4x128, 1,000 accounts)
#
# Starts Grid.Host (Release build, in memory, one silo, audit on, Echo enabled) with the runtime's perf map
# (and W^X off, so perf can name JIT-compiled frames: they are mapped anonymously then),
# drives it with Grid.LoadTest (grid phase only), and in the measured window takes
#   1. CPU: `perf record -g` of the host (cpu-clock, HOP_HZ Hz) + an EventPipe trace of the EventCounters
#      (gRPC messages, cpu-usage, alloc-rate) over the same seconds;
#   2. allocations: an EventPipe trace with GC AllocationTick events and their stacks (dotnet-trace,
#      Microsoft-Windows-DotNETRuntime:0x1:5) + the same counters;
# then Grid.HopBudget classifies every CPU sample and allocation into a hop and prints the table as Markdown.
# HOP_SITES=N adds the N heaviest allocations by type and site (innermost grid frame), in B/msg.
# HOP_PHASE=echo profiles the Echo phase instead (same streams and load, canned replies): the floor of the transport.
# HOP_HOST_DLL profiles another build's host (e.g. main's, for a before/after from one generator and classifier).
# Host settings: HOP_HOST_ENV (e.g. "DOTNET_gcServer=0"), extra host args after --host-arg in HOP_HOST_ARGS.
# Needs: dotnet build Grid.sln -c Release; perf; dotnet-trace (~/.dotnet/tools). Files land in $HOP_OUT.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$PATH:$HOME/.dotnet/tools"
out=${HOP_OUT:-$root/loadtests/results/hop-budget-$(date +%Y%m%d-%H%M%S)}
warmup=${HOP_WARMUP:-20}
cpu_seconds=${HOP_CPU_SECONDS:-12}
alloc_seconds=${HOP_ALLOC_SECONDS:-8}
hz=${HOP_HZ:-499}
mkdir -p "$out"
host_dll=${HOP_HOST_DLL:-src/Grid.Host/bin/Release/net10.0/Grid.Host.dll}
gen_dll=loadtests/Grid.LoadTest/bin/Release/net10.0/Grid.LoadTest.dll
budget_dll=loadtests/Grid.HopBudget/bin/Release/net10.0/Grid.HopBudget.dll
command -v perf > /dev/null || { echo "perf not found: apt-get install linux-perf" >&2; exit 2; }
command -v dotnet-trace > /dev/null || { echo "dotnet-trace not found: dotnet tool install -g dotnet-trace" >&2; exit 2; }
for f in "$host_dll" "$gen_dll" "$budget_dll"; do [[ -f $f ]] || { echo "missing $f: run dotnet build Grid.sln -c Release" >&2; exit 2; }; done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
grpc=$(free_port); http=$(free_port); silo=$(free_port); gw=$(free_port)
# shellcheck disable=SC2086
env DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0 ${HOP_HOST_ENV:-} dotnet "$host_dll" --Grid:Host:GrpcPort="$grpc" --Grid:Host:HttpPort="$http" --Grid:Host:SiloPort="$silo" \
  --Grid:Host:GatewayPort="$gw" --Grid:Host:ClusterId="hop-$grpc" --Grid:Gateway:EnableEcho=true ${HOP_HOST_ARGS:-} > "$out/host.log" 2>&1 &
host=$!
cleanup() { kill "$host" 2>/dev/null || true; [[ -n ${gen:-} ]] && kill "$gen" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 240); do curl -sf "http://127.0.0.1:$http/health/ready" 2>/dev/null | grep -q Healthy && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$http/health/ready" | grep -q Healthy || { echo "host not ready, see $out/host.log" >&2; exit 1; }

duration=$((cpu_seconds + alloc_seconds + 6))
phase=${HOP_PHASE:-grid}
skip=--no-echo; [[ $phase == echo ]] && skip=--no-grid
dotnet "$gen_dll" --target "http://127.0.0.1:$grpc" --server-pid "$host" "$skip" --core 0 --warmup "$warmup" --duration "$duration" \
  --concurrency 128 --no-progress --label hop-budget --out "$out" "$@" > "$out/generator.txt" 2>&1 &
gen=$!
for _ in $(seq 600); do grep -q "^== $phase" "$out/generator.txt" 2>/dev/null && break; sleep 0.5; done
sleep $((warmup + 2))

counters="Grpc.AspNetCore.Server:0:4:EventCounterIntervalSec=1,System.Runtime:0:4:EventCounterIntervalSec=1"
dotnet-trace collect -p "$host" --providers "$counters" --duration "00:00:00:$(printf %02d "$cpu_seconds")" -o "$out/cpu-counters.nettrace" > "$out/trace-cpu.txt" 2>&1 &
counters_job=$!
perf record -F "$hz" -g -p "$host" -o "$out/cpu.perf" -- sleep "$cpu_seconds" > "$out/perf.txt" 2>&1
wait "$counters_job"
dotnet-trace collect -p "$host" --providers "Microsoft-Windows-DotNETRuntime:0x1:5,$counters" --duration "00:00:00:$(printf %02d "$alloc_seconds")" \
  -o "$out/alloc.nettrace" > "$out/trace-alloc.txt" 2>&1
wait "$gen" || true
perf script -i "$out/cpu.perf" -F comm,tid,period,ip,sym,dso > "$out/cpu.txt" 2>/dev/null

echo "# Per-hop budget ($phase): $(grep -m1 -E "^\| *$phase" "$out"/*.md 2>/dev/null || true)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); files: $out"
dotnet "$budget_dll" --perf "$out/cpu.txt" --perf-hz "$hz" --cpu-counters "$out/cpu-counters.nettrace" --alloc "$out/alloc.nettrace" --top "${HOP_TOP:-0}" --sites "${HOP_SITES:-0}" | tee "$out/budget.md"
