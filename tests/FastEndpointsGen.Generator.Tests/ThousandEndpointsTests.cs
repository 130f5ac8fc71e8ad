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
}
