#!/usr/bin/env bash
# HTTP load benchmark, side by side in one run: a bare constant-JSON endpoint, select, feedback, and
# select again on a host restarted with the decision log off (Bandits:Decisions:Enabled=false).
# Usage: bash tests/Orleans.Bandits.Http.Benchmarks/run.sh [seconds-per-run]
# Needs wrk (apt-get install wrk). Talks to 127.0.0.1 only; stops the host it starts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-15}"
port=5099
connections=32
threads=2
url="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

dotnet build "$here" -c Release -v q -nologo >/dev/null
host=""
trap 'kill $host 2>/dev/null || true' EXIT

start_host() { # extra host arguments
  # One anonymous key carries the whole load, so the per-key limit (2,000/s by default) is raised far
  # above it: the limiter still runs on every request, but every answer is a real 2xx.
  dotnet "$root/tests/Orleans.Bandits.Http.Benchmarks/bin/Release/net10.0/Orleans.Bandits.Http.Benchmarks.dll" --urls "$url" \
    --Bandits:RateLimit:PermitsPerSecond=10000000 --Bandits:RateLimit:Burst=10000000 "$@" >/tmp/bandits-bench-host.log 2>&1 &
  host=$!
  for _ in $(seq 1 120); do curl -sf "$url/health/ready" >/dev/null && break; sleep 0.5; done
  # rewardAggregation "sum": the feedback run reuses one token with a distinct eventId per request.
  curl -sf -X POST "$url/v1/experiments" -H 'Content-Type: application/json' \
    -d '{"id":"bench","rewardAggregation":"sum","arms":[{"id":"a0"},{"id":"a1"},{"id":"a2"},{"id":"a3"},{"id":"a4"},{"id":"a5"},{"id":"a6"},{"id":"a7"},{"id":"a8"},{"id":"a9"}]}' >/dev/null
}

stop_host() {
  kill "$host"
  wait "$host" 2>/dev/null || true
}

start_host
# Feedback takes 5,000 tokens in turn: a selection takes at most 64 outcomes, even under "sum".
tokens=$(mktemp)
trap 'kill $host 2>/dev/null || true; rm -f "$tokens"' EXIT
seq 5000 | xargs -P 8 -I% curl -sf -w '\n' -X POST "$url/v1/experiments/bench/select" -H 'Content-Type: application/json' -d '{}' \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p' >"$tokens"

run() { # name path body rate unique tokens-file
  local out
  out=$(BODY="$3" RATE="$4" THREADS=$threads UNIQUE_EVENTS="${5:-}" TOKENS="${6:-}" \
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$here/post.lua" "$url$2" 2>&1)
  if grep -q "Non-2xx" <<<"$out"; then echo "$1: some answers were not 2xx, the run measures errors:" >&2; echo "$out" >&2; exit 1; fi
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50.000%" || $1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99.000%" || $1=="99%" {print $2}' <<<"$out")
  echo "$1|$rps|$p50|$p99"
}

printf 'Warming up...\n' >&2
run warm /v1/experiments/bench/select '{}' 0 >/dev/null
bare=$(run bare /bench/bare '{}' 0)
select=$(run select /v1/experiments/bench/select '{}' 0)
feedback=$(run feedback /v1/feedback '{}' 0 unique "$tokens")
peak_select=$(cut -d'|' -f2 <<<"$select")
half=$(awk -v r="$peak_select" 'BEGIN { printf "%d", r / 2 }')
select_half=$(run "select at half peak ($half/s offered)" /v1/experiments/bench/select '{}' "$half")
decisions=$(curl -sf "$url/v1/experiments/bench/stats" | sed -n 's/.*"decisions":\([0-9]*\),"defaultRewards".*/\1/p')
stop_host

start_host --Bandits:Decisions:Enabled=false
run warm /v1/experiments/bench/select '{}' 0 >/dev/null
unlogged=$(run "select, decision log off" /v1/experiments/bench/select '{}' 0)
stop_host

echo
echo "| run | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
for line in "$bare" "$select" "$feedback" "$select_half" "$unlogged"; do
  IFS='|' read -r name rps p50 p99 <<<"$line"
  echo "| $name | $rps | $p50 | $p99 |"
done
ratio=$(awk -v s="$peak_select" -v b="$(cut -d'|' -f2 <<<"$bare")" 'BEGIN { printf "%.2f", s / b }')
echo
echo "select / bare = $ratio ($connections connections, $threads wrk threads, ${seconds}s per run, $(nproc) cores shared by wrk and the host)"
logged_ratio=$(awk -v s="$peak_select" -v u="$(cut -d'|' -f2 <<<"$unlogged")" 'BEGIN { printf "%.2f", s / u }')
echo "select with the decision log / without = $logged_ratio; decisions recorded on the first host: $decisions"
