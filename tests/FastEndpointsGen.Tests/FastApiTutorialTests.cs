using System.Net;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// FastAPI's tutorial tests (docs_src and tests/test_tutorial), ported request for request against the handlers in
/// FastApiTutorialEndpoints, in ErrorFormat.FastApi, comparing whole bodies with what FastAPI answers. Where we answer
/// differently on purpose the test says so and docs/errors.md#fastapi-differences records why.
/// </summary>
public sealed class FastApiTutorialTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.ErrorFormat = ErrorFormat.FastApi);

    private static Task ShouldBeFastApiError(HttpResponseMessage response, string body) =>
        response.ShouldBe((HttpStatusCode)422, "application/json", body);

    private Task<HttpResponseMessage> PutJsonAsync(string url, string json) => SendJsonAsync(HttpMethod.Put, url, json);

    // ---- body_multiple_params/tutorial001 ----------------------------------------------------------------------

    [Test]
    public async Task Multiple_params_001_with_item_and_query()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/001/items/5?q=bar", """{"name":"Foo","price":50.5}""");
        await response.ShouldBeJson("""{"item_id":5,"item":{"name":"Foo","description":null,"price":50.5,"tax":null},"q":"bar"}""");
    }

    [Test]
    public async Task Multiple_params_001_without_body()
    {
        using var response = await SendAsync(HttpMethod.Put, "/tutorial/body-multiple-params/001/items/5");
        await response.ShouldBeJson("""{"item_id":5}""");
    }

    [Test]
    public async Task Multiple_params_001_path_out_of_range()
    {
        using var response = await SendAsync(HttpMethod.Put, "/tutorial/body-multiple-params/001/items/1001");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"less_than_equal","loc":["path","item_id"],"msg":"Input should be less than or equal to 1000","input":"1001","ctx":{"le":1000}}]}""");
    }

    [Test]
    public async Task Multiple_params_001_path_below_range()
    {
        using var response = await SendAsync(HttpMethod.Put, "/tutorial/body-multiple-params/001/items/-1");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"greater_than_equal","loc":["path","item_id"],"msg":"Input should be greater than or equal to 0","input":"-1","ctx":{"ge":0}}]}""");
    }

    [Test]
    public async Task Multiple_params_001_path_not_an_integer_is_a_parsing_error_not_a_range_error()
    {
        using var response = await SendAsync(HttpMethod.Put, "/tutorial/body-multiple-params/001/items/12abc");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"int_parsing","loc":["path","item_id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"12abc"}]}""");
    }

    [Test]
    public async Task Multiple_params_001_path_at_both_bounds()
    {
        using (var response = await SendAsync(HttpMethod.Put, "/tutorial/body-multiple-params/001/items/0"))
        {
            await response.ShouldBeJson("""{"item_id":0}""");
        }

        using (var response = await SendAsync(HttpMethod.Put, "/tutorial/body-multiple-params/001/items/1000"))
        {
            await response.ShouldBeJson("""{"item_id":1000}""");
        }
    }

    // ---- body_multiple_params/tutorial002 ----------------------------------------------------------------------

    [Test]
    public async Task Multiple_params_002_valid()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/002/items/5",
            """{"item":{"name":"Foo","price":50.5},"user":{"username":"Dave"}}""");
        await response.ShouldBeJson(
            """{"item_id":5,"item":{"name":"Foo","description":null,"price":50.5,"tax":null},"user":{"username":"Dave","full_name":null}}""");
    }

    [Test]
    public async Task Multiple_params_002_empty_object_reports_each_member()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/002/items/5", "{}");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null},{"type":"missing","loc":["body","user"],"msg":"Field required","input":null}]}""");
    }

    [Test]
    public async Task Multiple_params_002_no_body_reports_each_member()
    {
        using var response = await SendAsync(HttpMethod.Put, "/tutorial/body-multiple-params/002/items/5");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null},{"type":"missing","loc":["body","user"],"msg":"Field required","input":null}]}""");
    }

    [Test]
    public async Task Multiple_params_002_list_body_reports_each_member()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/002/items/5", "[]");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null},{"type":"missing","loc":["body","user"],"msg":"Field required","input":null}]}""");
    }

    [Test]
    public async Task Multiple_params_002_null_body_reports_each_member()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/002/items/5", "null");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null},{"type":"missing","loc":["body","user"],"msg":"Field required","input":null}]}""");
    }

    [Test]
    public async Task Multiple_params_002_invalid_member_is_located_inside_its_key()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/002/items/5",
            """{"item":{"name":"Foo","price":"high"},"user":{}}""");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"float_parsing","loc":["body","item","price"],"msg":"Input should be a valid number, unable to parse string as a number","input":"high"},{"type":"missing","loc":["body","user","username"],"msg":"Field required","input":{}}]}""");
    }

    // ---- body_multiple_params/tutorial003 and 004 --------------------------------------------------------------

    [Test]
    public async Task Multiple_params_003_singular_value_in_body()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/003/items/5",
            """{"item":{"name":"Foo","price":50.5},"user":{"username":"Dave"},"importance":1}""");
        await response.ShouldBeJson(
            """{"item_id":5,"item":{"name":"Foo","description":null,"price":50.5,"tax":null},"user":{"username":"Dave","full_name":null},"importance":1}""");
    }

    [Test]
    public async Task Multiple_params_003_no_data()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/003/items/5", "{}");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null},{"type":"missing","loc":["body","user"],"msg":"Field required","input":null},{"type":"missing","loc":["body","importance"],"msg":"Field required","input":null}]}""");
    }

    [Test]
    public async Task Multiple_params_004_validated_body_value_and_query()
    {
        using var valid = await PutJsonAsync("/tutorial/body-multiple-params/004/items/5?q=bar",
            """{"item":{"name":"Foo","price":50.5},"user":{"username":"Dave"},"importance":2}""");
        await valid.ShouldBeJson(
            """{"item_id":5,"item":{"name":"Foo","description":null,"price":50.5,"tax":null},"user":{"username":"Dave","full_name":null},"importance":2,"q":"bar"}""");

        using var invalid = await PutJsonAsync("/tutorial/body-multiple-params/004/items/5",
            """{"item":{"name":"Foo","price":50.5},"user":{"username":"Dave"},"importance":0}""");
        await ShouldBeFastApiError(invalid,
            """{"detail":[{"type":"greater_than","loc":["body","importance"],"msg":"Input should be greater than 0","input":0,"ctx":{"gt":0}}]}""");
    }

    // ---- body_multiple_params/tutorial005 (Body(embed=True)) ---------------------------------------------------

    [Test]
    public async Task Multiple_params_005_embedded_single_body()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/005/items/5", """{"item":{"name":"Foo","price":50.5}}""");
        await response.ShouldBeJson("""{"item_id":5,"item":{"name":"Foo","description":null,"price":50.5,"tax":null}}""");
    }

    [Test]
    public async Task Multiple_params_005_not_embedded_is_missing_the_key()
    {
        using var response = await PutJsonAsync("/tutorial/body-multiple-params/005/items/5", """{"name":"Foo","price":50.5}""");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"missing","loc":["body","item"],"msg":"Field required","input":null}]}""");
    }

    // ---- body/tutorial001 --------------------------------------------------------------------------------------

    [Test]
    public async Task Body_only_name_reports_price_with_the_object_as_input()
    {
        using var response = await PostJsonAsync("/tutorial/body/items/", """{"name":"Foo"}""");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"missing","loc":["body","price"],"msg":"Field required","input":{"name":"Foo"}}]}""");
    }

    [Test]
    public async Task Body_price_not_a_number()
    {
        using var response = await PostJsonAsync("/tutorial/body/items/", """{"name":"Foo","price":"twenty"}""");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"float_parsing","loc":["body","price"],"msg":"Input should be a valid number, unable to parse string as a number","input":"twenty"}]}""");
    }

    [Test]
    public async Task Body_no_data()
    {
        using var response = await PostJsonAsync("/tutorial/body/items/", "{}");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"missing","loc":["body","name"],"msg":"Field required","input":{}},{"type":"missing","loc":["body","price"],"msg":"Field required","input":{}}]}""");
    }

    [Test]
    public async Task Body_none_is_one_error_at_body()
    {
        // A single body parameter is the whole body: FastAPI reports the body missing once, not each member.
        using var response = await SendAsync(HttpMethod.Post, "/tutorial/body/items/");
        await ShouldBeFastApiError(response, """{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}""");
    }

    // ---- path_params_numeric_validations, query_params_str_validations -----------------------------------------

    [Test]
    public async Task Numeric_validations_less_than()
    {
        using var response = await GetAsync("/tutorial/path-params-numeric-validations/items/42?q=x&size=10.5");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"less_than","loc":["query","size"],"msg":"Input should be less than 10.5","input":"10.5","ctx":{"lt":10.5}}]}""");
    }

    [Test]
    public async Task Numeric_validations_missing_query_and_path_too_large()
    {
        using var response = await GetAsync("/tutorial/path-params-numeric-validations/items/1001?size=1");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"less_than_equal","loc":["path","item_id"],"msg":"Input should be less than or equal to 1000","input":"1001","ctx":{"le":1000}},{"type":"missing","loc":["query","q"],"msg":"Field required","input":null}]}""");
    }

    [Test]
    public async Task Str_validations_alias_and_pattern()
    {
        using var valid = await GetAsync("/tutorial/query-params-str-validations/items/?item-query=fixedquery");
        await valid.ShouldBeText("fixedquery");

        using var invalid = await GetAsync("/tutorial/query-params-str-validations/items/?item-query=nonregexquery");
        await ShouldBeFastApiError(invalid,
            """{"detail":[{"type":"string_pattern_mismatch","loc":["query","item-query"],"msg":"String should match pattern '^fixedquery$'","input":"nonregexquery","ctx":{"pattern":"^fixedquery$"}}]}""");
    }

    [Test]
    public async Task Str_validations_too_short_also_reports_the_pattern()
    {
        // A difference on purpose (docs/errors.md#fastapi-differences): pydantic stops at a string's first failed
        // constraint and reports only string_too_short; each DataAnnotations attribute is its own rule, so both are listed.
        using var response = await GetAsync("/tutorial/query-params-str-validations/items/?item-query=fi");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"string_too_short","loc":["query","item-query"],"msg":"String should have at least 3 characters","input":"fi","ctx":{"min_length":3}},{"type":"string_pattern_mismatch","loc":["query","item-query"],"msg":"String should match pattern '^fixedquery$'","input":"fi","ctx":{"pattern":"^fixedquery$"}}]}""");
    }

    [Test]
    public async Task Query_list()
    {
        using var response = await GetAsync("/tutorial/query-params-str-validations/list/?q=foo&q=bar");
        await response.ShouldBeJson("""["foo","bar"]""");
    }

    // ---- extra_data_types/tutorial001 --------------------------------------------------------------------------

    [Test]
    public async Task Extra_data_types()
    {
        using var response = await PutJsonAsync("/tutorial/extra-data-types/items/ff97dd87-a4a5-4a12-b412-cde99f33e00e",
            """{"start_datetime":"2018-12-22T14:00:00+00:00","end_datetime":"2018-12-24T15:00:00+00:00","repeat_at":"15:30:00","process_after":300}""");
        await response.ShouldBeJson(
            """{"item_id":"ff97dd87-a4a5-4a12-b412-cde99f33e00e","start_datetime":"2018-12-22T14:00:00Z","end_datetime":"2018-12-24T15:00:00Z","process_after":"PT5M","repeat_at":"15:30:00","start_process":"2018-12-22T14:05:00Z","duration":"P2DT55M"}""");
    }

    [Test]
    public async Task Extra_data_types_duration_as_iso_8601()
    {
        using var response = await PutJsonAsync("/tutorial/extra-data-types/items/ff97dd87-a4a5-4a12-b412-cde99f33e00e",
            """{"start_datetime":"2018-12-22T14:00:00Z","end_datetime":"2018-12-22T16:00:00Z","process_after":"PT1H30M"}""");
        await response.ShouldBeJson(
            """{"item_id":"ff97dd87-a4a5-4a12-b412-cde99f33e00e","start_datetime":"2018-12-22T14:00:00Z","end_datetime":"2018-12-22T16:00:00Z","process_after":"PT1H30M","repeat_at":null,"start_process":"2018-12-22T15:30:00Z","duration":"PT30M"}""");
    }

    [Test]
    public async Task Extra_data_types_bad_duration()
    {
        using var response = await PutJsonAsync("/tutorial/extra-data-types/items/ff97dd87-a4a5-4a12-b412-cde99f33e00e",
            """{"start_datetime":"2018-12-22T14:00:00Z","end_datetime":"2018-12-22T16:00:00Z","process_after":"soon"}""");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"time_delta_parsing","loc":["body","process_after"],"msg":"Input should be a valid timedelta","input":"soon"}]}""");

        using var wrongType = await PutJsonAsync("/tutorial/extra-data-types/items/ff97dd87-a4a5-4a12-b412-cde99f33e00e",
            """{"start_datetime":"2018-12-22T14:00:00Z","end_datetime":"2018-12-22T16:00:00Z","process_after":true}""");
        await ShouldBeFastApiError(wrongType,
            """{"detail":[{"type":"time_delta_type","loc":["body","process_after"],"msg":"Input should be a valid timedelta","input":true}]}""");
    }

    [Test]
    [TestCase("300", "\"PT5M\"")]
    [TestCase("1.5", "\"PT1.5S\"")]
    [TestCase("PT1H30M", "\"PT1H30M\"")]
    [TestCase("P1W", "\"P7D\"")]
    [TestCase("01:30:00", "\"PT1H30M\"")]
    public async Task Duration_in_the_query(string delay, string expected)
    {
        using var response = await GetAsync("/tutorial/extra-data-types/wait?delay=" + Uri.EscapeDataString(delay));
        await response.ShouldBeJson(expected);
    }

    [Test]
    public async Task Bad_duration_in_the_query()
    {
        using var response = await GetAsync("/tutorial/extra-data-types/wait?delay=PT");
        await ShouldBeFastApiError(response,
            """{"detail":[{"type":"time_delta_parsing","loc":["query","delay"],"msg":"Input should be a valid timedelta","input":"PT"}]}""");
    }

    // ---- header_params, cookie_params --------------------------------------------------------------------------

    [Test]
    public async Task Header_by_name()
    {
        using var response = await SendAsync(HttpMethod.Get, "/tutorial/header-params/items/", null, ("User-Agent", "Mozilla/5.0"));
        await response.ShouldBeJson("""["Mozilla/5.0"]""");
    }

    [Test]
    public async Task Header_model_ignores_extra_headers_unless_asked()
    {
        using var response = await SendAsync(HttpMethod.Get, "/tutorial/header-param-models/items/", null,
            ("save-data", "true"), ("if-modified-since", "yesterday"), ("tool", "plumbus"));
        await response.ShouldBeText("True|yesterday|");

        using var missing = await GetAsync("/tutorial/header-param-models/items/");
        await ShouldBeFastApiError(missing, """{"detail":[{"type":"missing","loc":["header","save-data"],"msg":"Field required","input":null}]}""");
    }

    [Test]
    public async Task Cookie_by_name()
    {
        using var withCookie = await SendAsync(HttpMethod.Get, "/tutorial/cookie-params/items/", null, ("Cookie", "ads_id=ads_track"));
        await withCookie.ShouldBeText("ads_track");

        using var without = await GetAsync("/tutorial/cookie-params/items/");
        await without.ShouldBeText("none");
    }
}
