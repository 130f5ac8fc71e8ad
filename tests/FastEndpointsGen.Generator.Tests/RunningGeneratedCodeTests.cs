using FastEndpointsGen.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// Facts that only show when the generated code runs: the request delegates are called directly
/// against a <see cref="DefaultHttpContext"/>, without a server.
/// </summary>
public class RunningGeneratedCodeTests
{
    [Test]
    public async Task RouteAndQueryValues_AreBound_AndInvalidOnesAnswer422()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public static class Items
            {
                [Get("/items/{id}")]
                public static string Get(int id, int page = 1, string? q = null) => $"{id}:{page}:{q ?? "-"}";
            }
            """);
        using var app = GeneratedApp.Load(result);

        var ok = await app.InvokeAsync("Items_Get", c =>
        {
            c.Request.RouteValues["id"] = "5";
            c.Request.QueryString = new QueryString("?page=2");
        });
        var defaults = await app.InvokeAsync("Items_Get", c => c.Request.RouteValues["id"] = "7");
        var invalid = await app.InvokeAsync("Items_Get", c => c.Request.RouteValues["id"] = "seven");

        Assert.That(ok, Is.EqualTo((200, "5:2:-")));
        Assert.That(defaults, Is.EqualTo((200, "7:1:-")));
        Assert.That(invalid.Status, Is.EqualTo(422));
    }

    [Test]
    public async Task InitOnlyMemberWithAnInitializer_KeepsItWhenAbsent_AndIsSetWhenPresent()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public sealed class Settings
            {
                public required string Name { get; init; }

                public int Retries { get; init; } = 3;
            }

            public static class SettingsEndpoints
            {
                [Post("/settings")]
                public static string Save(Settings settings) => $"{settings.Name}:{settings.Retries}";
            }
            """);
        using var app = GeneratedApp.Load(result);

        var absent = await app.InvokeAsync("SettingsEndpoints_Save", GeneratedApp.Json("""{"name":"a"}"""));
        var present = await app.InvokeAsync("SettingsEndpoints_Save", GeneratedApp.Json("""{"name":"b","retries":5}"""));
        var missing = await app.InvokeAsync("SettingsEndpoints_Save", GeneratedApp.Json("""{"retries":5}"""));

        Assert.That(absent, Is.EqualTo((200, "a:3")));
        Assert.That(present, Is.EqualTo((200, "b:5")));
        Assert.That(missing.Status, Is.EqualTo(422));
    }

    [Test]
    public async Task ConstructorParameters_MatchTheirOwnPropertyBeforeOneThatDiffersInCase()
    {
        // Id and ID are two properties; each constructor parameter is read and written through its own (reading/JsonMembers.cs).
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.Text.Json.Serialization;
            using FastEndpointsGen;

            namespace Demo;

            public sealed record Pair(int Id, [property: JsonPropertyName("code")] int ID);

            public static class PairEndpoints
            {
                [Post("/pairs")]
                public static Pair Echo(Pair pair) => pair;
            }
            """);
        using var app = GeneratedApp.Load(result);

        var echoed = await app.InvokeAsync("PairEndpoints_Echo", GeneratedApp.Json("""{"id":1,"code":2}"""));

        Assert.That(echoed, Is.EqualTo((200, """{"id":1,"code":2}""")));
    }

    [Test]
    public async Task AConstructorParameterWhosePropertyIsIgnored_IsNotReadFromJson()
    {
        // As System.Text.Json does: the parameter gets its default, and its camelCase name is no JSON member (no FEG4004 with Id).
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.Text.Json.Serialization;
            using FastEndpointsGen;

            namespace Demo;

            public sealed record Distinct(int Id, [property: JsonIgnore] int ID);

            public static class DistinctEndpoints
            {
                [Post("/distinct")]
                public static string Echo(Distinct item) => $"{item.Id}:{item.ID}";
            }
            """);
        using var app = GeneratedApp.Load(result);

        var echoed = await app.InvokeAsync("DistinctEndpoints_Echo", GeneratedApp.Json("""{"id":1}"""));

        Assert.That(echoed, Is.EqualTo((200, "1:0")));
    }

    [Test]
    public async Task JsonResponse_UsesTheGeneratedNames()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.Text.Json.Serialization;
            using FastEndpointsGen;

            namespace Demo;

            public enum Color { Red, [JsonStringEnumMemberName("dark-blue")] DarkBlue }

            public sealed record Paint(int Id, [property: JsonPropertyName("shade")] Color Color, string? Note);

            public static class Paints
            {
                [Get("/paints/{id}")]
                public static Paint Get(int id) => new(id, Color.DarkBlue, null);
            }
            """);
        using var app = GeneratedApp.Load(result);

        var response = await app.InvokeAsync("Paints_Get", c => c.Request.RouteValues["id"] = "4");

        Assert.That(response, Is.EqualTo((200, """{"id":4,"shade":"dark-blue","note":null}""")));
    }

    [Test]
    public async Task AsParametersPropertyWithAnInitializer_KeepsItWhenAbsent()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public sealed class Paging
            {
                public int Page { get; set; } = 1;

                public int Size { get; set; } = 20;
            }

            public static class Items
            {
                [Get("/items")]
                public static string List([AsParameters] Paging paging) => $"{paging.Page}/{paging.Size}";
            }
            """);
        using var app = GeneratedApp.Load(result);

        var absent = await app.InvokeAsync("Items_List");
        var present = await app.InvokeAsync("Items_List", c => c.Request.QueryString = new QueryString("?page=3"));

        Assert.That(absent, Is.EqualTo((200, "1/20")));
        Assert.That(present, Is.EqualTo((200, "3/20")));
    }

    [Test]
    public async Task RequiredFormFile_WhenMissing_Answers422()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Demo;

            public static class Uploads
            {
                [Post("/upload")]
                public static string Upload(IFormFile file) => file.FileName;
            }
            """);
        using var app = GeneratedApp.Load(result);

        var response = await app.InvokeAsync("Uploads_Upload", c =>
        {
            c.Request.Method = "POST";
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Features.Set<Microsoft.AspNetCore.Http.Features.IFormFeature>(new Microsoft.AspNetCore.Http.Features.FormFeature(new Microsoft.AspNetCore.Http.FormCollection(new Dictionary<string, StringValues> { ["other"] = "x" })));
        });

        Assert.That(response.Status, Is.EqualTo(422));
        Assert.That(response.Body, Does.Contain("file"));
    }
}
