using System.Net;
using FastEndpointsGen.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// FastAPI's <c>Depends</c> patterns (docs/dependencies.md) and the minimal-API custom binding conventions
/// (docs/binding.md#custom-binding), over HTTP against the feature app's DependencyEndpoints.cs.
/// </summary>
public sealed class DependencyTests : AppTests
{
    [Test]
    public async Task Current_user_binds_from_the_signed_in_principal()
    {
        using var response = await SendAsync(HttpMethod.Get, "/deps/me", null, ("X-User", "ada"));
        Assert.That(await response.BodyAsync(), Is.EqualTo("ada"));
    }

    [Test]
    public async Task Current_user_BindAsync_throwing_HttpError_answers_401_with_its_header()
    {
        using var response = await GetAsync("/deps/me");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Header"));
        });
    }

    [Test]
    public async Task Shared_paging_binds_through_BindAsync_with_its_ParameterInfo()
    {
        using var paged = await GetAsync("/deps/page?page=3&size=500");
        using var defaults = await GetAsync("/deps/page");
        Assert.Multiple(async () =>
        {
            Assert.That(await paged.BodyAsync(), Is.EqualTo("3/100"));
            Assert.That(await defaults.BodyAsync(), Is.EqualTo("1/10"));
        });
    }

    [Test]
    public async Task IBindableFromHttpContext_binds_and_an_optional_one_may_be_absent()
    {
        using var present = await SendAsync(HttpMethod.Get, "/deps/tenant", null, ("X-Tenant", "acme"));
        using var absent = await GetAsync("/deps/tenant");
        Assert.Multiple(async () =>
        {
            Assert.That(await present.BodyAsync(), Is.EqualTo("acme"));
            Assert.That(await absent.BodyAsync(), Is.EqualTo("none"));
        });
    }

    [Test]
    public async Task A_required_self_binding_parameter_that_binds_to_null_is_a_missing_value_error()
    {
        using var response = await GetAsync("/deps/tenant/required");
        await response.ShouldBe((HttpStatusCode)422, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.21","title":"One or more validation errors occurred.","status":422,"errors":{"request.tenant":["Field required"]}}""");
    }

    [Test]
    public async Task Database_session_is_shared_by_a_dependency_of_a_dependency_and_disposed_after_the_request()
    {
        var log = Services.GetRequiredService<FastEndpointsGen.TestApp.SessionLog>();
        var before = log.Disposed;
        using var first = await GetAsync("/deps/session");
        using var second = await GetAsync("/deps/session");
        var (a, b) = (await first.BodyAsync(), await second.BodyAsync());
        for (var i = 0; i < 100 && log.Disposed - before < 2; i++)
        {
            await Task.Delay(20); // disposal runs as the server finishes the request
        }

        Assert.Multiple(() =>
        {
            Assert.That(a, Does.StartWith("3 same=True id="));
            Assert.That(b, Is.Not.EqualTo(a), "one session per request");
            Assert.That(log.Disposed - before, Is.EqualTo(2), "each request's session was disposed");
        });
    }

    [Test]
    public async Task TryParse_conventions_bind_query_header_and_collection_values()
    {
        using var response = await SendAsync(HttpMethod.Get, "/deps/parse?cursor=10:5&more=1:1&more=2:2", null, ("X-Version", "v2"));
        Assert.That(await response.BodyAsync(), Is.EqualTo("10+5 v2 more=2"));
    }

    [Test]
    public async Task A_value_TryParse_refuses_is_a_422_at_its_location()
    {
        using var response = await SendAsync(HttpMethod.Get, "/deps/parse?cursor=nope", null, ("X-Version", "2"));
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(422));
            Assert.That(body, Does.Contain("\"query.cursor\":").And.Contain("\"header.x-version\":"));
        });
    }

    [Test]
    public async Task The_document_lists_422_where_a_required_self_binding_parameter_can_be_missing()
    {
        using var response = await GetAsync("/openapi.json");
        using var document = System.Text.Json.JsonDocument.Parse(await response.BodyAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.Multiple(() =>
        {
            Assert.That(paths.GetProperty("/deps/tenant/required").GetProperty("get").GetProperty("responses").TryGetProperty("422", out _), Is.True);
            Assert.That(paths.GetProperty("/deps/tenant").GetProperty("get").GetProperty("responses").TryGetProperty("422", out _), Is.False);
        });
    }
}
