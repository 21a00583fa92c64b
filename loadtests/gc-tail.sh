#!/usr/bin/env bash
# The open-loop tail against the host's GC pauses (issue 14): one host, an open loop at a fixed rate, the
# generator's per-second progress lines, and an EventPipe trace of the GCs in the measured window.
#
#   loadtests/gc-tail.sh [--rate R] [--warmup S] [--duration S] [--env "VAR=V ..."] [--host-dll DLL] [--out DIR]
#                        [--no-build] [-- extra Grid.Host arguments]
#
#   --rate R       messages/s offered (about half the grid's closed-loop maximum here)                 [21000]
#   --warmup S     unmeasured seconds first (JIT tiering)                                              [20]
#   --duration S   measured seconds; the GC trace covers 20 s of them, from 8 s in                      [40]
#   --env "..."    runtime settings for the host only, e.g. "DOTNET_GCgen0size=0x4000000"
#   --host-dll D   another build's Grid.Host.dll                    [src/Grid.Host/bin/Release/net10.0/Grid.Host.dll]
#
# Prints the generator's summary (p99 and p99.9 from the planned send times), the seconds whose p99 was
# above 3x the run's p50, and a table of each GC (pause, bytes promoted, bytes kept alive by older generations).
# In memory, one silo, audit on, the generator on core 0 (Grid.LoadTest --core 0). Needs dotnet-trace.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$PATH:$HOME/.dotnet/tools"
fail() { echo "gc-tail.sh: $*" >&2; exit 2; }
rate=21000; warmup=20; duration=40; envs=""; host_dll=src/Grid.Host/bin/Release/net10.0/Grid.Host.dll; out=""; build=1; extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --rate|--warmup|--duration|--env|--host-dll|--out) [[ $# -ge 2 ]] || fail "$1 needs a value" ;;&
    --rate) [[ $2 =~ ^[1-9][0-9]*$ ]] || fail "--rate $2: not a positive whole number"; rate=$2; shift 2 ;;
    --warmup) [[ $2 =~ ^[0-9]+$ ]] || fail "--warmup $2: not a whole number of seconds"; warmup=$2; shift 2 ;;
    --duration) [[ $2 =~ ^[1-9][0-9]*$ ]] && (( $2 >= 30 )) || fail "--duration $2: at least 30 s"; duration=$2; shift 2 ;;
    --env) envs=$2; shift 2 ;;
    --host-dll) host_dll=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1 (see --help)" ;;
  esac
done
command -v dotnet-trace > /dev/null || fail "dotnet-trace not found: dotnet tool install -g dotnet-trace"
out=${out:-$root/loadtests/results/gc-tail-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
gen_dll=loadtests/Grid.LoadTest/bin/Release/net10.0/Grid.LoadTest.dll
budget_dll=loadtests/Grid.HopBudget/bin/Release/net10.0/Grid.HopBudget.dll
if [[ $build == 1 ]]; then
  for p in src/Grid.Host loadtests/Grid.LoadTest loadtests/Grid.HopBudget; do
    dotnet build "$p" -c Release -nologo -v q >> "$out/build.log" 2>&1 || { tail -20 "$out/build.log" >&2; fail "building $p failed"; }
  done
fi
for f in "$host_dll" "$gen_dll" "$budget_dll"; do [[ -f $f ]] || fail "missing $f: run without --no-build"; done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
grpc=$(free_port); http=$(free_port); silo=$(free_port); gw=$(free_port)
[[ $(printf '%s\n' "$grpc" "$http" "$silo" "$gw" | sort -u | wc -l) == 4 ]] || fail "two of the free ports were equal; run again"
# shellcheck disable=SC2086 # the settings are words on purpose
env $envs dotnet "$host_dll" --Grid:Host:GrpcPort="$grpc" --Grid:Host:HttpPort="$http" --Grid:Host:SiloPort="$silo" \
  --Grid:Host:GatewayPort="$gw" --Grid:Host:ClusterId="gc-tail-$grpc" --Grid:Gateway:EnableEcho=true "${extra[@]}" > "$out/host.log" 2>&1 &
host=$!
trap 'kill $host 2> /dev/null || true' EXIT
for _ in $(seq 240); do curl -sf "http://127.0.0.1:$http/health/ready" 2> /dev/null | grep -q Healthy && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$http/health/ready" 2> /dev/null | grep -q Healthy || fail "the host did not get ready (see $out/host.log)"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); rate $rate/s, ${warmup}s warm-up + ${duration}s; files: $out"
# Funding takes a second or two before the warm-up starts; the trace starts 8 s into the measured window.
( sleep $((warmup + 10)); dotnet-trace collect -p "$host" --providers Microsoft-Windows-DotNETRuntime:0x1:4 \
    --duration 00:00:00:20 -o "$out/gc.nettrace" > "$out/trace.log" 2>&1 ) &
tracer=$!
dotnet "$gen_dll" --target "http://127.0.0.1:$grpc" --server-pid "$host" --no-echo --core 0 --rate "$rate" \
  --warmup "$warmup" --duration "$duration" --label gc-tail --out "$out" > "$out/generator.txt" 2>&1 \
  || { tail -20 "$out/generator.txt" >&2; fail "the generator failed (see $out/generator.txt)"; }
wait $tracer || true
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -A2 '^phase' "$out/generator.txt"
echo
echo "seconds whose p99 was above 3x the run's p50:"
p50=$(python3 -c 'import json,glob,sys; f=sorted(glob.glob(sys.argv[1]+"/gc-tail-*.json"))[-1]; print(json.load(open(f))["grid"]["latency"]["p50"]/1000)' "$out")
awk -v lim="$(python3 -c "print(3*$p50)")" '/grid measure/ { for (i=1;i<=NF;i++) if ($i=="p99") { v=$(i+1); sub("ms","",v); if (v+0 > lim) print "  " $0 } }' "$out/generator.txt"
echo
[[ -f $out/gc.nettrace ]] && dotnet "$budget_dll" --gc-pauses "$out/gc.nettrace" || echo "no GC trace (see $out/trace.log)"
