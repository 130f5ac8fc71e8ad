using System.Net;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>[FromCookie] parameters and [AsParameters] members (docs/binding.md#cookies).</summary>
public sealed class CookieBindingTests : AppTests
{
    private Task<HttpResponseMessage> GetWithCookies(string url, string cookies) =>
        SendAsync(HttpMethod.Get, url, null, ("Cookie", cookies));

    [Test]
    public async Task Cookies_bind_by_their_names_and_parse()
    {
        using var response = await GetWithCookies("/cookies/session", "session_id=abcd; count=3");
        await response.ShouldBeText("abcd|3");
    }

    [Test]
    public async Task Optional_cookie_may_be_absent()
    {
        using var response = await GetWithCookies("/cookies/session", "session_id=abcd");
        await response.ShouldBeText("abcd|none");
    }

    [Test]
    public async Task Missing_invalid_and_unparsable_cookies_are_errors_at_cookie_locations()
    {
        using var missing = await GetAsync("/cookies/session");
        await missing.ShouldHaveSingleError("cookie.session_id", Messages.Required);

        using var invalid = await GetWithCookies("/cookies/session", "session_id=ab; count=many");
        await invalid.ShouldHaveErrors(
            ("cookie.session_id", "String should have at least 4 characters"),
            ("cookie.count", Messages.Int));
    }

    [Test]
    public async Task Cookie_names_match_ignoring_case_as_asp_net_core_reads_them()
    {
        using var response = await GetWithCookies("/cookies/session", "SESSION_ID=abcd");
        await response.ShouldBeText("abcd|none");
    }

    [Test]
    public async Task As_parameters_members_bind_from_cookies()
    {
        using var response = await GetWithCookies("/cookies/preferences", "theme=high; visits=4");
        await response.ShouldBeText("High|4");
        using var defaults = await GetAsync("/cookies/preferences");
        await defaults.ShouldBeText("none|0");
        using var invalid = await GetWithCookies("/cookies/preferences", "theme=blue");
        await invalid.ShouldHaveSingleError("cookie.theme", Messages.Priority);
    }

    [Test]
    public async Task Document_describes_cookies_as_in_cookie()
    {
        using var response = await GetAsync("/openapi.json");
        var document = System.Text.Json.Nodes.JsonNode.Parse(await response.BodyAsync())!;
        var parameters = document["paths"]!["/cookies/session"]!["get"]!["parameters"]!.AsArray();
        Assert.That(parameters.Select(p => $"{p!["in"]}:{p["name"]}:{p["required"]}"),
            Is.EqualTo(new[] { "cookie:session_id:true", "cookie:count:false" }));
        var members = document["paths"]!["/cookies/preferences"]!["get"]!["parameters"]!.AsArray();
        Assert.That(members.Select(p => $"{p!["in"]}:{p["name"]}"), Is.EqualTo(new[] { "cookie:theme", "cookie:visits" }));
    }
}

/// <summary>Cookie errors in FastAPI's format.</summary>
public sealed class CookieBindingFastApiTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.ErrorFormat = ErrorFormat.FastApi);

    [Test]
    public async Task Missing_cookie_is_located_as_fastapi_locates_it()
    {
        using var response = await GetAsync("/cookies/session");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"missing","loc":["cookie","session_id"],"msg":"Field required","input":null}]}""");
    }
}
