using System.Collections.Immutable;
using FastEndpointsGen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers.Tests;

/// <summary>
/// The analyzers that report a handler's problems share one reading of it (analyzers/ProblemReporting.cs): each
/// handler is read once per compilation, and each problem is still reported once, by the analyzer that owns its rule.
/// </summary>
public class ProblemReportingTests
{
    private const string Source = """
        using System.Text.Json.Serialization;

        public sealed record Renamed(int Id, [property: JsonPropertyName("id")] int Key);

        public sealed record Filter(string Text);

        public static class Handlers
        {
            [Post("/items/{id}")]
            public static string Create(Renamed item, [Microsoft.AspNetCore.Mvc.FromQuery] Filter filter) => "";

            public static string NotAHandler(int id) => "";
        }
        """;

    [Test]
    public void AHandler_IsReadOnce_AndAMethodWithoutRoute_NotAtAll()
    {
        var compilation = Compile();
        var handlers = compilation.GetTypeByMetadataName("Handlers")!;
        var create = (IMethodSymbol)handlers.GetMembers("Create").Single();
        var plain = (IMethodSymbol)handlers.GetMembers("NotAHandler").Single();

        var first = ProblemReporting.Read(create, compilation, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.Null);
            Assert.That(ProblemReporting.Read(create, compilation, CancellationToken.None), Is.SameAs(first), "the second analyzer gets the first one's reading");
            Assert.That(ProblemReporting.Read(plain, compilation, CancellationToken.None), Is.Null);
        });
    }

    [Test]
    public async Task AnalyzersSharingAReading_EachReportTheirOwnProblems_Once()
    {
        DiagnosticAnalyzer[] analyzers = [new BindingAnalyzer(), new JsonAnalyzer(), new RoutingAnalyzer(), new WebSocketAnalyzer()];
        var diagnostics = await Compile()
            .WithAnalyzers([.. analyzers], new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync();

        // The route's {id} is bound by nothing (routing), the record has two members named "id" (JSON), and a record
        // cannot come from the query (binding).
        Assert.That(diagnostics.Select(d => d.Id).Order(), Is.EqualTo(new[] { "FEG1002", "FEG2003", "FEG4004" }),
            string.Join("\n", diagnostics));
    }

    private static CSharpCompilation Compile() => CSharpCompilation.Create(
        "Shared",
        [
            CSharpSyntaxTree.ParseText(TestReferences.ImplicitUsings, path: "Usings.cs"),
            CSharpSyntaxTree.ParseText(Source, path: "Handlers.cs"),
        ],
        TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
