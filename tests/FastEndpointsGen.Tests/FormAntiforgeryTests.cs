using System.Net;
using System.Text;
using FastEndpointsGen.Tests.Support;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// Form endpoints require an anti-forgery token as minimal APIs' do: the feature app calls
/// <c>AddAntiforgery()</c> and <c>UseAntiforgery()</c>, and a form POST without a valid token is a 400
/// before the form is read (docs/binding.md).
/// </summary>
public sealed class FormAntiforgeryTests : AppTests
{
    private const string BadRequestType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

    [Test]
    public void Form_endpoints_carry_anti_forgery_metadata_and_others_do_not()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Metadata(Services, "/context/form")?.RequiresValidation, Is.True);
            Assert.That(Metadata(Services, "/more/files")?.RequiresValidation, Is.True);
            Assert.That(Metadata(Services, "/json/product"), Is.Null);
        });
    }

    [Test]
    public async Task Form_without_a_token_is_a_400_problem()
    {
        using var form = new FormUrlEncodedContent([new("title", "x")]);
        using var response = await SendAsync(HttpMethod.Post, "/context/form", form);
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, BadRequestType, "Bad Request");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("The anti-forgery token is missing or invalid."));
    }

    [Test]
    public async Task Form_with_a_forged_token_is_a_400()
    {
        await AntiforgeryTokenAsync();
        using var form = new FormUrlEncodedContent([new("title", "x")]);
        using var response = await SendAsync(HttpMethod.Post, "/context/form", form, (AntiforgeryHeader, "forged"));
        await response.ShouldBeProblem(HttpStatusCode.BadRequest, BadRequestType, "Bad Request");
    }

    [Test]
    public async Task Form_with_the_token_in_the_header_is_read()
    {
        using var form = new FormUrlEncodedContent([new("title", "Report")]);
        using var response = await PostFormAsync("/context/form", form);
        await response.ShouldBeText("Report|none|0");
    }

    [Test]
    public async Task Form_with_the_token_in_a_form_field_is_read()
    {
        using var form = new FormUrlEncodedContent([new("title", "Report"), new("__RequestVerificationToken", await AntiforgeryTokenAsync())]);
        using var response = await SendAsync(HttpMethod.Post, "/context/form", form);
        await response.ShouldBeText("Report|none|0");
    }

    [Test]
    public async Task Malformed_form_with_a_valid_token_is_a_400_about_the_form()
    {
        using var content = Http.Bytes(Encoding.UTF8.GetBytes("--b\r\nContent-Disp"), "multipart/form-data; boundary=b");
        using var response = await PostFormAsync("/context/form", content);
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, BadRequestType, "Bad Request");
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("The form could not be read"));
    }

    [Test]
    public async Task Form_without_a_token_is_a_400_in_the_FastApi_format_too()
    {
        using var factory = new TestAppFactory(configure: o => o.ErrorFormat = ErrorFormat.FastApi);
        using var client = factory.CreateClient();
        using var form = new FormUrlEncodedContent([new("title", "x")]);
        using var response = await client.PostAsync(new Uri("/context/form", UriKind.Relative), form);
        await response.ShouldBeEquivalentJson(HttpStatusCode.BadRequest, "application/json", """{"detail":"The anti-forgery token is missing or invalid."}""");
    }

    [Test]
    public async Task DisableAntiforgery_on_the_generated_group_turns_it_off()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseSetting("DisableAntiforgery", "true")
            .ConfigureLogging(logging => logging.ClearProviders()));
        using var client = factory.CreateClient();
        using var form = new FormUrlEncodedContent([new("title", "Report")]);
        using var response = await client.PostAsync(new Uri("/context/form", UriKind.Relative), form);
        await response.ShouldBeText("Report|none|0");
        Assert.That(Metadata(factory.Services, "/context/form")?.RequiresValidation, Is.False);
    }

    private static IAntiforgeryMetadata? Metadata(IServiceProvider services, string route) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == route && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Metadata.GetMetadata<IAntiforgeryMetadata>();
}
