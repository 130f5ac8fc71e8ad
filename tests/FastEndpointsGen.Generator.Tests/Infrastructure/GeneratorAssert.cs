using System.Reflection;
using System.Text;
using FastEndpointsGen.Generator.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests.Infrastructure;

/// <summary>
/// What every generator test checks (STYLE habit 8): the generator neither throws nor reports; its
/// output compiles with no warning; a re-run after an unrelated edit leaves every tracked step
/// <c>Cached</c>/<c>Unchanged</c> and every file as it was; no step output holds a symbol.
/// </summary>
internal static class GeneratorAssert
{
    /// <summary>The step names declared in <see cref="TrackingNames"/>, found by reflection so new steps are covered.</summary>
    public static IReadOnlyList<string> TrackedStepNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    /// <summary>Runs the generator over <paramref name="sources"/> and checks all of the above; the edit adds an unrelated file.</summary>
    public static GeneratorResult CompilesCleanlyAndCaches(params string[] sources) =>
        CompilesCleanlyAndCaches(sources, Edits.AddUnrelatedFile);

    /// <summary>As above, with an edit that must not change any endpoint (e.g. a handler's body).</summary>
    public static GeneratorResult CompilesCleanlyAndCaches(string[] sources, Func<CSharpCompilation, CSharpCompilation> unrelatedEdit, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var first = TestGeneratorDriver.Run(TestGeneratorDriver.CreateCompilation(sources, outputKind));
        RanCleanly(first);
        CompilesCleanly(first.Output);
        NoForbiddenValuesInSteps(first.Run);

        var second = TestGeneratorDriver.Run(unrelatedEdit(first.Input), first.Driver);
        RanCleanly(second);
        StepsAreCachedOrUnchanged(second.Run, TrackedStepNames);
        OutputsAreCachedOrUnchanged(second.Run);
        NoForbiddenValuesInSteps(second.Run);
        Assert.That(second.Sources, Is.EqualTo(first.Sources), "An unrelated edit changed the generated files.");

        CompilesInAPlainLibrary(sources, outputKind, first);
        return first;
    }

    /// <summary>
    /// The same handlers in a plain class library with no implicit or global usings and user types named like the
    /// framework's (<see cref="TestGeneratorDriver.ShadowingTypes"/>): the generator writes the same files, and they
    /// compile (docs/projects.md: generated code names everything it uses itself).
    /// </summary>
    public static void CompilesInAPlainLibrary(string[] sources, OutputKind outputKind, GeneratorResult expected)
    {
        var plain = TestGeneratorDriver.Run(TestGeneratorDriver.CreatePlainLibraryCompilation(sources, outputKind));
        RanCleanly(plain);
        Assert.That(plain.Sources, Is.EqualTo(expected.Sources), "The project's usings changed the generated files.");
        CompilesCleanly(plain.Output);
    }

    /// <summary>The generator threw nothing and reported nothing (docs/architecture.md: only the analyzers report).</summary>
    public static void RanCleanly(GeneratorResult result)
    {
        Assert.That(result.Run.Exception, Is.Null, $"The generator threw: {result.Run.Exception}");
        Assert.That(result.Run.Diagnostics, Is.Empty, "The generator reported diagnostics:\n" + Format(result.Run.Diagnostics));
    }

    /// <summary>
    /// The compilation (input plus generated files) has no warning or error, emit included. Generated files turn nullable
    /// warnings off for the user's build (docs/performance.md#generated-code-and-the-compiler); here they are on, so the
    /// generated code is checked as strictly as the user's own.
    /// </summary>
    public static void CompilesCleanly(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees.ToList())
        {
            var text = tree.GetText();
            if (text.ToString().Contains(SourceHeader.NullableWarningsOff))
            {
                var checkedText = Microsoft.CodeAnalysis.Text.SourceText.From(text.ToString().Replace(SourceHeader.NullableWarningsOff, "#nullable enable warnings"), text.Encoding);
                compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(checkedText));
            }
        }

        using var peStream = new MemoryStream();
        var emit = compilation.Emit(peStream);
        var problems = emit.Diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
        if (problems.Count > 0)
        {
            const int shown = 15;
            var more = problems.Count > shown ? $"  ... and {problems.Count - shown} more\n" : "";
            Assert.Fail($"The output does not compile cleanly ({problems.Count} problem(s)):\n" + Format(problems.Take(shown)) + more);
        }

        Assert.That(emit.Success, Is.True, "Emit failed without reporting an error.");
    }

    /// <summary>Every output of the named steps that ran is <c>Cached</c> or <c>Unchanged</c>.</summary>
    public static void StepsAreCachedOrUnchanged(GeneratorRunResult run, IEnumerable<string> stepNames)
    {
        var stepNameList = stepNames.ToList();
        var ran = stepNameList.Where(run.TrackedSteps.ContainsKey).ToList();
        Assert.That(ran, Does.Contain(TrackingNames.AllEndpoints).And.Contain(TrackingNames.Routes).And.Contain(TrackingNames.JsonTypes),
            "The pipeline's single-value steps always run; their tracking names are missing.");

        var problems = new List<string>();
        foreach (var name in ran)
        {
            problems.AddRange(NotCached(name, run.TrackedSteps[name]));
        }

        if (problems.Count > 0)
        {
            Assert.Fail("Steps re-ran after an edit that should not change them:\n" + string.Join("\n", problems));
        }
    }

    /// <summary>No generated file was produced again (the source output steps were cached).</summary>
    public static void OutputsAreCachedOrUnchanged(GeneratorRunResult run)
    {
        var problems = run.TrackedOutputSteps.SelectMany(s => NotCached(s.Key, s.Value)).ToList();
        if (problems.Count > 0)
        {
            Assert.Fail("Source outputs re-ran after an edit that should not change them:\n" + string.Join("\n", problems));
        }
    }

    /// <summary>The reasons every output of a step had, e.g. to assert that a step re-ran.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorRunResult run, string stepName) =>
        run.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList()
            : [];

    /// <summary>No tracked step output (of any step, named or not) holds a symbol, syntax, compilation ...</summary>
    public static void NoForbiddenValuesInSteps(GeneratorRunResult run)
    {
        var problems = new List<string>();
        foreach (var (name, steps) in run.TrackedSteps.Where(s => TrackedStepNames.Contains(s.Key)))
        {
            for (var i = 0; i < steps.Length; i++)
            {
                for (var j = 0; j < steps[i].Outputs.Length; j++)
                {
                    problems.AddRange(ModelInspector.FindForbiddenValues(steps[i].Outputs[j].Value, $"{name}[{i}].Outputs[{j}]"));
                }
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail("Pipeline values hold Roslyn objects that must never be cached:\n" + string.Join("\n", problems));
        }
    }

    private static IEnumerable<string> NotCached(string name, IEnumerable<IncrementalGeneratorRunStep> steps) =>
        steps.SelectMany((step, i) => step.Outputs
            .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(o => $"  {name}[{i}]: {o.Reason} -> {Preview(o.Value)}"));

    private static string Preview(object value)
    {
        var text = value.ToString() ?? "";
        return text.Length <= 200 ? text : text[..200] + "...";
    }

    /// <summary>Each diagnostic with its file, position and the source line it points at.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            var file = Path.GetFileName(span.Path);
            builder.AppendLine($"  {diagnostic.Severity} {diagnostic.Id} {file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            if (diagnostic.Location.SourceTree is { } tree)
            {
                var line = tree.GetText().Lines[span.StartLinePosition.Line].ToString().Trim();
                builder.AppendLine($"      > {line}");
            }
        }

        return builder.ToString();
    }
}

/// <summary>Edits applied between two runs of the generator.</summary>
internal static class Edits
{
    /// <summary>Adds a file that has nothing to do with any endpoint.</summary>
    public static CSharpCompilation AddUnrelatedFile(CSharpCompilation compilation) =>
        compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Unrelated { internal sealed class Unrelated { } }", TestGeneratorDriver.ParseOptions, path: "Unrelated.cs"));

    /// <summary>Replaces text in the one input file that contains it.</summary>
    public static Func<CSharpCompilation, CSharpCompilation> Replace(string oldText, string newText) => compilation =>
    {
        var tree = compilation.SyntaxTrees.Single(t => t.GetText().ToString().Contains(oldText, StringComparison.Ordinal));
        var text = tree.GetText().ToString().Replace(oldText, newText, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
    };
}
