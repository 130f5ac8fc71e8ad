using System.Reflection;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers.Tests;

/// <summary>Every rule is described, documented, tracked for release and reported by exactly one analyzer.</summary>
public class DescriptorTests
{
    private static readonly DiagnosticAnalyzer[] Analyzers =
        [new RoutingAnalyzer(), new BindingAnalyzer(), new ValidationAnalyzer(), new JsonAnalyzer(), new OpenApiAnalyzer(),
         new WebSocketAnalyzer(), new SecurityAnalyzer()];

    private static IEnumerable<string> Ids() =>
        typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FastEndpointsGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FastEndpointsGen.sln not found above the test output.");
    }

    [Test]
    public void ConstantNamesStartWithTheirId()
    {
        foreach (var field in typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            Assert.That(field.Name, Does.StartWith((string)field.GetRawConstantValue()!));
        }
    }

    [Test]
    public void EveryIdHasOneDescriptorWithAHelpLinkToItsPage()
    {
        var descriptors = Analyzers.SelectMany(a => a.SupportedDiagnostics).ToList();
        Assert.That(descriptors.Select(d => d.Id), Is.EquivalentTo(Ids()));
        foreach (var descriptor in descriptors)
        {
            Assert.That(descriptor.HelpLinkUri, Does.EndWith($"/docs/diagnostics/{descriptor.Id}.md"), descriptor.Id);
            Assert.That(descriptor.Title.ToString(), Is.Not.Empty, descriptor.Id);
            Assert.That(descriptor.Description.ToString(), Is.Not.Empty, descriptor.Id);
            Assert.That(descriptor.Category, Does.StartWith("FastEndpointsGen."), descriptor.Id);
        }
    }

    [Test]
    public void TheReadersErrorsAreTheErrorDescriptors()
    {
        // The generator serves no endpoint whose reading holds an error, so "error" must mean the same in both.
        foreach (var descriptor in Analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            Assert.That(DiagnosticIds.IsError(descriptor.Id), Is.EqualTo(descriptor.DefaultSeverity == DiagnosticSeverity.Error), descriptor.Id);
        }
    }

    [Test]
    public void EveryIdHasADocsPageAndARowInTheIndexAndTheReleaseFile()
    {
        var root = RepositoryRoot();
        var index = File.ReadAllText(Path.Combine(root, "docs", "diagnostics", "README.md"));
        var unshipped = File.ReadAllText(Path.Combine(root, "analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            Assert.That(File.Exists(Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md")), descriptor.Id);
            Assert.That(index, Does.Contain($"[{descriptor.Id}]({descriptor.Id}.md) | {descriptor.DefaultSeverity} |"), descriptor.Id);
            Assert.That(unshipped, Does.Contain($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |"), descriptor.Id);
        }
    }

    [Test]
    public void CompilationEndRulesSaySo()
    {
        var end = Analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)).Select(d => d.Id);
        Assert.That(end, Is.EquivalentTo(new[] { DiagnosticIds.FEG1003DuplicateRoute, DiagnosticIds.FEG1008DuplicateNameAcrossAssemblies, DiagnosticIds.FEG1009DuplicateSchemaAcrossAssemblies, DiagnosticIds.FEG5001DuplicateOperationId }));
    }
}
