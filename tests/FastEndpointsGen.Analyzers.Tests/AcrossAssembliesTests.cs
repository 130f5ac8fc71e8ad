using System.Collections.Immutable;
using FastEndpointsGen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace FastEndpointsGen.Analyzers.Tests;

/// <summary>
/// The whole app across assemblies (docs/projects.md): a referenced library publishes its routes, names and schemas in
/// the assembly attributes its generator writes; the app's analyzers compare them with the app's own.
/// </summary>
public class AcrossAssembliesTests
{
    /// <summary>What the generator writes into a library named Orders (and into Catalog with the second list).</summary>
    private static string Library(string name, params string[] attributes) => $$"""
        [assembly: global::FastEndpointsGen.Runtime.GeneratedEndpointsAssemblyAttribute(typeof(global::{{name}}Entry), "Map{{name}}Endpoints")]
        {{string.Join("\n", attributes)}}
        public static class {{name}}Entry { }
        """;

    private const string OrdersLibrary = """
        [assembly: global::FastEndpointsGen.Runtime.GeneratedEndpointAttribute("GET", "/orders/{id:int}", "GetOrder", "OrderEndpoints.Get")]
        [assembly: global::FastEndpointsGen.Runtime.GeneratedEndpointAttribute("POST", "/orders", "PlaceOrder", "OrderEndpoints.Place")]
        [assembly: global::FastEndpointsGen.Runtime.GeneratedSchemaAttribute("Order", "global::Orders.Order")]
        [assembly: global::FastEndpointsGen.Runtime.GeneratedSchemaAttribute("Product", "global::Contracts.Product")]
        """;

    [Test]
    public Task FEG1003_AtTheHostsRoute_NamingTheLibraryRoute() => RunAsync(
        """
        using FastEndpointsGen;

        public static class HostEndpoints
        {
            [Get({|#0:"/Orders/{orderId:int}"|})]
            public static string Order(int orderId) => "";

            [Get("/orders/{slug:alpha}")]
            public static string Other(string slug) => slug;
        }
        """,
        [Library("Orders", OrdersLibrary)],
        new DiagnosticResult(DiagnosticDescriptors.DuplicateRoute).WithLocation(0)
            .WithArguments("GET", "/Orders/{orderId:int}", "OrderEndpoints.Get' (GET /orders/{id:int}) in 'Orders"));

    [Test]
    public Task FEG1003_TwoLibraries_WithoutALocation() => RunAsync(
        "public static class Host { }",
        [Library("Orders", OrdersLibrary), Library("Catalog", """[assembly: global::FastEndpointsGen.Runtime.GeneratedEndpointAttribute("POST", "/orders/", "Order", "CatalogEndpoints.Order")]""")],
        new DiagnosticResult(DiagnosticDescriptors.DuplicateRoute)
            .WithArguments("POST", "/orders", "OrderEndpoints.Place' (POST /orders) in 'Orders', 'CatalogEndpoints.Order' (POST /orders/) in 'Catalog"));

    [Test]
    public Task FEG1008_AnEndpointNameTheHostAlsoUses() => RunAsync(
        """
        using FastEndpointsGen;

        [assembly: global::FastEndpointsGen.Runtime.GeneratedEndpointAttribute("GET", "/mine", "GetOrder", "HostEndpoints.Mine")]

        public static class HostEndpoints
        {
            [Get({|#0:"/mine"|}, Name = "GetOrder")]
            public static string Mine() => "";
        }
        """,
        [Library("Orders", OrdersLibrary)],
        new DiagnosticResult(DiagnosticDescriptors.DuplicateNameAcrossAssemblies).WithLocation(0)
            .WithArguments("GetOrder", "HostEndpoints.Mine", "OrderEndpoints.Get' (GET /orders/{id:int}) in 'Orders"));

    [Test]
    public Task FEG1009_OneSchemaNameForTwoTypes_ButTheSameTypeTwiceIsFine() => RunAsync(
        """
        [assembly: global::FastEndpointsGen.Runtime.GeneratedSchemaAttribute("Order", "global::Host.Order")]
        [assembly: global::FastEndpointsGen.Runtime.GeneratedSchemaAttribute("Product", "global::Contracts.Product")]

        namespace Host
        {
            public sealed record {|#0:Order|}(int Id);
        }
        """,
        [Library("Orders", OrdersLibrary)],
        new DiagnosticResult(DiagnosticDescriptors.DuplicateSchemaAcrossAssemblies).WithLocation(0)
            .WithArguments("Order", "Host.Order", "Orders.Order (Orders)"));

    [Test]
    public Task ReferencedApplications_AreNotMapped_SoNotCompared() => RunAsync(
        """
        using FastEndpointsGen;

        public static class HostEndpoints
        {
            [Get("/orders/{id:int}")]
            public static string Order(int id) => "";
        }
        """,
        [Library("Orders", OrdersLibrary).Replace("\"MapOrdersEndpoints\")", "\"MapOrdersEndpoints\", IsApplication = true)", StringComparison.Ordinal)]);

    private static Task RunAsync(string source, string[] libraries, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<RoutingAnalyzer, DefaultVerifier> { TestCode = source };
        test.TestState.Sources.Add(("GlobalUsings.g.cs", TestReferences.ImplicitUsings));
        test.ReferenceAssemblies = TestReferences.None;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        foreach (var (library, i) in libraries.Select((l, i) => (l, i)))
        {
            test.TestState.AdditionalReferences.Add(Compile(i == 0 ? "Orders" : "Catalog", library));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static MetadataReference Compile(string name, string source)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.That(emit.Success, Is.True, string.Join("\n", emit.Diagnostics));
        return MetadataReference.CreateFromImage(ImmutableArray.Create(image.ToArray()));
    }
}
