using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FastEndpointsGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs an analyzer (and a code fix) over markup sources with <c>Microsoft.CodeAnalysis.Testing</c>:
/// <c>{|FEG2001:first|}</c> marks where a diagnostic is expected, and every diagnostic not marked fails
/// the test, compiler errors and warnings included.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        Configure(test, source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, int codeActionIndex = 0)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            FixedCode = fixedSource,
            CodeActionIndex = codeActionIndex,
        };
        Configure(test, source);
        test.FixedState.Sources.Add(("GlobalUsings.g.cs", TestReferences.ImplicitUsings));
        return test.RunAsync();
    }

    private static void Configure<TVerifier>(AnalyzerTest<TVerifier> test, string source)
        where TVerifier : IVerifier, new()
    {
        test.TestCode = source;
        test.TestState.Sources.Add(("GlobalUsings.g.cs", TestReferences.ImplicitUsings));
        test.ReferenceAssemblies = TestReferences.None;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var parse = ((CSharpParseOptions)project.ParseOptions!)
                .WithLanguageVersion(LanguageVersion.Latest)
                .WithDocumentationMode(DocumentationMode.Parse);
            var options = ((CSharpCompilationOptions)project.CompilationOptions!)
                .WithNullableContextOptions(NullableContextOptions.Enable);
            return solution.WithProjectParseOptions(projectId, parse).WithProjectCompilationOptions(projectId, options);
        });
    }
}
