#!/usr/bin/env bash
# HTTP load benchmark, side by side in one run: a bare constant-JSON endpoint, select, feedback, and
# select with the decision log on and off (Bandits:Decisions:Enabled=false): two hosts started together and
# measured in turn, three rounds each, so slow drifts of a shared machine fall on both alike.
# Usage: bash tests/Orleans.Bandits.Http.Benchmarks/run.sh [seconds-per-run]
# Needs wrk (apt-get install wrk). Talks to 127.0.0.1 only; stops the host it starts.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-15}"
port=5099
unlogged_port=5098
rounds=3
connections=32
threads=2
url="http://127.0.0.1:$port"
unlogged_url="http://127.0.0.1:$unlogged_port"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

dotnet build "$here" -c Release -v q -nologo >/dev/null
hosts=()
trap 'kill "${hosts[@]}" 2>/dev/null || true' EXIT

start_host() { # url extra-host-arguments...
  local at="$1"; shift
  # One anonymous key carries the whole load, so the per-key limit (2,000/s by default) is raised far
  # above it: the limiter still runs on every request, but every answer is a real 2xx.
  dotnet "$root/tests/Orleans.Bandits.Http.Benchmarks/bin/Release/net10.0/Orleans.Bandits.Http.Benchmarks.dll" --urls "$at" \
    --Bandits:RateLimit:PermitsPerSecond=10000000 --Bandits:RateLimit:Burst=10000000 "$@" >"/tmp/bandits-bench-host-${at##*:}.log" 2>&1 &
  hosts+=($!)
  for _ in $(seq 1 120); do curl -sf "$at/health/ready" >/dev/null && break; sleep 0.5; done
  # rewardAggregation "sum": the feedback run reuses one token with a distinct eventId per request.
  curl -sf -X POST "$at/v1/experiments" -H 'Content-Type: application/json' \
    -d '{"id":"bench","rewardAggregation":"sum","arms":[{"id":"a0"},{"id":"a1"},{"id":"a2"},{"id":"a3"},{"id":"a4"},{"id":"a5"},{"id":"a6"},{"id":"a7"},{"id":"a8"},{"id":"a9"}]}' >/dev/null
}

start_host "$url"
start_host "$unlogged_url" --Bandits:Decisions:Enabled=false
# Feedback takes 5,000 tokens in turn: a selection takes at most 64 outcomes, even under "sum".
tokens=$(mktemp)
trap 'kill "${hosts[@]}" 2>/dev/null || true; rm -f "$tokens"' EXIT
seq 5000 | xargs -P 8 -I% curl -sf -w '\n' -X POST "$url/v1/experiments/bench/select" -H 'Content-Type: application/json' -d '{}' \
  | sed -n 's/.*"token":"\([^"]*\)".*/\1/p' >"$tokens"

run() { # name path body rate unique tokens-file base-url
  local out
  out=$(BODY="$3" RATE="$4" THREADS=$threads UNIQUE_EVENTS="${5:-}" TOKENS="${6:-}" \
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$here/post.lua" "${7:-$url}$2" 2>&1)
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

# The decision log on and off, in turn on the two hosts; the first select run above warmed the logging host.
run warm /v1/experiments/bench/select '{}' 0 "" "" "$unlogged_url" >/dev/null
ratios=()
comparison=()
for round in $(seq 1 "$rounds"); do
  logged=$(run "select, decision log on (round $round)" /v1/experiments/bench/select '{}' 0)
  unlogged=$(run "select, decision log off (round $round)" /v1/experiments/bench/select '{}' 0 "" "" "$unlogged_url")
  comparison+=("$logged" "$unlogged")
  ratios+=("$(awk -v s="$(cut -d'|' -f2 <<<"$logged")" -v u="$(cut -d'|' -f2 <<<"$unlogged")" 'BEGIN { printf "%.3f", s / u }')")
done
decisions=$(curl -sf "$url/v1/experiments/bench/stats" | sed -n 's/.*"decisions":\([0-9]*\),"defaultRewards".*/\1/p')

echo
echo "| run | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
for line in "$bare" "$select" "$feedback" "$select_half" "${comparison[@]}"; do
  IFS='|' read -r name rps p50 p99 <<<"$line"
  echo "| $name | $rps | $p50 | $p99 |"
done
ratio=$(awk -v s="$peak_select" -v b="$(cut -d'|' -f2 <<<"$bare")" 'BEGIN { printf "%.2f", s / b }')
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
echo
echo "select / bare = $ratio ($connections connections, $threads wrk threads, ${seconds}s per run, $(nproc) cores shared by wrk and the hosts)"
echo "select with the decision log / without, per round: ${ratios[*]}; median $median; decisions recorded on the logging host: $decisions"
