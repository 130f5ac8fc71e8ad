using System.Net;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>Route values of every simple type (docs/binding.md): parsed when valid, a 422 at <c>path.&lt;name&gt;</c> when not.</summary>
public sealed class RouteBindingTests : AppTests
{
    [TestCase("/route/int/42", "42")]
    [TestCase("/route/int/-7", "-7")]
    [TestCase("/route/int/2147483647", "2147483647")]
    [TestCase("/route/long/9007199254740993", "9007199254740993")]
    [TestCase("/route/long/-1", "-1")]
    [TestCase("/route/guid/3f2504e0-4f89-11d3-9a0c-0305e82c3301", "\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"")]
    [TestCase("/route/guid/3F2504E0-4F89-11D3-9A0C-0305E82C3301", "\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"")]
    [TestCase("/route/date/2026-03-04", "\"2026-03-04\"")]
    [TestCase("/route/decimal/19.99", "19.99")]
    [TestCase("/route/decimal/-0.5", "-0.5")]
    [TestCase("/route/bool/true", "true")]
    [TestCase("/route/bool/False", "false")]
    [TestCase("/route/enum/High", "\"High\"")]
    [TestCase("/route/enum/high", "\"High\"")]
    [TestCase("/route/enum/MEDIUM", "\"Medium\"")]
    [TestCase("/route/datetime/2026-01-02T03:04:05Z", "\"2026-01-02T03:04:05+00:00\"")]
    [TestCase("/route/datetime/2026-01-02T03:04:05%2B02:00", "\"2026-01-02T03:04:05+02:00\"")]
    [TestCase("/route/timespan/01:02:03", "\"PT1H2M3S\"")]
    [TestCase("/route/timespan/1.02:03:04", "\"P1DT2H3M4S\"")]
    [TestCase("/route/timespan/PT1H30M", "\"PT1H30M\"")]
    [TestCase("/route/timespan/90.5", "\"PT1M30.5S\"")]
    [TestCase("/route/timespan/-P1DT0.25S", "\"-P1DT0.25S\"")]
    [TestCase("/route/two/3/4", "[3,4]")]
    [TestCase("/route/optional/7", "7")]
    [TestCase("/route/optional", "-1")]
    public async Task Valid_route_values_are_parsed(string url, string json)
    {
        using var response = await GetAsync(url);
        await response.ShouldBeJson(json);
    }

    [TestCase("/route/string/hello", "hello")]
    [TestCase("/route/string/hello%20world", "hello world")]
    [TestCase("/route/string/%C3%A9t%C3%A9", "été")]
    [TestCase("/route/explicit/renamed", "renamed")]
    public async Task String_route_values_are_passed_through(string url, string text)
    {
        using var response = await GetAsync(url);
        await response.ShouldBeText(text);
    }

    [TestCase("/route/int/abc", "path.id", Messages.Int)]
    [TestCase("/route/int/1.5", "path.id", Messages.Int)]
    [TestCase("/route/int/99999999999", "path.id", Messages.IntTooBig)]
    [TestCase("/route/int/-2147483649", "path.id", Messages.IntTooBig)]
    [TestCase("/route/date/2026-13-45", "path.day", Messages.Date)]
    [TestCase("/route/date/tomorrow", "path.day", Messages.Date)]
    [TestCase("/route/decimal/abc", "path.amount", Messages.Decimal)]
    [TestCase("/route/bool/yes", "path.flag", Messages.Bool)]
    [TestCase("/route/bool/1", "path.flag", Messages.Bool)]
    [TestCase("/route/enum/urgent", "path.priority", Messages.Priority)]
    [TestCase("/route/enum/1", "path.priority", Messages.Priority)]
    [TestCase("/route/datetime/not-a-date", "path.at", Messages.DateTime)]
    [TestCase("/route/timespan/abc", "path.span", Messages.TimeSpan)]
    [TestCase("/route/optional/x", "path.id", Messages.Int)]
    public async Task Unparsable_route_value_is_a_422_at_its_location(string url, string key, string message)
    {
        using var response = await GetAsync(url);
        await response.ShouldHaveSingleError(key, message);
    }

    [Test]
    public async Task Unparsable_route_int_is_a_422_with_the_exact_problem_body()
    {
        using var response = await GetAsync("/route/int/abc");
        await response.ShouldBe((HttpStatusCode)422, "application/problem+json",
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.21","title":"One or more validation errors occurred.","status":422,"errors":{"path.id":["Input should be a valid integer, unable to parse string as an integer"]}}""");
    }

    [Test]
    public async Task Both_bad_route_values_are_reported()
    {
        using var response = await GetAsync("/route/two/x/4.5");
        await response.ShouldHaveErrors(("path.a", Messages.Int), ("path.b", Messages.Int));
    }

    [Test]
    public async Task One_bad_route_value_of_two_is_reported_alone()
    {
        using var response = await GetAsync("/route/two/1/y");
        await response.ShouldHaveSingleError("path.b", Messages.Int);
    }

    // A type constraint in the template ({id:long}, {id:guid}) is a routing filter, as in ASP.NET Core:
    // a value that does not satisfy it matches no endpoint, so the answer is 404, never a 500.
    [TestCase("/route/long/abc")]
    [TestCase("/route/long/99999999999999999999")]
    [TestCase("/route/guid/not-a-guid")]
    [TestCase("/route/guid/3f2504e0")]
    public async Task Route_value_failing_its_template_constraint_matches_no_endpoint(string url)
    {
        using var response = await GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Missing_segment_of_a_required_route_value_matches_no_endpoint()
    {
        using var response = await GetAsync("/route/int/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
