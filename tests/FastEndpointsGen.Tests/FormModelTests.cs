using System.Net;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>[FromForm] on a record: members from form fields and files, validated at body.member (docs/binding.md#form-models).</summary>
public sealed class FormModelTests : AppTests
{
    [Test]
    public async Task Members_bind_from_url_encoded_fields_with_defaults()
    {
        using var form = new FormUrlEncodedContent([new("username", "ada"), new("age", "36")]);
        using var response = await PostFormAsync("/forms/signup", form);
        await response.ShouldBeText("ada|36|False|none|none|0");
    }

    [Test]
    public async Task Multipart_fields_and_file_members_bind()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("grace"), "Username" },
            { new StringContent("40"), "age" },
            { new StringContent("true"), "newsletter" },
            { new StringContent("high"), "priority" },
            { new ByteArrayContent([1, 2, 3]), "avatar", "me.png" },
        };
        using var response = await PostFormAsync("/forms/signup", form);
        await response.ShouldBeText("grace|40|True|High|me.png|3");
    }

    [Test]
    public async Task Missing_and_invalid_members_are_errors_at_body_member()
    {
        using var form = new FormUrlEncodedContent([new("username", "al"), new("age", "7"), new("priority", "urgent")]);
        using var response = await PostFormAsync("/forms/signup", form);
        await response.ShouldHaveErrors(
            ("body.username", "String should have at least 3 characters"),
            ("body.age", "Input should be greater than or equal to 13"),
            ("body.priority", Messages.Priority));

        using var empty = new FormUrlEncodedContent([]);
        using var missing = await PostFormAsync("/forms/signup", empty);
        await missing.ShouldHaveErrors(("body.username", Messages.Required), ("body.age", Messages.Required));
    }

    [Test]
    public async Task Document_describes_the_model_as_form_content()
    {
        using var response = await GetAsync("/openapi.json");
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.BodyAsync())!["paths"]!["/forms/signup"]!["post"]!["requestBody"]!;
        var schema = body["content"]!["multipart/form-data"]!["schema"]!;
        Assert.Multiple(() =>
        {
            Assert.That(schema["properties"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "username", "age", "newsletter", "avatar", "priority" }));
            Assert.That(schema["required"]!.AsArray().Select(r => (string)r!), Is.EquivalentTo(new[] { "username", "age" }));
            Assert.That(schema["properties"]!["avatar"]!["contentMediaType"]!.GetValue<string>(), Is.EqualTo("application/octet-stream"));
        });
    }
}

/// <summary>RejectUnknownParameters: query and form models refuse what they do not declare (FastAPI's extra="forbid").</summary>
public sealed class RejectUnknownParametersTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o =>
    {
        o.ErrorFormat = ErrorFormat.FastApi;
        o.RejectUnknownParameters = true;
    });

    [Test]
    public async Task Unknown_query_key_of_a_query_model_is_extra_forbidden()
    {
        using var response = await GetAsync("/query/paging?page=2&SIZE=5&tool=plumbus");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"extra_forbidden","loc":["query","tool"],"msg":"Extra inputs are not permitted","input":"plumbus"}]}""");
        using var known = await GetAsync("/query/paging?page=2&size=5&sort=name");
        Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Unknown_header_of_a_header_model_is_extra_forbidden()
    {
        // The client's own headers (Host, User-Agent, Accept, traceparent, ...) are never the model's extras.
        using var response = await SendAsync(HttpMethod.Get, "/tutorial/header-param-models/items/", null,
            ("save-data", "true"), ("User-Agent", "tests"), ("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), ("Tool", "plumbus"));
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"extra_forbidden","loc":["header","tool"],"msg":"Extra inputs are not permitted","input":"plumbus"}]}""");

        using var known = await SendAsync(HttpMethod.Get, "/tutorial/header-param-models/items/", null, ("save-data", "true"), ("X-Tag", "a"));
        await known.ShouldBeText("True||a");
    }

    [Test]
    public async Task Unknown_form_field_and_file_of_a_form_model_are_extra_forbidden()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("grace"), "username" },
            { new StringContent("40"), "age" },
            { new StringContent("x"), "admin" },
            { new ByteArrayContent([1]), "resume", "cv.pdf" },
        };
        using var response = await PostFormAsync("/forms/signup", form);
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"extra_forbidden","loc":["body","admin"],"msg":"Extra inputs are not permitted","input":"x"},{"type":"extra_forbidden","loc":["body","resume"],"msg":"Extra inputs are not permitted","input":null}]}""");
    }

    [Test]
    public async Task Endpoints_without_a_model_are_not_affected()
    {
        using var response = await GetAsync("/query/many?a=1&b=2&c=true&d=3f2504e0-4f89-11d3-9a0c-0305e82c3301&e=2026-01-01&f=low&extra=1");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
