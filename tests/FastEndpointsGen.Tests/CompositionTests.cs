using System.Net;
using System.Text.Json;
using FastEndpointsGen.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// ASP.NET Core's metadata-driven middleware and hooks on generated endpoints, with each feature registered and its
/// middleware in the feature app's pipeline: they behave as on a minimal API (docs/composition.md).
/// </summary>
public sealed class CompositionTests : AppTests
{
    [Test]
    public async Task EnableRateLimiting_rejects_the_second_call()
    {
        using var first = await GetAsync("/composition/limited");
        using var second = await GetAsync("/composition/limited");
        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        });
    }

    [Test]
    public async Task RequestTimeout_cancels_the_handler_and_the_middleware_answers_504()
    {
        using var response = await GetAsync("/composition/slow");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
    }

    [Test]
    public async Task RequestSizeLimit_refuses_a_larger_body_with_413_and_accepts_a_small_one()
    {
        using var small = await PostJsonAsync("/composition/small", """{"text":"hi"}""");
        using var large = await PostJsonAsync("/composition/small", $$"""{"text":"{{new string('a', 100)}}"}""");
        Assert.Multiple(async () =>
        {
            Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await small.BodyAsync(), Is.EqualTo("hi"));
            Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        });
    }

    [Test]
    public async Task DisableRequestSizeLimit_accepts_a_body_over_MaxRequestBodySize()
    {
        var text = new string('a', 2 * 1024 * 1024);
        using var response = await PostJsonAsync("/composition/unlimited", $$"""{"text":"{{text}}"}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.BodyAsync(), Is.EqualTo(text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task RequestSizeLimit_bounds_a_form_body_too()
    {
        using var small = await PostFormAsync("/composition/small-form", new FormUrlEncodedContent([new("text", "hi")]));
        using var large = await PostFormAsync("/composition/small-form", new FormUrlEncodedContent([new("text", new string('a', 100))]));
        Assert.Multiple(async () =>
        {
            Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(await large.BodyAsync(), Does.Contain("limit of 64 bytes"));
        });
    }

    [Test]
    public async Task A_size_limit_added_by_a_named_convention_is_the_endpoints_limit()
    {
        using var small = await PostJsonAsync("/composition/limited-by-convention", """{"text":"a"}""");
        using var large = await PostJsonAsync("/composition/limited-by-convention", """{"text":"abcdefghij"}""");
        Assert.Multiple(async () =>
        {
            Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(large.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(await large.BodyAsync(), Does.Contain("limit of 16 bytes"));
        });
    }

    [Test]
    public async Task OutputCache_answers_the_second_call_from_the_cache()
    {
        using var first = await GetAsync("/composition/cached");
        using var second = await GetAsync("/composition/cached");
        var (a, b) = (await first.BodyAsync(), await second.BodyAsync());
        Assert.That(b, Is.EqualTo(a), "the handler ran once; the second answer is the cached one");
    }

    [Test]
    public async Task EnableCors_answers_a_preflight_with_the_policy()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri("/composition/cors", UriKind.Relative));
        request.Headers.Add("Origin", "https://site.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");
        using var preflight = await Client.SendAsync(request);

        using var actual = new HttpRequestMessage(HttpMethod.Get, new Uri("/composition/cors", UriKind.Relative));
        actual.Headers.Add("Origin", "https://site.example");
        using var response = await Client.SendAsync(actual);

        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri("/composition/limited", UriKind.Relative));
        other.Headers.Add("Origin", "https://site.example");
        Assert.Multiple(() =>
        {
            Assert.That(preflight.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(preflight.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "https://site.example" }));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "https://site.example" }));
        });
    }

    [Test]
    public async Task HttpError_sends_its_headers_and_problem_extensions()
    {
        using var response = await GetAsync("/composition/unauthorized");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer error=\"invalid_token\""));
        await response.ShouldBe(HttpStatusCode.Unauthorized, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Unauthorized","status":401,"detail":"The token expired.","code":"token_expired","retryable":false}""");
    }

    [Test]
    public async Task Documentation_attributes_are_in_the_document()
    {
        using var response = await GetAsync("/openapi.json");
        using var document = JsonDocument.Parse(await response.BodyAsync());
        var paths = document.RootElement.GetProperty("paths");
        var operation = paths.GetProperty("/composition/documented").GetProperty("get");
        Assert.Multiple(() =>
        {
            Assert.That(operation.GetProperty("summary").GetString(), Is.EqualTo("Documented by attributes"));
            Assert.That(operation.GetProperty("description").GetString(), Does.StartWith("Summary, description, tags"));
            Assert.That(operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Does.Contain("Extra"));
            Assert.That(operation.GetProperty("responses").TryGetProperty("404", out _), Is.True);
            Assert.That(paths.TryGetProperty("/composition/hidden", out _), Is.False, "[ExcludeFromDescription]");
        });
    }
}

/// <summary>The app's <c>UseExceptionHandler()</c> with an <c>IExceptionHandler</c>: a handler's exception reaches it.</summary>
public sealed class ExceptionHandlingTests
{
    [Test]
    public async Task The_apps_IExceptionHandler_answers_a_handler_exception()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("UseExceptionHandler", "true")
            .ConfigureLogging(logging => logging.ClearProviders()));
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/composition/crash", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(await response.BodyAsync(), Is.EqualTo("handled by the app: composition crash"));
        });
    }

    /// <summary>
    /// An exception a model's own code throws while it is bound (not an ArgumentException or ValidationException) is the
    /// server's failure, handled exactly like one from the handler: it reaches the app's exception handler (docs/validation.md).
    /// </summary>
    [TestCase("GET", "/model-errors/broken-query?n=13", null, null)]
    [TestCase("POST", "/model-errors/broken-record", "application/json", """{"name":"boom"}""")]
    [TestCase("POST", "/model-errors/broken", "application/json", """{"name":"boom"}""")]
    [TestCase("POST", "/model-errors/broken-form", "application/x-www-form-urlencoded", "name=boom")]
    public async Task The_apps_IExceptionHandler_answers_an_exception_thrown_while_a_model_is_built(string method, string url, string? contentType, string? body)
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("UseExceptionHandler", "true")
            .ConfigureLogging(logging => logging.ClearProviders()));
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType!);
        }

        if (contentType == "application/x-www-form-urlencoded")
        {
            using var token = await client.GetAsync(new Uri("/context/antiforgery-token", UriKind.Relative));
            request.Headers.Add("RequestVerificationToken", await token.BodyAsync());
        }

        using var response = await client.SendAsync(request);
        var text = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), text);
            Assert.That(text, Is.EqualTo("handled by the app: internal state exposed"));
        });
    }

    [Test]
    public async Task HttpError_is_still_answered_by_the_endpoint()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("UseExceptionHandler", "true")
            .ConfigureLogging(logging => logging.ClearProviders()));
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/composition/unauthorized", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
