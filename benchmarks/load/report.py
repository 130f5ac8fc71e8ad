"""Prints the load results as markdown tables: median round per server and scenario, ratios vs the minimal API."""
import statistics
import sys
from collections import defaultdict

NAMES = {
    "fastendpointsgen": "FastEndpointsGen",
    "fastendpointsgen-aot": "FastEndpointsGen (AOT)",
    "minimalapi": "Minimal API",
    "minimalapi-aot": "Minimal API (AOT)",
    "fastendpoints": "FastEndpoints",
    "raw": "Raw Kestrel",
    "fastapi": "FastAPI + uvicorn",
}
SCENARIOS = {
    "get-by-id": "GET /items/42 (one ~300-byte model)",
    "post-valid": "POST /orders, valid (11 rules pass)",
    "post-invalid": "POST /orders, 6 errors",
    "list-100": "GET /items (100 models, ~29 KB)",
}


def millis(text):
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    raise ValueError(text)


rps = defaultdict(list)
p99 = defaultdict(list)
unexpected = []
with open(sys.argv[1]) as results:
    for line in results:
        _, server, scenario, r, p, non2xx, socket = line.rstrip("\n").split("\t")
        rps[server, scenario].append(float(r))
        p99[server, scenario].append(millis(p))
        if (scenario != "post-invalid" and non2xx != "0") or socket:
            unexpected.append(f"{server} {scenario}: non-2xx {non2xx} {socket}")

servers = [s for s in NAMES if any(key[0] == s for key in rps)]
for scenario, title in SCENARIOS.items():
    base = statistics.median(rps["minimalapi", scenario]) if rps["minimalapi", scenario] else None
    fe = statistics.median(rps["fastendpoints", scenario]) if rps["fastendpoints", scenario] else None
    print(f"\n**{title}**\n")
    print("| server | req/s | p99 (ms) | vs minimal API | vs FastEndpoints |")
    print("|---|---:|---:|---:|---:|")
    for server in servers:
        if not rps[server, scenario]:
            continue
        median = statistics.median(rps[server, scenario])
        ratio = f"{median / base:.2f}×" if base else "–"
        ratio_fe = f"{median / fe:.2f}×" if fe else "–"
        print(f"| {NAMES[server]} | {median:,.0f} | {statistics.median(p99[server, scenario]):.2f} | {ratio} | {ratio_fe} |")

if unexpected:
    print("\nUnexpected responses (a result above is not valid):")
    print("\n".join(unexpected))
    sys.exit(1)
