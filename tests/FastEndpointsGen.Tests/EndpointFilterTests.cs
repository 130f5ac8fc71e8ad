using System.Net;
using FastEndpointsGen.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// <c>AddEndpointFilter</c> on the group <c>MapGeneratedEndpoints()</c> returned and, through <c>ForEndpoint</c>, on one
/// endpoint by name, as with minimal APIs (docs/composition.md#endpoint-filters; the filters are in the feature app's
/// FilterEndpoints.cs).
/// </summary>
public sealed class EndpointFilterTests : AppTests
{
    [Test]
    public async Task A_filter_sees_the_bound_arguments_in_parameter_order()
    {
        using var response = await GetAsync("/filters/echo/5?note=hi");
        Assert.Multiple(async () =>
        {
            Assert.That(response.Headers.GetValues("X-Arguments").Single(), Is.EqualTo("5|hi"));
            Assert.That(await response.BodyAsync(), Is.EqualTo("5:hi"));
        });
    }

    [Test]
    public async Task A_filter_that_replaces_an_argument_changes_what_the_handler_gets()
    {
        using var response = await GetAsync("/filters/echo/-4");
        Assert.Multiple(async () =>
        {
            Assert.That(response.Headers.GetValues("X-Arguments").Single(), Is.EqualTo("-4|null"));
            Assert.That(await response.BodyAsync(), Is.EqualTo("4:"));
        });
    }

    [Test]
    public async Task A_filter_factory_sees_the_handler_signature_without_attributes_that_need_unreferenced_code()
    {
        // [MinLength]'s constructor requires unreferenced code, so the factory gets a stand-in with the handler's
        // name, parameters and other attributes (docs/aot.md#handler-parameters); validation still applies it.
        using var response = await SendAsync(HttpMethod.Get, "/filters/signature?code=abcd", null, ("X-Tag", "t"));
        using var tooShort = await GetAsync("/filters/signature?code=abc");
        Assert.Multiple(async () =>
        {
            Assert.That(response.Headers.GetValues("X-Method").Single(), Is.EqualTo("Signature(String code, String tag [FromHeaderAttribute])"));
            Assert.That(await response.BodyAsync(), Is.EqualTo("abcd:t"));
            Assert.That((int)tooShort.StatusCode, Is.EqualTo(422));
            Assert.That(await tooShort.BodyAsync(), Does.Contain("\"query.code\""));
        });
    }

    [Test]
    public async Task A_filter_short_circuits_with_an_IResult() =>
        Assert.That((int)(await GetAsync("/filters/echo/13")).StatusCode, Is.EqualTo(418));

    [Test]
    public async Task A_filter_short_circuits_with_a_value_written_as_json()
    {
        using var response = await GetAsync("/filters/echo/7");
        await response.ShouldBe(HttpStatusCode.OK, "application/json", """{"id":7,"name":"from the filter"}""");
    }

    [Test]
    public async Task The_group_filter_runs_on_every_endpoint_and_the_handler_result_keeps_its_status()
    {
        using var created = await PostJsonAsync("/filters/created", """{"id":1,"name":"a"}""");
        using var nothing = await SendJsonAsync(HttpMethod.Delete, "/filters/nothing", "");
        using var later = await GetAsync("/filters/async?id=3");
        Assert.Multiple(async () =>
        {
            Assert.That(created.Headers.GetValues("X-Group-Filter").Single(), Is.EqualTo("ran"));
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(await created.BodyAsync(), Is.EqualTo("""{"id":1,"name":"a!"}"""));
            Assert.That(nothing.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(nothing.Headers.GetValues("X-Group-Filter").Single(), Is.EqualTo("ran"));
            Assert.That(await later.BodyAsync(), Is.EqualTo("""{"id":3,"name":"later"}"""));
        });
    }

    [Test]
    public async Task Through_the_filters_each_response_kind_keeps_the_endpoints_status_and_format()
    {
        using var text = await SendJsonAsync(HttpMethod.Post, "/filters/text?note=hi", "");
        using var some = await GetAsync("/filters/maybe/5");
        using var none = await GetAsync("/filters/maybe/0");
        using var ok = await GetAsync("/filters/result/3");
        using var missing = await GetAsync("/filters/result/0");
        Assert.Multiple(async () =>
        {
            Assert.That(text.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(text.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(await text.BodyAsync(), Is.EqualTo("hi"));
            Assert.That(await some.BodyAsync(), Is.EqualTo("5"));
            Assert.That(await none.BodyAsync(), Is.EqualTo("null"));
            Assert.That(await ok.BodyAsync(), Is.EqualTo("""{"id":3,"name":"result"}"""));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            foreach (var response in new[] { text, some, none, ok, missing })
            {
                Assert.That(response.Headers.GetValues("X-Group-Filter").Single(), Is.EqualTo("ran"), response.RequestMessage?.RequestUri?.ToString());
            }
        });
    }

    [Test]
    public async Task A_filter_factory_on_one_of_two_handlers_with_the_same_name_sees_that_handler()
    {
        using var one = await GetAsync("/filters/overload/1");
        using var two = await GetAsync("/filters/overload/2/x");
        using var three = await GetAsync("/filters/overload/3/y/code?code=ab");
        using var tooShort = await GetAsync("/filters/overload/3/y/code?code=a");
        Assert.Multiple(async () =>
        {
            Assert.That(one.Headers.GetValues("X-Method").Single(), Is.EqualTo("Find(Int32 id)"));
            Assert.That(await one.BodyAsync(), Is.EqualTo("one:1"));
            Assert.That(two.Headers.GetValues("X-Method").Single(), Is.EqualTo("Find(Int32 id, String part)"));
            Assert.That(await two.BodyAsync(), Is.EqualTo("two:2:x"));
            // The stand-in leaves [MinLength] out (its constructor requires unreferenced code); validation still applies it.
            Assert.That(three.Headers.GetValues("X-Method").Single(), Is.EqualTo("Find(Int32 id, String part, String code)"));
            Assert.That(await three.BodyAsync(), Is.EqualTo("three:3:y:ab"));
            Assert.That((int)tooShort.StatusCode, Is.EqualTo(422));
        });
    }

    [Test]
    public async Task Invalid_input_is_answered_before_the_filters_run()
    {
        using var response = await GetAsync("/filters/echo/abc");
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(422));
            Assert.That(response.Headers.Contains("X-Arguments"), Is.False);
        });
    }

    [Test]
    public async Task A_filters_exception_is_handled_like_the_handlers()
    {
        using var response = await PostJsonAsync("/filters/created", """{"id":1,"name":"boom"}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await response.BodyAsync(), Does.Contain("filter boom"), "Development: the problem carries the exception text");
    }
}

/// <summary>Parameter and return types implementing IEndpointMetadataProvider/IEndpointParameterMetadataProvider add endpoint metadata.</summary>
public sealed class MetadataProviderTests : AppTests
{
    [Test]
    public void Parameter_and_return_types_add_their_metadata_in_minimal_API_order()
    {
        var endpoint = Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .Single(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IEndpointNameMetadata>()?.EndpointName == "SelfDescribed");
        var provided = endpoint.Metadata.OfType<FastEndpointsGen.TestApp.ProvidedMetadata>().Select(m => m.Source);
        Assert.That(provided, Is.EqualTo(new[] { "parameter audit", "parameter type on Describe", "return type" }));
    }

    [Test]
    public async Task The_endpoint_still_answers() =>
        Assert.That(await (await GetAsync("/composition/self-described")).BodyAsync(), Is.EqualTo("""{"by":"audit"}"""));
}

/// <summary>[Produces] and [Consumes] in /openapi.json.</summary>
public sealed class MediaTypeDocumentTests : AppTests
{
    [Test]
    public async Task Produces_and_Consumes_set_the_documented_media_types()
    {
        using var response = await GetAsync("/openapi.json");
        using var document = System.Text.Json.JsonDocument.Parse(await response.BodyAsync());
        var operation = document.RootElement.GetProperty("paths").GetProperty("/composition/media-types").GetProperty("post");
        var body = operation.GetProperty("requestBody").GetProperty("content");
        var ok = operation.GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.Multiple(() =>
        {
            Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "application/json", "application/merge-patch+json" }));
            Assert.That(body.GetProperty("application/merge-patch+json").GetProperty("schema").GetProperty("$ref").GetString(), Does.EndWith("/Created"));
            Assert.That(ok.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "application/json", "application/vnd.example+json" }));
            Assert.That(ok.GetProperty("application/vnd.example+json").GetProperty("schema").GetProperty("$ref").GetString(), Does.EndWith("/Created"));
        });
    }

    [Test]
    public async Task A_body_in_a_consumed_media_type_is_read()
    {
        using var response = await SendAsync(HttpMethod.Post, "/composition/media-types",
            new StringContent("""{"id":2,"name":"b"}""", System.Text.Encoding.UTF8, "application/merge-patch+json"));
        Assert.That(await response.BodyAsync(), Is.EqualTo("""{"id":2,"name":"b"}"""));
    }
}
