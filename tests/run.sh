#!/usr/bin/env bash
# The one test command (README and .ci/run call it): installs what the tests need on a fresh
# machine, runs every test project, and ends with "tests: N passed, M failed" read from the TRX files.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v docker-compose >/dev/null || need+=(docker-compose)
# silo/run-local-cluster.sh (LocalClusterScriptTests) waits for readiness with curl.
command -v curl >/dev/null || need+=(curl)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
# The client suites and the OpenAPI checks (tests/Orleans.Bandits.Clients.Tests) run node, npm and python3.
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

results="$(pwd)/tests/TestResults"
rm -rf "$results"
status=0
dotnet test Orleans.Bandits.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  status=1
  echo "No test ran."
fi
echo "tests: $passed passed, $failed failed"
exit $status
