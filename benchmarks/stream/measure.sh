#!/usr/bin/env bash
# Reproduces the streaming figure in docs/performance.md: the feature test app streams
# IAsyncEnumerable<Tick> (a small model) from GET /streams/ticks?count=N; for each N a fresh server
# process is started, warmed up with a 10-item stream, then the N-item stream is read to the end once.
# Reported: time to read the whole stream, bytes, and the server's peak RSS (VmHWM) after it.
#   bash benchmarks/stream/measure.sh            # COUNTS="1000 100000 1000000" by default
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNTS=${COUNTS:-"1000 100000 1000000"}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
dotnet build tests/FastEndpointsGen.TestApp -c Release > /dev/null
echo "== dotnet $(dotnet --version), $(nproc) cores, $(uname -sr)"

python3 - tests/FastEndpointsGen.TestApp/bin/Release/net10.0/FastEndpointsGen.TestApp.dll $COUNTS <<'PY'
import http.client, os, socket, subprocess, sys, time

app, counts = sys.argv[1], [int(c) for c in sys.argv[2:]]

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])

def read_stream(port, count):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    start = time.perf_counter()
    conn.request("GET", f"/streams/ticks?count={count}")
    response = conn.getresponse()
    first = None
    total = 0
    while True:
        chunk = response.read1(65536)
        if not chunk:
            break
        if first is None:
            first = time.perf_counter() - start
        total += len(chunk)
    elapsed = time.perf_counter() - start
    assert response.status == 200, response.status
    conn.close()
    return elapsed, first, total

print(f"{'items':>10} {'bytes':>12} {'first bytes':>12} {'whole stream':>13} {'items/s':>10} {'server peak RSS':>16}")
for count in counts:
    port = free_port()
    env = dict(os.environ, ASPNETCORE_ENVIRONMENT="Production", Logging__LogLevel__Default="Warning")
    server = subprocess.Popen(["dotnet", app, "--urls", f"http://127.0.0.1:{port}"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                read_stream(port, 10); break
            except OSError:
                time.sleep(0.05)
        elapsed, first, total = read_stream(port, count)
        peak = kib(server.pid, "VmHWM") / 1024
        print(f"{count:>10,} {total:>12,} {first*1000:>10.1f}ms {elapsed:>12.2f}s {count/elapsed:>10,.0f} {peak:>13.1f} MB")
    finally:
        server.terminate(); server.wait()
PY
