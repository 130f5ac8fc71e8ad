using System.Net;
using System.Text.Json;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary><c>ErrorFormat.FastApi</c>: FastAPI's exact error shapes, for teams porting FastAPI clients (docs/errors.md).</summary>
public sealed class FastApiErrorFormatTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.ErrorFormat = ErrorFormat.FastApi);

    [Test]
    public async Task Route_parsing_error_has_the_exact_fastapi_shape()
    {
        using var response = await GetAsync("/route/int/abc");
        await response.ShouldBe((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"int_parsing","loc":["path","id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"abc"}]}""");
    }

    [Test]
    public async Task A_custom_rule_is_a_value_error_with_the_attributes_message()
    {
        using var response = await GetAsync("/custom-rules?n=3");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"value_error","loc":["query","n"],"msg":"Value error, The field n must be even.","input":"3"}]}""");
    }

    [Test]
    public async Task A_class_level_rule_and_a_model_constructor_error_are_value_errors_at_the_object()
    {
        using var rule = await PostJsonAsync("/custom-rules/interval", """{"from":2,"to":1}""");
        await rule.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"value_error","loc":["body"],"msg":"Value error, Interval must not run backwards.","input":null}]}""");
        using var constructor = await PostJsonAsync("/model-errors/percentage", """{"value":150}""");
        await constructor.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"value_error","loc":["body"],"msg":"Value error, value ('150') must be less than or equal to '100'.","input":null}]}""");
    }

    [Test]
    public async Task Missing_query_value_is_a_missing_error()
    {
        using var response = await GetAsync("/query/required");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"missing","loc":["query","limit"],"msg":"Field required","input":null}]}""");
    }

    [Test]
    public async Task Enum_error_carries_the_expected_values_in_ctx()
    {
        using var response = await GetAsync("/route/enum/urgent");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"enum","loc":["path","priority"],"msg":"Input should be 'Low', 'Medium' or 'High'","input":"urgent","ctx":{"expected":"'Low', 'Medium' or 'High'"}}]}""");
    }

    [Test]
    public async Task Malformed_json_is_a_json_invalid_error_at_body_and_position()
    {
        using var response = await PostJsonAsync("/json/product", """{"name": """);
        var detail = await DetailAsync(response);
        Assert.That(detail.GetArrayLength(), Is.EqualTo(1));

        var error = detail[0];
        var loc = error.GetProperty("loc");
        Assert.Multiple(() =>
        {
            Assert.That(error.GetProperty("type").GetString(), Is.EqualTo("json_invalid"));
            Assert.That(loc.GetArrayLength(), Is.EqualTo(2));
            Assert.That(loc[0].GetString(), Is.EqualTo("body"));
            Assert.That(loc[1].ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(loc[1].GetInt32(), Is.InRange(0, 9));
            Assert.That(error.GetProperty("msg").GetString(), Is.EqualTo("JSON decode error"));
            Assert.That(error.GetProperty("input").GetRawText(), Is.EqualTo("{}"));
            Assert.That(error.GetProperty("ctx").GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.String));
        });
    }

    [Test]
    public async Task Body_member_errors_are_located_by_json_name_and_echo_their_input()
    {
        using var response = await PostJsonAsync("/json/product", """{"name":1,"price":"abc","priority":"Low","tags":["ok",false]}""");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"string_type","loc":["body","name"],"msg":"Input should be a valid string","input":1},{"type":"decimal_parsing","loc":["body","price"],"msg":"Input should be a valid decimal","input":"abc"},{"type":"string_type","loc":["body","tags",1],"msg":"Input should be a valid string","input":false}]}""");
    }

    [Test]
    public async Task Missing_body_members_are_missing_errors_quoting_the_object()
    {
        using var response = await SendJsonAsync(HttpMethod.Put, "/json/point", "{}");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"missing","loc":["body","x"],"msg":"Field required","input":{}},{"type":"missing","loc":["body","y"],"msg":"Field required","input":{}}]}""");
    }

    [Test]
    public async Task Missing_nested_member_quotes_its_own_object()
    {
        using var response = await PostJsonAsync("/json/list", """[{"sku":"A","count":1},{"sku":"B"}]""");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"missing","loc":["body",1,"count"],"msg":"Field required","input":{"sku":"B"}}]}""");
    }

    [Test]
    public async Task List_item_locations_use_integer_indexes()
    {
        using var response = await PostJsonAsync("/json/list", """[{"sku":"A","count":1},{"sku":"B","count":"x"}]""");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"int_parsing","loc":["body",1,"count"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}]}""");
    }

    [Test]
    public async Task Query_array_item_location_uses_an_integer_index()
    {
        using var response = await GetAsync("/query/array?ids=1&ids=2&ids=x");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"int_parsing","loc":["query","ids",2],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}]}""");
    }

    [Test]
    public async Task Header_error_is_located_in_the_header()
    {
        using var response = await SendAsync(HttpMethod.Get, "/context/header/int", null, ("X-Count", "a\"b"));
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"int_parsing","loc":["header","x-count"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"a\"b"}]}""");
    }

    [Test]
    public async Task Http_error_is_a_bare_detail_string()
    {
        using var response = await GetAsync("/responses/error/404");
        await response.ShouldBeEquivalentJson(HttpStatusCode.NotFound, "application/json", """{"detail":"Failed with 404"}""");
    }

    [Test]
    public async Task Non_json_content_type_is_a_422_as_fastapi_answers_it()
    {
        // FastAPI hands a body without a JSON content type to the model as bytes (docs/json.md#content-types).
        using var response = await SendAsync(HttpMethod.Post, "/json/product", Http.Bytes("{}"u8.ToArray(), "text/plain"));
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":null}]}""");
    }

    [Test]
    public async Task Successful_responses_are_unchanged()
    {
        using var response = await GetAsync("/route/int/5");
        await response.ShouldBeJson("5");
    }

    private static async Task<JsonElement> DetailAsync(HttpResponseMessage response, HttpStatusCode status = (HttpStatusCode)422)
    {
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.MediaType(), Is.EqualTo("application/json"), body);
        });
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("detail").Clone();
    }
}

/// <summary>FastAPI format with unknown members refused, as pydantic's <c>extra="forbid"</c>.</summary>
public sealed class RejectUnknownPropertiesTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o =>
    {
        o.ErrorFormat = ErrorFormat.FastApi;
        o.RejectUnknownProperties = true;
    });

    [Test]
    public async Task Unknown_member_is_an_extra_forbidden_error_at_its_location()
    {
        using var response = await PostJsonAsync("/json/product", """{"name":"Desk","price":1,"priority":"Low","tags":[],"color":"red"}""");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"extra_forbidden","loc":["body","color"],"msg":"Extra inputs are not permitted","input":"red"}]}""");
    }

    [Test]
    public async Task Unknown_nested_member_is_located_inside_its_model()
    {
        using var response = await PostJsonAsync("/json/product", """{"name":"Desk","price":1,"priority":"Low","tags":[],"size":{"width":1,"height":2,"depth":{"cm":3}}}""");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"extra_forbidden","loc":["body","size","depth"],"msg":"Extra inputs are not permitted","input":{"cm":3}}]}""");
    }

    [Test]
    public async Task Known_members_in_any_case_are_still_accepted()
    {
        using var response = await PostJsonAsync("/json/product", """{"Name":"Desk","PRICE":1,"priority":"Low","tags":[]}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.BodyAsync());
    }

    [Test]
    public async Task Json_ignored_member_counts_as_unknown()
    {
        using var response = await PostJsonAsync("/json/order", Samples.MinimalOrder[..^1] + ""","secret":"x"}""");
        await response.ShouldBeEquivalentJson((HttpStatusCode)422, "application/json",
            """{"detail":[{"type":"extra_forbidden","loc":["body","secret"],"msg":"Extra inputs are not permitted","input":"x"}]}""");
    }
}

/// <summary>Problem details with a custom validation status, unknown members refused and small body and depth limits.</summary>
public sealed class CustomValidationOptionsTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o =>
    {
        o.ValidationStatusCode = 400;
        o.RejectUnknownProperties = true;
        o.MaxRequestBodySize = 64;
        o.MaxJsonDepth = 4;
    });

    [Test]
    public async Task Validation_status_code_override_is_used_with_its_rfc_type()
    {
        using var response = await GetAsync("/route/int/abc");
        await response.ShouldBe(HttpStatusCode.BadRequest, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"path.id":["Input should be a valid integer, unable to parse string as an integer"]}}""");
    }

    [Test]
    public async Task Unknown_member_is_reported_in_problem_details()
    {
        using var response = await SendJsonAsync(HttpMethod.Put, "/json/point", """{"x":1,"y":2,"z":3}""");
        var errors = await Problem.ErrorsAsync(response, status: 400);
        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]> { ["body.z"] = [Messages.Extra] }));
    }

    [Test]
    public async Task Body_size_limit_override_is_enforced()
    {
        using var response = await PostJsonAsync("/json/optional", """{"width":1,"height":2,"padding":"0123456789012345678901234567890123456789"}""");
        var problem = await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "https://tools.ietf.org/html/rfc9110#section-15.5.14", "Payload Too Large");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("64"));
    }

    [Test]
    public async Task Body_within_the_smaller_limit_is_read()
    {
        using var response = await PostJsonAsync("/json/optional", """{"width":1,"height":2}""");
        await response.ShouldBeText("1x2");
    }

    [Test]
    public async Task Json_depth_limit_override_is_enforced()
    {
        using var response = await PostJsonAsync("/json/tree", """{"name":"a","children":[{"name":"b","children":[{}]}]}""");
        var errors = await Problem.ErrorsAsync(response, status: 400);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "body" }));
        Assert.That(errors["body"][0], Does.StartWith("JSON decode error at byte "));
    }

    [Test]
    public async Task Json_within_the_depth_limit_is_read()
    {
        using var response = await PostJsonAsync("/json/tree", """{"name":"a","children":[{"name":"b"}]}""");
        await response.ShouldBeJson("""{"name":"a","children":[{"name":"b","children":null}]}""");
    }
}
