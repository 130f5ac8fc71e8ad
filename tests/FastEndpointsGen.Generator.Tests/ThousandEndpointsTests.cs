using System.Text.RegularExpressions;
using FastEndpointsGen.Benchmarks;
using FastEndpointsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// The generator's performance targets (docs/performance.md) at scale: in the 1,000-endpoint project the generator benchmark builds
/// (<c>benchmarks/generator/ThousandEndpoints.cs</c>), editing one handler's body re-runs no emitter.
/// </summary>
public class ThousandEndpointsTests
{
    [Test]
    public void HandlerBodyEdit_LeavesEveryStepCachedOrUnchanged()
    {
        var sources = ThousandEndpoints.Create(1000).Select(s => s.Text).ToArray();
        var edit = Edits.Replace(ThousandEndpoints.GetHandlerBody(42), "return Find(id + 1, \"Resource042, edited\");");

        // Compiles with no warning; after the edit every tracked step and every source output is
        // Cached or Unchanged and the generated files are the same, text for text.
        var first = GeneratorAssert.CompilesCleanlyAndCaches(sources, edit, OutputKind.ConsoleApplication);

        var mapped = Regex.Matches(first.Endpoints, @"\.Map(Get|Post|Put|Patch|Delete)\(")
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.That(mapped, Is.EquivalentTo(new Dictionary<string, int>
        {
            ["Get"] = 500,
            ["Post"] = 200,
            ["Put"] = 100,
            ["Patch"] = 100,
            ["Delete"] = 100,
        }));
    }

    /// <summary>
    /// Where the generator's time goes on a full build of the 1,000-endpoint project, step by step, next to an empty
    /// generator that finds the same methods and a signature-reading one that also reads what any binding generator must:
    /// each handler's parameter and return types and the properties of the model types they reach, with their attributes
    /// (docs/performance.md#generator-cost). Each round compiles the sources afresh
    /// (nothing bound yet, as in a full build) and runs each generator on its own compilation; the first round also
    /// pays for JIT. A timing report, not a check: run it by hand.
    /// </summary>
    [Test]
    [Explicit("A timing report: run it by hand.")]
    public void StepTimes_OnAFullBuild()
    {
        var sources = ThousandEndpoints.Create(1000).Select(s => s.Text).ToArray();
        for (var round = 0; round < 8; round++)
        {
            var (_, empty, emptyBytes) = RunAlone(new EmptyGenerator(), sources);
            var (_, signatures, signatureBytes) = RunAlone(new SignatureReader(), sources);
            var (ours, elapsed, bytes) = RunAlone(new EndpointsGenerator(), sources);
            TestContext.Out.WriteLine($"round {round}: EndpointsGenerator {elapsed.TotalMilliseconds:F0} ms {bytes / 1e6:F0} MB, " +
                $"empty generator {empty.TotalMilliseconds:F0} ms {emptyBytes / 1e6:F0} MB, signature reader {signatures.TotalMilliseconds:F0} ms {signatureBytes / 1e6:F0} MB");
            foreach (var (name, steps) in ours.TrackedSteps.OrderByDescending(s => s.Value.Sum(r => r.ElapsedTime.TotalMilliseconds)))
            {
                TestContext.Out.WriteLine($"    {name,-24} {steps.Sum(r => r.ElapsedTime.TotalMilliseconds),8:F1} ms  ({steps.Length} run(s))");
            }

            var outputs = ours.TrackedOutputSteps.SelectMany(s => s.Value).Sum(r => r.ElapsedTime.TotalMilliseconds);
            TestContext.Out.WriteLine($"    {"(source outputs)",-24} {outputs,8:F1} ms");
        }
    }

    /// <summary>One generator over a fresh compilation: its run, its time and the bytes the run allocated (with step tracking on).</summary>
    private static (GeneratorRunResult Result, TimeSpan Elapsed, long Allocated) RunAlone(IIncrementalGenerator generator, string[] sources)
    {
        var compilation = TestGeneratorDriver.CreateCompilation(sources, OutputKind.ConsoleApplication);
        GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: TestGeneratorDriver.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var before = GC.GetAllocatedBytesForCurrentThread();
        driver = driver.RunGenerators(compilation);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return (driver.GetRunResult().Results.Single(), driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime, allocated);
    }
}
