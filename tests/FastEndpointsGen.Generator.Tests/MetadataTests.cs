using FastEndpointsGen.Generator.Tests.Infrastructure;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// Every attribute on a handler and its classes becomes endpoint metadata, constructed in generated code
/// (no reflection at run time), and ASP.NET's documentation attributes shape the compile-time document.
/// </summary>
public class MetadataTests
{
    private const string Source = """
        using System.Runtime.CompilerServices;
        using FastEndpointsGen;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.Timeouts;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.OutputCaching;
        using Microsoft.AspNetCore.RateLimiting;
        using Microsoft.AspNetCore.Routing;

        namespace Shop;

        public enum Level { Low, High }

        [AttributeUsage(AttributeTargets.All)]
        public sealed class AuditAttribute(string area, Level level, params string[] notes) : Attribute
        {
            public string Area { get; } = area;
            public Level Level { get; } = level;
            public string[] Notes { get; } = notes;
            public Type? Kind { get; set; }
            public int Weight;
        }

        public sealed record Receipt(int Id);

        [EnableCors("site"), Tags("Extra")]
        public static class Outer
        {
            [Authorize(Roles = "clerk")]
            public static class Orders
            {
                /// <summary>From the XML summary, overridden.</summary>
                [Get("/orders/{id}")]
                [EnableRateLimiting("one"), OutputCache(Duration = 60), RequestTimeout(1000)]
                [Audit("orders", Level.High, "a", "b", Kind = typeof(Receipt), Weight = 2)]
                [EndpointSummary("One order"), EndpointDescription("Reads one order."), EndpointName("ReadOrder")]
                [ProducesResponseType<Receipt>(200), ProducesResponseType(404)]
                public static async Task<IResult> Read(int id)
                {
                    await Task.Yield();
                    return TypedResults.Ok(new Receipt(id));
                }

                [Delete("/orders/{id}"), ExcludeFromDescription, AllowAnonymous, DisableRequestSizeLimit]
                public static void Remove(int id) { }
            }
        }
        """;

    [Test]
    public void Attributes_become_metadata_in_order_class_first()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches(Source);

        Snapshot.VerifyGenerated(result);
        var routing = result.Endpoints;
        string[] expected =
        [
            ".WithMetadata(new global::Microsoft.AspNetCore.Cors.EnableCorsAttribute(\"site\"))",
            ".WithMetadata(new global::Microsoft.AspNetCore.Http.TagsAttribute(new string[] { \"Extra\" }))",
            ".WithMetadata(new global::Microsoft.AspNetCore.Authorization.AuthorizeAttribute() { Roles = \"clerk\" })",
            ".WithMetadata(new global::Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(\"one\"))",
            ".WithMetadata(new global::Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute() { Duration = 60 })",
            ".WithMetadata(new global::Shop.AuditAttribute(\"orders\", (global::Shop.Level)(1), new string[] { \"a\", \"b\" }) { Kind = typeof(global::Shop.Receipt), Weight = 2 })",
            ".WithName(\"ReadOrder\")",
        ];
        var positions = expected.Select(e => routing.IndexOf(e, StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(positions, Has.None.EqualTo(-1), routing);
            Assert.That(positions, Is.Ordered, "classes outermost first, then the method, then the generated conventions");
            Assert.That(routing, Does.Not.Contain("AsyncStateMachine").And.Not.Contain("FastEndpointsGen.GetAttribute"));
        });
    }

    [Test]
    public void Documentation_attributes_shape_the_document()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches(Source);
        var document = OpenApiSnapshotTests.AssertValid(result);

        Assert.Multiple(() =>
        {
            Assert.That(document, Does.Contain("\"summary\": \"One order\"").And.Contain("\"description\": \"Reads one order.\""));
            Assert.That(document, Does.Contain("\"operationId\": \"ReadOrder\""));
            Assert.That(document, Does.Contain("\"Extra\""));
            Assert.That(document, Does.Contain("\"404\"").And.Contain("#/components/schemas/Receipt"));
            Assert.That(document, Does.Not.Contain("\"delete\""), "[ExcludeFromDescription] leaves the operation out");
        });
    }
}
