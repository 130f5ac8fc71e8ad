#!/usr/bin/env bash
# Soak: the feature test app (Production environment, 127.0.0.1 only) under a steady mix of valid and hostile
# requests (soak.lua) for DURATION seconds. Reports requests/s, answers by status class (5xx must be 0) and the
# server's resident memory (VmRSS) before, during (sampled every 5 s, peak and last) and after the load.
#
#   bash benchmarks/load/soak.sh                   # 60 s, 16 connections
#   DURATION=600 CONNECTIONS=64 bash benchmarks/load/soak.sh
set -euo pipefail

DURATION="${DURATION:-60}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
PORT="${PORT:-5095}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

if ! command -v wrk >/dev/null; then
  echo "installing wrk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

echo "building the feature test app (Release)"
dotnet build "$root/tests/FastEndpointsGen.TestApp" -c Release --nologo -v:q >"$work/build.log" || { cat "$work/build.log"; exit 1; }

url="http://127.0.0.1:$PORT"
ASPNETCORE_ENVIRONMENT=Production dotnet "$root/tests/FastEndpointsGen.TestApp/bin/Release/net10.0/FastEndpointsGen.TestApp.dll" \
  --urls "$url" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -fs "$url/ping" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "$url/ping" >/dev/null || { echo "the app did not start:"; cat "$work/server.log"; exit 1; }

rss() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$server_pid/status"; }

# Warm up the JIT with the same mix so "before" is a steady state, not a cold start.
wrk -t1 -c4 -d3s -s "$here/soak.lua" "$url" >/dev/null
rss_before="$(rss)"

wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 10s -s "$here/soak.lua" "$url" >"$work/wrk.out" &
wrk_pid=$!
peak="$rss_before"
samples=()
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep 5
  kill -0 "$server_pid" 2>/dev/null || { echo "the server died during the soak:"; tail -20 "$work/server.log"; exit 1; }
  now="$(rss)"
  samples+=("$now")
  peak="$(awk -v a="$peak" -v b="$now" 'BEGIN { print (b > a) ? b : a }')"
done
wait "$wrk_pid"
rss_end="${samples[-1]:-$rss_before}"
sleep 10
rss_after="$(rss)"
alive="$(curl -fs "$url/ping" || echo "NO ANSWER")"

echo
echo "$(date -u +%Y-%m-%d) · $(nproc) CPUs · .NET $(dotnet --version) · wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s · benchmarks/load/soak.lua"
grep '^soak:' "$work/wrk.out"
echo "soak: RSS before ${rss_before} MB, during peak ${peak} MB, at the end ${rss_end} MB, 10 s after ${rss_after} MB"
echo "soak: RSS samples (MB, every 5 s): ${samples[*]}"
echo "soak: GET /ping after the soak: $alive"
five=$(awk '/^soak: answers/ { print $NF }' "$work/wrk.out")
if [ "${five:-1}" != "0" ]; then
  echo "soak: FAILED, $five answers were 5xx"
  exit 1
fi
