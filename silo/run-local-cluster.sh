#!/usr/bin/env bash
# The docker-compose topology as local processes, for machines without Docker: a redis-server
# (AOF on, fsync every second, no eviction), three silos and the standalone gateway, all on
# 127.0.0.1. Ctrl-C stops everything. Usage: bash silo/run-local-cluster.sh
# Ports: Redis 6390; silos' HTTP API 5081-5083 (Orleans 11111-11113, gateways 30001-30003); gateway 5090.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d -t bandits-cluster.XXXX)"
redis_port=6390
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 2; }

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; echo "stopped; logs in $work"; }
trap stop EXIT INT TERM

redis-server --port $redis_port --bind 127.0.0.1 --dir "$work" --appendonly yes --appendfsync everysec \
  --maxmemory-policy noeviction --save "" >"$work/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do redis-cli -p $redis_port ping >/dev/null 2>&1 && break; sleep 0.2; done

dotnet build "$root/silo/Orleans.Bandits.Silo" -c Release -v q -nologo
dotnet build "$root/client/Orleans.Bandits.Gateway" -c Release -v q -nologo

export Bandits__Mode=Redis
export Bandits__Redis__ConnectionString="127.0.0.1:$redis_port,abortConnect=false,connectTimeout=15000"
export Bandits__Tokens__Keys__0__Id=k1
export Bandits__Tokens__Keys__0__Secret="${BANDITS_TOKEN_SECRET:-$(head -c 32 /dev/urandom | base64)}"
export Orleans__ClusterId=bandits-local
export Orleans__ServiceId=bandits-local
export Orleans__Endpoints__AdvertisedIPAddress=127.0.0.1

for i in 1 2 3; do
  Orleans__Endpoints__SiloPort=$((11110 + i)) Orleans__Endpoints__GatewayPort=$((30000 + i)) \
    dotnet "$root/silo/Orleans.Bandits.Silo/bin/Release/net10.0/Orleans.Bandits.Silo.dll" --urls "http://127.0.0.1:$((5080 + i))" \
    >"$work/silo$i.log" 2>&1 &
  pids+=($!)
done

for i in 1 2 3; do
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$((5080 + i))/health/ready" >/dev/null && break; sleep 0.5; done
done

dotnet "$root/client/Orleans.Bandits.Gateway/bin/Release/net10.0/Orleans.Bandits.Gateway.dll" --urls http://127.0.0.1:5090 >"$work/gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:5090/health/ready >/dev/null && break; sleep 0.5; done

echo "cluster up: silos http://127.0.0.1:5081-5083, gateway http://127.0.0.1:5090, redis 127.0.0.1:$redis_port; logs in $work"
echo "press Ctrl-C to stop"
wait
