using System.Collections.Immutable;
using FastEndpointsGen.Generator.Emitting;
using FastEndpointsGen.Generator.Parsing;
using FastEndpointsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// Endpoints across projects (docs/projects.md): the output compiles in a plain class library, each assembly
/// publishes a public entry point, and an app's <c>MapGeneratedEndpoints()</c> maps every referenced library once.
/// </summary>
public class ProjectsTests
{
    private const string Contracts = """
        using System.ComponentModel.DataAnnotations;

        namespace Contracts;

        /// <summary>A product of the catalog.</summary>
        /// <param name="Name">What the product is called.</param>
        /// <param name="Price">Its price.</param>
        public sealed record Product([Required, StringLength(50)] string Name, [Range(0, 1000)] decimal Price);
        """;

    // Everything a class library's handlers commonly use: a group with tags, route, query and header values,
    // a validated body, services, an instance handler, IResult and an async stream.
    private const string Orders = """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Threading;
        using System.Threading.Tasks;
        using Contracts;
        using FastEndpointsGen;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace Orders;

        public sealed record Order(int Id, Product Product, int Quantity);

        public sealed class OrderStore { }

        /// <summary>Orders.</summary>
        [EndpointGroup("/orders", Tags = ["Orders"])]
        public static class OrderEndpoints
        {
            [Get("/{id:int}", Tags = ["Read"])]
            public static Order Get(int id, [FromHeader(Name = "X-Tenant")] string? tenant, OrderStore store) => new(id, new("pen", 1), 1);

            [Get("/")]
            public static async IAsyncEnumerable<Order> List([Range(1, 100)] int limit = 10, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await Task.Yield();
                yield return new(1, new("pen", 1), limit);
            }

            [Post("/", StatusCode = 201)]
            public static Task<Order> Create(Product product) => Task.FromResult(new Order(1, product, 1));

            [Delete("/{id:int}")]
            public static IResult Delete(int id) => TypedResults.NoContent();
        }

        public sealed class Quotes(OrderStore store)
        {
            [Get("/quotes/{id}")]
            public string Quote(string id) => id + store.GetHashCode();
        }
        """;

    private const string Shipping = """
        using FastEndpointsGen;

        namespace Shipping;

        public static class ShippingEndpoints
        {
            [Get("/shipments/{orderId:int}")]
            public static Orders.Order Track(int orderId) => new(orderId, new("pen", 1), 1);
        }
        """;

    private const string Host = """
        using FastEndpointsGen;

        var app = WebApplication.Create(args);
        app.MapGeneratedEndpoints();
        app.MapGeneratedEndpoints(includeReferencedAssemblies: false);
        app.MapGroup("/v1").MapOrdersEndpoints();
        app.Run();

        public static class HostEndpoints
        {
            [Get("/health")]
            public static string Health() => "ok";
        }
        """;

    /// <summary>Global usings that would change what a bare name in generated code means.</summary>
    private const string HostileGlobalUsings = """
        global using Task = System.String;
        global using HttpContext = System.Object;
        global using JsonSerializer = System.Object;
        global using CultureInfo = System.Object;
        global using Results = System.Object;
        """;

    [Test]
    public void Output_CompilesInAPlainClassLibrary_WithNoImplicitUsings()
    {
        var contracts = Project.Build("Contracts", [Contracts]);
        var orders = Project.Build("Orders", [Orders], [contracts.Reference]);

        Assert.That(orders.Result.Endpoints, Does.Not.Contain(".WithTags("), "WithTags lives in a namespace a class library does not import.");
        Assert.That(orders.Result.Endpoints, Does.Contain(".WithMetadata(new global::Microsoft.AspNetCore.Http.TagsAttribute(\"Orders\"))"));
    }

    [Test]
    public void Output_IgnoresGlobalUsingsThatRenameWhatItUses()
    {
        var contracts = Project.Build("Contracts", [Contracts]);
        // The handlers themselves spell out Task, which the aliases take away from them.
        var orders = Orders
            .Replace("await Task.Yield()", "await global::System.Threading.Tasks.Task.Yield()", StringComparison.Ordinal)
            .Replace("public static Task<Order> Create(Product product) => Task.FromResult(", "public static global::System.Threading.Tasks.Task<Order> Create(Product product) => global::System.Threading.Tasks.Task.FromResult(", StringComparison.Ordinal);
        Project.Build("Orders", [orders, HostileGlobalUsings], [contracts.Reference]);
    }

    [Test]
    public void Library_PublishesAPublicEntryPointNamedAfterTheAssembly_AndItsRoutes()
    {
        var contracts = Project.Build("Contracts", [Contracts]);
        var orders = Project.Build("Shop.Orders", [Orders], [contracts.Reference]);

        var entryPoint = orders.Result.Output.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.ShopOrdersEndpointRouteBuilderExtensions");
        Assert.That(entryPoint, Is.Not.Null);
        var method = entryPoint!.GetMembers("MapShopOrdersEndpoints").OfType<IMethodSymbol>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(entryPoint.DeclaredAccessibility, Is.EqualTo(Accessibility.Public));
            Assert.That(method.IsExtensionMethod, Is.True);
            Assert.That(orders.Result.Endpoints, Does.Contain(
                "[assembly: global::FastEndpointsGen.Runtime.GeneratedEndpointsAssemblyAttribute(typeof(global::Microsoft.AspNetCore.Builder.ShopOrdersEndpointRouteBuilderExtensions), \"MapShopOrdersEndpoints\")]"));
            Assert.That(orders.Result.Endpoints, Does.Contain(
                "[assembly: global::FastEndpointsGen.Runtime.GeneratedEndpointAttribute(\"GET\", \"/orders/{id:int}\", \"Get\", \"OrderEndpoints.Get\")]"));
            Assert.That(orders.Result.Source(ModuleEmitter.SchemasHintName), Does.Contain(
                "[assembly: global::FastEndpointsGen.Runtime.GeneratedSchemaAttribute(\"Product\", \"global::Contracts.Product\")]"));
        });
    }

    [Test]
    public void App_MapsEveryReferencedLibraryOnce_TransitiveOnesIncluded()
    {
        var contracts = Project.Build("Contracts", [Contracts]);
        var orders = Project.Build("Orders", [Orders], [contracts.Reference]);
        // Shipping references Orders: its entry point maps only its own endpoints, so the host maps Orders once.
        var shipping = Project.Build("Shipping", [Shipping], [contracts.Reference, orders.Reference]);
        var host = Project.Build("Host", [Host], [contracts.Reference, orders.Reference, shipping.Reference], OutputKind.ConsoleApplication, implicitUsings: true);

        var app = host.Result.Source(ModuleEmitter.AppHintName);
        Snapshot.Verify(app, "Host#" + ModuleEmitter.AppHintName[..^3]);
        Assert.Multiple(() =>
        {
            Assert.That(Count(app, "MapOrdersEndpoints(root)"), Is.EqualTo(1));
            Assert.That(Count(app, "MapShippingEndpoints(root)"), Is.EqualTo(1));
            Assert.That(Count(app, "MapHostEndpoints(root)"), Is.EqualTo(1));
            Assert.That(Count(shipping.Result.Source(ModuleEmitter.AppHintName), "MapOrdersEndpoints(root)"), Is.EqualTo(1),
                "A library's own MapGeneratedEndpoints maps what it references too; its public entry point does not.");
            Assert.That(Count(shipping.Result.Endpoints, "MapOrdersEndpoints"), Is.Zero);
        });
    }

    [Test]
    public void ReferencedApplication_IsNotMappedByMapGeneratedEndpoints_ButItsEntryPointStaysCallable()
    {
        var contracts = Project.Build("Contracts", [Contracts]);
        var orders = Project.Build("Orders", [Orders], [contracts.Reference]);
        var host = Project.Build("Host", [Host], [contracts.Reference, orders.Reference], OutputKind.ConsoleApplication, implicitUsings: true);
        var tests = Project.Build("Host.Tests", ["""
            public static class UsesTheApp
            {
                public static void Map(WebApplication app) => app.MapHostEndpoints();
            }
            """], [contracts.Reference, orders.Reference, host.Reference], implicitUsings: true);

        var app = tests.Result.Source(ModuleEmitter.AppHintName);
        Assert.That(host.Result.Endpoints, Does.Contain("IsApplication = true"));
        Assert.That(app, Does.Not.Contain("MapHostEndpoints"));
        Assert.That(app, Does.Contain("MapOrdersEndpoints(root)"));
    }

    [Test]
    public void ReferencedLibraries_AreReadOnce_AndAnEditLeavesEveryStepCached()
    {
        var contracts = Project.Build("Contracts", [Contracts]);
        var orders = Project.Build("Orders", [Orders], [contracts.Reference]);
        var host = Project.Build("Host", [Host], [contracts.Reference, orders.Reference], OutputKind.ConsoleApplication, implicitUsings: true);

        var second = TestGeneratorDriver.Run(Edits.Replace("\"ok\"", "\"still ok\"")(host.Result.Input), host.Result.Driver);

        GeneratorAssert.RanCleanly(second);
        GeneratorAssert.StepsAreCachedOrUnchanged(second.Run, GeneratorAssert.TrackedStepNames);
        GeneratorAssert.OutputsAreCachedOrUnchanged(second.Run);
        GeneratorAssert.NoForbiddenValuesInSteps(second.Run);
        Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.ReferencedAssemblies), Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged));
    }

    [Test]
    public void ModelDocs_FromAReferencedAssembly_AreReadFromItsDocumentationFile()
    {
        var contracts = Project.Build("Contracts", [Contracts]);
        var orders = Project.Build("Orders", [Orders], [contracts.Reference]);

        Assert.That(orders.Result.OpenApi, Does.Contain("A product of the catalog."));
        Assert.That(orders.Result.OpenApi, Does.Contain("What the product is called."));
    }

    [Test]
    public void ModelDocs_FromAReferencedAssembly_AreReadFromItsDocumentationFileAsAnAdditionalFile()
    {
        // As the command-line compiler sees a reference: no documentation provider. The package's build passes the
        // documentation file as an AdditionalFiles item instead (docs/projects.md#doc-comments-of-referenced-models).
        var contracts = Project.Build("Contracts", [Contracts]);
        var documentation = new InMemoryText("/build/Contracts/bin/Contracts.xml", contracts.Documentation);
        var unrelated = new InMemoryText("/build/Other/bin/Other.xml", "<doc><members><member name=\"T:Other.Thing\"><summary>Not read.</summary></member></members></doc>");
        var orders = Project.Build("Orders", [Orders], [contracts.ReferenceWithoutDocumentation], additionalTexts: [documentation, unrelated]);

        Assert.Multiple(() =>
        {
            Assert.That(orders.Result.OpenApi, Does.Contain("A product of the catalog."));
            Assert.That(orders.Result.OpenApi, Does.Contain("What the product is called."));
            Assert.That(orders.Result.OpenApi, Does.Contain("Its price."));
        });

        // An edit of a handler body reads no documentation file again.
        var second = TestGeneratorDriver.Run(Edits.Replace("\"pen\", 1), 1);", "\"pencil\", 1), 1);")(orders.Result.Input), orders.Result.Driver);
        GeneratorAssert.RanCleanly(second);
        Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.ReferencedDocs), Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged));
        Assert.That(second.OpenApi, Does.Contain("A product of the catalog."));
    }

    [Test]
    public void ModelDocs_WithoutADocumentationFile_AreLeftOut_AndTheDocumentStillBuilds()
    {
        var contracts = Project.Build("Contracts", [Contracts]);
        var orders = Project.Build("Orders", [Orders], [contracts.ReferenceWithoutDocumentation],
            additionalTexts: [new InMemoryText("/build/Contracts/bin/Contracts.xml", "<doc><members><member name=")]);

        Assert.That(orders.Result.OpenApi, Does.Not.Contain("A product of the catalog."));
        Assert.That(orders.Result.OpenApi, Does.Contain("\"Product\""));
    }

    [TestCase("Orders", "Orders")]
    [TestCase("Shop.Orders", "ShopOrders")]
    [TestCase("orders-api", "OrdersApi")]
    [TestCase("My_App.v2", "MyAppV2")]
    [TestCase("2fa", "Assembly2fa")]
    public void EntryPointName_IsTheAssemblyNameAsOneIdentifier(string assembly, string expected) =>
        Assert.That(AssemblyParser.EntryPointName(assembly), Is.EqualTo(expected));

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>One project of a solution: compiled with the generator, checked, and turned into a reference with its documentation file.</summary>
    private sealed record Project(GeneratorResult Result, MetadataReference Reference, MetadataReference ReferenceWithoutDocumentation, string Documentation)
    {
        public static Project Build(string name, string[] sources, MetadataReference[]? references = null,
            OutputKind kind = OutputKind.DynamicallyLinkedLibrary, bool implicitUsings = false, AdditionalText[]? additionalTexts = null)
        {
            // A class library as the plain SDK builds it: no implicit usings unless asked for, documentation file on.
            var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, TestGeneratorDriver.ParseOptions, path: $"{name}{i}.cs"));
            if (implicitUsings)
            {
                trees = trees.Prepend(CSharpSyntaxTree.ParseText(TestGeneratorDriver.ImplicitUsings, TestGeneratorDriver.ParseOptions, path: "GlobalUsings.g.cs"));
            }

            var options = new CSharpCompilationOptions(kind)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithWarningLevel(9999)
                .WithSpecificDiagnosticOptions([new("CS1591", ReportDiagnostic.Suppress)]);
            var compilation = CSharpCompilation.Create(name, trees, TestGeneratorDriver.References.AddRange(references ?? []), options);
            var result = TestGeneratorDriver.Run(compilation, TestGeneratorDriver.CreateDriver(additionalTexts));
            GeneratorAssert.RanCleanly(result);
            GeneratorAssert.CompilesCleanly(result.Output);
            GeneratorAssert.NoForbiddenValuesInSteps(result.Run);

            using var image = new MemoryStream();
            using var documentation = new MemoryStream();
            var emit = result.Output.Emit(image, xmlDocumentationStream: documentation);
            Assert.That(emit.Success, Is.True, name);
            return new Project(
                result,
                MetadataReference.CreateFromImage(ImmutableArray.Create(image.ToArray()), documentation: new DocumentationFile(documentation.ToArray())),
                MetadataReference.CreateFromImage(ImmutableArray.Create(image.ToArray())),
                System.Text.Encoding.UTF8.GetString(documentation.ToArray()));
        }
    }

    /// <summary>An <c>AdditionalFiles</c> item.</summary>
    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    /// <summary>The documentation file beside a reference, as the compiler reads it for a metadata reference.</summary>
    private sealed class DocumentationFile(byte[] xml) : DocumentationProvider
    {
        private readonly Dictionary<string, string> _members = System.Xml.Linq.XDocument.Load(new MemoryStream(xml))
            .Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m.ToString(), StringComparer.Ordinal);

        protected override string? GetDocumentationForSymbol(string documentationMemberID, System.Globalization.CultureInfo preferredCulture, CancellationToken cancellationToken = default) =>
            _members.GetValueOrDefault(documentationMemberID);

        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }
}
