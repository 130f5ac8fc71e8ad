using FastEndpointsGen.Generator.Tests.Infrastructure;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// Valid user code whose generated code must still compile cleanly: names that collide with the
/// generated code's own locals, keywords, overloads, and the less common collection shapes.
/// </summary>
public class EdgeCaseTests
{
    /// <summary>Each name is a local or parameter of the generated request delegate; a handler parameter may be named the same.</summary>
    [TestCase("errors")]
    [TestCase("result")]
    [TestCase("httpContext")]
    [TestCase("runtime")]
    [TestCase("exception")]
    [TestCase("parsed")]
    [TestCase("handlers")]
    [TestCase("root")]
    [TestCase("form")]
    [TestCase("body")]
    public void QueryParameterNamedLikeAGeneratedLocal_Compiles(string name)
    {
        GeneratorAssert.CompilesCleanlyAndCaches($$"""
            using FastEndpointsGen;

            namespace Demo;

            public static class Handlers
            {
                [Get("/items")]
                public static string Get(int {{name}}) => {{name}}.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            """);
    }

    [Test]
    public void ParametersNamedLikeEachOthersGeneratedLocals_Compile()
    {
        // x's locals are x_local and x_raw; parameters with those very names must not take them.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Http;

            namespace Demo;

            public sealed record Page(int Size, int Size_raw);

            public static class Handlers
            {
                [Get("/items")]
                public static string Get(int x_local, int x, int x_raw, string? x_raw_raw = null) => $"{x_local}{x}{x_raw}{x_raw_raw}";

                [Get("/pages")]
                public static string Pages([AsParameters] Page page, int page_Size = 0) => $"{page.Size}{page.Size_raw}{page_Size}";
            }
            """);

        Assert.That(result.Endpoints, Does.Contain("x_local_local"));
    }

    [Test]
    public void MembersNamedLikeEachOthersReaderLocals_Compile()
    {
        // Each member's reader locals are xValue and hasX: X and x would share xValue, Has's local is Value's flag,
        // and a checked member's local is the name of the value its rules run on.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using System.Text.Json.Serialization;
            using FastEndpointsGen;

            namespace Demo;

            public sealed class Odd
            {
                public int X { get; set; }
                [JsonPropertyName("lowerX")] public int x { get; set; }
                public bool Has { get; set; }
                public int Value { get; set; }
                [MinLength(2)] public string Checked { get; set; } = "";
                [Range(1, 9)] public int ErrorCount { get; set; }
            }

            public static class Handlers
            {
                [Post("/odd")]
                public static Odd Echo(Odd odd) => odd;
            }
            """);

        Assert.That(result.Json, Does.Contain("xValue_").And.Contain("hasValue_").And.Contain("checkedValue_"));
    }

    [TestCase("body")]
    [TestCase("json")]
    [TestCase("errors")]
    [TestCase("result")]
    [TestCase("item")]
    public void BodyParameterNamedLikeAGeneratedLocal_Compiles(string name)
    {
        GeneratorAssert.CompilesCleanlyAndCaches($$"""
            using FastEndpointsGen;

            namespace Demo;

            public sealed record NewItem(string Name);

            public static class Handlers
            {
                [Post("/items")]
                public static string Create(NewItem {{name}}) => {{name}}.Name;
            }
            """);
    }

    [Test]
    public void FormCollectionParameterNamedForm_Compiles()
    {
        GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public static class Handlers
            {
                [Post("/upload")]
                public static int Upload(IFormCollection form) => form.Count;
            }
            """);
    }

    [Test]
    public void InstanceHandlerParameterNamedHandler_Compiles()
    {
        GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public sealed class Handlers
            {
                [Get("/items")]
                public string Get(string? handler) => handler ?? "";
            }
            """);
    }

    [Test]
    public void GroupClassNamedLikeAKeyword_Compiles()
    {
        GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            [EndpointGroup("/events")]
            public static class Event
            {
                [Get("/")]
                public static string List() => "";
            }
            """);
    }

    [Test]
    public void KeywordNamedEnumAndModelMembers_Compile()
    {
        GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public enum Visibility { @public, @private }

            public sealed class Token
            {
                public string @class { get; set; } = "";

                public Visibility @default { get; set; }
            }

            public static class Handlers
            {
                [Post("/tokens")]
                public static Token Echo(Token token) => token;
            }
            """);
    }

    [Test]
    public void OverloadedHandlers_CompileWithoutAmbiguousCrefWarnings()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public static class Items
            {
                [Get("/items/{id:int}")]
                public static string Get(int id) => "by id";

                [Get("/items/by-name/{name}")]
                public static string Get(string name) => "by name";
            }
            """);

        Assert.That(result.Endpoints, Does.Contain("handlers.Items_Get)"));
        Assert.That(result.Endpoints, Does.Contain("handlers.Items_Get2)"));
    }

    [Test]
    public void HashSetQueryParameter_IsBoundAsASet()
    {
        GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public static class Handlers
            {
                [Get("/items")]
                public static int Get(HashSet<int> ids, ISet<string>? tags = null) => ids.Count;
            }
            """);
    }

    [Test]
    public void SameCollectionWithAndWithoutNullableElements_Compiles()
    {
        GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public sealed record Notes(List<string> Required, List<string?> Optional, string[] Names, string?[] MaybeNames);

            public static class Handlers
            {
                [Post("/notes")]
                public static Notes Echo(Notes notes) => notes;
            }
            """);
    }

    [Test]
    public void TypedResultsTypeArguments_GetGeneratedJson()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Http.HttpResults;

            namespace Demo;

            public sealed record Item(int Id);

            public static class Handlers
            {
                [Get("/items/{id}")]
                public static Results<Ok<Item>, NotFound> Get(int id) => id > 0 ? TypedResults.Ok(new Item(id)) : TypedResults.NotFound();
            }
            """);

        // GeneratedJson.TypeInfoResolver promises "TypedResults.Ok(model) uses the generated code too":
        // under Native AOT, Item has no other source of metadata.
        Assert.That(result.Json, Does.Contain("if (type == typeof(global::Demo.Item)) return "));
    }

    [Test]
    public void StringKeyedDictionaryInterfaces_AreGenerated()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public sealed record Bag(IDictionary<string, int> Counts, IReadOnlyDictionary<string, string?> Labels);

            public static class Handlers
            {
                [Post("/bags")]
                public static Bag Echo(Bag bag) => bag;
            }
            """);

        Assert.That(result.Json, Does.Contain("JsonRead.StartDictionary"));
    }

    /// <summary>
    /// A framework collection the generator does not recognise must be written as JSON's array or
    /// object of its items (or fall back), never as an object of its own properties.
    /// </summary>
    [TestCase("Dictionary<int, string>")]
    [TestCase("SortedDictionary<string, int>")]
    [TestCase("System.Collections.ObjectModel.Collection<string>")]
    [TestCase("Queue<string>")]
    [TestCase("System.Collections.Immutable.ImmutableArray<int>")]
    public void UnrecognisedCollection_IsNotWrittenAsAnObjectOfItsProperties(string type)
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches($$"""
            using FastEndpointsGen;

            namespace Demo;

            public sealed record Holder({{type}} Items);

            public static class Handlers
            {
                [Post("/holders")]
                public static Holder Echo(Holder holder) => holder;
            }
            """);

        foreach (var property in new[] { "count", "comparer", "capacity", "length", "isEmpty", "isDefault" })
        {
            Assert.That(result.Json, Does.Not.Contain($"Encode(\"{property}\")"), property);
        }
    }

    [Test]
    public void ClosedGenericModels_GetOneReaderAndWriterPerConstruction()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public sealed record Item(int Id);

            public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

            public static class Handlers
            {
                [Get("/items")]
                public static Page<Item> Items() => new([], 0);

                [Get("/names")]
                public static Page<string> Names() => new([], 0);

                [Post("/items/search")]
                public static Page<Item> Search(Page<Item> query) => query;
            }
            """);

        Assert.That(result.Json, Does.Contain("internal static void WriteDemo_Page_Demo_Item_(Utf8JsonWriter writer, global::Demo.Page<global::Demo.Item>? value, JsonSerializerOptions options)"));
        Assert.That(result.Json, Does.Contain("internal static void WriteDemo_Page_string_(Utf8JsonWriter writer, global::Demo.Page<string>? value, JsonSerializerOptions options)"));
    }

    [Test]
    public void TypesWhoseNamesDifferOnlyInPunctuation_GetDistinctReadersAndWriters()
    {
        GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public sealed record Order_Line(int Quantity);

            public static class Order
            {
                public sealed record Line(string Product);
            }

            public static class Handlers
            {
                [Get("/lines/flat")]
                public static Order_Line Flat() => new(1);

                [Get("/lines/nested")]
                public static Order.Line Nested() => new("pen");
            }
            """);
    }

    [Test]
    public void ParsableTypes_BindFromQueryAndRoute()
    {
        GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.Diagnostics.CodeAnalysis;
            using FastEndpointsGen;

            namespace Demo;

            public readonly record struct Sku(string Value) : IParsable<Sku>
            {
                public static Sku Parse(string s, IFormatProvider? provider) => new(s);

                public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Sku result)
                {
                    result = new(s ?? "");
                    return s is not null;
                }
            }

            public static class Handlers
            {
                [Get("/skus/{sku}")]
                public static string Get(Sku sku, Sku? alternative = null, TimeSpan? within = null, Uri? link = null, char? initial = null) => sku.Value;
            }
            """);
    }
}
