using FastEndpointsGen.Generator.Emitting;
using FastEndpointsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// The OpenAPI document the generator emits (<c>GeneratedOpenApi</c>, docs/openapi.md). Each test compiles the output,
/// checks the caching, snapshots the generated file, and validates the document with Microsoft.OpenApi's reader.
/// </summary>
public class OpenApiSnapshotTests
{
    [Test]
    public void DocumentedEndpoints()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Http.HttpResults;
            using Microsoft.AspNetCore.Mvc;

            namespace Shop;

            /// <summary>How soon an order ships.</summary>
            public enum Speed { Standard, Express }

            /// <summary>A product in the catalog.</summary>
            /// <param name="Id">The identifier.</param>
            /// <param name="Name">The display name.</param>
            /// <param name="Price">The price in euros.</param>
            /// <param name="Speed">The fastest shipping, when there is a choice.</param>
            /// <param name="Tags">Labels.</param>
            /// <param name="Since">When it was added.</param>
            public sealed record Product(Guid Id, string Name, decimal Price, Speed? Speed, IReadOnlyList<string> Tags, DateOnly? Since = null);

            /// <summary>A new order.</summary>
            public sealed class NewOrder
            {
                /// <summary>Who ordered.</summary>
                [Required, StringLength(100, MinimumLength = 2)]
                public required string Customer { get; init; }

                [Range(1, 99)]
                public int Quantity { get; init; } = 1;

                [EmailAddress]
                public string? Email { get; init; }

                [RegularExpression("[A-Z]{2}")]
                public string Country { get; init; } = "NL";

                [Obsolete("Use Country.")]
                public string? Region { get; init; }

                [MaxLength(5)]
                public HashSet<Speed> Speeds { get; init; } = [];

                public Dictionary<string, int>? Extras { get; init; }
            }

            /// <summary>The catalog and its orders.</summary>
            [EndpointGroup("/shop", Tags = ["Shop"])]
            public static class ShopEndpoints
            {
                /// <summary>Find a product</summary>
                /// <remarks>Looks the product up by <paramref name="id"/>; see <see cref="Product"/>.</remarks>
                /// <param name="id">The product's identifier.</param>
                /// <returns>The product.</returns>
                /// <response code="404">No product has this identifier.</response>
                [Get("/products/{id:guid}")]
                public static Results<Ok<Product>, NotFound> Find(Guid id) => TypedResults.NotFound();

                /// <summary>Search</summary>
                /// <param name="q">Words to look for.</param>
                /// <param name="page">The page, from 1.</param>
                /// <param name="speeds">Only these shipping speeds.</param>
                /// <param name="tenant">The tenant.</param>
                [Get("/products", Name = "SearchProducts", Tags = ["Search"])]
                public static Product[] Search([StringLength(50)] string? q, [Range(1, 1000)] int page = 1, Speed[]? speeds = null,
                    [FromHeader(Name = "X-Tenant")] string? tenant = null) => [];

                /// <summary>Place an order</summary>
                /// <param name="order">The order.</param>
                [Post("/orders", StatusCode = 201, Summary = "Order something")]
                [Authorize(Roles = "buyer")]
                public static Task<Product> Order(NewOrder order) => Task.FromResult(new Product(Guid.Empty, order.Customer, 1, null, []));

                /// <summary>Cancel an order</summary>
                [Delete("/orders/{id:int:min(1)}")]
                [Obsolete]
                public static void Cancel(int id)
                {
                }

                [Get("/version")]
                public static string Version() => "1.0";
            }
            """);

        Snapshot.Verify(result.OpenApi, "OpenApi");
        AssertValid(result);
    }

    [Test]
    public void NoEndpoints_StillAValidDocument()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("namespace Empty { public static class Nothing { } }");

        Snapshot.Verify(result.OpenApi, "OpenApi");
        AssertValid(result);
    }

    [Test]
    public void SameSimpleNameInTwoNamespaces_GetsDistinctSchemaNames()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace A { public sealed record Item(int Id); }
            namespace B { public sealed record Item(string Code); }

            namespace C
            {
                public static class Both
                {
                    [Post("/a")]
                    public static A.Item PostA(A.Item item) => item;

                    [Post("/b")]
                    public static B.Item PostB(B.Item item) => item;
                }
            }
            """);

        var json = AssertValid(result);
        Assert.That(json, Does.Contain("\"A_Item\": {").And.Contain("\"B_Item\": {").And.Not.Contain("\"Item\": {"));
    }

    [Test]
    public void DocComments_AreReadWithoutGenerateDocumentationFile()
    {
        // Without GenerateDocumentationFile the compiler leaves /// comments unparsed: they are still read from the syntax.
        var compilation = TestGeneratorDriver.CreateCompilation(["""
            using FastEndpointsGen;

            namespace Demo;

            public static class Hello
            {
                /// <summary>Say hello</summary>
                /// <param name="name">Who to greet.</param>
                [Get("/hello/{name}")]
                public static string Greet(string name) => name;
            }
            """]);
        var options = TestGeneratorDriver.ParseOptions.WithDocumentationMode(DocumentationMode.None);
        compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => t.WithRootAndOptions(t.GetRoot(), options)));

        var result = TestGeneratorDriver.Run(compilation);

        Assert.That(result.OpenApi, Does.Contain("\"summary\": \"Say hello\"").And.Contain("\"description\": \"Who to greet.\""));
    }

    [Test]
    public void DelimitedDocComments_AreReadThroughTheCompiler()
    {
        // /** */ comments are not read from the syntax: the compiler's documentation provider reads them, on a handler and
        // on a model's members alike.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            /** <summary>A pet.</summary> */
            public sealed class Pet
            {
                /** <summary>What the pet answers to.</summary> */
                public required string Name { get; init; }
            }

            public static class Pets
            {
                /**
                 * <summary>Fetch a pet</summary>
                 * <param name="id">The pet's number.</param>
                 */
                [Get("/pets/{id}")]
                public static Pet Get(int id) => new() { Name = "Rex" };
            }
            """);

        Assert.That(result.OpenApi, Does.Contain("\"summary\": \"Fetch a pet\"")
            .And.Contain("\"description\": \"The pet's number.\"")
            .And.Contain("\"description\": \"A pet.\"")
            .And.Contain("\"description\": \"What the pet answers to.\""));
    }

    [Test]
    public void ThrownHttpErrors_AndBodyRefusals_AreListed()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public sealed record Note(string Text);

            public static class Errors
            {
                public const int Gone = 410;

                public static HttpError NotFound(int id) => new(404, $"No note {id}.");

                public static void EnsureWritable(bool locked)
                {
                    if (locked)
                    {
                        throw new HttpError(statusCode: 409, detail: "Locked.");
                    }
                }
            }

            public static class Notes
            {
                [Get("/notes/{id}")]
                public static Note Get(int id) => id > 0 ? new Note("x") : throw Errors.NotFound(id);

                [Put("/notes/{id}")]
                public static Note Put(int id, Note note, int status)
                {
                    Errors.EnsureWritable(id == 1);
                    if (id == 2)
                    {
                        throw new HttpError(Errors.Gone);
                    }

                    // A status known only at run time cannot be documented.
                    throw new HttpError(status);
                }

                [Get("/plain")]
                public static string Plain() => "x";
            }
            """);

        var json = AssertValid(result);
        var document = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var get = document["paths"]!["/notes/{id}"]!["get"]!["responses"]!.AsObject();
        var put = document["paths"]!["/notes/{id}"]!["put"]!["responses"]!.AsObject();
        var plain = document["paths"]!["/plain"]!["get"]!["responses"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(get.Select(r => r.Key), Is.EquivalentTo(new[] { "200", "404", "422" }));
            Assert.That((string?)get["404"]!["content"]!["application/problem+json"]!["schema"]!["$ref"], Is.EqualTo("#/components/schemas/ProblemDetails"));
            Assert.That(put.Select(r => r.Key), Is.EquivalentTo(new[] { "200", "409", "410", "413", "415", "422" }));
            Assert.That(plain.Select(r => r.Key), Is.EquivalentTo(new[] { "200" }));
            Assert.That((bool?)document["components"]!["schemas"]!["ProblemDetails"]!["properties"]!["detail"]!["x-ms-primary-error-message"], Is.True);
            Assert.That(document["components"]!["schemas"]!.AsObject().Select(s => s.Key), Has.None.StartsWith("FastApi"));
        });
    }

    [Test]
    public void ThrownHttpErrors_AreReadFromSyntax_AndCallsAreBoundOnlyWhereTheyCanReachOne()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.Net;
            using Microsoft.AspNetCore.Http;
            using FastEndpointsGen;

            namespace Demo;

            public static class Quiet
            {
                public static void Check(int id) { }
            }

            public static class Loud
            {
                public static void Check(int id) => throw new HttpError(418, "Teapot.");

                // Calls itself: the walk ends.
                public static int Retry(int attempts) => attempts > 3 ? throw new HttpError(StatusCodes.Status503ServiceUnavailable) : Retry(attempts + 1);
            }

            public static class Items
            {
                [Get("/items/{id}")]
                public static string Get(int id)
                {
                    // Same name as Loud.Check, but this one cannot fail: binding tells them apart.
                    Quiet.Check(id);
                    if (id == 1)
                    {
                        throw new HttpError(StatusCodes.Status403Forbidden);
                    }

                    if (id == 2)
                    {
                        throw new HttpError((int)HttpStatusCode.TooManyRequests, "Slow down.");
                    }

                    return Loud.Retry(id).ToString();
                }
            }
            """);

        var json = AssertValid(result);
        var get = System.Text.Json.Nodes.JsonNode.Parse(json)!["paths"]!["/items/{id}"]!["get"]!["responses"]!.AsObject();
        Assert.That(get.Select(r => r.Key), Is.EquivalentTo(new[] { "200", "403", "422", "429", "503" }));
    }

    [Test]
    public void ThrownErrors_OfAProjectTypeNamedHttpError_AreNotListed()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public sealed class HttpError(int status) : System.Exception("HTTP " + status);

            public static class Items
            {
                [Get("/items/{id}")]
                public static string Get(int id) => id > 0 ? "x" : throw new HttpError(404);

                [Get("/others/{id}")]
                public static string Other(int id) => id > 0 ? "x" : throw new FastEndpointsGen.HttpError(410);
            }
            """);

        var document = System.Text.Json.Nodes.JsonNode.Parse(AssertValid(result))!["paths"]!;
        Assert.Multiple(() =>
        {
            Assert.That(document["/items/{id}"]!["get"]!["responses"]!.AsObject().Select(r => r.Key), Is.EquivalentTo(new[] { "200", "422" }));
            Assert.That(document["/others/{id}"]!["get"]!["responses"]!.AsObject().Select(r => r.Key), Is.EquivalentTo(new[] { "200", "410", "422" }));
        });
    }

    [Test]
    public void ErrorSchemas_OnlyWhenReferenced()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public static class Plain
            {
                [Get("/ping")]
                public static string Ping() => "pong";
            }
            """);

        var json = AssertValid(result);
        Assert.That(json, Does.Not.Contain("ProblemDetails").And.Not.Contain("ValidationProblem").And.Not.Contain("FastApi"));
    }

    [Test]
    public void Defaults_AreLiteral_NeverNull_AndRequiredTextHasANonWhitespaceCharacter()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;

            namespace Demo;

            public enum Speed { Slow, Fast }

            public sealed record Patch(string? Title = null, bool? Done = null, int Count = 3, Speed Speed = Speed.Fast);

            public sealed class Item
            {
                public const decimal DefaultTax = 0.21m;

                public decimal Price { get; init; } = 0m;
                public decimal Tax { get; init; } = DefaultTax;
                public double Weight { get; init; } = 1;
                public string Country { get; init; } = "NL";
                public string? Note { get; init; } = null;
                public Speed Speed { get; init; } = Speed.Slow;

                [Required]
                public required string Name { get; init; }

                [Required, RegularExpression("[a-z]+")]
                public required string Code { get; init; }
            }

            public static class Items
            {
                [Patch("/items")]
                public static Patch Update(Patch patch) => patch;

                [Post("/items")]
                public static Item Create(Item item) => item;
            }
            """);

        var json = AssertValid(result);
        var schemas = System.Text.Json.Nodes.JsonNode.Parse(json)!["components"]!["schemas"]!;
        var patch = schemas["Patch"]!["properties"]!;
        var item = schemas["Item"]!["properties"]!;
        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Not.Contain("\"default\": null"));
            Assert.That(patch["title"]!.AsObject().ContainsKey("default"), Is.False);
            Assert.That(patch["done"]!.AsObject().ContainsKey("default"), Is.False);
            Assert.That(patch["count"]!["default"]!.ToJsonString(), Is.EqualTo("3"));
            Assert.That(patch["speed"]!.AsObject().ContainsKey("default"), Is.False, "an enum's number is no default for its JSON name");
            Assert.That(item["price"]!["default"]!.ToJsonString(), Is.EqualTo("0"));
            Assert.That(item["tax"]!["default"]!.ToJsonString(), Is.EqualTo("0.21"));
            Assert.That(item["weight"]!["default"]!.ToJsonString(), Is.EqualTo("1"));
            Assert.That(item["country"]!["default"]!.ToJsonString(), Is.EqualTo("\"NL\""));
            Assert.That(item["note"]!.AsObject().ContainsKey("default"), Is.False);
            Assert.That((string?)item["name"]!["pattern"], Is.EqualTo(@"^\s*\S[\s\S]*$"));
            Assert.That((int?)item["name"]!["minLength"], Is.EqualTo(1));
            Assert.That((string?)item["code"]!["pattern"], Is.EqualTo(@"^\s*\S[\s\S]*$"));
            Assert.That((string?)item["code"]!["allOf"]![0]!["pattern"], Is.EqualTo("^(?:[a-z]+)$"));
        });
    }

    /// <summary>
    /// <c>&lt;example&gt;</c> and <c>[OpenApiExample]</c> on models, members, positional record parameters and handler
    /// parameters become JSON Schema <c>examples</c> (and a parameter's <c>example</c>), typed as the schema is.
    /// </summary>
    [Test]
    public void Examples_AreTypedAsTheirSchemas()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches(""""
            using FastEndpointsGen;

            namespace Demo;

            public enum Priority { Low, High }

            /// <summary>A new task.</summary>
            [OpenApiExample("""{"title": "Buy milk", "estimate": 2.5}""")]
            public sealed class NewTask
            {
                /// <summary>What to do.</summary>
                /// <example>Buy milk</example>
                public required string Title { get; init; }

                /// <example>2.5</example>
                public decimal? Estimate { get; init; }

                [OpenApiExample(3), OpenApiExample(5)]
                public int Points { get; init; }

                /// <example>true</example>
                public bool Urgent { get; init; }

                [OpenApiExample(Priority.High)]
                public Priority Priority { get; init; }

                /// <example>not a number</example>
                public int Ignored { get; init; }

                [OpenApiExample(new[] { "home", "errand" })]
                public List<string> Tags { get; init; } = [];
            }

            public sealed record Note([OpenApiExample("Call back")] string Text, [property: OpenApiExample(7)] int Minutes);

            public static class Tasks
            {
                [Post("/tasks")]
                public static NewTask Create(NewTask task) => task;

                [Post("/notes/{id}")]
                public static Note Annotate([OpenApiExample(42)] int id, Note note, [OpenApiExample("mine")] string? owner = null) => note;
            }
            """");

        var json = AssertValid(result);
        var document = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var task = document["components"]!["schemas"]!["NewTask"]!;
        var members = task["properties"]!;
        var note = document["components"]!["schemas"]!["Note"]!["properties"]!;
        var parameters = document["paths"]!["/notes/{id}"]!["post"]!["parameters"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(task["examples"]!.ToJsonString(), Is.EqualTo("""[{"title":"Buy milk","estimate":2.5}]"""));
            Assert.That(members["title"]!["examples"]!.ToJsonString(), Is.EqualTo("""["Buy milk"]"""));
            Assert.That(members["estimate"]!["examples"]!.ToJsonString(), Is.EqualTo("[2.5]"), "a number, not text");
            Assert.That(members["points"]!["examples"]!.ToJsonString(), Is.EqualTo("[3,5]"));
            Assert.That(members["urgent"]!["examples"]!.ToJsonString(), Is.EqualTo("[true]"));
            Assert.That(members["priority"]!["examples"]!.ToJsonString(), Is.EqualTo("""["High"]"""));
            Assert.That(members["ignored"]!.AsObject().ContainsKey("examples"), Is.False, "text that is no integer does not fit an integer schema");
            Assert.That(members["tags"]!["examples"]!.ToJsonString(), Is.EqualTo("""[["home","errand"]]"""));
            Assert.That(note["text"]!["examples"]!.ToJsonString(), Is.EqualTo("""["Call back"]"""));
            Assert.That(note["minutes"]!["examples"]!.ToJsonString(), Is.EqualTo("[7]"));
            Assert.That(parameters[0]!["example"]!.ToJsonString(), Is.EqualTo("42"));
            Assert.That(parameters[0]!["schema"]!["examples"]!.ToJsonString(), Is.EqualTo("[42]"));
            Assert.That(parameters[1]!["example"]!.ToJsonString(), Is.EqualTo("\"mine\""));
        });
    }

    /// <summary>
    /// The document parses with Microsoft.OpenApi's reader with no error or warning, and the compiled constant (one compact
    /// line) is the same JSON as the indented document; returns the indented document.
    /// </summary>
    internal static string AssertValid(GeneratorResult result)
    {
        var type = result.Output.GetTypeByMetadataName("FastEndpointsGen." + OpenApiEmitter.ClassName)!;
        var json = (string)type.GetMembers("Json").OfType<IFieldSymbol>().Single().ConstantValue!;
        var read = OpenApiDocument.Parse(json, "json");
        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Not.Contain("\n"), "The constant is compact JSON.");
            Assert.That(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(result.OpenApi)), Is.True,
                "The compiled constant and the indented document differ.");
            Assert.That(read.Diagnostic!.Errors.Select(e => $"{e.Pointer}: {e.Message}"), Is.Empty);
            Assert.That(read.Diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"), Is.Empty);
            Assert.That(read.Diagnostic.SpecificationVersion, Is.EqualTo(OpenApiSpecVersion.OpenApi3_1));
        });
        return result.OpenApi;
    }
}
