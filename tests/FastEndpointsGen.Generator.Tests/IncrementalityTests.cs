using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// The pipeline re-runs only what an edit touches (STYLE habits 3-5): unrelated edits leave every
/// step cached, and the routing and JSON slices re-run independently of each other.
/// </summary>
public class IncrementalityTests
{
    private const string Handlers = """
        using FastEndpointsGen;

        namespace Demo;

        public static class Items
        {
            /// <summary>Finds an item.</summary>
            [Get("/items/{id}")]
            public static Item Get(int id)
            {
                return new Item(id, "pen", 1);
            }

            [Post("/items")]
            public static Item Create(Item item) => item;

            [Put("/items/{id}")]
            public static Item Replace(int id, Item item) => item with { Id = id };

            [Patch("/items/{id}")]
            public static Item Rename(int id, string name) => new(id, name, 1);

            [Delete("/items/{id}")]
            public static void Remove(int id)
            {
            }

            [WebSocketRoute("/items/{id}/live")]
            public static Task Live(int id, JsonWebSocket<Item, Item> socket) => Task.CompletedTask;
        }
        """;

    private const string Models = """
        namespace Demo;

        public sealed record Item(int Id, string Name, int Quantity);
        """;

    private static readonly IncrementalStepRunReason[] CachedOrUnchanged = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    [Test]
    public void EveryTrackingName_IsAStepOfThePipeline()
    {
        // With an AdditionalFiles item, so the steps that read referenced documentation files run too (docs/projects.md).
        var documentation = new InMemoryText("Other.xml", "<doc><members /></doc>");
        var result = TestGeneratorDriver.Run(TestGeneratorDriver.CreateCompilation([Handlers, Models]), TestGeneratorDriver.CreateDriver([documentation]));

        Assert.That(result.Run.TrackedSteps.Keys, Is.SupersetOf(GeneratorAssert.TrackedStepNames));
    }

    [Test]
    public void UnrelatedFile_LeavesEveryStepCached()
    {
        GeneratorAssert.CompilesCleanlyAndCaches([Handlers, Models], Edits.AddUnrelatedFile);
    }

    [Test]
    public void HandlerBodyEdit_LeavesEveryStepCachedOrUnchanged()
    {
        GeneratorAssert.CompilesCleanlyAndCaches([Handlers, Models], Edits.Replace("return new Item(id, \"pen\", 1);", "return new Item(id, \"pencil\", 2);"));
    }

    [Test]
    public void DocCommentEdit_ReRunsOnlyTheOpenApiDocument()
    {
        var first = GeneratorAssert.CompilesCleanlyAndCaches(Handlers, Models);
        var second = TestGeneratorDriver.Run(Edits.Replace("Finds an item.", "Finds one item by its id.")(first.Input), first.Driver);

        GeneratorAssert.RanCleanly(second);
        GeneratorAssert.CompilesCleanly(second.Output);
        Assert.Multiple(() =>
        {
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.GetEndpoints), Does.Contain(IncrementalStepRunReason.Modified));
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.Routes), Is.All.AnyOf(CachedOrUnchanged));
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.JsonTypes), Is.All.AnyOf(CachedOrUnchanged));
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.OpenApi), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
            Assert.That(OutputReasons(second.Run, TrackingNames.Routes), Is.All.AnyOf(CachedOrUnchanged));
            Assert.That(OutputReasons(second.Run, TrackingNames.JsonTypes), Is.All.AnyOf(CachedOrUnchanged));
            Assert.That(OutputReasons(second.Run, TrackingNames.OpenApi), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
            Assert.That(second.Endpoints, Is.EqualTo(first.Endpoints));
            Assert.That(second.Json, Is.EqualTo(first.Json));
            Assert.That(second.OpenApi, Does.Contain("\"summary\": \"Finds one item by its id.\""));
        });
    }

    [Test]
    public void ModelDocCommentEdit_ReRunsOnlyTheOpenApiDocument()
    {
        const string documentedModels = """
            namespace Demo;

            /// <summary>Something in stock.</summary>
            /// <param name="Id">The identifier.</param>
            /// <param name="Name">What it is called.</param>
            /// <param name="Quantity">How many are left.</param>
            public sealed record Item(int Id, string Name, int Quantity);
            """;
        var first = GeneratorAssert.CompilesCleanlyAndCaches(Handlers, documentedModels);
        var second = TestGeneratorDriver.Run(Edits.Replace("What it is called.", "Its display name.")(first.Input), first.Driver);

        GeneratorAssert.RanCleanly(second);
        Assert.Multiple(() =>
        {
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.Routes), Is.All.AnyOf(CachedOrUnchanged));
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.JsonTypes), Is.All.AnyOf(CachedOrUnchanged));
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.OpenApi), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
            Assert.That(second.Json, Is.EqualTo(first.Json));
            Assert.That(first.OpenApi, Does.Contain("\"description\": \"What it is called.\""));
            Assert.That(second.OpenApi, Does.Contain("\"description\": \"Its display name.\""));
        });
    }

    [Test]
    public void ReRunOnTheSameCompilation_IsFullyCached()
    {
        var first = TestGeneratorDriver.Run(TestGeneratorDriver.CreateCompilation([Handlers, Models]));
        var second = TestGeneratorDriver.Run((Microsoft.CodeAnalysis.CSharp.CSharpCompilation)first.Input.Clone(), first.Driver);

        foreach (var name in GeneratorAssert.TrackedStepNames)
        {
            Assert.That(GeneratorAssert.Reasons(second.Run, name), Is.All.AnyOf(CachedOrUnchanged), name);
        }
    }

    [Test]
    public void RouteEdit_ReRunsRoutes_ButNotJsonTypes()
    {
        var first = GeneratorAssert.CompilesCleanlyAndCaches(Handlers, Models);
        var second = TestGeneratorDriver.Run(Edits.Replace("[Get(\"/items/{id}\")]", "[Get(\"/products/{id}\")]")(first.Input), first.Driver);

        GeneratorAssert.RanCleanly(second);
        GeneratorAssert.CompilesCleanly(second.Output);
        Assert.Multiple(() =>
        {
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.GetEndpoints), Does.Contain(IncrementalStepRunReason.Modified));
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.Routes), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.JsonTypes), Is.All.AnyOf(CachedOrUnchanged));
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.PostEndpoints), Is.All.AnyOf(CachedOrUnchanged));
            Assert.That(second.Endpoints, Does.Contain("root.MapGet(\"/products/{id}\""));
            Assert.That(second.Json, Is.EqualTo(first.Json));
            // The class's endpoints file re-ran; the map file (which only lists the classes) and MapGeneratedEndpoints (which
            // only asks whether there are endpoints) did not.
            Assert.That(OutputReasons(second.Run, TrackingNames.Routes), Is.EquivalentTo(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached }));
            Assert.That(OutputReasons(second.Run, TrackingNames.JsonTypes), Is.All.AnyOf(CachedOrUnchanged));
        });
    }

    [Test]
    public void ModelEdit_ReRunsJsonTypes_ButNotRoutes()
    {
        var first = GeneratorAssert.CompilesCleanlyAndCaches(Handlers, Models);
        var second = TestGeneratorDriver.Run(Edits.Replace("int Quantity)", "int Quantity, string? Note = null)")(first.Input), first.Driver);

        GeneratorAssert.RanCleanly(second);
        GeneratorAssert.CompilesCleanly(second.Output);
        Assert.Multiple(() =>
        {
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.AllEndpoints), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.JsonTypes), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.Routes), Is.All.AnyOf(CachedOrUnchanged));
            Assert.That(second.Json, Does.Contain("Encode(\"note\")"));
            Assert.That(second.Endpoints, Is.EqualTo(first.Endpoints));
            // The JSON file re-ran; the schema names it also feeds did not change.
            Assert.That(OutputReasons(second.Run, TrackingNames.JsonTypes), Is.EquivalentTo(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached }));
            Assert.That(OutputReasons(second.Run, TrackingNames.Routes), Is.All.AnyOf(CachedOrUnchanged));
        });
    }

    [Test]
    public void NewEndpoint_AddsOneNewOutput_AndKeepsTheOthersCached()
    {
        var first = GeneratorAssert.CompilesCleanlyAndCaches(Handlers, Models);
        var second = TestGeneratorDriver.Run(first.Input.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
            using FastEndpointsGen;

            namespace Demo;

            public static class Health
            {
                [Get("/health")]
                public static string Check() => "ok";
            }
            """, TestGeneratorDriver.ParseOptions, path: "Health.cs")), first.Driver);

        GeneratorAssert.RanCleanly(second);
        GeneratorAssert.CompilesCleanly(second.Output);
        var gets = GeneratorAssert.Reasons(second.Run, TrackingNames.GetEndpoints);
        Assert.That(gets.Count(r => r == IncrementalStepRunReason.New), Is.EqualTo(1));
        Assert.That(gets.Where(r => r != IncrementalStepRunReason.New), Is.All.AnyOf(CachedOrUnchanged));
        Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.JsonTypes), Is.All.AnyOf(CachedOrUnchanged));
        Assert.That(second.Endpoints, Does.Contain("root.MapGet(\"/health\""));
    }

    private const string ThreeClasses = """
        using FastEndpointsGen;

        namespace Demo;

        public static class Orders
        {
            [Get("/orders/{id}")]
            public static string Get(int id)
            {
                return "order " + id;
            }
        }

        public static class Customers
        {
            [Get("/customers/{id}")]
            public static string Get(int id)
            {
                return "customer " + id;
            }

            [Delete("/customers/{id}")]
            public static void Remove(int id)
            {
            }
        }

        [EndpointGroup("/invoices")]
        public static class Invoices
        {
            [Get("/{id}")]
            public static string Get(int id) => "invoice " + id;
        }
        """;

    private const string CustomersFile = "FastEndpointsGen.Endpoints.Demo.Customers.g.cs";

    [Test]
    public void EachHandlerClass_HasItsOwnFile_AndTheMapFileCallsThemAll()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches(ThreeClasses);

        Assert.That(result.EndpointClassFiles.Keys, Is.EqualTo(new[]
        {
            CustomersFile,
            "FastEndpointsGen.Endpoints.Demo.Invoices.g.cs",
            "FastEndpointsGen.Endpoints.Demo.Orders.g.cs",
        }));
        var map = result.Source(Generator.Emitting.RoutingEmitter.HintName);
        Assert.That(map, Does.Contain("global::FastEndpointsGen.Generated.Demo_Customers_Endpoints.Map(root, runtime);"));
        Assert.That(map, Does.Not.Contain("MapGet("), "The map file only calls each class's Map.");
        Assert.That(result.EndpointClassFiles[CustomersFile], Does.Contain("root.MapDelete(\"/customers/{id}\"").And.Not.Contain("/orders/"));
    }

    [Test]
    public void HandlerBodyEdit_InOneOfSeveralClasses_ReEmitsNoEndpointsFile()
    {
        var first = GeneratorAssert.CompilesCleanlyAndCaches(ThreeClasses);
        var second = TestGeneratorDriver.Run(Edits.Replace("return \"customer \" + id;", "return \"client \" + id;")(first.Input), first.Driver);

        GeneratorAssert.RanCleanly(second);
        Assert.Multiple(() =>
        {
            Assert.That(GeneratorAssert.Reasons(second.Run, TrackingNames.HandlerClass), Is.EqualTo(Enumerable.Repeat(IncrementalStepRunReason.Cached, 3)));
            Assert.That(OutputReasons(second.Run, TrackingNames.HandlerClass), Is.EqualTo(Enumerable.Repeat(IncrementalStepRunReason.Cached, 3)));
            Assert.That(OutputReasons(second.Run, TrackingNames.EndpointMap), Is.All.AnyOf(CachedOrUnchanged));
            Assert.That(second.Sources, Is.EqualTo(first.Sources));
        });
    }

    [Test]
    public void SignatureEdit_InOneOfSeveralClasses_ReEmitsOnlyThatClassFile()
    {
        var first = GeneratorAssert.CompilesCleanlyAndCaches(ThreeClasses);
        var second = TestGeneratorDriver.Run(Edits.Replace("[Get(\"/customers/{id}\")]", "[Get(\"/clients/{id}\")]")(first.Input), first.Driver);

        GeneratorAssert.RanCleanly(second);
        GeneratorAssert.CompilesCleanly(second.Output);
        var classSteps = second.Run.TrackedSteps[TrackingNames.HandlerClass].SelectMany(s => s.Outputs).ToList();
        var reEmitted = classSteps.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((HandlerClassModel)o.Value).HintName);
        Assert.Multiple(() =>
        {
            Assert.That(reEmitted, Is.EqualTo(new[] { CustomersFile }));
            Assert.That(classSteps.Where(o => o.Reason != IncrementalStepRunReason.Modified).Select(o => o.Reason).ToList(), Has.Count.EqualTo(2).And.All.AnyOf(CachedOrUnchanged));
            // One source output ran again, the customers' file; the other classes' files and the map file were cached.
            Assert.That(OutputReasons(second.Run, TrackingNames.HandlerClass), Is.EquivalentTo(new[]
            {
                IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached,
            }));
            Assert.That(OutputReasons(second.Run, TrackingNames.EndpointMap), Is.All.AnyOf(CachedOrUnchanged));
            // Of the endpoints files (the document changes too: it lists the route).
            var changed = second.Sources.Where(s => s.Key.StartsWith(Generator.Emitting.RoutingEmitter.ClassHintNamePrefix, StringComparison.Ordinal) || s.Key == Generator.Emitting.RoutingEmitter.HintName)
                .Where(s => first.Sources[s.Key] != s.Value).Select(s => s.Key);
            Assert.That(changed, Is.EqualTo(new[] { CustomersFile }));
            Assert.That(second.EndpointClassFiles[CustomersFile], Does.Contain("root.MapGet(\"/clients/{id}\""));
        });
    }

    [Test]
    public void ModelTypes_CannotHoldRoslynObjects()
    {
        var problems = ModelInspector.FindForbiddenFields(typeof(EndpointModel))
            .Concat(ModelInspector.FindForbiddenFields(typeof(JsonTypeModel)))
            .ToList();

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void ModelTypes_AreSealedRecordsWithEquatableCollections()
    {
        var modelTypes = typeof(EndpointModel).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(EndpointModel).Namespace && t.IsClass && !t.IsAbstract && !t.Name.StartsWith('<'))
            .Where(t => t.GetMethod("<Clone>$") is not null || t.IsSealed && t.GetProperty("EqualityContract", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance) is not null)
            .ToList();
        Assert.That(modelTypes.Select(t => t.Name), Is.SupersetOf(new[] { "EndpointModel", "RouteModel", "HandlerModel", "ParameterModel", "ResponseModel", "JsonTypeModel", "JsonMemberModel" }));

        foreach (var type in modelTypes)
        {
            Assert.That(type.IsSealed, Is.True, $"{type.Name} should be sealed");
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public))
            {
                var fieldType = field.FieldType;
                var isMutableCollection = fieldType.IsArray
                    || fieldType.IsGenericType && fieldType.GetGenericTypeDefinition() is var definition
                        && (definition == typeof(List<>) || definition == typeof(System.Collections.Immutable.ImmutableArray<>) || definition == typeof(Dictionary<,>));
                Assert.That(isMutableCollection, Is.False, $"{type.Name}.{field.Name} is a {ModelInspector.Describe(fieldType)}: use EquatableArray<T>");
            }
        }
    }

    [Test]
    public void ModelInspector_FindsASymbolNestedInRecordsAndArrays()
    {
        var compilation = TestGeneratorDriver.CreateCompilation(["namespace Demo; public sealed class Thing { }"]);
        var symbol = compilation.GetTypeByMetadataName("Demo.Thing")!;
        var value = (Name: "x", Items: new EquatableArray<Holder>([new Holder("a", null), new Holder("b", symbol)]));

        var found = ModelInspector.FindForbiddenValues(value);

        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(found[0], Does.StartWith("value.Item2[1].Symbol: "));
    }

    [Test]
    public void ModelInspector_FindsAFieldThatCouldHoldASymbol()
    {
        Assert.That(ModelInspector.FindForbiddenFields(typeof(Holder)), Is.EqualTo(new[] { "Holder.<Symbol>k__BackingField: ISymbol" }));
    }

    /// <summary>The reasons of the source output fed by the named step.</summary>
    private static List<IncrementalStepRunReason> OutputReasons(GeneratorRunResult run, string sourceStep) =>
        run.TrackedOutputSteps.Values
            .SelectMany(steps => steps)
            .Where(step => FedBy(step, sourceStep))
            .SelectMany(step => step.Outputs.Select(o => o.Reason))
            .ToList();

    private static bool FedBy(IncrementalGeneratorRunStep step, string name) =>
        step.Inputs.Any(input => input.Source.Name == name || FedBy(input.Source, name));

    internal sealed record Holder(string Name, ISymbol? Symbol);

    private sealed class InMemoryText(string path, string text) : Microsoft.CodeAnalysis.AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
