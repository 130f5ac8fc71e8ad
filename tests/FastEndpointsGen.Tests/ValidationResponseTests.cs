using System.Net;
using System.Text.Json;
using FastEndpointsGen.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// The validation response through the app's <c>IProblemDetailsService</c> (<c>AddProblemDetails</c> with
/// <c>CustomizeProblemDetails</c>), and the <c>ValidationResponse</c> hook that replaces it (docs/errors.md).
/// </summary>
public sealed class ValidationResponseTests
{
    private static WebApplicationFactory<Program> App(string setting) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting(setting, "true")
            .ConfigureLogging(logging => logging.ClearProviders()));

    [Test]
    public async Task CustomizeProblemDetails_reaches_the_422()
    {
        using var factory = App("ProblemDetails");
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/filters/echo/abc", UriKind.Relative));
        var body = await response.BodyAsync();
        using var problem = JsonDocument.Parse(body);
        var root = problem.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(422), body);
            Assert.That(response.MediaType(), Is.EqualTo("application/problem+json"));
            Assert.That(root.GetProperty("type").GetString(), Is.EqualTo("https://tools.ietf.org/html/rfc9110#section-15.5.21"));
            Assert.That(root.GetProperty("title").GetString(), Is.EqualTo("One or more validation errors occurred."));
            Assert.That(root.GetProperty("status").GetInt32(), Is.EqualTo(422));
            Assert.That(root.GetProperty("errors").GetProperty("path.id")[0].GetString(), Does.StartWith("Input should be a valid integer"));
            Assert.That(root.GetProperty("traceId").GetString(), Is.EqualTo("trace-/filters/echo/abc"));
        });
    }

    [Test]
    public async Task Without_AddProblemDetails_the_422_is_written_as_before()
    {
        using var factory = new TestAppFactory("Production");
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/filters/echo/abc", UriKind.Relative));
        Assert.That(await response.BodyAsync(), Does.Not.Contain("traceId").And.StartWith("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.21","title":"One or more validation errors occurred.","status":422,"errors":{"path.id":"""));
    }

    [Test]
    public async Task The_ValidationResponse_hook_replaces_the_response()
    {
        using var factory = App("ValidationResponse");
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/filters/echo/abc", UriKind.Relative));
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.BodyAsync(), Is.EqualTo("\"invalid: path.id\""));
        });
    }
}
