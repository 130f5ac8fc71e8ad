#!/usr/bin/env bash
# Load over loopback: the same endpoints in FastEndpointsGen, a minimal API, FastEndpoints, raw Kestrel
# middleware and FastAPI, plus Native AOT builds of FastEndpointsGen and the minimal API.
# Each server runs pinned to CPU 0 and wrk to CPU 1; servers alternate over several rounds and the
# median round is reported, with ratios against the minimal API.
#
#   bash benchmarks/load/run.sh                  # 5 rounds, 5 s per measurement after 5 s of warm-up
#   ROUNDS=5 DURATION=15 bash benchmarks/load/run.sh
#   SERVERS="fastendpointsgen minimalapi" bash benchmarks/load/run.sh
set -euo pipefail

ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-5}"
WARMUP="${WARMUP:-5}"
CONNECTIONS="${CONNECTIONS:-32}"
SERVERS="${SERVERS:-fastendpointsgen fastendpointsgen-aot minimalapi minimalapi-aot fastendpoints raw fastapi}"
SCENARIOS="get-by-id post-valid post-invalid list-100"
PORT=5090

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
apps="$here/../apps"
work="$(mktemp -d)"
trap 'kill "${server_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

if (( $(nproc) < 2 )); then
  echo "needs two CPUs: one for the server, one for wrk" >&2
  exit 1
fi

missing=()
command -v wrk >/dev/null || missing+=(wrk)
/usr/bin/python3 -c 'import fastapi, uvicorn' 2>/dev/null || missing+=(python3-fastapi python3-uvicorn)
if (( ${#missing[@]} )); then
  echo "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

publish() { # name project [extra msbuild args]
  local name="$1" project="$2"
  shift 2
  echo "publishing $name"
  dotnet publish "$apps/$project/$project.csproj" -c Release -o "$work/$name" --nologo -v:q "$@" >"$work/$name.publish.log" \
    || { cat "$work/$name.publish.log"; exit 1; }
}

for server in $SERVERS; do
  case "$server" in
    fastendpointsgen) publish "$server" FastEndpointsGenApp ;;
    fastendpointsgen-aot) publish "$server" FastEndpointsGenApp -p:PublishAot=true ;;
    minimalapi) publish "$server" MinimalApiApp ;;
    minimalapi-aot) publish "$server" MinimalApiApp -p:PublishAot=true ;;
    fastendpoints) publish "$server" FastEndpointsApp ;;
    raw) publish "$server" RawApp ;;
    fastapi) ;;
    *) echo "unknown server $server" >&2; exit 1 ;;
  esac
done

start_server() {
  local server="$1" url="http://127.0.0.1:$PORT"
  case "$server" in
    fastendpointsgen*) taskset -c 0 "$work/$server/FastEndpointsGenApp" --urls "$url" >"$work/server.log" 2>&1 & ;;
    minimalapi*) taskset -c 0 "$work/$server/MinimalApiApp" --urls "$url" >"$work/server.log" 2>&1 & ;;
    fastendpoints) taskset -c 0 "$work/$server/FastEndpointsApp" --urls "$url" >"$work/server.log" 2>&1 & ;;
    raw) taskset -c 0 "$work/$server/RawApp" --urls "$url" >"$work/server.log" 2>&1 & ;;
    fastapi) (cd "$apps/fastapi" && exec taskset -c 0 /usr/bin/python3 -m uvicorn app:app --host 127.0.0.1 --port "$PORT" \
               --no-access-log --log-level warning) >"$work/server.log" 2>&1 & ;;
  esac
  server_pid=$!
  for _ in $(seq 100); do
    curl -fs "$url/items/1" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "$server did not start:" >&2
  cat "$work/server.log" >&2
  exit 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}

# wrk scripts: GETs need none; the POSTs send the shared payloads.
for payload in valid invalid; do
  cat >"$work/post-$payload.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = io.open("$apps/shared/payloads/order-$payload.json", "rb")
wrk.body = file:read("*a")
file:close()
LUA
done

load() { # scenario seconds -> wrk's output
  local url="http://127.0.0.1:$PORT" script=() path
  case "$1" in
    get-by-id) path=/items/42 ;;
    list-100) path=/items ;;
    post-valid) path=/orders; script=(-s "$work/post-valid.lua") ;;
    post-invalid) path=/orders; script=(-s "$work/post-invalid.lua") ;;
  esac
  taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${2}s" --latency "${script[@]}" "$url$path"
}

results="$work/results.tsv"
servers=($SERVERS)
for round in $(seq "$ROUNDS"); do
  # Rotate the order each round so no server always runs first or last.
  shift_by=$(( (round - 1) % ${#servers[@]} ))
  order=("${servers[@]:$shift_by}" "${servers[@]:0:$shift_by}")
  for server in "${order[@]}"; do
    start_server "$server"
    for scenario in $SCENARIOS; do
      load "$scenario" "$WARMUP" >/dev/null
      out="$(load "$scenario" "$DURATION")"
      rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
      p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
      errors="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")"
      socket="$(awk '/Socket errors:/ { print }' <<<"$out")"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$server" "$scenario" "$rps" "$p99" "${errors:-0}" "${socket:-}" >>"$results"
      printf 'round %s  %-22s %-13s %10s req/s  p99 %8s  non-2xx %s %s\n' "$round" "$server" "$scenario" "$rps" "$p99" "${errors:-0}" "$socket"
    done
    stop_server
  done
done

echo
echo "$(date -u +%Y-%m-%d) · $(nproc) CPUs · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) · .NET $(dotnet --version)"
echo "server on CPU 0, wrk -t1 -c$CONNECTIONS on CPU 1 · $ROUNDS rounds × ${DURATION}s (after ${WARMUP}s warm-up) · median round"
/usr/bin/python3 "$here/report.py" "$results"
