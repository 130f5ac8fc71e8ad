using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>JSON bodies of every shape through the generated reader and writer (docs/json.md).</summary>
public sealed class JsonBodyTests : AppTests
{
    private const string FullOrder =
        """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","customer_name":"Ada","quantity":2,"due":"2026-05-06","at":"13:45:00","created":"2026-01-02T03:04:05+00:00","note":null,"secret":"letmein","coupon":null,"shade":"light-grey","scores":[1,2],"lines":[{"sku":"A1","count":2,"discount":null},{"sku":"B2","count":1,"discount":0.5}],"flags":["High","low","High"],"version":7,"link":"https://example.com/a?b=c","duration":"1.02:03:04","grade":"B","lineCount":99}""";

    private const string FullOrderEcho =
        """{"quantity":2,"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","customer_name":"Ada","due":"2026-05-06","at":"13:45:00","created":"2026-01-02T03:04:05+00:00","note":null,"shade":"light-grey","scores":[1,2],"lines":[{"sku":"A1","count":2,"discount":null},{"sku":"B2","count":1,"discount":0.5}],"flags":["High","Low"],"version":7,"link":"https://example.com/a?b=c","duration":"P1DT2H3M4S","grade":"B","lineCount":2}""";

    // ---- Product: a positional record ----

    [Test]
    public async Task Product_round_trips_in_camel_case_with_enum_names_nested_model_and_dictionary()
    {
        using var response = await PostJsonAsync("/json/product", Samples.Product);
        await response.ShouldBeJson(Samples.ProductEcho);
    }

    [Test]
    public async Task Product_defaults_apply_to_absent_optional_members()
    {
        using var response = await PostJsonAsync("/json/product", """{"name":"Pen","price":2,"priority":"Low","tags":[]}""");
        await response.ShouldBeJson("""{"name":"Pen","price":2,"priority":"Low","size":null,"tags":[],"stock":null,"active":true}""");
    }

    [Test]
    public async Task Product_optional_members_accept_explicit_values_and_nulls()
    {
        using var response = await PostJsonAsync("/json/product",
            """{"name":"Pen","price":0.10,"priority":"Medium","size":null,"tags":["a"],"stock":null,"active":false}""");
        await response.ShouldBeJson("""{"name":"Pen","price":0.10,"priority":"Medium","size":null,"tags":["a"],"stock":null,"active":false}""");
    }

    [Test]
    public async Task Numbers_in_strings_are_accepted_like_the_web_defaults()
    {
        using var response = await PostJsonAsync("/json/product", """{"name":"Pen","price":"3.25","priority":"Low","tags":[],"stock":{"a":"4"}}""");
        var json = JsonNode.Parse(await response.BodyAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json["price"]!.GetValue<decimal>(), Is.EqualTo(3.25m));
            Assert.That(json["stock"]!["a"]!.GetValue<int>(), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Member_names_are_matched_case_insensitively()
    {
        using var response = await PostJsonAsync("/json/product", """{"NAME":"Desk","Price":5,"PRIORITY":"LOW","Tags":["x"],"Size":{"WIDTH":1,"height":2}}""");
        await response.ShouldBeJson("""{"name":"Desk","price":5,"priority":"Low","size":{"width":1,"height":2},"tags":["x"],"stock":null,"active":true}""");
    }

    [Test]
    public async Task Unknown_members_are_ignored_by_default()
    {
        using var response = await PostJsonAsync("/json/product",
            """{"color":"red","name":"Desk","extra":{"deep":[1,{"x":null}]},"price":1,"priority":"Low","tags":[],"size":{"width":1,"height":2,"depth":3}}""");
        await response.ShouldBeJson("""{"name":"Desk","price":1,"priority":"Low","size":{"width":1,"height":2},"tags":[],"stock":null,"active":true}""");
    }

    [Test]
    public async Task Escaped_member_names_and_string_values_are_unescaped()
    {
        using var response = await PostJsonAsync("/json/product", """{"n\u0061me":"D\u00e9sk \"1\"","price":1,"priority":"\u004cow","tags":["\ud83d\ude00"]}""");
        var json = JsonNode.Parse(await response.BodyAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json["name"]!.GetValue<string>(), Is.EqualTo("Désk \"1\""));
            Assert.That(json["priority"]!.GetValue<string>(), Is.EqualTo("Low"));
            Assert.That(json["tags"]![0]!.GetValue<string>(), Is.EqualTo("😀"));
        });
    }

    [Test]
    public async Task Json_content_types_with_a_json_suffix_are_accepted()
    {
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes("""{"x":1,"y":2}"""u8.ToArray(), "application/merge-patch+json"));
        await response.ShouldBeJson("""{"x":2,"y":2}""");
    }

    [TestCase("application/json")]
    [TestCase("Application/JSON")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/problem+json")]
    public async Task Json_content_types_are_accepted(string contentType)
    {
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes("""{"x":3,"y":4}"""u8.ToArray(), contentType));
        await response.ShouldBeJson("""{"x":4,"y":4}""");
    }

    [Test]
    public async Task Body_without_a_content_type_is_refused_under_strict_content_types()
    {
        using var response = await SendAsync(HttpMethod.Put, "/json/point", Http.Bytes("""{"x":5,"y":6}"""u8.ToArray(), contentType: null));
        await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "https://tools.ietf.org/html/rfc9110#section-15.5.16", "Unsupported Media Type");
    }

    // ---- Order: a nominal class with STJ attributes ----

    [Test]
    public async Task Order_round_trips_every_member_kind()
    {
        using var response = await PostJsonAsync("/json/order", FullOrder);
        await response.ShouldBeJson(FullOrderEcho);
    }

    [Test]
    public async Task Order_with_only_required_members_keeps_initializer_defaults()
    {
        using var response = await PostJsonAsync("/json/order", Samples.MinimalOrder);
        await response.ShouldBeJson(
            """{"quantity":0,"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","customer_name":"","due":"0001-01-01","at":null,"created":"0001-01-01T00:00:00+00:00","note":null,"shade":"Dark","scores":[],"lines":[],"flags":[],"version":1,"link":null,"duration":"PT0S","grade":"A","lineCount":0}""");
    }

    [Test]
    public async Task Json_property_name_is_the_wire_name_both_ways()
    {
        var order = await PostOrderAsync("""{"customer_name":"Grace"}""");
        Assert.Multiple(() =>
        {
            Assert.That(order["customer_name"]!.GetValue<string>(), Is.EqualTo("Grace"));
            Assert.That(order.ContainsKey("customer"), Is.False);
        });
    }

    [Test]
    public async Task Json_property_order_puts_quantity_first()
    {
        var order = await PostOrderAsync("""{"quantity":3}""");
        Assert.That(order.Select(member => member.Key).First(), Is.EqualTo("quantity"));
    }

    [Test]
    public async Task Json_ignore_member_is_neither_read_nor_written()
    {
        var order = await PostOrderAsync("""{"secret":"letmein","Secret":"again"}""");
        Assert.That(order.ContainsKey("secret"), Is.False);
    }

    [Test]
    public async Task When_writing_null_omits_coupon_when_it_is_null()
    {
        var order = await PostOrderAsync("""{"coupon":null}""");
        Assert.That(order.ContainsKey("coupon"), Is.False);
    }

    [Test]
    public async Task When_writing_null_writes_coupon_when_it_has_a_value()
    {
        var order = await PostOrderAsync("""{"coupon":"SAVE10"}""");
        Assert.That(order["coupon"]!.GetValue<string>(), Is.EqualTo("SAVE10"));
    }

    [Test]
    public async Task Null_is_written_for_other_null_members()
    {
        var order = await PostOrderAsync("""{"note":null,"link":null,"at":null}""");
        Assert.Multiple(() =>
        {
            Assert.That(order.ContainsKey("note") && order["note"] is null, Is.True);
            Assert.That(order.ContainsKey("link") && order["link"] is null, Is.True);
            Assert.That(order.ContainsKey("at") && order["at"] is null, Is.True);
        });
    }

    [TestCase("light-grey", "light-grey")]
    [TestCase("LIGHT-GREY", "light-grey")]
    [TestCase("Dark", "Dark")]
    [TestCase("dark", "Dark")]
    public async Task Json_string_enum_member_name_is_used_both_ways(string sent, string written)
    {
        var order = await PostOrderAsync($$"""{"shade":"{{sent}}"}""");
        Assert.That(order["shade"]!.GetValue<string>(), Is.EqualTo(written));
    }

    [Test]
    public async Task Enum_member_is_not_read_by_its_csharp_name_when_renamed()
    {
        using var response = await PostJsonAsync("/json/order", """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","version":1,"shade":"LightGrey"}""");
        await response.ShouldHaveSingleError("body.shade", Messages.Shade);
    }

    [Test]
    public async Task Date_and_time_members_use_iso_formats()
    {
        var order = await PostOrderAsync("""{"due":"2030-12-31","at":"07:08:09.5","created":"2030-12-31T23:59:59.123+05:30","duration":"00:00:01.25"}""");
        Assert.Multiple(() =>
        {
            Assert.That(order["due"]!.GetValue<string>(), Is.EqualTo("2030-12-31"));
            Assert.That(order["at"]!.GetValue<string>(), Is.EqualTo("07:08:09.5000000"));
            Assert.That(order["created"]!.GetValue<string>(), Is.EqualTo("2030-12-31T23:59:59.123+05:30"));
            Assert.That(order["duration"]!.GetValue<string>(), Is.EqualTo("PT1.25S"));
        });
    }

    [TestCase("https://example.com/path?x=1")]
    [TestCase("/relative/path")]
    public async Task Uri_member_keeps_its_original_string(string link)
    {
        var order = await PostOrderAsync($$"""{"link":"{{link}}"}""");
        Assert.That(order["link"]!.GetValue<string>(), Is.EqualTo(link));
    }

    [TestCase("\"Z\"", "Z")]
    [TestCase("\"é\"", "é")]
    [TestCase("\"\\u0041\"", "A")]
    public async Task Char_member_is_a_one_character_string(string sent, string written)
    {
        var order = await PostOrderAsync($$"""{"grade":{{sent}}}""");
        Assert.That(order["grade"]!.GetValue<string>(), Is.EqualTo(written));
    }

    [Test]
    public async Task Hash_set_member_drops_duplicates()
    {
        var order = await PostOrderAsync("""{"flags":["Low","low","High","LOW"]}""");
        Assert.That(order["flags"]!.AsArray().Select(flag => flag!.GetValue<string>()), Is.EquivalentTo(new[] { "Low", "High" }));
    }

    [Test]
    public async Task Computed_read_only_member_is_written_and_never_read()
    {
        var order = await PostOrderAsync("""{"lineCount":42,"lines":[{"sku":"a","count":1,"discount":null}]}""");
        Assert.That(order["lineCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Missing_required_and_json_required_members_are_both_reported()
    {
        using var response = await PostJsonAsync("/json/order", """{"customer_name":"Ada"}""");
        await response.ShouldHaveErrors(("body.id", Messages.Required), ("body.version", Messages.Required));
    }

    [Test]
    public async Task Nested_list_item_errors_name_their_index_and_member()
    {
        using var response = await PostJsonAsync("/json/order",
            """{"id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","version":1,"lines":[{"sku":"a","count":1,"discount":null},{"sku":2,"discount":"x"}]}""");
        await response.ShouldHaveErrors(
            ("body.lines[1].sku", Messages.String),
            ("body.lines[1].discount", Messages.Decimal),
            ("body.lines[1].count", Messages.Required));
    }

    // ---- Other shapes ----

    [Test]
    public async Task Struct_body_is_read_from_a_put()
    {
        using var response = await SendJsonAsync(HttpMethod.Put, "/json/point", """{"x":1,"y":-2}""");
        await response.ShouldBeJson("""{"x":2,"y":-2}""");
    }

    [Test]
    public async Task Struct_body_reports_its_missing_members()
    {
        using var response = await SendJsonAsync(HttpMethod.Put, "/json/point", """{"x":1}""");
        await response.ShouldHaveSingleError("body.y", Messages.Required);
    }

    [Test]
    public async Task Recursive_tree_round_trips()
    {
        using var response = await PostJsonAsync("/json/tree",
            """{"name":"root","children":[{"name":"a","children":[]},{"name":"b","children":[{"name":"c"}]}]}""");
        await response.ShouldBeJson(
            """{"name":"root","children":[{"name":"a","children":[]},{"name":"b","children":[{"name":"c","children":null}]}]}""");
    }

    [Test]
    public async Task Recursive_tree_errors_are_located_deep_inside()
    {
        using var response = await PostJsonAsync("/json/tree", """{"name":"root","children":[{"name":"a"},{"name":"b","children":[{"name":7}]}]}""");
        await response.ShouldHaveSingleError("body.children[1].children[0].name", Messages.String);
    }

    [Test]
    public async Task List_body_round_trips()
    {
        using var response = await PostJsonAsync("/json/list", """[{"sku":"A","count":1,"discount":null},{"sku":"B","count":2,"discount":1.5}]""");
        await response.ShouldBeJson("""[{"sku":"A","count":1,"discount":null},{"sku":"B","count":2,"discount":1.5}]""");
    }

    [Test]
    public async Task Empty_list_body_is_an_empty_list()
    {
        using var response = await PostJsonAsync("/json/list", "[]");
        await response.ShouldBeJson("[]");
    }

    [Test]
    public async Task List_body_item_errors_are_located_at_their_index()
    {
        using var response = await PostJsonAsync("/json/list", """[{"sku":"A","count":1},{"sku":"B","count":"two"},"oops"]""");
        await response.ShouldHaveErrors(("body[1].count", Messages.Int), ("body[2]", Messages.Object));
    }

    [Test]
    public async Task Dictionary_body_round_trips_through_patch()
    {
        using var response = await SendJsonAsync(HttpMethod.Patch, "/json/dictionary", """{"small":{"width":1,"height":2},"Big Box":{"width":10.5,"height":20}}""");
        await response.ShouldBeJson("""{"small":{"width":1,"height":2},"Big Box":{"width":10.5,"height":20}}""");
    }

    [Test]
    public async Task Dictionary_keys_are_kept_verbatim_not_camel_cased()
    {
        using var response = await SendJsonAsync(HttpMethod.Patch, "/json/dictionary", """{"UPPER":{"width":1,"height":1}}""");
        await response.ShouldBeJson("""{"UPPER":{"width":1,"height":1}}""");
    }

    [Test]
    public async Task Dictionary_value_errors_are_located_under_their_key()
    {
        using var response = await SendJsonAsync(HttpMethod.Patch, "/json/dictionary", """{"a":{"width":"wide","height":2},"b":[]}""");
        await response.ShouldHaveErrors(("body.a.width", Messages.Float), ("body.b", Messages.Object));
    }

    [Test]
    public async Task Optional_body_absent_is_null()
    {
        using var response = await SendAsync(HttpMethod.Post, "/json/optional", Http.Json(""));
        await response.ShouldBeText("no body");
    }

    [Test]
    public async Task Optional_body_absent_without_content_is_null()
    {
        using var response = await SendAsync(HttpMethod.Post, "/json/optional");
        await response.ShouldBeText("no body");
    }

    [Test]
    public async Task Optional_body_json_null_is_null()
    {
        using var response = await PostJsonAsync("/json/optional", "null");
        await response.ShouldBeText("no body");
    }

    [Test]
    public async Task Optional_body_present_is_read()
    {
        using var response = await PostJsonAsync("/json/optional", """{"width":2,"height":3.5}""");
        await response.ShouldBeText("2x3.5");
    }

    [Test]
    public async Task Optional_body_present_but_invalid_is_still_an_error()
    {
        using var response = await PostJsonAsync("/json/optional", """{"width":2}""");
        await response.ShouldHaveSingleError("body.height", Messages.Required);
    }

    [Test]
    public async Task Route_value_and_body_bind_together()
    {
        using var response = await PostJsonAsync("/json/with-route/5", Samples.Product);
        await response.ShouldBeJson("""{"id":5,"name":"Desk"}""");
    }

    [Test]
    public async Task Route_and_body_errors_are_reported_together()
    {
        using var response = await PostJsonAsync("/json/with-route/five", """{"price":"free","priority":"Low","tags":[]}""");
        await response.ShouldHaveErrors(("path.id", Messages.Int), ("body.price", Messages.Decimal), ("body.name", Messages.Required));
    }

    [Test]
    public async Task Concurrent_requests_never_see_each_others_values_or_errors()
    {
        // The reader context and the response writer are pooled per thread; interleaved requests must stay apart.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            if (i % 2 == 0)
            {
                using var ok = await PostJsonAsync($"/json/with-route/{i}", $$"""{"name":"P{{i}}","price":{{i}},"priority":"Low","tags":["t{{i}}"]}""");
                var body = await ok.BodyAsync();
                return body == $$"""{"id":{{i}},"name":"P{{i}}"}""" ? null : $"{i}: {body}";
            }

            var valid = string.Concat(Enumerable.Repeat("""{"sku":"s","count":1},""", i % 7));
            using var bad = await PostJsonAsync("/json/list", "[" + valid + """{"sku":"s","count":"c"}]""");
            var errors = await bad.BodyAsync();
            return errors.Contains($"\"body[{i % 7}].count\"", StringComparison.Ordinal) ? null : $"{i}: {errors}";
        }));

        Assert.That(outcomes.Where(outcome => outcome is not null), Is.Empty);
    }

    private async Task<JsonObject> PostOrderAsync(string members)
    {
        // Appends the given members, byte for byte, to a minimal valid order.
        var order = Samples.MinimalOrder[..^1] + "," + members[1..];
        using var response = await PostJsonAsync("/json/order", order);
        var body = await response.BodyAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonNode.Parse(body)!.AsObject();
    }
}

/// <summary>Dictionaries with integer, GUID and enum keys, through generated readers and writers (docs/json.md).</summary>
public sealed class NonStringDictionaryKeyTests : AppTests
{
    [Test]
    public async Task Integer_guid_and_enum_keys_round_trip()
    {
        const string json = """{"byNumber":{"1":"one","-2":"minus two"},"byId":{"3f2504e0-4f89-11d3-9a0c-0305e82c3301":7},"byPriority":{"High":3,"Low":1}}""";
        using var response = await PostJsonAsync("/keyed", json);
        await response.ShouldBeJson(json);
    }

    [Test]
    public async Task A_bad_key_is_an_error_at_its_name_with_a_plain_message()
    {
        using var response = await PostJsonAsync("/keyed", """{"byNumber":{"1":"one","x":"bad","99999999999":"big"},"byId":{"nope":1},"byPriority":{"Urgent":1}}""");
        await response.ShouldHaveErrors(
            ("body.byNumber.x.[key]", Messages.Int),
            ("body.byNumber.99999999999.[key]", Messages.IntTooBig),
            ("body.byId.nope.[key]", "Input should be a valid UUID"),
            ("body.byPriority.Urgent.[key]", "Input should be 'Low', 'Medium' or 'High'"));
    }

    [Test]
    public async Task A_dictionary_body_with_int_keys_round_trips_and_a_bad_key_says_so_plainly()
    {
        const string json = """{"1":"one","-2":"minus two"}""";
        using var response = await PostJsonAsync("/keyed/names", json);
        await response.ShouldBeJson(json);

        using var bad = await PostJsonAsync("/keyed/names", """{"1":"one","x":"bad"}""");
        var body = await bad.BodyAsync();
        Assert.That(body, Does.Not.Contain("System.Int32").And.Not.Contain("BytePositionInLine").And.Not.Contain("could not be converted"));
        await bad.ShouldHaveSingleError("body.x.[key]", Messages.Int);
    }

    [Test]
    public async Task A_top_level_dictionary_body_with_long_keys_binds()
    {
        using var response = await PostJsonAsync("/keyed/numbers", """{"9007199254740993":2,"-1":3}""");
        await response.ShouldBeJson("5");
    }

    [Test]
    public async Task Floating_point_and_decimal_keys_round_trip_and_a_bad_one_is_a_plain_error()
    {
        using var response = await PostJsonAsync("/keyed/prices", """{"1.5":2.25,"-3":4}""");
        await response.ShouldBeJson("""{"2.25":1.5,"4":-3}""");
        using var bad = await PostJsonAsync("/keyed/prices", """{"1.5":1,"cheap":2,"NaN":3}""");
        await bad.ShouldHaveErrors(
            ("body.cheap.[key]", "Input should be a valid number, unable to parse string as a number"),
            ("body.NaN.[key]", "Input should be a valid number, unable to parse string as a number"));
    }

    [Test]
    public async Task The_document_says_what_a_key_must_look_like()
    {
        using var response = await GetAsync("/openapi.json");
        using var document = JsonDocument.Parse(await response.BodyAsync());
        var keyed = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Keyed").GetProperty("properties");
        Assert.Multiple(() =>
        {
            Assert.That(keyed.GetProperty("byNumber").GetProperty("propertyNames").GetProperty("pattern").GetString(), Is.EqualTo("^-?[0-9]+$"));
            Assert.That(keyed.GetProperty("byId").GetProperty("propertyNames").GetProperty("format").GetString(), Is.EqualTo("uuid"));
            Assert.That(keyed.GetProperty("byPriority").GetProperty("propertyNames").GetProperty("$ref").GetString(), Is.EqualTo("#/components/schemas/Priority"));
        });
    }
}
