using System.Net;
using System.Text;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// Bad request bodies: each answered with a clear 4xx that says where the problem is, never a 500
/// (docs/json.md and docs/errors.md).
/// </summary>
public sealed class BadInputTests : AppTests
{
    private const string TooLargeType = "https://tools.ietf.org/html/rfc9110#section-15.5.14";
    private const string UnsupportedType = "https://tools.ietf.org/html/rfc9110#section-15.5.16";

    [TestCase("""{"name": """)]
    [TestCase("""{"name":"Desk",}""")]
    [TestCase("""{name:"Desk"}""")]
    [TestCase("""{"name":'Desk'}""")]
    [TestCase("""{"name":"Desk" // comment""")]
    [TestCase("{")]
    [TestCase("tru")]
    public async Task Malformed_json_is_one_error_at_body_with_the_byte_position(string json)
    {
        using var response = await PostJsonAsync("/json/product", json);
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "body" }));
        Assert.That(errors["body"], Has.Length.EqualTo(1));
        Assert.That(errors["body"][0], Does.StartWith("JSON decode error at byte "));
    }

    [Test]
    public async Task Malformed_json_error_names_the_byte_where_it_broke()
    {
        using var response = await PostJsonAsync("/json/product", """{"name":"Desk","price":1x}""");
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors["body"][0], Does.StartWith("JSON decode error at byte 24"));
    }

    [Test]
    public async Task Wrong_json_types_are_all_reported_at_their_members()
    {
        using var response = await PostJsonAsync("/json/product",
            """{"name":1,"price":"abc","priority":"High","size":{"width":"wide","height":1},"tags":[1,"ok"],"active":"yes"}""");
        await response.ShouldHaveErrors(
            ("body.name", Messages.String),
            ("body.price", Messages.Decimal),
            ("body.size.width", Messages.Float),
            ("body.tags[0]", Messages.String),
            ("body.active", Messages.BoolType));
    }

    [Test]
    public async Task Wrong_json_shapes_are_reported_at_their_members()
    {
        using var response = await PostJsonAsync("/json/product",
            """{"name":["Desk"],"price":{},"priority":3,"size":[1,2],"tags":"office","stock":[]}""");
        await response.ShouldHaveErrors(
            ("body.name", Messages.String),
            ("body.price", Messages.FloatType),
            ("body.priority", Messages.Priority),
            ("body.size", Messages.Object),
            ("body.tags", Messages.List),
            ("body.stock", Messages.Dictionary));
    }

    [Test]
    public async Task Null_for_non_nullable_members_is_reported()
    {
        using var response = await PostJsonAsync("/json/product", """{"name":null,"price":null,"priority":null,"tags":null}""");
        await response.ShouldHaveErrors(
            ("body.name", Messages.String),
            ("body.price", Messages.FloatType),
            ("body.priority", Messages.Priority),
            ("body.tags", Messages.List));
    }

    [Test]
    public async Task Missing_required_members_are_all_reported()
    {
        using var response = await PostJsonAsync("/json/product", "{}");
        await response.ShouldHaveErrors(
            ("body.name", Messages.Required),
            ("body.price", Messages.Required),
            ("body.priority", Messages.Required),
            ("body.tags", Messages.Required));
    }

    [Test]
    public async Task Missing_members_of_a_nested_model_are_located_inside_it()
    {
        using var response = await PostJsonAsync("/json/product", """{"name":"Desk","price":1,"priority":"Low","tags":[],"size":{}}""");
        await response.ShouldHaveErrors(("body.size.width", Messages.Required), ("body.size.height", Messages.Required));
    }

    [Test]
    public async Task Integer_members_say_why_a_number_does_not_fit()
    {
        using var response = await SendJsonAsync(HttpMethod.Put, "/json/point", """{"x":1.5,"y":1e30}""");
        await response.ShouldHaveErrors(("body.x", Messages.IntFromFloat), ("body.y", Messages.IntTooBig));
    }

    [Test]
    public async Task Integer_member_given_a_non_number_is_an_int_type_error()
    {
        using var response = await SendJsonAsync(HttpMethod.Put, "/json/point", """{"x":true,"y":"seven"}""");
        await response.ShouldHaveErrors(("body.x", Messages.IntType), ("body.y", Messages.Int));
    }

    [TestCase("id", "\"nope\"", Messages.Uuid)]
    [TestCase("due", "\"05/06/2026\"", Messages.Date)]
    [TestCase("at", "\"25:99\"", Messages.Time)]
    [TestCase("created", "\"yesterday\"", Messages.DateTime)]
    [TestCase("duration", "\"a while\"", Messages.TimeSpan)]
    [TestCase("grade", "\"AB\"", Messages.Char)]
    [TestCase("grade", "\"\"", Messages.Char)]
    [TestCase("shade", "\"grey\"", Messages.Shade)]
    [TestCase("version", "\"v1\"", Messages.Int)]
    [TestCase("quantity", "2.5", Messages.IntFromFloat)]
    [TestCase("scores", "{}", Messages.List)]
    public async Task Invalid_order_member_is_reported_at_its_wire_name(string member, string value, string message)
    {
        var json = Samples.MinimalOrder[..^1] + $$""","{{member}}":{{value}}}""";
        using var response = await PostJsonAsync("/json/order", json);
        await response.ShouldHaveSingleError("body." + member, message);
    }

    [Test]
    public async Task Invalid_hash_set_item_is_reported_at_its_index()
    {
        using var response = await PostJsonAsync("/json/order", Samples.MinimalOrder[..^1] + ""","flags":["High","nope"]}""");
        await response.ShouldHaveSingleError("body.flags[1]", Messages.Priority);
    }

    [Test]
    public async Task Renamed_member_is_located_by_its_json_name()
    {
        using var response = await PostJsonAsync("/json/order", Samples.MinimalOrder[..^1] + ""","customer_name":42}""");
        await response.ShouldHaveSingleError("body.customer_name", Messages.String);
    }

    [Test]
    public async Task Null_body_for_a_required_model_is_a_422_at_body()
    {
        using var response = await PostJsonAsync("/json/product", "null");
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "body" }));
    }

    [TestCase("/json/product", "[1,2]", Messages.Object)]
    [TestCase("/json/product", "\"Desk\"", Messages.Object)]
    [TestCase("/json/product", "42", Messages.Object)]
    [TestCase("/json/list", """{"sku":"A","count":1}""", Messages.List)]
    [TestCase("/json/tree", "true", Messages.Object)]
    public async Task Wrong_root_type_is_a_422_at_body(string url, string json, string message)
    {
        using var response = await PostJsonAsync(url, json);
        await response.ShouldHaveSingleError("body", message);
    }

    [Test]
    public async Task Wrong_root_type_for_a_dictionary_is_a_422_at_body()
    {
        using var response = await SendJsonAsync(HttpMethod.Patch, "/json/dictionary", "[]");
        await response.ShouldHaveSingleError("body", Messages.Dictionary);
    }

    [Test]
    public async Task Empty_body_for_a_required_model_is_field_required_at_body()
    {
        using var response = await PostJsonAsync("/json/product", "");
        await response.ShouldHaveSingleError("body", Messages.Required);
    }

    [Test]
    public async Task No_body_at_all_for_a_required_model_is_field_required_at_body()
    {
        using var response = await SendAsync(HttpMethod.Post, "/json/product");
        await response.ShouldHaveSingleError("body", Messages.Required);
    }

    [Test]
    public async Task Whitespace_only_body_is_malformed_json()
    {
        using var response = await PostJsonAsync("/json/product", "   \n ");
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "body" }));
    }

    [Test]
    public async Task Body_over_the_size_limit_is_a_413_problem()
    {
        var json = """{"name":"Desk","price":1,"priority":"Low","tags":[""" + string.Join(',', Enumerable.Repeat("\"abcdefghij\"", 100_000)) + "]}";
        Assert.That(Encoding.UTF8.GetByteCount(json), Is.GreaterThan(1024 * 1024));

        using var response = await PostJsonAsync("/json/product", json);
        var problem = await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, TooLargeType, "Payload Too Large");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("1048576"));
    }

    [Test]
    public async Task Chunked_body_over_the_size_limit_is_a_413_problem()
    {
        var bytes = Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Repeat("""{"sku":"abcdefghijklmnopqrstuvwxyz","count":1}""", 40_000)) + "]");
        using var response = await SendAsync(HttpMethod.Post, "/json/list", new UnknownLengthContent(bytes));
        await response.ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, TooLargeType, "Payload Too Large");
    }

    [Test]
    public async Task Body_just_under_the_size_limit_is_read()
    {
        var padding = new string('a', (1024 * 1024) - 100);
        var json = $$"""{"name":"{{padding}}","price":1,"priority":"Low","tags":[]}""";
        using var response = await PostJsonAsync("/json/product", json);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Large_body_spanning_many_buffers_is_read_correctly()
    {
        var lines = Enumerable.Range(0, 5_000).Select(i => $$"""{"sku":"sku-{{i}}","count":{{i}},"discount":{{i}}.25}""");
        var json = "[" + string.Join(',', lines) + "]";
        using var response = await PostJsonAsync("/json/list", json);
        await response.ShouldBeJson(json);
    }

    [Test]
    public async Task Nesting_deeper_than_64_is_a_422()
    {
        using var response = await PostJsonAsync("/json/tree", NestedNodes(40));
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "body" }));
        Assert.That(errors["body"][0], Does.StartWith("JSON decode error at byte "));
    }

    [Test]
    public async Task Deep_arrays_are_a_422_not_a_stack_overflow()
    {
        using var response = await PostJsonAsync("/json/list", new string('[', 10_000) + new string(']', 10_000));
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "body" }));
    }

    [Test]
    public async Task Nesting_within_the_limit_is_read()
    {
        using var response = await PostJsonAsync("/json/tree", NestedNodes(31));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("text/plain")]
    [TestCase("application/xml")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("multipart/form-data; boundary=x")]
    [TestCase("application/jsonx")]
    public async Task Non_json_content_type_is_a_415_problem(string contentType)
    {
        using var response = await SendAsync(HttpMethod.Post, "/json/product", Http.Bytes(Encoding.UTF8.GetBytes(Samples.Product), contentType));
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, UnsupportedType, "Unsupported Media Type");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("application/json"));
    }

    [TestCase("""{"width":1,"height":2} xyz""")]
    [TestCase("""{"width":1,"height":2}{}""")]
    [TestCase("""{"width":1,"height":2},""")]
    [TestCase("""{"width":1,"height":2}]""")]
    public async Task Trailing_garbage_after_the_value_is_malformed_json(string json)
    {
        using var response = await PostJsonAsync("/json/optional", json);
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "body" }));
        Assert.That(errors["body"][0], Does.StartWith("JSON decode error at byte "));
    }

    [Test]
    public async Task Trailing_whitespace_after_the_value_is_fine()
    {
        using var response = await PostJsonAsync("/json/optional", " {\"width\":1,\"height\":2} \r\n\t");
        await response.ShouldBeText("1x2");
    }

    [Test]
    public async Task Invalid_utf8_in_a_string_is_a_4xx()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"name":"Desk","price":1,"priority":"Low","tags":["X"]}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;
        using var response = await SendAsync(HttpMethod.Post, "/json/product", Http.Bytes(bytes));
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys.Single(), Does.StartWith("body"));
    }

    [Test]
    public async Task Invalid_utf8_in_a_member_name_is_a_4xx()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"Xame":"Desk","price":1,"priority":"Low","tags":[]}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3;
        using var response = await SendAsync(HttpMethod.Post, "/json/product", Http.Bytes(bytes));
        Assert.That(Samples.IsClientError(response.StatusCode), Is.True, $"{response.StatusCode}: {await response.BodyAsync()}");
    }

    [Test]
    public async Task Lone_surrogate_escape_in_a_string_is_a_4xx()
    {
        using var response = await PostJsonAsync("/json/product", """{"name":"\ud800","price":1,"priority":"Low","tags":[]}""");
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys.Single(), Does.StartWith("body"));
    }

    [Test]
    public async Task Non_finite_numbers_are_rejected_at_their_members()
    {
        using var response = await SendJsonAsync(HttpMethod.Patch, "/json/dictionary", """{"a":{"width":1e400,"height":"NaN"}}""");
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "body.a.width", "body.a.height" }));
    }

    [Test]
    public async Task Twenty_thousand_errors_are_capped_with_a_final_entry_counting_the_rest()
    {
        // 220 KB of list items, each with two errors: the first 100 are reported, then one entry says how many more.
        var json = "[" + string.Join(',', Enumerable.Repeat("""{"sku":1,"count":"x"}""", 10_000)) + "]";
        using var response = await PostJsonAsync("/json/list", json);
        var errors = await Problem.ErrorsAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Count.EqualTo(101));
            Assert.That(errors["body[49].count"], Is.EqualTo(new[] { Messages.Int }));
            Assert.That(errors.ContainsKey("body[50].sku"), Is.False);
            Assert.That(errors["body"], Is.EqualTo(new[] { "Too many errors: 19900 more were found and not reported" }));
        });
    }

    [Test]
    public async Task Utf8_byte_order_mark_is_tolerated_or_rejected_cleanly()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. """{"width":1,"height":2}"""u8.ToArray()];
        using var response = await SendAsync(HttpMethod.Post, "/json/optional", Http.Bytes(bytes));
        Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.OK, (HttpStatusCode)422), await response.BodyAsync());
    }

    [TestCaseSource(nameof(GarbageBodies))]
    public async Task Garbage_body_is_never_a_server_error(byte[] body)
    {
        var results = new List<string>();
        foreach (var (method, url) in Samples.BodyEndpoints)
        {
            using var response = await SendAsync(method, url, Http.Bytes(body));
            if ((int)response.StatusCode >= 500 || response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created) && !Samples.IsClientError(response.StatusCode))
            {
                results.Add($"{method} {url} -> {(int)response.StatusCode}: {await response.BodyAsync()}");
            }
        }

        Assert.That(results, Is.Empty);
    }

    private static IEnumerable<TestCaseData> GarbageBodies()
    {
        static TestCaseData Text(string name, string text) => new TestCaseData(Encoding.UTF8.GetBytes(text)).SetArgDisplayNames(name);
        static TestCaseData Raw(string name, byte[] bytes) => new TestCaseData(bytes).SetArgDisplayNames(name);

        var random = new Random(20260102);
        for (var i = 0; i < 6; i++)
        {
            var bytes = new byte[random.Next(1, 512)];
            random.NextBytes(bytes);
            yield return Raw($"random bytes #{i}", bytes);
        }

        yield return Raw("NUL bytes", new byte[64]);
        yield return Raw("lone UTF-8 continuation bytes", [(byte)'"', 0x80, 0x80, (byte)'"']);
        yield return Raw("invalid UTF-8 inside an object", [.. "{\"name\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()]);
        yield return Raw("overlong UTF-8 in a member name", [.. "{\""u8.ToArray(), 0xC0, 0xAF, .. "\":1}"u8.ToArray()]);
        yield return Raw("UTF-16 encoded JSON", Encoding.Unicode.GetBytes("""{"x":1,"y":2}"""));
        yield return Text("truncated object", """{"name":"Desk","price":1""");
        yield return Text("truncated string", """{"name":"De""");
        yield return Text("truncated escape", """{"name":"\u00""");
        yield return Text("truncated array", """[{"sku":"a","count":1},""");
        yield return Text("truncated literal", "nul");
        yield return Text("lone closing brace", "}");
        yield return Text("lone quote", "\"");
        yield return Text("number root", "12345678901234567890123456789012345678901234567890");
        yield return Text("string root", "\"just a string\"");
        yield return Text("boolean root", "false");
        yield return Text("array of nulls", "[null,null,null]");
        yield return Text("object of nulls", """{"name":null,"x":null,"y":null,"width":null,"height":null,"id":null,"version":null}""");
        yield return Text("huge integer", """{"x":1e999999,"y":-1e999999,"count":99999999999999999999999999999,"width":1e400}""");
        yield return Text("huge negative exponent", """{"x":1e-999999,"y":0.0000000000000000000000000000000000000000001,"width":-0}""");
        yield return Text("very long number", """{"x":""" + new string('9', 5000) + "}");
        yield return Text("numbers as long strings", """{"x":" """ + new string('9', 300) + """ ","price":" """ + new string('1', 300) + "\"}");
        yield return Text("deep arrays", new string('[', 5000) + new string(']', 5000));
        yield return Text("deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000));
        yield return Text("deep unknown member", "{\"extra\":" + new string('[', 200) + new string(']', 200) + "}");
        yield return Text("wrong shapes everywhere", """{"name":{},"price":[],"priority":{},"tags":{},"size":"big","stock":1,"children":{},"lines":"x","x":[],"y":{}}""");
        yield return Text("array of wrong items", """[1,"two",[3],{"sku":[]},null,true]""");
        yield return Text("dictionary of wrong values", """{"a":1,"b":"x","c":[],"d":null,"e":{"width":"w"}}""");
        yield return Text("escaped strings", """{"name":"\u0000\u001f\ud800\udfff\"\\\/\b\f\n\r\t","sku":"\uDEAD","id":"\u0033f2504e0-4f89-11d3-9a0c-0305e82c3301"}""");
        yield return Text("lone surrogate escapes", """{"name":"\ud800","grade":"\udc00","customer_name":"\uD83D"}""");
        yield return Text("invalid escapes", """{"name":"\x41\q"}""");
        yield return Text("escaped member names", """{"\u006eame":"a","\u0078":1,"\u0079":2,"\u0077idth":1,"\u0068eight":2}""");
        yield return Text("duplicate members", """{"x":1,"x":"two","y":2,"y":null,"name":"a","name":1}""");
        yield return Text("comments", "/* c */ {\"x\":1, // c\n\"y\":2}");
        yield return Text("trailing commas", """{"x":1,"y":2,}""");
        yield return Text("single quotes", "{'x':1,'y':2}");
        yield return Text("unquoted names", "{x:1,y:2}");
        yield return Text("non-finite numbers", """{"a":{"width":1e400,"height":"NaN"},"b":{"width":"-Infinity","height":-1e999}}""");
        yield return Text("NaN and Infinity", """{"x":NaN,"y":Infinity,"width":-Infinity}""");
        yield return Text("hex and octal numbers", """{"x":0x10,"y":010}""");
        yield return Text("leading plus", """{"x":+1,"y":2}""");
        yield return Text("char and timespan edge cases", """{"grade":"\ud83d\ude00","duration":"99999999.23:59:59","at":"24:00:00","due":"9999-12-31","created":"0001-01-01T00:00:00-14:00"}""");
        yield return Text("very long member name", "{\"" + new string('n', 100_000) + "\":1}");
        yield return Text("very long string value", "{\"name\":\"" + new string('s', 500_000) + "\"}");
        yield return Text("many members", "{" + string.Join(',', Enumerable.Range(0, 2_000).Select(i => $"\"m{i}\":{i}")) + "}");
    }

    private static string NestedNodes(int levels)
    {
        // Each node level adds two to the depth: the node object and its children array.
        var builder = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            builder.Append("""{"name":"n","children":[""");
        }

        builder.Append("""{"name":"leaf"}""");
        for (var i = 0; i < levels; i++)
        {
            builder.Append("]}");
        }

        return builder.ToString();
    }

    /// <summary>A body sent without Content-Length (chunked), so only the reading loop can enforce the limit.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
