#!/usr/bin/env bash
# Reproduces the server-sent events figures in docs/performance.md: FastEndpointsGen's
# IAsyncEnumerable<SseItem<Item>> endpoint and minimal APIs' TypedResults.ServerSentEvents over the same stream
# (benchmarks/apps/*/BenchApp.cs, GET /events), JIT, Release, Production environment, fresh server per phase.
#   bash benchmarks/stream/sse.sh     # CONNECTIONS=2000 HOLD=10 ITEMS=100000 by default (about 2 min)
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${CONNECTIONS:-2000}
HOLD=${HOLD:-10}
ITEMS=${ITEMS:-100000}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
# Two sockets per connection on this machine (client and server): raise the descriptor limit as far as allowed.
ulimit -n "$(ulimit -Hn)"
if [ "$(ulimit -n)" -lt $((CONNECTIONS + 200)) ]; then
  echo "ulimit -n is $(ulimit -n): too low for $CONNECTIONS connections" >&2; exit 1
fi
for app in FastEndpointsGenApp MinimalApiApp; do
  dotnet build "benchmarks/apps/$app" -c Release > /dev/null
done
echo "== dotnet $(dotnet --version), node $(node --version), $(nproc) cores, $(uname -sr), ulimit -n $(ulimit -n)"
for app in FastEndpointsGenApp MinimalApiApp; do
  node benchmarks/stream/sse.mjs "benchmarks/apps/$app/bin/Release/net10.0/$app.dll" "$app" "$CONNECTIONS" "$HOLD" "$ITEMS"
done
