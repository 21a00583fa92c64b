#!/usr/bin/env bash
# Runtime settings measured on the grid run (issue 14): one host per setting, closed 4x128 in memory, audit on,
# and an EventPipe trace of the EventCounters (messages, CPU, allocation, GCs, pauses) in the steady window.
#
#   loadtests/gc-settings.sh                  every setting below, one run each, a Markdown row per run
#   GC_SETTINGS="default|DOTNET_gcServer=0" loadtests/gc-settings.sh     only those
#
# A setting is "label" or "label:ENV=V ENV=V" or "label:--host-arg"; env goes to the host only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$PATH:$HOME/.dotnet/tools"
out=${GC_OUT:-$root/loadtests/results/gc-settings-$(date +%Y%m%d-%H%M%S)}
warmup=${GC_WARMUP:-30}
window=${GC_WINDOW:-15}
mkdir -p "$out"
host_dll=src/Grid.Host/bin/Release/net10.0/Grid.Host.dll
gen_dll=loadtests/Grid.LoadTest/bin/Release/net10.0/Grid.LoadTest.dll
budget_dll=loadtests/Grid.HopBudget/bin/Release/net10.0/Grid.HopBudget.dll
default_settings="Server GC, DATAS (default)|no DATAS:DOTNET_GCDynamicAdaptationMode=0|Server GC, non-concurrent:DOTNET_gcConcurrent=0|Workstation GC, concurrent:DOTNET_gcServer=0|Workstation GC, non-concurrent:DOTNET_gcServer=0 DOTNET_gcConcurrent=0|Server GC, gen0 budget 64 MB:DOTNET_GCgen0size=0x4000000|TieredPGO off:DOTNET_TieredPGO=0|TieredCompilation off:DOTNET_TieredCompilation=0|audit off:--Grid:Audit:Enabled=false"
command -v dotnet-trace > /dev/null || { echo "dotnet-trace not found: dotnet tool install -g dotnet-trace" >&2; exit 2; }
IFS='|' read -r -a settings <<< "${GC_SETTINGS:-$default_settings}"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); warm-up ${warmup}s, counters over ${window}s; files: $out"
echo
echo "| setting | msgs/s | host CPU µs/msg | alloc B/msg | GCs per 1,000 msgs gen0 / gen1 / gen2 | GC pause (wall) | JIT (wall) | GC heap MB |"
echo "|---|---:|---:|---:|---|---:|---:|---:|"
for setting in "${settings[@]}"; do
  label=${setting%%:*}; spec=""; [[ $setting == *:* ]] && spec=${setting#*:}
  env_vars=(); host_args=()
  for item in $spec; do [[ $item == --* ]] && host_args+=("$item") || env_vars+=("$item"); done
  slug=$(echo "$label" | tr -c 'a-zA-Z0-9' '-')
  grpc=$(free_port); http=$(free_port); silo=$(free_port); gw=$(free_port)
  env "${env_vars[@]}" dotnet "$host_dll" --Grid:Host:GrpcPort="$grpc" --Grid:Host:HttpPort="$http" --Grid:Host:SiloPort="$silo" \
    --Grid:Host:GatewayPort="$gw" --Grid:Host:ClusterId="gc-$grpc" --Grid:Gateway:EnableEcho=true "${host_args[@]}" > "$out/$slug-host.log" 2>&1 &
  host=$!
  for _ in $(seq 240); do curl -sf "http://127.0.0.1:$http/health/ready" 2>/dev/null | grep -q Healthy && break; sleep 0.5; done
  dotnet "$gen_dll" --target "http://127.0.0.1:$grpc" --server-pid "$host" --no-echo --core 0 --warmup "$warmup" --duration $((window + 4)) \
    --concurrency 128 --no-progress --label "gc-$slug" --out "$out" > "$out/$slug-generator.txt" 2>&1 &
  gen=$!
  for _ in $(seq 600); do grep -q '^== grid' "$out/$slug-generator.txt" 2>/dev/null && break; sleep 0.5; done
  sleep $((warmup + 2))
  dotnet-trace collect -p "$host" --providers "Grpc.AspNetCore.Server:0:4:EventCounterIntervalSec=1,System.Runtime:0:4:EventCounterIntervalSec=1" \
    --duration "00:00:00:$(printf %02d "$window")" -o "$out/$slug.nettrace" > /dev/null 2>&1
  wait "$gen" || true
  kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true
  dotnet "$budget_dll" --counters-row "$label" --cpu-counters "$out/$slug.nettrace"
done
