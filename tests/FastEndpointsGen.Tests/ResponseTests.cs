using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>Every response kind (docs/responses.md) and the problem-details error contract (docs/errors.md).</summary>
public sealed class ResponseTests : AppTests
{
    private const string Lamp =
        """{"name":"Lamp","price":19.99,"priority":"Low","size":{"width":10,"height":20},"tags":["home"],"stock":null,"active":true}""";

    [Test]
    public async Task Model_result_is_200_json()
    {
        using var response = await GetAsync("/responses/model");
        await response.ShouldBeJson(Lamp);
        Assert.That(response.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"));
    }

    [Test]
    public async Task Json_response_has_its_content_length()
    {
        using var response = await GetAsync("/responses/model");
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(Encoding.UTF8.GetByteCount(Lamp)));
    }

    [Test]
    public async Task Task_of_model_is_awaited_and_written()
    {
        using var response = await GetAsync("/responses/task");
        await response.ShouldBeJson(Lamp);
    }

    [Test]
    public async Task Value_task_of_model_is_awaited_and_written()
    {
        using var response = await GetAsync("/responses/valuetask");
        await response.ShouldBeJson("""{"width":1.5,"height":2}""");
    }

    [Test]
    public async Task String_result_is_plain_text()
    {
        using var response = await GetAsync("/responses/text");
        await response.ShouldBeText("plain text");
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"));
            Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(10));
        });
    }

    [TestCase("/responses/void")]
    [TestCase("/responses/task-void")]
    public async Task Handler_returning_nothing_is_204_without_a_body(string url)
    {
        using var response = await SendAsync(HttpMethod.Delete, url);
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(body, Is.Empty);
        });
    }

    [Test]
    public async Task Status_code_from_the_attribute_is_used()
    {
        using var response = await PostJsonAsync("/responses/created", Samples.Product);
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
            Assert.That(response.MediaType(), Is.EqualTo("application/json"));
        });

        var created = JsonNode.Parse(body)!;
        Assert.Multiple(() =>
        {
            Assert.That(created["id"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(1));
            Assert.That(created["name"]!.GetValue<string>(), Is.EqualTo("Desk"));
        });
    }

    [Test]
    public async Task Status_code_endpoint_still_validates_its_body()
    {
        using var response = await PostJsonAsync("/responses/created", "{}");
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "body.name", "body.price", "body.priority", "body.tags" }));
    }

    [Test]
    public async Task Results_union_ok_arm_writes_the_model()
    {
        using var response = await GetAsync("/responses/result/0");
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(response.MediaType(), Is.EqualTo("application/json"));
        });

        var product = JsonNode.Parse(body)!;
        Assert.Multiple(() =>
        {
            Assert.That(product["name"]!.GetValue<string>(), Is.EqualTo("Lamp"));
            Assert.That(product["priority"]!.GetValue<string>(), Is.EqualTo("Low"));
            Assert.That(product["size"]!["width"]!.GetValue<double>(), Is.EqualTo(10));
        });
    }

    [Test]
    public async Task Results_union_not_found_arm_is_404()
    {
        using var response = await GetAsync("/responses/result/999");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Results_union_endpoint_validates_its_route_value()
    {
        using var response = await GetAsync("/responses/result/first");
        await response.ShouldHaveSingleError("path.id", Messages.Int);
    }

    [Test]
    public async Task IResult_is_executed_as_is()
    {
        using var response = await GetAsync("/responses/iresult");
        await response.ShouldBe(HttpStatusCode.Accepted, "text/plain", "from IResult");
    }

    [TestCase(404, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found")]
    [TestCase(400, "https://tools.ietf.org/html/rfc9110#section-15.5.1", "Bad Request")]
    [TestCase(401, "https://tools.ietf.org/html/rfc9110#section-15.5.2", "Unauthorized")]
    [TestCase(403, "https://tools.ietf.org/html/rfc9110#section-15.5.4", "Forbidden")]
    [TestCase(409, "https://tools.ietf.org/html/rfc9110#section-15.5.10", "Conflict")]
    [TestCase(503, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "Service Unavailable")]
    public async Task Http_error_is_a_problem_with_type_title_status_and_detail(int status, string type, string title)
    {
        using var response = await GetAsync($"/responses/error/{status}");
        var problem = await response.ShouldBeProblem((HttpStatusCode)status, type, title);
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo($"Failed with {status}"));
    }

    [Test]
    public async Task Http_error_404_has_the_exact_problem_body()
    {
        using var response = await GetAsync("/responses/error/404");
        await response.ShouldBe(HttpStatusCode.NotFound, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,"detail":"Failed with 404"}""");
    }

    [Test]
    public async Task Unhandled_exception_in_development_reaches_the_developer_exception_page()
    {
        // As a minimal API's: WebApplication puts the developer exception page in Development's pipeline.
        using var response = await GetAsync("/responses/crash");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await response.BodyAsync(), Does.Contain("secret internals"));
    }

    [Test]
    public async Task Null_model_result_is_json_null()
    {
        using var response = await GetAsync("/responses/null");
        await response.ShouldBeJson("null");
    }

    [Test]
    public async Task Recursive_model_result_is_written()
    {
        using var response = await GetAsync("/responses/nodes");
        await response.ShouldBeJson("""{"name":"root","children":[{"name":"leaf","children":null}]}""");
    }

    [Test]
    public async Task Enumerable_result_is_a_json_array()
    {
        using var response = await GetAsync("/responses/list");
        await response.ShouldBeJson("""[{"width":1,"height":2},{"width":2,"height":4},{"width":3,"height":6}]""");
    }

    [Test]
    public async Task Array_and_scalar_results_have_content_length()
    {
        using var array = await GetAsync("/route/two/1/2");
        using var scalar = await GetAsync("/route/int/5");
        Assert.Multiple(() =>
        {
            Assert.That(array.Content.Headers.ContentLength, Is.EqualTo(5));
            Assert.That(scalar.Content.Headers.ContentLength, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Validation_problem_has_its_content_length()
    {
        using var response = await GetAsync("/route/int/abc");
        var body = await response.BodyAsync();
        Assert.That(response.Content.Headers.ContentLength, Is.EqualTo(Encoding.UTF8.GetByteCount(body)));
    }

    [Test]
    public async Task Validation_problem_quotes_enum_values_unescaped()
    {
        using var response = await GetAsync("/route/enum/nope");
        Assert.That(await response.BodyAsync(), Does.Contain("\"Input should be 'Low', 'Medium' or 'High'\""));
    }

    [Test]
    public async Task Unknown_route_is_404()
    {
        using var response = await GetAsync("/no/such/endpoint");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Wrong_method_is_405()
    {
        using var response = await GetAsync("/json/product");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }
}

/// <summary>The same app outside Development: no exception text leaks into a 500.</summary>
public sealed class ProductionResponseTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new("Production");

    [Test]
    public async Task Unhandled_exception_is_a_500_problem_without_the_exception_text()
    {
        using var response = await GetAsync("/responses/crash");
        await response.ShouldBe(HttpStatusCode.InternalServerError, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.1","title":"Internal Server Error","status":500}""");
    }

    [Test]
    public async Task Http_error_detail_is_still_sent_in_production()
    {
        using var response = await GetAsync("/responses/error/404");
        var problem = await response.ShouldBeProblem(HttpStatusCode.NotFound, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Failed with 404"));
    }

    [Test]
    public async Task Validation_errors_are_the_same_in_production()
    {
        using var response = await GetAsync("/query/required");
        await response.ShouldHaveSingleError("query.limit", Messages.Required);
    }
}
