using System.Net;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>StrictContentType on (the default), problem details: only JSON media types are read (docs/json.md#content-types).</summary>
public sealed class StrictContentTypeTests : AppTests
{
    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/problem+json")]
    [TestCase("application/vnd.api+json")]
    public async Task Json_media_types_are_read(string contentType)
    {
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes("""{"x":5,"y":6}"""u8.ToArray(), contentType));
        await response.ShouldBeJson("""{"x":6,"y":6}""");
    }

    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/jsonx")]
    [TestCase(null)]
    public async Task Other_or_missing_content_types_get_415(string? contentType)
    {
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes("""{"x":5,"y":6}"""u8.ToArray(), contentType));
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "https://tools.ietf.org/html/rfc9110#section-15.5.16", "Unsupported Media Type");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("application/json"));
    }

    [Test]
    public async Task Empty_body_without_a_content_type_is_a_missing_body_not_a_415()
    {
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes([], contentType: null));
        await response.ShouldHaveSingleError("body", Messages.Required);
    }
}

/// <summary>StrictContentType off: a body without a Content-Type is read as JSON, as before FastAPI 0.132.</summary>
public sealed class LenientContentTypeTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.StrictContentType = false);

    [Test]
    public async Task Body_without_a_content_type_is_read_as_json()
    {
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes("""{"x":5,"y":6}"""u8.ToArray(), contentType: null));
        await response.ShouldBeJson("""{"x":6,"y":6}""");
    }

    [Test]
    public async Task A_non_json_content_type_still_gets_415()
    {
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes("""{"x":5,"y":6}"""u8.ToArray(), "text/plain"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }
}

/// <summary>FastAPI's format: a body that is not declared JSON fails validation as FastAPI's does (422, never 415).</summary>
public sealed class FastApiContentTypeTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.ErrorFormat = ErrorFormat.FastApi);

    [Test]
    public async Task Missing_content_type_is_model_attributes_type_without_echoing_the_body()
    {
        // FastAPI's tests/test_tutorial/test_strict_content_type: the same request, strict by default.
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes("""{"x":5,"y":6}"""u8.ToArray(), contentType: null));
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":null}]}""");
    }

    [Test]
    public async Task Text_plain_json_array_is_refused_by_the_model()
    {
        using var response = await SendAsync(HttpMethod.Post, "/poly/enclosure", Http.Bytes("[1]"u8.ToArray(), "text/plain"));
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":null}]}""");
    }

    [Test]
    public async Task Empty_body_with_a_wrong_content_type_is_a_missing_body()
    {
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes([], "text/plain"));
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}""");
    }

    [Test]
    public async Task Json_content_type_is_read()
    {
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes("""{"x":5,"y":6}"""u8.ToArray(), "application/json"));
        await response.ShouldBeJson("""{"x":6,"y":6}""");
    }
}
