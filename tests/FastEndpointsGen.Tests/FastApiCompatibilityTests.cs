using System.Net;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// ErrorFormat.FastApi, byte for byte against the bodies FastAPI returns for its own tutorial
/// endpoints (same routes, same requests). The one known difference is json_invalid's ctx.error,
/// which carries System.Text.Json's description instead of Python's.
/// </summary>
public sealed class FastApiCompatibilityTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.ErrorFormat = ErrorFormat.FastApi);

    private static async Task ShouldBeFastApiError(HttpResponseMessage response, string body) =>
        await response.ShouldBe((HttpStatusCode)422, "application/json", body);

    [Test]
    public async Task Int_parsing_matches_fastapi()
    {
        using var response = await GetAsync("/fastapi/items/foo");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"int_parsing","loc":["path","item_id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"foo"}]}""");
    }

    [Test]
    public async Task Missing_body_member_matches_fastapi()
    {
        using var response = await PostJsonAsync("/fastapi/items/", """{"name":"Foo"}""");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"missing","loc":["body","price"],"msg":"Field required","input":{"name":"Foo"}}]}""");
    }

    [Test]
    public async Task Missing_query_parameter_matches_fastapi()
    {
        using var response = await GetAsync("/fastapi/sized/");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"missing","loc":["query","size"],"msg":"Field required","input":null}]}""");
    }

    [Test]
    public async Task Greater_than_matches_fastapi()
    {
        using var response = await GetAsync("/fastapi/sized/?size=-1");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"greater_than","loc":["query","size"],"msg":"Input should be greater than 0","input":"-1","ctx":{"gt":0}}]}""");
    }

    [Test]
    public async Task String_pattern_mismatch_matches_fastapi()
    {
        using var response = await GetAsync("/fastapi/query/?q=nonfixedquery");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"string_pattern_mismatch","loc":["query","q"],"msg":"String should match pattern '^fixedquery$'","input":"nonfixedquery","ctx":{"pattern":"^fixedquery$"}}]}""");
    }

    [Test]
    public async Task Enum_matches_fastapi()
    {
        using var response = await GetAsync("/fastapi/models/foo");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"enum","loc":["path","model_name"],"msg":"Input should be 'alexnet', 'resnet' or 'lenet'","input":"foo","ctx":{"expected":"'alexnet', 'resnet' or 'lenet'"}}]}""");
    }

    [Test]
    public async Task Json_invalid_matches_fastapi_except_for_the_parser_message()
    {
        using var response = await PostJsonAsync("/fastapi/items/", "{,}");
        var body = await response.BodyAsync();
        Assert.That(body, Does.StartWith("""{"detail":[{"type":"json_invalid","loc":["body",1],"msg":"JSON decode error","input":{},"ctx":{"error":"""));
    }

    [Test]
    public async Task Valid_requests_pass()
    {
        using var item = await PostJsonAsync("/fastapi/items/", """{"name":"Foo","price":35.4}""");
        await item.ShouldBeJson("""{"name":"Foo","price":35.4,"description":null,"tax":null}""");
        using var model = await GetAsync("/fastapi/models/resnet");
        await model.ShouldBeText("ResNet");
    }
}

/// <summary>url_parsing as pydantic words it: the parser's reason in the message and in ctx.error (docs/errors.md#error-types).</summary>
public sealed class UrlParsingTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.ErrorFormat = ErrorFormat.FastApi);

    [Test]
    [TestCase("http://", "empty host")]
    [TestCase("http://example.com:99999/", "invalid port number")]
    [TestCase("http://[::1/", "invalid IPv6 address")]
    [TestCase("http://exa mple.com/", "invalid domain character")]
    public async Task Query_value(string target, string error)
    {
        using var response = await GetAsync("/more/uri?target=" + Uri.EscapeDataString(target));
        await response.ShouldBe((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"url_parsing","loc":["query","target"],"msg":"Input should be a valid URL, """ + error + "\",\"input\":\"" + target
            + "\",\"ctx\":{\"error\":\"" + error + "\"}}]}");
    }

    [Test]
    public async Task Json_member()
    {
        using var bad = await PostJsonAsync("/json/order", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","version":1,"link":"https://"}""");
        await bad.ShouldBe((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"url_parsing","loc":["body","link"],"msg":"Input should be a valid URL, empty host","input":"https://","ctx":{"error":"empty host"}}]}""");

        using var wrongType = await PostJsonAsync("/json/order", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","version":1,"link":5}""");
        await wrongType.ShouldBe((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"url_type","loc":["body","link"],"msg":"URL input should be a string or URL","input":5}]}""");
    }
}
