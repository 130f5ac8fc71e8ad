#!/usr/bin/env bash
# Reproduces the Native AOT figures in docs/aot.md: publish time, binary size (TaskApi vs the
# `dotnet new webapiaot` template), time from exec to the first 200 response (median of RUNS starts),
# and working set (VmRSS) idle and after 10,000 requests.
#   benchmarks/aot/measure.sh            # RUNS=11 by default
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
OUT=${OUT:-/tmp/feg-aot-measure}
RUNS=${RUNS:-11}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
rm -rf "$OUT" && mkdir -p "$OUT"

publish() { # name project-dir
  local start end
  start=$(date +%s.%N)
  dotnet publish "$2" -c Release -r linux-x64 -p:PublishAot=true -o "$OUT/$1" > "$OUT/$1.publish.log" 2>&1
  end=$(date +%s.%N)
  echo "publish $1: $(python3 -c "print(f'{$end-$start:.0f}')") s, $(grep -cE 'warning (IL|AOT)' "$OUT/$1.publish.log" || true) IL/AOT warnings"
}

echo "== dotnet $(dotnet --version), $(nproc) cores, $(uname -sr)"
# Build first so the measured publish is the AOT step plus an incremental build, as a developer sees it.
dotnet build examples/TaskApi -c Release > /dev/null
publish taskapi examples/TaskApi

dotnet new webapiaot -o "$OUT/template-src" -n TemplateApi > /dev/null
# Keep the repository's Directory.Build.props / central package versions out of the template.
echo '<Project />' > "$OUT/Directory.Build.props"
echo '<Project />' > "$OUT/Directory.Packages.props"
dotnet build "$OUT/template-src" -c Release > /dev/null
publish template "$OUT/template-src"

python3 - "$OUT" "$RUNS" <<'PY'
import http.client, os, socket, statistics, subprocess, sys, time

out, runs = sys.argv[1], int(sys.argv[2])

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p

def rss(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

def get(conn, path, body=None):
    conn.request("POST" if body else "GET", path, body=body, headers={"Content-Type": "application/json"} if body else {})
    r = conn.getresponse(); r.read(); return r.status

def start(binary, args, probe):
    port = free_port()
    t0 = time.perf_counter()
    p = subprocess.Popen([binary, "--urls", f"http://127.0.0.1:{port}", *args], cwd=os.path.dirname(binary),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            if get(c, probe) == 200:
                return p, port, (time.perf_counter() - t0) * 1000
        except OSError:
            time.sleep(0.0005)
        if time.perf_counter() - t0 > 30:
            p.kill(); raise SystemExit(f"{binary} did not answer {probe}")

apps = {
    "TaskApi": (f"{out}/taskapi/TaskApi", lambda i: [f"--TaskApi:Database={out}/tasks-{i}.db"], "/tasks/", "/tasks/?limit=10"),
    "webapiaot template": (f"{out}/template/TemplateApi", lambda i: [], "/todos/", "/todos/"),
}
for name, (binary, args, probe, load) in apps.items():
    size = os.path.getsize(binary) / 1024 / 1024
    firsts = []
    for i in range(runs):
        p, _, ms = start(binary, args(i), probe)
        firsts.append(ms); p.kill(); p.wait()
    p, port, _ = start(binary, args("load"), probe)
    c = http.client.HTTPConnection("127.0.0.1", port)
    if name == "TaskApi":
        for i in range(10):
            get(c, "/tasks/", b'{"title":"task %d"}' % i)
    time.sleep(1)
    idle = rss(p.pid)
    t0 = time.perf_counter()
    for _ in range(10_000):
        assert get(c, load) == 200
    elapsed = time.perf_counter() - t0
    loaded = rss(p.pid)
    p.kill(); p.wait()
    print(f"{name}: binary {size:.2f} MiB; first 200 median {statistics.median(firsts):.1f} ms "
          f"(min {min(firsts):.1f}, max {max(firsts):.1f}, {runs} runs); VmRSS idle {idle:.1f} MiB, "
          f"after 10,000 requests {loaded:.1f} MiB ({10_000/elapsed:.0f} req/s, one keep-alive connection)")
PY
