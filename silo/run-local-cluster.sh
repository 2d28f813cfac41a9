#!/usr/bin/env bash
# The docker-compose topology as local processes, for machines without Docker: a redis-server
# (AOF on, fsync every second, no eviction), three silos and the standalone gateway, all on
# 127.0.0.1. Ctrl-C stops everything. Usage: bash silo/run-local-cluster.sh [--no-build]
# Ports: Redis 6390; silos' HTTP API 5081-5083 (Orleans 11111-11113, gateways 30001-30003); gateway 5090.
# Each can be moved: BANDITS_REDIS_PORT, BANDITS_HTTP_PORT_BASE (silo i serves base + i),
# BANDITS_SILO_PORT_BASE, BANDITS_GATEWAY_PORT_BASE and BANDITS_GATEWAY_HTTP_PORT.
#
# Stopping goes in the order the parts depend on each other: the gateway (a client of the silos),
# then the silos, then Redis, which the silos need to leave the membership table cleanly. Each
# part gets a bounded time and is killed if it has not stopped by then.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d -t bandits-cluster.XXXX)"
redis_port=${BANDITS_REDIS_PORT:-6390}
http_base=${BANDITS_HTTP_PORT_BASE:-5080}
silo_port_base=${BANDITS_SILO_PORT_BASE:-11110}
gateway_port_base=${BANDITS_GATEWAY_PORT_BASE:-30000}
gateway_http_port=${BANDITS_GATEWAY_HTTP_PORT:-5090}
build=true
case "${1:-}" in
  --no-build) build=false ;;
  "") ;;
  *) echo "usage: bash silo/run-local-cluster.sh [--no-build]" >&2; exit 2 ;;
esac
command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 2; }

redis_pid=""
silo_pids=()
gateway_pid=""

# stop_within NAME SECONDS PID...: asks the processes to stop, and kills those still running after SECONDS.
stop_within() {
  local name=$1 limit=$2
  shift 2
  (($# == 0)) && return 0
  kill -TERM "$@" 2>/dev/null || true
  local deadline=$((SECONDS + limit)) alive=()
  while :; do
    alive=()
    for pid in "$@"; do
      kill -0 "$pid" 2>/dev/null && alive+=("$pid")
    done
    ((${#alive[@]} == 0)) && return 0
    ((SECONDS >= deadline)) && break
    sleep 0.2
  done
  echo "$name did not stop within ${limit}s; killing ${alive[*]}" >&2
  kill -KILL "${alive[@]}" 2>/dev/null || true
}

stopped=false
stop() {
  $stopped && return 0
  stopped=true
  echo "stopping: gateway, silos, redis"
  stop_within gateway 4 ${gateway_pid:+"$gateway_pid"}
  stop_within silos 10 ${silo_pids[@]+"${silo_pids[@]}"}
  stop_within redis 4 ${redis_pid:+"$redis_pid"}
  wait 2>/dev/null || true
  echo "stopped; logs in $work"
}
trap stop EXIT
trap 'stop; exit 130' INT TERM

redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --appendonly yes --appendfsync everysec \
  --maxmemory-policy noeviction --save "" >"$work/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.2; done

if $build; then
  dotnet build "$root/silo/Orleans.Bandits.Silo" -c Release -v q -nologo
  dotnet build "$root/client/Orleans.Bandits.Gateway" -c Release -v q -nologo
fi

export Bandits__Mode=Redis
export Bandits__Redis__ConnectionString="127.0.0.1:$redis_port,abortConnect=false,connectTimeout=15000"
export Bandits__Tokens__Keys__0__Id=k1
export Bandits__Tokens__Keys__0__Secret="${BANDITS_TOKEN_SECRET:-$(head -c 32 /dev/urandom | base64)}"
export Orleans__ClusterId=bandits-local
export Orleans__ServiceId=bandits-local
export Orleans__Endpoints__AdvertisedIPAddress=127.0.0.1

for i in 1 2 3; do
  Orleans__Endpoints__SiloPort=$((silo_port_base + i)) Orleans__Endpoints__GatewayPort=$((gateway_port_base + i)) \
    dotnet "$root/silo/Orleans.Bandits.Silo/bin/Release/net10.0/Orleans.Bandits.Silo.dll" --urls "http://127.0.0.1:$((http_base + i))" \
    >"$work/silo$i.log" 2>&1 &
  silo_pids+=($!)
done

for i in 1 2 3; do
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$((http_base + i))/health/ready" >/dev/null && break; sleep 0.5; done
done

dotnet "$root/client/Orleans.Bandits.Gateway/bin/Release/net10.0/Orleans.Bandits.Gateway.dll" --urls "http://127.0.0.1:$gateway_http_port" >"$work/gateway.log" 2>&1 &
gateway_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$gateway_http_port/health/ready" >/dev/null && break; sleep 0.5; done

echo "cluster up: silos http://127.0.0.1:$((http_base + 1))-$((http_base + 3)), gateway http://127.0.0.1:$gateway_http_port, redis 127.0.0.1:$redis_port; logs in $work"
echo "processes: redis $redis_pid, silos ${silo_pids[*]}, gateway $gateway_pid"
echo "press Ctrl-C to stop"
wait
