#!/usr/bin/env bash
# Reproduces the throughput table in docs/deployment.md: TaskApi on SQLite (one instance) and on
# PostgreSQL (one instance, then two instances on the same database), measured with wrk side by side in
# one run. Everything runs on this machine: wrk, the TaskApi processes and a private PostgreSQL cluster
# (initdb in a temporary folder, 127.0.0.1 and a free port, stopped at the end).
#   benchmarks/deployment/measure.sh            # DURATION=10s CONNECTIONS=16 by default
# Needs: wrk and postgresql (apt-get install -y wrk postgresql).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
OUT=$(mktemp -d /tmp/feg-deployment-XXXXXX) && chmod 711 "$OUT"   # postgres must reach $OUT/pg
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PIDS=()
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
  as_postgres "$PGBIN/pg_ctl" -D "$OUT/pg" -m fast -w stop > /dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== $(nproc) cores, $(uname -sr), dotnet $(dotnet --version), $("$PGBIN/postgres" --version), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build examples/TaskApi -c Release > "$OUT/build.log"

# A private cluster, as the tests start one (PostgreSQL refuses to run as root: run it as postgres).
mkdir -m 700 "$OUT/pg" && { [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$OUT/pg"; }
PGPORT=$(free_port)
as_postgres "$PGBIN/initdb" -D "$OUT/pg" --auth=trust --username=postgres > /dev/null
as_postgres "$PGBIN/pg_ctl" -D "$OUT/pg" -l "$OUT/pg/server.log" -w \
  -o "-p $PGPORT -k $OUT/pg -c listen_addresses=127.0.0.1" start > /dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "CREATE DATABASE tasks"
PG="Host=127.0.0.1;Port=$PGPORT;Database=tasks;Username=postgres"

# Starts TaskApi in the background (in this shell, so cleanup can kill it) and sets URL to its address.
start() { # name setting
  local port; port=$(free_port)
  ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet examples/TaskApi/bin/Release/net10.0/TaskApi.dll --urls "http://127.0.0.1:$port" "$2" > "$OUT/$1.log" 2>&1 &
  PIDS+=($!)
  URL="http://127.0.0.1:$port"
  for _ in $(seq 300); do curl -fs "$URL/healthz" > /dev/null && return; sleep 0.1; done
  echo "TaskApi ($1) did not become healthy:" >&2; cat "$OUT/$1.log" >&2; exit 1
}
start sqlite "--TaskApi:Database=$OUT/tasks.db"; SQLITE=$URL
start pg-a "--ConnectionStrings:Tasks=$PG"; PG_A=$URL
start pg-b "--ConnectionStrings:Tasks=$PG"; PG_B=$URL
for url in "$SQLITE" "$PG_A"; do
  for i in $(seq 100); do curl -fs -X POST "$url/tasks/" -H 'Content-Type: application/json' -d "{\"title\":\"seed $i\"}" > /dev/null; done
done

cat > "$OUT/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"title":"load"}'
wrk.headers["Content-Type"] = "application/json"
LUA

# wrk against one or more urls at once, CONNECTIONS split between them; prints total req/s and errors.
load() { # label script-or-empty path url...
  local label=$1 script=$2 path=$3; shift 3
  local n=$# each=$((CONNECTIONS / $#)) i=0 files=()
  for url in "$@"; do  # warm up (JIT, pools) before measuring
    wrk -t1 -c"$each" -d2s ${script:+-s "$script"} "$url$path" > /dev/null
  done
  for url in "$@"; do
    i=$((i + 1))
    wrk -t1 -c"$each" -d"$DURATION" --latency ${script:+-s "$script"} "$url$path" > "$OUT/wrk-$i.txt" &
    files+=("$OUT/wrk-$i.txt")
  done
  wait $(jobs -p | tail -n "$n")
  python3 - "$label" "${files[@]}" <<'PY'
import re, sys
rps = 0.0; non2xx = socket = 0; p50 = []
for f in sys.argv[2:]:
    t = open(f).read()
    rps += float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", t); non2xx += int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", t); socket += sum(int(x) for x in re.findall(r"\d+", m.group(1))) if m else 0
    if m: print("   ", m.group(0), file=sys.stderr)
    p50.append(re.search(r"50%\s+(\S+)", t).group(1))
print(f"| {sys.argv[1]:<40} | {rps:>9.0f} | {' / '.join(p50):>17} | {non2xx} | {socket} |")
PY
}

echo "== $DURATION per row, $CONNECTIONS connections in all (split evenly between instances), wrk -t1 per instance"
echo "| scenario | req/s | p50 latency | non-2xx | socket errors |"
echo "|---|---|---|---|---|"
load "GET /tasks/1, SQLite, 1 instance" "" /tasks/1 "$SQLITE"
load "GET /tasks/1, PostgreSQL, 1 instance" "" /tasks/1 "$PG_A"
load "GET /tasks/1, PostgreSQL, 2 instances" "" /tasks/1 "$PG_A" "$PG_B"
load "POST /tasks/, SQLite, 1 instance" "$OUT/post.lua" /tasks/ "$SQLITE"
load "POST /tasks/, PostgreSQL, 1 instance" "$OUT/post.lua" /tasks/ "$PG_A"
load "POST /tasks/, PostgreSQL, 2 instances" "$OUT/post.lua" /tasks/ "$PG_A" "$PG_B"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
