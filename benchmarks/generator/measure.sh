#!/usr/bin/env bash
# Generator cost on a full build (DESIGN §12: <= 100 ms for a 1,000-endpoint project).
# Writes the project ThousandEndpoints.cs describes into a temporary folder, builds it in Release
# once with its project references, then rebuilds only it (--no-incremental --no-dependencies):
# one warm-up on a fresh compiler server, then RUNS measured rebuilds. Each rebuild reports the
# compiler's own timings (-p:ReportAnalyzer=true); the script prints the EndpointsGenerator's time,
# the FastEndpointsGen analyzers' time and the Csc task's time for every run, and the medians.
#   bash benchmarks/generator/measure.sh        # ENDPOINTS=1000 RUNS=5 OUT=<mktemp -d> by default
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ENDPOINTS=${ENDPOINTS:-1000}
RUNS=${RUNS:-5}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/feg-generator-XXXXXX")}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
PROJECT=$OUT/ThousandEndpoints
GENERATED=$OUT/generated/FastEndpointsGen.Generator/FastEndpointsGen.Generator.EndpointsGenerator
# Every project's bin/ and obj/ under $OUT: a build in the checkout meanwhile cannot swap the generator DLL.
BUILD=(-c Release --artifacts-path "$OUT/artifacts")

fail() { echo "measure.sh: $*" >&2; exit 1; }

echo "== dotnet $(dotnet --version), $(nproc) cores, $(uname -sr); $ENDPOINTS endpoints; work folder $OUT"

# 1. The sources, from the same C# the generator tests compile.
dotnet build "$REPO/benchmarks/generator/ProjectWriter" "${BUILD[@]}" > "$OUT/writer.build.log" 2>&1 ||
  fail "building ProjectWriter failed, see $OUT/writer.build.log"
dotnet "$OUT/artifacts/bin/ProjectWriter/release/ProjectWriter.dll" "$PROJECT" "$ENDPOINTS"

# 2. The project file: a web app consuming the runtime, generator and analyzers as examples/TaskApi does.
# Empty Directory.*.props keep any file above the temporary folder out of the build.
echo '<Project />' > "$OUT/Directory.Build.props"
echo '<Project />' > "$OUT/Directory.Packages.props"
cat > "$PROJECT/ThousandEndpoints.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk.Web">

  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <!-- XML docs feed the OpenAPI summaries; the generated public models need none. -->
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>

  <ItemGroup>
    <ProjectReference Include="$REPO/runtime/FastEndpointsGen.csproj" />
    <ProjectReference Include="$REPO/generator/FastEndpointsGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$REPO/analyzers/FastEndpointsGen.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>

</Project>
EOF

# 3. Restore and build the references (runtime, generator, analyzers) once, from the checkout as it is now.
dotnet build "$PROJECT" "${BUILD[@]}" > "$OUT/first.build.log" 2>&1 || fail "the first build failed, see $OUT/first.build.log"

# A compiler server started earlier may still hold an older generator DLL.
dotnet build-server shutdown > /dev/null

# 4. Full rebuilds of the project alone, through the compiler server as `dotnet build` uses it by
# default (the warm-up starts it). The analyzer report is only logged at detailed verbosity.
rebuild() { # log-file
  dotnet build "$PROJECT" "${BUILD[@]}" --no-incremental --no-dependencies \
    -p:UseSharedCompilation=true -p:ReportAnalyzer=true \
    -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$OUT/generated" \
    -v:d -clp:PerformanceSummary > "$1" 2>&1 || fail "build failed, see $1"
  grep -q '^ *0 Error(s)' "$1" || fail "the build reported errors, see $1"
}

for run in $(seq 0 "$RUNS"); do
  rebuild "$OUT/run$run.log"
done
dotnet build-server shutdown --vbcscompiler > /dev/null   # the server the warm-up started

# 5. The generated files exist and map every endpoint.
# One file per handler class (FastEndpointsGen.Endpoints.<Namespace>.<Class>.g.cs) plus the map file.
[[ -f $GENERATED/FastEndpointsGen.Endpoints.g.cs ]] || fail "no generated FastEndpointsGen.Endpoints.g.cs under $GENERATED"
mapped=$(cat "$GENERATED"/FastEndpointsGen.Endpoints.*.g.cs | grep -cE '\.Map(Get|Post|Put|Patch|Delete)\(' || true)
[[ $mapped == "$ENDPOINTS" ]] || fail "expected $ENDPOINTS mapped endpoints in the generated code, found $mapped"
echo "generated: $mapped endpoints mapped; $(wc -l "$GENERATED"/*.cs | awk '$2 != "total" { sub(".*/", "", $2); printf "%s%s %s lines", sep, $2, $1; sep = ", " }')"

# 6. Parse the compiler's reports. Times are in seconds with 3 decimals; "<0.001" counts as 0.
python3 - "$OUT" "$RUNS" "$ENDPOINTS" <<'PY'
import re, statistics, sys

out, runs, endpoints = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def seconds(text):
    return 0.0 if text.startswith("<") else float(text)

def parse(path):
    log = open(path, encoding="utf-8").read()
    generator = re.search(r"^\s*(<?[\d.]+)\s+\S+\s+FastEndpointsGen\.Generator\.EndpointsGenerator\s*$", log, re.M)
    analyzers = re.search(r"^\s*(<?[\d.]+)\s+\S+\s+FastEndpointsGen\.Analyzers, Version=", log, re.M)
    all_generators = re.search(r"Total generator execution time: ([\d.]+) seconds", log)
    csc = re.search(r"^\s*(\d+) ms\s+Csc\s+\d+ calls", log, re.M)
    warnings = re.search(r"^\s*(\d+) Warning\(s\)", log, re.M)
    server = "server processed compilation" in log
    if not (generator and csc):
        sys.exit(f"measure.sh: no generator report or Csc time in {path}")
    return {
        "generator": seconds(generator.group(1)) * 1000,
        "analyzers": seconds(analyzers.group(1)) * 1000 if analyzers else float("nan"),
        "generators": float(all_generators.group(1)) * 1000,
        "csc": int(csc.group(1)),
        "warnings": int(warnings.group(1)) if warnings else -1,
        "server": server,
    }

results = [parse(f"{out}/run{i}.log") for i in range(runs + 1)]
for i, r in enumerate(results):
    label = "warm-up (new compiler server)" if i == 0 else f"run {i}"
    print(f"{label:30} EndpointsGenerator {r['generator']:6.0f} ms | FastEndpointsGen analyzers {r['analyzers']:6.0f} ms | "
          f"all generators {r['generators']:6.0f} ms | Csc {r['csc']:6d} ms | {r['warnings']} warning(s)"
          + ("" if r["server"] else " | NOT through the compiler server"))

measured = results[1:]
median = {k: statistics.median(r[k] for r in measured) for k in ("generator", "analyzers", "generators", "csc")}
low, high = min(r["generator"] for r in measured), max(r["generator"] for r in measured)
print(f"median of {runs}: EndpointsGenerator {median['generator']:.0f} ms (min {low:.0f}, max {high:.0f}); "
      f"FastEndpointsGen analyzers {median['analyzers']:.0f} ms; all generators {median['generators']:.0f} ms; Csc {median['csc']:.0f} ms")
print()
print("| endpoints | runs | EndpointsGenerator median (min–max) | warm-up | FastEndpointsGen analyzers | all generators | Csc task |")
print("|---:|---:|---:|---:|---:|---:|---:|")
print(f"| {endpoints:,} | {runs} | {median['generator']:.0f} ms ({low:.0f}–{high:.0f}) | {results[0]['generator']:.0f} ms | "
      f"{median['analyzers']:.0f} ms | {median['generators']:.0f} ms | {median['csc'] / 1000:.1f} s |")
PY
