#!/usr/bin/env bash
# Generator and compile cost on a full build (docs/performance.md: <= 100 ms for a 1,000-endpoint project, and the
# whole compile no slower than the same endpoints as a minimal API with the Request Delegate Generator).
# Writes four projects from ThousandEndpoints.cs into a temporary folder, side by side:
#   ours     the endpoints with route attributes, built with FastEndpointsGen's runtime, generator and analyzers;
#   empty    the same sources with an empty incremental generator instead of ours (a tiny generator project this
#            script writes: it finds the same attributed methods with ForAttributeWithMetadataName and emits nothing),
#            the baseline any attribute-driven generator pays over this compilation;
#   signatures the same with a generator that also reads what any binding generator must (each handler's parameter and
#            return types with their attributes, its class's attributes, the properties of the project types they
#            reach): the floor Roslyn's binding sets (both baselines are in BaselineGenerators.cs);
#   rdg      the same endpoints as a minimal API (MapGet/MapPost…) with the Request Delegate Generator, a System.Text.Json
#            source-generated context and .NET 10's AddValidation.
# Each is built once in Release with its references, then rebuilt alone (--no-incremental --no-dependencies): once
# each on a fresh compiler server (what a CI build sees), then interleaved on one server: a warm-up round and RUNS
# measured rounds. Each rebuild reports the compiler's own timings (-p:ReportAnalyzer=true); the script prints every
# run and the medians.
#   nice bash benchmarks/generator/measure.sh        # ENDPOINTS=1000 RUNS=5 OUT=<mktemp -d> by default
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
ENDPOINTS=${ENDPOINTS:-1000}
RUNS=${RUNS:-5}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/feg-generator-XXXXXX")}
mkdir -p "$OUT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
PROJECT=$OUT/ThousandEndpoints
EMPTY=$OUT/ThousandEndpoints.Empty
SIGNATURES=$OUT/ThousandEndpoints.Signatures
RDG=$OUT/ThousandEndpoints.MinimalApi
GENERATED=$OUT/generated/FastEndpointsGen.Generator/FastEndpointsGen.Generator.EndpointsGenerator
ROSLYN=$(sed -n 's/.*"Microsoft.CodeAnalysis.CSharp" Version="\([^"]*\)".*/\1/p' "$REPO/Directory.Packages.props")
OPENAPI=$(sed -n 's/.*"Microsoft.AspNetCore.OpenApi" Version="\([^"]*\)".*/\1/p' "$REPO/Directory.Packages.props")
# Every project's bin/ and obj/ under $OUT: a build in the checkout meanwhile cannot swap the generator DLL.
BUILD=(-c Release --artifacts-path "$OUT/artifacts")

fail() { echo "measure.sh: $*" >&2; exit 1; }

echo "== dotnet $(dotnet --version), $(nproc) cores, $(uname -sr); $ENDPOINTS endpoints; work folder $OUT"

# 1. The sources, from the same C# the generator tests compile.
dotnet build "$REPO/benchmarks/generator/ProjectWriter" "${BUILD[@]}" > "$OUT/writer.build.log" 2>&1 ||
  fail "building ProjectWriter failed, see $OUT/writer.build.log"
WRITER="$OUT/artifacts/bin/ProjectWriter/release/ProjectWriter.dll"
dotnet "$WRITER" "$PROJECT" "$ENDPOINTS"
dotnet "$WRITER" "$EMPTY" "$ENDPOINTS"
dotnet "$WRITER" "$SIGNATURES" "$ENDPOINTS"
dotnet "$WRITER" "$RDG" "$ENDPOINTS" --minimal-api

# 2. The project files. Empty Directory.*.props keep any file above the temporary folder out of the build.
echo '<Project />' > "$OUT/Directory.Build.props"
echo '<Project />' > "$OUT/Directory.Packages.props"
web_project() { # extra-properties extra-items
  cat <<EOF
<Project Sdk="Microsoft.NET.Sdk.Web">

  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <!-- XML docs feed the OpenAPI summaries; the generated public models need none. -->
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
$1
  </PropertyGroup>

  <ItemGroup>
$2
  </ItemGroup>

</Project>
EOF
}

# ours: a web app consuming the runtime, generator and analyzers as examples/TaskApi does.
web_project "" "    <ProjectReference Include=\"$REPO/runtime/FastEndpointsGen.csproj\" />
    <ProjectReference Include=\"$REPO/generator/FastEndpointsGen.Generator.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />
    <ProjectReference Include=\"$REPO/analyzers/FastEndpointsGen.Analyzers.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />" \
  > "$PROJECT/ThousandEndpoints.csproj"

# empty and signatures: the same sources and runtime, a baseline generator instead of ours, and a stand-in for the one
# generated method Program.cs calls. Each baseline is its own analyzer, so neither pays for binding the other asked for.
baseline() { # project generator-class
  mkdir -p "$OUT/$2"
  cat > "$OUT/$2/$2.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">

  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <LangVersion>latest</LangVersion>
    <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>
    <IsRoslynComponent>true</IsRoslynComponent>
  </PropertyGroup>

  <ItemGroup>
    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="$ROSLYN" PrivateAssets="all" />
    <Compile Include="$REPO/benchmarks/generator/BaselineGenerators.cs" />
  </ItemGroup>

</Project>
EOF
  cat > "$OUT/$2/Entry.cs" <<EOF
namespace Baseline;

[Microsoft.CodeAnalysis.Generator(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class $2 : Microsoft.CodeAnalysis.IIncrementalGenerator
{
    public void Initialize(Microsoft.CodeAnalysis.IncrementalGeneratorInitializationContext context) =>
        new FastEndpointsGen.Benchmarks.$2().Initialize(context);
}
EOF
  web_project "" "    <ProjectReference Include=\"$REPO/runtime/FastEndpointsGen.csproj\" />
    <ProjectReference Include=\"$OUT/$2/$2.csproj\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />" \
    > "$1/$(basename "$1").csproj"
  cat > "$1/Stub.cs" <<'EOF'
namespace Microsoft.AspNetCore.Builder;

/// <summary>Stands in for the generated entry point, so the sources compile without FastEndpointsGen's generator.</summary>
internal static class GeneratedEndpointsStub
{
    public static Microsoft.AspNetCore.Routing.IEndpointRouteBuilder MapGeneratedEndpoints(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => endpoints;
}
EOF
}
baseline "$EMPTY" EmptyGenerator
baseline "$SIGNATURES" SignatureReader

# rdg: the minimal API, no FastEndpointsGen at all; its OpenAPI document from Microsoft.AspNetCore.OpenApi, as
# `dotnet new webapi` sets a project up.
web_project "    <EnableRequestDelegateGenerator>true</EnableRequestDelegateGenerator>
    <InterceptorsNamespaces>\$(InterceptorsNamespaces);Microsoft.Extensions.Validation.Generated</InterceptorsNamespaces>" \
  "    <PackageReference Include=\"Microsoft.AspNetCore.OpenApi\" Version=\"$OPENAPI\" />" \
  > "$RDG/ThousandEndpoints.MinimalApi.csproj"

# 3. Restore and build each once with its references, from the checkout as it is now.
for project in "$PROJECT" "$EMPTY" "$SIGNATURES" "$RDG"; do
  name=$(basename "$project")
  dotnet build "$project" "${BUILD[@]}" > "$OUT/$name.first.build.log" 2>&1 || fail "the first build of $name failed, see $OUT/$name.first.build.log"
done

# A compiler server started earlier may still hold an older generator DLL.
dotnet build-server shutdown > /dev/null

# 4. Full rebuilds of each project alone, through the compiler server as `dotnet build` uses it by default (the
# warm-up round starts it), interleaved so that a slower moment on the machine hits all four alike. The analyzer
# report is only logged at detailed verbosity.
rebuild() { # project log-file
  dotnet build "$1" "${BUILD[@]}" --no-incremental --no-dependencies \
    -p:UseSharedCompilation=true -p:ReportAnalyzer=true \
    -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$OUT/generated" \
    -v:d -clp:PerformanceSummary > "$2" 2>&1 || fail "build failed, see $2"
  grep -q '^ *0 Error(s)' "$2" || fail "the build reported errors, see $2"
}

# First, each project's rebuild on a fresh compiler server, as a CI build or the first build of the day sees it: the
# server and every analyzer's code start cold (just-in-time compiled), so this round shows what starting costs each.
for project in "$PROJECT" "$EMPTY" "$SIGNATURES" "$RDG"; do
  dotnet build-server shutdown --vbcscompiler > /dev/null
  rebuild "$project" "$OUT/$(basename "$project").cold.log"
done
dotnet build-server shutdown --vbcscompiler > /dev/null
for run in $(seq 0 "$RUNS"); do
  rebuild "$PROJECT" "$OUT/ours.run$run.log"
  rebuild "$EMPTY" "$OUT/empty.run$run.log"
  rebuild "$SIGNATURES" "$OUT/signatures.run$run.log"
  rebuild "$RDG" "$OUT/rdg.run$run.log"
done
dotnet build-server shutdown --vbcscompiler > /dev/null   # the server the warm-up started

# 5. The generated files exist and map every endpoint: one file per handler class plus the map file.
[[ -f $GENERATED/FastEndpointsGen.Endpoints.g.cs ]] || fail "no generated FastEndpointsGen.Endpoints.g.cs under $GENERATED"
mapped=$(cat "$GENERATED"/FastEndpointsGen.Endpoints.*.g.cs | grep -cE '\.Map(Get|Post|Put|Patch|Delete)\(' || true)
[[ $mapped == "$ENDPOINTS" ]] || fail "expected $ENDPOINTS mapped endpoints in the generated code, found $mapped"
lines() { cat "$@" | wc -l; }
endpoint_files=("$GENERATED"/FastEndpointsGen.Endpoints.*.g.cs)
echo "generated: $mapped endpoints mapped; endpoints ${#endpoint_files[@]} files $(lines "${endpoint_files[@]}") lines + map file" \
  "$(lines "$GENERATED/FastEndpointsGen.Endpoints.g.cs") lines, FastEndpointsGen.Json.g.cs $(lines "$GENERATED/FastEndpointsGen.Json.g.cs")," \
  "FastEndpointsGen.OpenApi.g.cs $(lines "$GENERATED/FastEndpointsGen.OpenApi.g.cs"), all $(lines "$GENERATED"/*.cs) lines" \
  "($(( $(lines "$GENERATED"/*.cs) / ENDPOINTS )) per endpoint)"
rdg_generated=$(find "$OUT/generated" -path '*Microsoft.AspNetCore.Http.RequestDelegateGenerator*' -name '*.cs' -print0 | xargs -0 cat 2>/dev/null | wc -l)
echo "minimal API: $rdg_generated lines generated by the Request Delegate Generator (System.Text.Json and validation not counted)"

# 6. Parse the compiler's reports. Times are in seconds with 3 decimals; "<0.001" counts as 0.
python3 - "$OUT" "$RUNS" "$ENDPOINTS" <<'PY'
import re, statistics, sys

out, runs, endpoints = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def seconds(text):
    return 0.0 if text.startswith("<") else float(text)

def generator_ms(log, name):
    found = re.search(r"^\s*(<?[\d.]+)\s+\S+\s+" + re.escape(name) + r"\s*$", log, re.M)
    return seconds(found.group(1)) * 1000 if found else float("nan")

def parse(path):
    log = open(path, encoding="utf-8").read()
    analyzers = re.search(r"^\s*(<?[\d.]+)\s+\S+\s+FastEndpointsGen\.Analyzers, Version=", log, re.M)
    all_generators = re.search(r"Total generator execution time: ([\d.]+) seconds", log)
    csc = re.search(r"^\s*(\d+) ms\s+Csc\s+\d+ calls", log, re.M)
    warnings = re.search(r"^\s*(\d+) Warning\(s\)", log, re.M)
    if not csc:
        sys.exit(f"measure.sh: no Csc time in {path}")
    return {
        "ours": generator_ms(log, "FastEndpointsGen.Generator.EndpointsGenerator"),
        "empty": generator_ms(log, "Baseline.EmptyGenerator"),
        "signatures": generator_ms(log, "Baseline.SignatureReader"),
        "rdg": generator_ms(log, "Microsoft.AspNetCore.Http.RequestDelegateGenerator.RequestDelegateGenerator"),
        "analyzers": seconds(analyzers.group(1)) * 1000 if analyzers else float("nan"),
        "generators": float(all_generators.group(1)) * 1000 if all_generators else float("nan"),
        "csc": int(csc.group(1)),
        "warnings": int(warnings.group(1)) if warnings else -1,
        "server": "server processed compilation" in log,
    }

variants = ("ours", "empty", "signatures", "rdg")
results = {v: [parse(f"{out}/{v}.run{i}.log") for i in range(runs + 1)] for v in variants}
for i in range(runs + 1):
    ours, empty, signatures, rdg = (results[v][i] for v in variants)
    label = "warm-up (new compiler server)" if i == 0 else f"run {i}"
    server = "" if all(results[v][i]["server"] for v in variants) else " | NOT all through the compiler server"
    print(f"{label:30} EndpointsGenerator {ours['ours']:5.0f} ms | empty generator {empty['empty']:5.0f} ms | "
          f"signature reader {signatures['signatures']:5.0f} ms | RDG {rdg['rdg']:5.0f} ms | "
          f"Csc ours {ours['csc']:6d} ms, empty {empty['csc']:6d} ms, minimal API {rdg['csc']:6d} ms | "
          f"warnings {'/'.join(str(results[v][i]['warnings']) for v in variants)}{server}")

def median(variant, key):
    return statistics.median(r[key] for r in results[variant][1:])

m = {
    "ours": median("ours", "ours"), "empty": median("empty", "empty"), "signatures": median("signatures", "signatures"),
    "rdg": median("rdg", "rdg"),
    "analyzers": median("ours", "analyzers"), "ours_generators": median("ours", "generators"),
    "rdg_generators": median("rdg", "generators"),
    "csc_ours": median("ours", "csc"), "csc_empty": median("empty", "csc"), "csc_rdg": median("rdg", "csc"),
}
cold = {v: parse(f"{out}/{p}.cold.log") for v, p in
        zip(variants, ("ThousandEndpoints", "ThousandEndpoints.Empty", "ThousandEndpoints.Signatures", "ThousandEndpoints.MinimalApi"))}
print(f"{'fresh compiler server, each':30} EndpointsGenerator {cold['ours']['ours']:5.0f} ms | empty generator {cold['empty']['empty']:5.0f} ms | "
      f"signature reader {cold['signatures']['signatures']:5.0f} ms | RDG {cold['rdg']['rdg']:5.0f} ms | "
      f"Csc ours {cold['ours']['csc']:6d} ms, empty {cold['empty']['csc']:6d} ms, minimal API {cold['rdg']['csc']:6d} ms "
      f"({cold['ours']['csc'] / cold['rdg']['csc']:.2f}x) | warnings {'/'.join(str(cold[v]['warnings']) for v in variants)}")
low, high = min(r["ours"] for r in results["ours"][1:]), max(r["ours"] for r in results["ours"][1:])
print(f"median of {runs}: EndpointsGenerator {m['ours']:.0f} ms (min {low:.0f}, max {high:.0f}), "
      f"{m['ours'] / m['empty']:.1f}x the empty generator's {m['empty']:.0f} ms, {m['ours'] / m['signatures']:.1f}x the signature "
      f"reader's {m['signatures']:.0f} ms ({m['signatures'] / m['empty']:.1f}x the empty one); FastEndpointsGen analyzers {m['analyzers']:.0f} ms; "
      f"all generators {m['ours_generators']:.0f} ms (minimal API: {m['rdg_generators']:.0f} ms, RDG {m['rdg']:.0f} ms); "
      f"Csc {m['csc_ours']:.0f} ms vs minimal API {m['csc_rdg']:.0f} ms ({m['csc_ours'] / m['csc_rdg']:.2f}x), empty {m['csc_empty']:.0f} ms")
print()
print("| endpoints | runs | EndpointsGenerator median (min–max) | empty generator | ratio | signature reader | ratio | FastEndpointsGen analyzers | Csc: ours | Csc: minimal API + RDG | Csc: empty generator |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
print(f"| {endpoints:,} | {runs} | {m['ours']:.0f} ms ({low:.0f}–{high:.0f}) | {m['empty']:.0f} ms | {m['ours'] / m['empty']:.1f}× | "
      f"{m['signatures']:.0f} ms ({m['signatures'] / m['empty']:.1f}× empty) | {m['ours'] / m['signatures']:.1f}× | "
      f"{m['analyzers']:.0f} ms | {m['csc_ours'] / 1000:.1f} s | {m['csc_rdg'] / 1000:.1f} s | {m['csc_empty'] / 1000:.1f} s |")
PY
