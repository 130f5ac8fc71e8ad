using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>Query strings: required, defaulted, nullable, collections, renamed, [AsParameters] (docs/binding.md).</summary>
public sealed class QueryBindingTests : AppTests
{
    [Test]
    public async Task Required_query_value_is_bound()
    {
        using var response = await GetAsync("/query/required?limit=5");
        await response.ShouldBeJson("5");
    }

    [Test]
    public async Task Missing_required_query_value_is_a_422_field_required()
    {
        using var response = await GetAsync("/query/required");
        await response.ShouldHaveSingleError("query.limit", Messages.Required);
    }

    [Test]
    public async Task Unparsable_required_query_value_is_a_422_at_its_location()
    {
        using var response = await GetAsync("/query/required?limit=ten");
        await response.ShouldHaveSingleError("query.limit", Messages.Int);
    }

    [Test]
    public async Task Query_names_are_matched_case_insensitively()
    {
        using var response = await GetAsync("/query/required?LIMIT=6");
        await response.ShouldBeJson("6");
    }

    [TestCase("/query/defaulted", "50")]
    [TestCase("/query/defaulted?limit=7", "7")]
    [TestCase("/query/defaulted?other=1", "50")]
    public async Task Defaulted_query_value_uses_the_default_when_absent(string url, string json)
    {
        using var response = await GetAsync(url);
        await response.ShouldBeJson(json);
    }

    [Test]
    public async Task Unparsable_defaulted_query_value_is_still_an_error()
    {
        using var response = await GetAsync("/query/defaulted?limit=x");
        await response.ShouldHaveSingleError("query.limit", Messages.Int);
    }

    [TestCase("/query/nullable", "none|none")]
    [TestCase("/query/nullable?limit=3", "3|none")]
    [TestCase("/query/nullable?name=bob", "none|bob")]
    [TestCase("/query/nullable?limit=-1&name=a%20b", "-1|a b")]
    public async Task Nullable_query_values_are_null_when_absent(string url, string text)
    {
        using var response = await GetAsync(url);
        await response.ShouldBeText(text);
    }

    [Test]
    public async Task Unparsable_nullable_query_value_is_an_error()
    {
        using var response = await GetAsync("/query/nullable?limit=zz");
        await response.ShouldHaveSingleError("query.limit", Messages.Int);
    }

    [TestCase("/query/array?ids=1&ids=2&ids=3", "[1,2,3]")]
    [TestCase("/query/array?ids=42", "[42]")]
    [TestCase("/query/array", "[]")]
    public async Task Int_array_collects_every_repeated_query_value(string url, string json)
    {
        using var response = await GetAsync(url);
        await response.ShouldBeJson(json);
    }

    [Test]
    public async Task Invalid_item_of_a_query_array_is_reported_at_its_index()
    {
        using var response = await GetAsync("/query/array?ids=1&ids=2&ids=x");
        await response.ShouldHaveSingleError("query.ids[2]", Messages.Int);
    }

    [Test]
    public async Task Every_invalid_item_of_a_query_array_is_reported()
    {
        using var response = await GetAsync("/query/array?ids=a&ids=2&ids=3.5");
        await response.ShouldHaveErrors(("query.ids[0]", Messages.Int), ("query.ids[2]", Messages.Int));
    }

    [TestCase("/query/list?priorities=low&priorities=HIGH", """["Low","High"]""")]
    [TestCase("/query/list?priorities=Medium", """["Medium"]""")]
    [TestCase("/query/list", "[]")]
    public async Task Enum_list_is_bound_case_insensitively(string url, string json)
    {
        using var response = await GetAsync(url);
        await response.ShouldBeJson(json);
    }

    [Test]
    public async Task Invalid_enum_in_a_query_list_is_reported_at_its_index()
    {
        using var response = await GetAsync("/query/list?priorities=low&priorities=urgent");
        await response.ShouldHaveSingleError("query.priorities[1]", Messages.Priority);
    }

    [TestCase("/query/strings?tag=a&tag=b&tag=a", """["a","b","a"]""")]
    [TestCase("/query/strings?tag=", """[""]""")]
    [TestCase("/query/strings", "[]")]
    public async Task String_array_keeps_every_value_in_order(string url, string json)
    {
        using var response = await GetAsync(url);
        await response.ShouldBeJson(json);
    }

    [Test]
    public async Task Renamed_query_parameter_binds_from_its_wire_name()
    {
        using var response = await GetAsync("/query/renamed?q=hello");
        await response.ShouldBeText("hello");
    }

    [Test]
    public async Task Renamed_query_parameter_is_missing_under_its_wire_name()
    {
        using var response = await GetAsync("/query/renamed?query=hello");
        await response.ShouldHaveSingleError("query.q", Messages.Required);
    }

    [Test]
    public async Task Many_query_types_bind_at_once()
    {
        using var response = await GetAsync("/query/many?a=1&b=2.5&c=true&d=3f2504e0-4f89-11d3-9a0c-0305e82c3301&e=2026-03-04&f=medium");
        await response.ShouldBeText("1|2.5|True|3f2504e0-4f89-11d3-9a0c-0305e82c3301|2026-03-04|Medium");
    }

    [Test]
    public async Task Every_mistake_in_the_query_is_reported_at_once()
    {
        using var response = await GetAsync("/query/many?a=x&b=y&c=maybe&d=nope&e=someday&f=urgent");
        await response.ShouldHaveErrors(
            ("query.a", Messages.Int),
            ("query.b", Messages.Float),
            ("query.c", Messages.Bool),
            ("query.d", Messages.Uuid),
            ("query.e", Messages.Date),
            ("query.f", Messages.Priority));
    }

    [Test]
    public async Task Every_missing_query_value_is_reported_at_once()
    {
        using var response = await GetAsync("/query/many?a=1&c=true");
        await response.ShouldHaveErrors(
            ("query.b", Messages.Required),
            ("query.d", Messages.Required),
            ("query.e", Messages.Required),
            ("query.f", Messages.Required));
    }

    [Test]
    public async Task Missing_and_invalid_query_values_are_reported_together()
    {
        using var response = await GetAsync("/query/many?a=1&b=oops&c=true&d=3f2504e0-4f89-11d3-9a0c-0305e82c3301&e=2026-03-04");
        await response.ShouldHaveErrors(("query.b", Messages.Float), ("query.f", Messages.Required));
    }

    [Test]
    public async Task As_parameters_uses_the_record_defaults()
    {
        using var response = await GetAsync("/query/paging");
        await response.ShouldBeJson("""{"page":1,"size":10,"priority":null,"sort":null}""");
    }

    [Test]
    public async Task As_parameters_binds_every_member_from_the_query()
    {
        using var response = await GetAsync("/query/paging?page=3&size=25&priority=high&sort=name");
        await response.ShouldBeJson("""{"page":3,"size":25,"priority":"High","sort":"name"}""");
    }

    [Test]
    public async Task As_parameters_reports_each_bad_member()
    {
        using var response = await GetAsync("/query/paging?page=first&size=10&priority=urgent");
        var errors = await Problem.ErrorsAsync(response);

        // ASP.NET binds [AsParameters] members by name case-insensitively; the key names the member.
        var byKey = errors.ToDictionary(e => e.Key.ToUpperInvariant(), e => e.Value);
        Assert.That(byKey, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["QUERY.PAGE"] = [Messages.Int],
            ["QUERY.PRIORITY"] = [Messages.Priority],
        }));
    }
}
