using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FastEndpointsGen.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// Headers, services, keyed services, special types, streams and forms (docs/binding.md); instance handlers,
/// authorization metadata and a named ungrouped endpoint.
/// </summary>
public sealed class ContextBindingTests : AppTests
{
    [Test]
    public async Task Header_is_bound_by_its_name()
    {
        using var response = await SendAsync(HttpMethod.Get, "/context/header", null, ("X-Request-Id", "req-123"));
        await response.ShouldBeText("req-123");
    }

    [Test]
    public async Task Header_names_are_matched_case_insensitively()
    {
        using var response = await SendAsync(HttpMethod.Get, "/context/header", null, ("x-request-id", "lower"));
        await response.ShouldBeText("lower");
    }

    [Test]
    public async Task Missing_required_header_is_a_422_at_its_lowercase_name()
    {
        using var response = await GetAsync("/context/header");
        await response.ShouldHaveSingleError("header.x-request-id", Messages.Required);
    }

    [Test]
    public async Task Int_header_uses_its_default_when_absent()
    {
        using var response = await GetAsync("/context/header/int");
        await response.ShouldBeJson("3");
    }

    [Test]
    public async Task Int_header_is_parsed()
    {
        using var response = await SendAsync(HttpMethod.Get, "/context/header/int", null, ("X-Count", "7"));
        await response.ShouldBeJson("7");
    }

    [Test]
    public async Task Unparsable_int_header_is_a_422_at_its_location()
    {
        using var response = await SendAsync(HttpMethod.Get, "/context/header/int", null, ("X-Count", "many"));
        await response.ShouldHaveSingleError("header.x-count", Messages.Int);
    }

    [Test]
    public async Task Interface_parameter_is_resolved_from_services()
    {
        using var response = await GetAsync("/context/service");
        await response.ShouldBeJson("\"2026-01-02T03:04:05+00:00\"");
    }

    [Test]
    public async Task Keyed_service_is_resolved_by_its_key()
    {
        using var response = await GetAsync("/context/keyed/Ada");
        await response.ShouldBeText("Good day, Ada.");
    }

    [Test]
    public async Task Special_types_are_bound_from_the_http_context()
    {
        using var response = await GetAsync("/context/special");
        await response.ShouldBeText("/context/special|GET|True|False");
        Assert.That(response.Headers.GetValues("X-Seen"), Is.EqualTo(new[] { "yes" }));
    }

    [Test]
    public async Task Claims_principal_is_the_authenticated_user()
    {
        using var response = await SendAsync(HttpMethod.Get, "/context/special", null, ("X-User", "ada"));
        await response.ShouldBeText("/context/special|GET|True|True");
    }

    [Test]
    public async Task Stream_parameter_reads_the_raw_body()
    {
        using var response = await SendAsync(HttpMethod.Post, "/context/stream", new StringContent("hello stream", Encoding.UTF8, "text/plain"));
        await response.ShouldBeText("HELLO STREAM");
    }

    [Test]
    public async Task Stream_parameter_accepts_any_content_type_and_an_empty_body()
    {
        using var response = await SendAsync(HttpMethod.Post, "/context/stream", Http.Bytes([], "application/octet-stream"));
        await response.ShouldBeText("");
    }

    [Test]
    public async Task Form_with_a_file_binds_the_field_and_the_file()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("Report"), "title");
        var file = new ByteArrayContent("hello"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "notes.txt");

        using var response = await PostFormAsync("/context/form", form);
        await response.ShouldBeText("Report|notes.txt|5");
    }

    [Test]
    public async Task Form_without_the_optional_file_binds_null()
    {
        using var form = new MultipartFormDataContent { { new StringContent("Only title"), "title" } };
        using var response = await PostFormAsync("/context/form", form);
        await response.ShouldBeText("Only title|none|0");
    }

    [Test]
    public async Task Url_encoded_form_is_accepted()
    {
        using var form = new FormUrlEncodedContent([new("title", "a & b")]);
        using var response = await PostFormAsync("/context/form", form);
        await response.ShouldBeText("a & b|none|0");
    }

    [Test]
    public async Task Form_missing_a_required_field_is_a_422_in_the_body()
    {
        using var form = new FormUrlEncodedContent([new("other", "x")]);
        using var response = await PostFormAsync("/context/form", form);
        await response.ShouldHaveSingleError("body.title", Messages.Required);
    }

    [Test]
    public async Task Form_endpoint_called_with_json_is_a_415()
    {
        using var response = await PostFormAsync("/context/form", Http.Json("""{"title":"x"}"""));
        await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "https://tools.ietf.org/html/rfc9110#section-15.5.16", "Unsupported Media Type");
    }

    [Test]
    public async Task Instance_handler_is_constructed_with_its_dependencies()
    {
        using var response = await GetAsync("/instance/now");
        await response.ShouldBeJson("\"2026-01-02T03:04:05+00:00\"");
    }

    [Test]
    public async Task Instance_handler_reads_a_singleton_service()
    {
        using var response = await GetAsync("/instance/count");
        await response.ShouldBeJson("1");
    }

    [Test]
    public async Task Authorized_endpoint_without_a_user_is_a_401()
    {
        using var response = await GetAsync("/secure/me");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Authorized_endpoint_with_a_user_answers()
    {
        using var response = await SendAsync(HttpMethod.Get, "/secure/me", null, ("X-User", "ada"));
        await response.ShouldBeText("ada");
    }

    [Test]
    public async Task Policy_endpoint_without_a_user_is_a_401()
    {
        using var response = await GetAsync("/secure/admin");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Policy_endpoint_without_the_role_is_a_403()
    {
        using var response = await SendAsync(HttpMethod.Get, "/secure/admin", null, ("X-User", "ada"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Policy_endpoint_with_the_role_answers()
    {
        using var response = await SendAsync(HttpMethod.Get, "/secure/admin", null, ("X-User", "ada"), ("X-Role", "admin"));
        await response.ShouldBeText("admin");
    }

    [Test]
    public async Task Allow_anonymous_overrides_the_group_authorization()
    {
        using var response = await GetAsync("/secure/public");
        await response.ShouldBeText("public");
    }

    [Test]
    public async Task Ungrouped_named_endpoint_answers()
    {
        using var response = await GetAsync("/ping");
        await response.ShouldBeText("pong");
    }

    [Test]
    public void Endpoint_name_is_registered_for_link_generation()
    {
        var links = Services.GetRequiredService<LinkGenerator>();
        Assert.That(links.GetPathByName("Ping", values: null), Is.EqualTo("/ping"));
    }
}
