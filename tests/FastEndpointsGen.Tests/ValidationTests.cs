using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>Compiled DataAnnotations (docs/validation.md): every rule passing and failing, over HTTP.</summary>
public sealed class ValidationTests : AppTests
{
    private const string Signup = "/validation/signup";

    /// <summary>A signup that passes every rule; tests change one member at a time.</summary>
    private static JsonObject ValidSignup() => JsonNode.Parse("""
        {"username":"alice","email":"a@b.c","age":30,"score":50,"fee":10.5,"start":"2025-05-05","code":"ABC-12",
         "homepage":"https://x.test","phone":"+1 (555) 123-4567","color":"red","nickname":"al","avatar":"aGVsbG8=",
         "tags":["a"],"roles":["r"],"bio":"hi","password":"pw","confirm":"pw","address":{"street":"Main","zip":12345}}
        """)!.AsObject();

    private Task<HttpResponseMessage> PostSignup(Action<JsonObject> change)
    {
        var body = ValidSignup();
        change(body);
        return PostJsonAsync(Signup, body.ToJsonString());
    }

    /// <summary>
    /// Lengths are counted in code points, as the document's maxLength is (JSON Schema): five emoji are five characters
    /// (ten UTF-16 units), within [MaxLength(5)]; six are too many. Whitespace-only text fails [Required], as the
    /// document's pattern (at least one non-whitespace character) says.
    /// </summary>
    [TestCase("bio", "😀😀😀😀😀", HttpStatusCode.OK)]
    [TestCase("bio", "😀😀😀😀😀😀", HttpStatusCode.UnprocessableEntity)]
    [TestCase("username", "😀😀😀", HttpStatusCode.OK)]
    [TestCase("username", "   ", HttpStatusCode.UnprocessableEntity)]
    public async Task Lengths_count_code_points_as_the_document_does(string member, string value, HttpStatusCode expected)
    {
        using var response = await PostSignup(body => body[member] = value);
        Assert.That(response.StatusCode, Is.EqualTo(expected), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_model_passing_every_rule_is_accepted()
    {
        using var response = await PostJsonAsync(Signup, ValidSignup().ToJsonString());
        await response.ShouldBeText("welcome alice");
    }

    [TestCase("username", "\"ab\"", "String should have at least 3 characters")]
    [TestCase("username", "\"abcdefghijklmnopqrstu\"", "String should have at most 20 characters")]
    [TestCase("email", "\"not-an-email\"", "Value error, value is not a valid email address")]
    [TestCase("age", "17", "Input should be greater than or equal to 18")]
    [TestCase("age", "131", "Input should be less than or equal to 130")]
    [TestCase("score", "0.4", "Input should be greater than or equal to 0.5")]
    [TestCase("score", "99.6", "Input should be less than or equal to 99.5")]
    [TestCase("fee", "0", "Input should be greater than or equal to 0.01")]
    [TestCase("fee", "1000", "Input should be less than or equal to 999.99")]
    [TestCase("start", "\"2019-12-31\"", "Input should be greater than or equal to 2020-01-01")]
    [TestCase("start", "\"2031-01-01\"", "Input should be less than or equal to 2030-12-31")]
    [TestCase("code", "\"abc-12\"", "String should match pattern '[A-Z]{3}-\\d{2}'")]
    [TestCase("code", "\"XABC-12\"", "String should match pattern '[A-Z]{3}-\\d{2}'")]
    [TestCase("homepage", "\"x.test\"", "Input should be a valid URL")]
    [TestCase("phone", "\"call me\"", "Value error, value is not a valid phone number")]
    [TestCase("color", "\"blue\"", "Input should be 'red' or 'green'")]
    [TestCase("nickname", "\"root\"", "Value error, input is not allowed")]
    [TestCase("avatar", "\"@@@\"", "Value error, input is not valid base64")]
    [TestCase("tags", "[]", "List should have at least 1 item after validation, not 0")]
    [TestCase("tags", "[\"a\",\"b\",\"c\",\"d\"]", "List should have at most 3 items after validation, not 4")]
    [TestCase("roles", "[]", "List should have at least 1 item after validation, not 0")]
    [TestCase("roles", "[\"a\",\"b\",\"c\"]", "List should have at most 2 items after validation, not 3")]
    [TestCase("bio", "\"toolong\"", "String should have at most 5 characters")]
    [TestCase("confirm", "\"other\"", "Value error, 'confirm' and 'password' do not match")]
    public async Task Each_rule_reports_its_failure_at_the_member(string member, string json, string message)
    {
        using var response = await PostSignup(body => body[member] = JsonNode.Parse(json));
        await response.ShouldHaveSingleError("body." + member, message);
    }

    [TestCase("homepage")]
    [TestCase("phone")]
    [TestCase("avatar")]
    [TestCase("bio")]
    public async Task Rules_on_nullable_members_skip_null(string member)
    {
        using var response = await PostSignup(body => body[member] = null);
        await response.ShouldBeText("welcome alice");
    }

    [Test]
    public async Task Required_rejects_an_empty_string()
    {
        using var response = await PostSignup(body => body["username"] = "");
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors["body.username"], Is.EqualTo(new[] { "String should have at least 1 character" }));
    }

    [Test]
    public async Task Required_rejects_a_whitespace_string_once()
    {
        using var response = await PostSignup(body => body["username"] = "   ");
        await response.ShouldHaveSingleError("body.username", "String should have at least 1 character");
    }

    [Test]
    public async Task Nested_models_are_validated_at_their_location()
    {
        using var response = await PostSignup(body => body["address"] = JsonNode.Parse("""{"street":"Main","zip":0}"""));
        await response.ShouldHaveSingleError("body.address.zip", "Input should be greater than or equal to 1");
    }

    [Test]
    public async Task Items_of_collections_of_models_are_validated_with_their_index()
    {
        using var response = await PostSignup(body => body["previous"] = JsonNode.Parse("""[{"street":"A","zip":1},{"street":"","zip":100000}]"""));
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "body.previous[1].street", "body.previous[1].zip" }));
    }

    [Test]
    public async Task IValidatableObject_runs_after_member_rules_pass()
    {
        using var response = await PostSignup(body => body["address"] = JsonNode.Parse("""{"street":"nowhere","zip":5}"""));
        await response.ShouldHaveSingleError("body.address.street", "Value error, Street must be a real place");
    }

    [Test]
    public async Task IValidatableObject_does_not_run_while_member_rules_fail()
    {
        using var response = await PostSignup(body => body["address"] = JsonNode.Parse("""{"street":"nowhere","zip":0}"""));
        await response.ShouldHaveSingleError("body.address.zip", "Input should be greater than or equal to 1");
    }

    [Test]
    public async Task Every_mistake_at_once_gives_every_error()
    {
        using var response = await PostJsonAsync(Signup, """
            {"username":"al","email":"nope","age":17,"score":100,"fee":0,"start":"2019-12-31","code":"abc",
             "homepage":"x.y","phone":"call me","color":"blue","nickname":"root","avatar":"@@","tags":[],
             "roles":["a","b","c"],"bio":"toolong","password":"pw","confirm":"px","address":{"street":"Main","zip":0}}
            """);
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EquivalentTo(new[]
        {
            "body.username", "body.email", "body.age", "body.score", "body.fee", "body.start", "body.code", "body.homepage",
            "body.phone", "body.color", "body.nickname", "body.avatar", "body.tags", "body.roles", "body.bio", "body.confirm",
            "body.address.zip",
        }));
    }

    [Test]
    public async Task Type_errors_and_rule_errors_are_reported_together()
    {
        using var response = await PostSignup(body =>
        {
            body["age"] = "old";
            body["username"] = "x";
            body.Remove("email");
        });
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["body.username"] = ["String should have at least 3 characters"],
            ["body.age"] = [Messages.Int],
            ["body.email"] = [Messages.Required],
        }));
    }

    [TestCase("""{"from":100,"to":50}""", "body.from", "Input should be less than 100")]
    [TestCase("""{"from":0,"to":0}""", "body.to", "Input should be greater than 0")]
    public async Task Exclusive_range_bounds(string json, string key, string message)
    {
        using var response = await PostJsonAsync("/validation/range", json);
        await response.ShouldHaveSingleError(key, message);
    }

    [Test]
    public async Task Exclusive_range_accepts_values_inside()
    {
        using var response = await PostJsonAsync("/validation/range", """{"from":0,"to":100}""");
        await response.ShouldBeText("0-100");
    }

    [Test]
    public async Task Route_query_and_header_parameters_are_validated_too()
    {
        using var response = await SendAsync(HttpMethod.Get, "/validation/items/0?limit=101&search=x", null, ("X-Request-Id", "BAD!"));
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["path.id"] = ["Input should be greater than or equal to 1"],
            ["query.limit"] = ["Input should be less than or equal to 100"],
            ["query.search"] = ["String should have at least 2 characters"],
            ["header.x-request-id"] = ["String should match pattern '[a-z0-9-]+'"],
        }));
    }

    [Test]
    public async Task Valid_parameters_pass_and_defaults_are_not_checked()
    {
        using var withValues = await SendAsync(HttpMethod.Get, "/validation/items/5?limit=10&search=ok", null, ("X-Request-Id", "abc-1"));
        await withValues.ShouldBeText("5|10|ok|abc-1");
        using var withDefaults = await GetAsync("/validation/items/1000");
        await withDefaults.ShouldBeText("1000|50||");
    }
}

/// <summary>The same rules in FastAPI's error format: type codes, loc, input and ctx.</summary>
public sealed class FastApiValidationTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.ErrorFormat = ErrorFormat.FastApi);

    private async Task<JsonElement> FirstDetail(HttpResponseMessage response)
    {
        var body = await response.BodyAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(422), body);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail")[0].Clone();
    }

    [Test]
    public async Task Range_failure_has_fastapi_type_ctx_and_input()
    {
        using var response = await GetAsync("/validation/items/5?limit=101");
        var body = await response.BodyAsync();
        Assert.That(body, Is.EqualTo("""{"detail":[{"type":"less_than_equal","loc":["query","limit"],"msg":"Input should be less than or equal to 100","input":"101","ctx":{"le":100}}]}"""));
    }

    [Test]
    public async Task String_length_failure_has_fastapi_shape()
    {
        using var response = await GetAsync("/validation/items/5?search=x");
        var detail = await FirstDetail(response);
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("type").GetString(), Is.EqualTo("string_too_short"));
            Assert.That(detail.GetProperty("input").GetString(), Is.EqualTo("x"));
            Assert.That(detail.GetProperty("ctx").GetProperty("min_length").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Pattern_failure_is_string_pattern_mismatch()
    {
        using var response = await SendAsync(HttpMethod.Get, "/validation/items/5", null, ("X-Request-Id", "BAD"));
        var detail = await FirstDetail(response);
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("type").GetString(), Is.EqualTo("string_pattern_mismatch"));
            Assert.That(detail.GetProperty("loc").ToString(), Is.EqualTo("""["header","x-request-id"]"""));
            Assert.That(detail.GetProperty("ctx").GetProperty("pattern").GetString(), Is.EqualTo("[a-z0-9-]+"));
        });
    }

    [Test]
    public async Task List_length_failure_has_actual_length_in_ctx()
    {
        using var response = await PostJsonAsync("/validation/signup", """
            {"username":"alice","email":"a@b.c","age":30,"score":50,"fee":10.5,"start":"2025-05-05","code":"ABC-12",
             "color":"red","nickname":"al","tags":[],"roles":["r"],"password":"pw","confirm":"pw","address":{"street":"Main","zip":1}}
            """);
        var detail = await FirstDetail(response);
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("type").GetString(), Is.EqualTo("too_short"));
            Assert.That(detail.GetProperty("loc").ToString(), Is.EqualTo("""["body","tags"]"""));
            Assert.That(detail.GetProperty("ctx").ToString(), Is.EqualTo("""{"field_type":"List","min_length":1,"actual_length":0}"""));
        });
    }

    [Test]
    public async Task A_password_member_never_echoes_its_input()
    {
        using var response = await PostJsonAsync("/validation/signup", """
            {"username":"alice","email":"a@b.c","age":30,"score":50,"fee":10.5,"start":"2025-05-05","code":"ABC-12",
             "color":"red","nickname":"al","tags":["a"],"roles":["r"],"password":12345,"confirm":"pw","address":{"street":"Main","zip":1}}
            """);
        var detail = await FirstDetail(response);
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("loc").ToString(), Is.EqualTo("""["body","password"]"""));
            Assert.That(detail.GetProperty("input").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Allowed_values_failure_is_literal_error_with_expected()
    {
        using var response = await PostJsonAsync("/validation/signup", """
            {"username":"alice","email":"a@b.c","age":30,"score":50,"fee":10.5,"start":"2025-05-05","code":"ABC-12",
             "color":"blue","nickname":"al","tags":["a"],"roles":["r"],"password":"pw","confirm":"pw","address":{"street":"Main","zip":1}}
            """);
        var detail = await FirstDetail(response);
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("type").GetString(), Is.EqualTo("literal_error"));
            Assert.That(detail.GetProperty("msg").GetString(), Is.EqualTo("Input should be 'red' or 'green'"));
            Assert.That(detail.GetProperty("ctx").GetProperty("expected").GetString(), Is.EqualTo("'red' or 'green'"));
        });
    }
}

/// <summary>A user's own <c>ValidationAttribute</c> subclasses, and DataAnnotations ones not compiled inline (docs/validation.md).</summary>
public sealed class CustomValidationAttributeTests : AppTests
{
    [Test]
    public async Task A_custom_rule_on_a_query_parameter_answers_422_with_its_message()
    {
        using var response = await GetAsync("/custom-rules?n=3&m=4");
        await response.ShouldHaveErrors(
            ("query.n", "Value error, The field n must be even."),
            ("query.m", "Value error, m must be divisible by 3."));
    }

    [Test]
    public async Task A_custom_rule_passes_what_it_allows()
    {
        using var response = await GetAsync("/custom-rules?n=4&m=6");
        await response.ShouldBeJson("10");
    }

    [Test]
    public async Task Custom_rules_on_body_members_use_their_constructor_arguments_and_named_properties()
    {
        using var response = await PostJsonAsync("/custom-rules", """{"first":7,"second":3,"card":"1234"}""");
        await response.ShouldHaveErrors(
            ("body.first", "Value error, first must be divisible by 5."),
            ("body.second", "Value error, The field second must be even."),
            ("body.card", "Value error, The card field is not a valid credit card number."));
    }

    [Test]
    public async Task Parameters_named_like_generated_locals_each_bind_their_own_value()
    {
        using var response = await GetAsync("/custom-rules/names?x_local=1&x=2&x_raw=3");
        await response.ShouldBeText("1/2/3");
    }

    [Test]
    public async Task A_custom_rule_on_a_route_parameter_answers_422_at_its_location()
    {
        using var bad = await GetAsync("/custom-rules/route/3");
        await bad.ShouldHaveSingleError("path.n", "Value error, The field n must be even.");
        using var good = await GetAsync("/custom-rules/route/4");
        await good.ShouldBeJson("4");
    }

    [Test]
    public async Task A_custom_rule_on_a_header_is_named_by_the_header()
    {
        using var response = await SendAsync(HttpMethod.Get, "/custom-rules/header", null, ("X-Count", "4"));
        await response.ShouldHaveSingleError("header.x-count", "Value error, x-count must be divisible by 3.");
        using var good = await SendAsync(HttpMethod.Get, "/custom-rules/header", null, ("X-Count", "6"));
        await good.ShouldBeJson("6");
    }

    [Test]
    public async Task A_custom_rule_on_a_cookie_answers_422_at_the_cookie()
    {
        using var response = await SendAsync(HttpMethod.Get, "/custom-rules/cookie", null, ("Cookie", "count=3"));
        await response.ShouldHaveSingleError("cookie.count", "Value error, The field count must be even.");
    }

    [Test]
    public async Task Custom_rules_on_as_parameters_members_run_at_each_members_location()
    {
        using var response = await SendAsync(HttpMethod.Get, "/custom-rules/batch?size=3", null, ("X-Step", "7"));
        await response.ShouldHaveErrors(
            ("query.size", "Value error, The field size must be even."),
            ("header.x-step", "Value error, x-step must be divisible by 5."));
        using var good = await GetAsync("/custom-rules/batch?size=8");
        await good.ShouldBeText("8/5");
    }

    [Test]
    public async Task A_custom_rule_on_a_form_model_member_answers_422_in_the_body()
    {
        using var form = new FormUrlEncodedContent([new("count", "3")]);
        using var response = await PostFormAsync("/custom-rules/form", form);
        await response.ShouldHaveSingleError("body.count", "Value error, The field count must be even.");
    }

    [Test]
    public async Task Class_level_rules_run_on_the_built_object_and_place_errors_at_the_members_they_name()
    {
        using var response = await PostJsonAsync("/custom-rules/interval", """{"from":60,"to":50}""");
        await response.ShouldHaveErrors(
            ("body.to", "Value error, Interval: from + to must be at most 100."),
            ("body", "Value error, Interval must not run backwards."));
    }

    [Test]
    public async Task Class_level_rules_wait_for_the_member_rules()
    {
        using var response = await PostJsonAsync("/custom-rules/interval", """{"from":3,"to":1}""");
        await response.ShouldHaveSingleError("body.from", "Value error, The field from must be even.");
        using var good = await PostJsonAsync("/custom-rules/interval", """{"from":2,"to":4}""");
        await good.ShouldBeText("2..4");
    }

    [Test]
    public async Task Class_level_rules_of_a_query_model_answer_422_at_the_member_they_name()
    {
        using var response = await GetAsync("/custom-rules/slot?from=1&to=20");
        await response.ShouldHaveSingleError("query.to", "Value error, Slot: the span must be at most 10.");
    }

    [Test]
    public async Task IValidatableObject_of_a_query_model_answers_422_at_the_query()
    {
        using var response = await GetAsync("/custom-rules/slot?from=3&to=3");
        await response.ShouldHaveSingleError("query", "Value error, from and to must differ");
        using var good = await GetAsync("/custom-rules/slot?from=1&to=5");
        await good.ShouldBeText("1..5");
    }

    [Test]
    public async Task A_query_models_class_rules_wait_for_its_values_to_bind()
    {
        using var response = await GetAsync("/custom-rules/slot?from=x&to=20");
        await response.ShouldHaveSingleError("query.from", "Input should be a valid integer, unable to parse string as an integer");
    }

    [Test]
    public async Task Class_level_rules_of_a_form_model_answer_422_in_the_body()
    {
        using var form = new FormUrlEncodedContent([new("from", "1"), new("to", "20")]);
        using var response = await PostFormAsync("/custom-rules/stay", form);
        await response.ShouldHaveSingleError("body.to", "Value error, Stay: the span must be at most 10.");
    }

    [Test]
    public async Task IValidatableObject_of_a_form_model_answers_422_at_the_member_it_names()
    {
        using var form = new FormUrlEncodedContent([new("from", "5"), new("to", "2")]);
        using var response = await PostFormAsync("/custom-rules/stay", form);
        await response.ShouldHaveSingleError("body.to", "Value error, to must not come before from");
        using var goodForm = new FormUrlEncodedContent([new("from", "2"), new("to", "5")]);
        using var good = await PostFormAsync("/custom-rules/stay", goodForm);
        await good.ShouldBeText("2..5");
    }

    [Test]
    public async Task A_named_property_of_a_custom_rule_takes_effect()
    {
        using var response = await PostJsonAsync("/custom-rules", """{"first":0,"second":2}""");
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await response.BodyAsync());
    }
}

/// <summary>Exceptions thrown by a model's own constructor or setters while the body is read (docs/validation.md).</summary>
public sealed class ModelConstructionErrorTests : AppTests
{
    [Test]
    public async Task An_argument_exception_is_a_422_value_error_at_the_object()
    {
        using var response = await PostJsonAsync("/model-errors/percentage", """{"value":150}""");
        await response.ShouldHaveSingleError("body", "Value error, value ('150') must be less than or equal to '100'.");
    }

    [Test]
    public async Task A_validation_exception_is_a_422_value_error_at_the_object_inside_a_list()
    {
        using var response = await PostJsonAsync("/model-errors/percentages", """[{"value":1},{"value":42},{"value":101}]""");
        await response.ShouldHaveErrors(
            ("body[1]", "Value error, 42 is reserved"),
            ("body[2]", "Value error, value ('101') must be less than or equal to '100'."));
    }

    [Test]
    public async Task A_valid_value_object_binds()
    {
        using var response = await PostJsonAsync("/model-errors/percentage", """{"value":99}""");
        await response.ShouldBeJson("99");
    }

    [Test]
    public async Task A_setter_argument_exception_is_a_422_at_the_nested_object()
    {
        using var response = await PostJsonAsync("/model-errors/thermometer", """{"name":"t","reading":{"celsius":-300}}""");
        await response.ShouldHaveSingleError("body.reading", "Value error, below absolute zero");
        using var good = await PostJsonAsync("/model-errors/thermometer", """{"name":"t","reading":{"celsius":21.5}}""");
        await good.ShouldBeJson("21.5");
    }

    [Test]
    public async Task A_query_model_that_refuses_its_values_is_a_422_at_the_query()
    {
        using var negative = await GetAsync("/model-errors/stretch?from=-1&to=3");
        await negative.ShouldHaveSingleError("query", "Value error, from must not be negative");
        using var backwards = await GetAsync("/model-errors/stretch?from=5&to=1");
        await backwards.ShouldHaveSingleError("query", "Value error, to must not come before from");
        using var good = await GetAsync("/model-errors/stretch?from=1&to=2");
        await good.ShouldBeText("1-2");
    }

    [Test]
    public async Task A_query_model_is_not_built_from_values_that_did_not_bind()
    {
        using var response = await GetAsync("/model-errors/stretch?from=-1");
        await response.ShouldHaveSingleError("query.to", "Field required");
    }

    [Test]
    public async Task Any_other_exception_from_a_form_model_is_a_500_without_its_message()
    {
        using var factory = new TestAppFactory("Production");
        using var client = factory.CreateClient();
        using var token = await client.GetAsync(new Uri("/context/antiforgery-token", UriKind.Relative));
        using var form = new FormUrlEncodedContent([new("name", "boom")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/model-errors/broken-form", UriKind.Relative)) { Content = form };
        request.Headers.Add(AntiforgeryHeader, await token.BodyAsync());
        using var response = await client.SendAsync(request);
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(500), body);
            Assert.That(body, Does.Not.Contain("internal state"));
        });
    }

    [Test]
    public async Task Any_other_exception_from_a_query_models_constructor_is_a_500_without_its_message()
    {
        using var factory = new TestAppFactory("Production");
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/model-errors/broken-query?n=13", UriKind.Relative));
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(500), body);
            Assert.That(body, Does.Not.Contain("internal state"));
        });
    }

    [Test]
    public async Task Any_other_exception_from_a_body_models_constructor_is_a_500_without_its_message()
    {
        using var factory = new TestAppFactory("Production");
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/model-errors/broken-record", UriKind.Relative), Http.Json("""{"name":"boom"}"""));
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(500), body);
            Assert.That(body, Does.Not.Contain("internal state"));
            Assert.That(body, Does.Not.Contain("json_invalid"));
        });
    }

    [Test]
    public async Task Any_other_exception_is_a_500_without_its_message()
    {
        using var factory = new TestAppFactory("Production");
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/model-errors/broken", UriKind.Relative), Http.Json("""{"name":"boom"}"""));
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(500), body);
            Assert.That(body, Does.Not.Contain("internal state"));
            Assert.That(body, Does.Not.Contain("json_invalid"));
        });
    }
}
