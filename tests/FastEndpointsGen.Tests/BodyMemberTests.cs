using System.Net;
using System.Text.Json;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// [BodyMember] parameters in the default problem-details format and in the document
/// (docs/binding.md#several-body-members); FastApiTutorialTests covers FastAPI's format.
/// </summary>
public sealed class BodyMemberTests : AppTests
{
    private Task<HttpResponseMessage> PutJsonAsync(string url, string json) => SendJsonAsync(HttpMethod.Put, url, json);

    [Test]
    public async Task Members_bind_from_their_keys()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/003/items/5",
            """{"importance":3,"user":{"username":"Dave","full_name":"Dave D"},"item":{"name":"Foo","price":1}}""");
        await response.ShouldBeJson(
            """{"item_id":5,"item":{"name":"Foo","description":null,"price":1,"tax":null},"user":{"username":"Dave","full_name":"Dave D"},"importance":3}""");
    }

    [Test]
    public async Task Missing_body_reports_each_required_member()
    {
        using var response = await SendAsync(HttpMethod.Put, "/tutorial/body-multiple-params/003/items/5");
        await response.ShouldHaveErrors(("body.item", "Field required"), ("body.user", "Field required"), ("body.importance", "Field required"));
    }

    [Test]
    public async Task Member_errors_are_located_under_their_key()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/004/items/5",
            """{"item":{"price":1},"user":{"username":"Dave"},"importance":-1}""");
        await response.ShouldHaveErrors(("body.item.name", "Field required"), ("body.importance", "Input should be greater than 0"));
    }

    [Test]
    public async Task Malformed_json_is_one_error_at_body()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/002/items/5", """{"item":""");
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "body" }));
    }

    [Test]
    public async Task Document_describes_one_object_with_a_property_per_member()
    {
        using var response = await GetAsync("/openapi.json");
        using var document = JsonDocument.Parse(await response.BodyAsync());
        var root = document.RootElement;
        var body = root.GetProperty("paths").GetProperty("/tutorial/body-multiple-params/004/items/{item_id}").GetProperty("put").GetProperty("requestBody");
        Assert.That(body.GetProperty("required").GetBoolean(), Is.True);
        var reference = body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.That(reference, Is.EqualTo("#/components/schemas/Body_BodyAndQuery"));

        var schema = root.GetProperty("components").GetProperty("schemas").GetProperty("Body_BodyAndQuery");
        Assert.Multiple(() =>
        {
            Assert.That(schema.GetProperty("properties").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "item", "user", "importance" }));
            Assert.That(schema.GetProperty("required").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "item", "user", "importance" }));
            Assert.That(schema.GetProperty("properties").GetProperty("item").GetProperty("$ref").GetString(), Is.EqualTo("#/components/schemas/PortedItem"));
            Assert.That(schema.GetProperty("properties").GetProperty("importance").GetProperty("exclusiveMinimum").GetInt32(), Is.EqualTo(0));
        });
    }
}
