#!/usr/bin/env bash
# Starts N grid silos on this machine against one Redis (durable, clustered mode).
#   scripts/run-cluster.sh [N=3] [redis host:port=127.0.0.1:6379]
# Silo i serves gRPC on 5000+10i, health on 5001+10i, Orleans on 11111+i / 30000+i.
# A local redis-server is started (append-only, data under ./.grid-redis) if none answers.
# Ctrl+C stops every silo (gracefully: streams drain) and the Redis it started.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-3}"
redis="${2:-127.0.0.1:6379}"
host="${redis%%:*}"; port="${redis##*:}"
pids=()
started_redis=""

if ! redis-cli -h "$host" -p "$port" ping >/dev/null 2>&1; then
  mkdir -p .grid-redis
  redis-server --port "$port" --bind 127.0.0.1 --dir "$PWD/.grid-redis" --appendonly yes --appendfsync always \
    --save "" --daemonize yes --logfile "$PWD/.grid-redis/redis.log"
  started_redis=yes
fi

dotnet build -c Release src/Grid.Host -v q -nologo
dll=src/Grid.Host/bin/Release/net10.0/Grid.Host.dll
for ((i = 0; i < n; i++)); do
  seed=false; [ "$i" = 0 ] && seed=true
  dotnet "$dll" --Grid:Host:Mode=Redis --Grid:Host:RedisConnectionString="$redis" \
    --Grid:Host:GrpcPort=$((5000 + 10 * i)) --Grid:Host:HttpPort=$((5001 + 10 * i)) \
    --Grid:Host:SiloPort=$((11111 + i)) --Grid:Host:GatewayPort=$((30000 + i)) \
    --Grid:Host:SeedDemo=$seed --Grid:Host:FastFailover=true > ".grid-silo-$i.log" 2>&1 &
  pids+=($!)
  echo "silo $i: grpc http://127.0.0.1:$((5000 + 10 * i))  health http://127.0.0.1:$((5001 + 10 * i))/health/ready  log .grid-silo-$i.log"
done

stop() {
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  [ -n "$started_redis" ] && redis-cli -h "$host" -p "$port" shutdown >/dev/null 2>&1 || true
}
trap stop INT TERM EXIT
wait
