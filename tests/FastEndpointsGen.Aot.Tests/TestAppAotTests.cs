using System.Net;

namespace FastEndpointsGen.Aot.Tests;

/// <summary>
/// The feature test app (every supported feature, including a model with [MinLength], [MaxLength], [Length]
/// and [Compare]) published as Native AOT and exercised over HTTP.
/// </summary>
[TestFixture]
[Category("Aot")]
[NonParallelizable]
public sealed class TestAppAotTests
{
    private const string ValidSignup = """
        {"username":"alice","email":"a@b.c","age":30,"score":50,"fee":10.5,"start":"2025-05-05","code":"ABC-12",
         "homepage":"https://x.test","phone":"+1 (555) 123-4567","color":"red","nickname":"al","avatar":"aGVsbG8=",
         "tags":["a"],"roles":["r"],"bio":"hi","password":"pw","confirm":"pw","address":{"street":"Main","zip":12345}}
        """;

    private NativeServer _server = null!;

    [OneTimeSetUp]
    public async Task PublishAndStart()
    {
        var output = Path.Combine(AotWorkspace.Work, "testapp");
        await AotWorkspace.PublishAot(
            Path.Combine(AotWorkspace.Root, "tests", "FastEndpointsGen.TestApp", "FastEndpointsGen.TestApp.csproj"), output);
        _server = await NativeServer.Start(Path.Combine(output, "FastEndpointsGen.TestApp"), "/responses/text");
    }

    [OneTimeTearDown]
    public void Stop() => _server?.Dispose();

    [Test]
    public async Task Valid_signup_passes_every_compiled_rule()
    {
        using var response = await _server.PostJsonAsync("/validation/signup", ValidSignup);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("welcome alice"));
    }

    [Test]
    public async Task Signup_failures_of_MinLength_MaxLength_Length_and_Compare_are_422_at_their_members()
    {
        var body = ValidSignup
            .Replace("\"tags\":[\"a\"]", "\"tags\":[]", StringComparison.Ordinal)
            .Replace("\"roles\":[\"r\"]", "\"roles\":[\"a\",\"b\",\"c\"]", StringComparison.Ordinal)
            .Replace("\"bio\":\"hi\"", "\"bio\":\"toolong\"", StringComparison.Ordinal)
            .Replace("\"confirm\":\"pw\"", "\"confirm\":\"px\"", StringComparison.Ordinal)
            .Replace("\"street\":\"Main\"", "\"street\":\"nowhere\"", StringComparison.Ordinal);
        using var response = await _server.PostJsonAsync("/validation/signup", body);
        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadAsStringAsync();
        Assert.That(problem, Does.Contain("\"body.tags\":[\"List should have at least 1 item after validation, not 0\"]")
            .And.Contain("\"body.roles\":[\"List should have at most 2 items after validation, not 3\"]")
            .And.Contain("\"body.bio\":[\"String should have at most 5 characters\"]")
            .And.Contain("\"body.confirm\":[\"Value error, 'confirm' and 'password' do not match\"]")
            .And.Contain("\"body.address.street\":[\"Value error, Street must be a real place\"]"));
    }

    [Test]
    public async Task Custom_validation_attributes_run_in_the_native_binary()
    {
        // Constructed in generated code and run through GetValidationResult: no reflection, no trimming warning.
        using var query = await _server.GetAsync("/custom-rules?n=3&m=4");
        Assert.That((int)query.StatusCode, Is.EqualTo(422));
        Assert.That(await query.Content.ReadAsStringAsync(), Does.Contain("\"query.n\":[\"Value error, The field n must be even.\"]")
            .And.Contain("\"query.m\":[\"Value error, m must be divisible by 3.\"]"));

        using var model = await _server.PostJsonAsync("/custom-rules/interval", """{"from":60,"to":50}""");
        Assert.That((int)model.StatusCode, Is.EqualTo(422));
        Assert.That(await model.Content.ReadAsStringAsync(), Does.Contain("\"body.to\":[\"Value error, Interval: from + to must be at most 100.\"]"));

        using var valid = await _server.PostJsonAsync("/custom-rules", """{"first":10,"second":4,"card":"4111111111111111"}""");
        Assert.That(valid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Polymorphic_bodies_round_trip_in_the_native_binary()
    {
        // [JsonDerivedType] hierarchies are generated code: no JsonSerializerContext, no reflection fallback.
        const string Enclosure = """{"resident":{"name":"Rex","$type":"puppy","goodBoy":true,"weeks":8},"visitors":[{"$type":"cat","name":"Tom","lives":9}],"shapes":[{"kind":2,"side":3}],"sign":{"title":"Hi"}}""";
        using var response = await _server.PostJsonAsync("/poly/enclosure", Enclosure);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"resident":{"$type":"puppy","name":"Rex","goodBoy":true,"weeks":8},"visitors":[{"$type":"cat","name":"Tom","lives":9}],"shapes":[{"kind":2,"side":3,"area":9}],"sign":{"$type":"notice","title":"Hi"}}"""));

        using var unknown = await _server.PostJsonAsync("/poly/pet", """{"$type":"hamster","name":"Bob"}""");
        Assert.That((int)unknown.StatusCode, Is.EqualTo(422));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("\"body.$type\":[\"Input tag 'hamster' found using '$type'"));
    }

    [Test]
    public async Task Body_members_and_durations_are_read_in_the_native_binary()
    {
        // [BodyMember] parameters are read into a generated class by generated code (docs/binding.md#several-body-members).
        using var response = await _server.SendJsonAsync(HttpMethod.Put, "/tutorial/body-multiple-params/003/items/5",
            """{"item":{"name":"Foo","price":50.5},"user":{"username":"Dave"},"importance":1}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"item_id":5,"item":{"name":"Foo","description":null,"price":50.5,"tax":null},"user":{"username":"Dave","full_name":null},"importance":1}"""));

        using var missing = await _server.SendJsonAsync(HttpMethod.Put, "/tutorial/body-multiple-params/003/items/5", "{}");
        Assert.That((int)missing.StatusCode, Is.EqualTo(422));
        Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain(
            """
            "errors":{"body.item":["Field required"],"body.user":["Field required"],"body.importance":["Field required"]}
            """));

        using var duration = await _server.GetAsync("/tutorial/extra-data-types/wait?delay=PT1H30M");
        Assert.That(await duration.Content.ReadAsStringAsync(), Is.EqualTo("\"PT1H30M\""));
    }

    [Test]
    public async Task Route_and_query_rules_are_422_at_their_locations()
    {
        using var response = await _server.GetAsync("/validation/items/0?limit=500");
        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Does.Contain("\"path.id\":[\"Input should be greater than or equal to 1\"]")
                .And.Contain("\"query.limit\":[\"Input should be less than or equal to 100\"]"));

        using var valid = await _server.GetAsync("/validation/items/7?limit=5&search=ab");
        Assert.That(await valid.Content.ReadAsStringAsync(), Is.EqualTo("7|5|ab|"));
    }

    [Test]
    public async Task Unparsable_route_value_is_422_at_path()
    {
        using var response = await _server.GetAsync("/route/int/abc");
        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Does.Contain("\"path.id\":[\"Input should be a valid integer, unable to parse string as an integer\"]"));
    }

    [Test]
    public async Task Json_bodies_round_trip_in_camelCase()
    {
        using var product = await _server.PostJsonAsync("/json/product",
            """{"name":"Desk","price":12.5,"priority":"High","size":{"width":1,"height":2},"tags":["a"]}""");
        Assert.That(await product.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"name":"Desk","price":12.5,"priority":"High","size":{"width":1,"height":2},"tags":["a"],"stock":null,"active":true}"""));

        using var value = await _server.GetAsync("/responses/valuetask");
        Assert.That(await value.Content.ReadAsStringAsync(), Is.EqualTo("""{"width":1.5,"height":2}"""));
    }

    [Test]
    public async Task Wrong_json_types_are_reported_at_their_members()
    {
        using var response = await _server.PostJsonAsync("/json/product", """{"name":1,"price":"abc","priority":"High","tags":[]}""");
        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"body.name\":[").And.Contain("\"body.price\":["));
    }

    [Test]
    public async Task HttpError_is_a_problem_response()
    {
        using var response = await _server.GetAsync("/responses/error/404");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,"detail":"Failed with 404"}"""));
    }

    [Test]
    public async Task Unhandled_exception_is_a_500_without_internals()
    {
        using var response = await _server.GetAsync("/responses/crash");
        Assert.That((int)response.StatusCode, Is.EqualTo(500));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("secret internals"));
    }

    [Test]
    public async Task Authentication_and_authorization_run_in_the_native_binary()
    {
        using var anonymous = await _server.GetAsync("/secure/me");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var me = await _server.SendAsync(HttpMethod.Get, "/secure/me", ("X-User", "ada"));
        Assert.That(await me.Content.ReadAsStringAsync(), Is.EqualTo("ada"));

        using var forbidden = await _server.SendAsync(HttpMethod.Get, "/secure/admin", ("X-User", "ada"));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Streams_are_json_arrays_written_by_the_generated_writers()
    {
        using var numbers = await _server.GetAsync("/streams/numbers");
        Assert.That(await numbers.Content.ReadAsStringAsync(), Is.EqualTo("[1,2,3]"));

        using var ticks = await _server.GetAsync("/streams/ticks?count=2");
        Assert.That(ticks.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(await ticks.Content.ReadAsStringAsync(),
            Is.EqualTo("""[{"sequence":1,"label":"tick","tags":["a","b"]},{"sequence":2,"label":"tick","tags":["a","b"]}]"""));

        using var failed = await _server.GetAsync("/streams/fails-first");
        Assert.That((int)failed.StatusCode, Is.EqualTo(500));
    }

    [Test]
    public async Task Server_sent_events_and_json_lines_are_written_by_the_generated_writers()
    {
        using var events = await _server.GetAsync("/events/ticks");
        Assert.That(events.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        Assert.That(await events.Content.ReadAsStringAsync(), Is.EqualTo(
            "event: tick\nid: 1\nretry: 2500\ndata: {\"sequence\":1,\"label\":\"tick\",\"tags\":[\"a\"]}\n\n" +
            "id: 2\ndata: {\"sequence\":2,\"label\":\"line\\nbreak\",\"tags\":[]}\n\n" +
            "data: {\"sequence\":3,\"label\":\"plain\",\"tags\":[]}\n\n"));

        using var lines = await _server.GetAsync("/streams/lines");
        Assert.That(lines.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/jsonl"));
        Assert.That(await lines.Content.ReadAsStringAsync(), Is.EqualTo(
            "{\"sequence\":1,\"label\":\"one\",\"tags\":[\"a\"]}\n{\"sequence\":2,\"label\":\"two\\nlines\",\"tags\":[]}\n"));
    }

    [Test]
    public async Task A_websocket_exchanges_typed_messages_and_refuses_bad_values_before_the_upgrade()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var address = new UriBuilder(_server.BaseAddress) { Scheme = "ws" }.Uri;
        using (var socket = new System.Net.WebSockets.ClientWebSocket())
        {
            socket.Options.SetRequestHeader("X-Client", "native");
            await socket.ConnectAsync(new Uri(address, "/ws/echo/lobby?user=ann&times=1"), timeout.Token);
            await socket.SendAsync("""{"text":"hello"}"""u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Text, true, timeout.Token);
            Assert.That(await ReceiveTextAsync(socket, timeout.Token),
                Is.EqualTo("""{"room":"lobby","user":"ann","sequence":1,"text":"hello","client":"native"}"""));

            // A message that fails validation: the 422 body in a frame, then close 1007.
            await socket.SendAsync("""{"text":""}"""u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Text, true, timeout.Token);
            Assert.That(await ReceiveTextAsync(socket, timeout.Token), Does.Contain("\"message.text\""));
            await socket.ReceiveAsync(new byte[64], timeout.Token);
            Assert.That(socket.CloseStatus, Is.EqualTo(System.Net.WebSockets.WebSocketCloseStatus.InvalidPayloadData));
        }

        using (var refused = new System.Net.WebSockets.ClientWebSocket())
        {
            refused.Options.CollectHttpResponseDetails = true;
            Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() =>
                refused.ConnectAsync(new Uri(address, "/ws/echo/lobby?user=ann&times=9"), timeout.Token));
            Assert.That((int)refused.HttpStatusCode, Is.EqualTo(422), "no upgrade: the usual validation response");
        }

        using var plain = await _server.GetAsync("/ws/echo/lobby?user=ann&times=1");
        Assert.That((int)plain.StatusCode, Is.EqualTo(400));
    }

    private static async Task<string> ReceiveTextAsync(System.Net.WebSockets.WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        using var text = new MemoryStream();
        System.Net.WebSockets.WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, cancellationToken);
            text.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        return System.Text.Encoding.UTF8.GetString(text.ToArray());
    }

    [Test]
    public async Task Endpoint_filters_see_replace_and_short_circuit_the_bound_arguments()
    {
        using var echoed = await _server.GetAsync("/filters/echo/-4?note=hi");
        Assert.That(echoed.Headers.GetValues("X-Arguments").Single(), Is.EqualTo("-4|hi"));
        Assert.That(echoed.Headers.GetValues("X-Group-Filter").Single(), Is.EqualTo("ran"));
        Assert.That(await echoed.Content.ReadAsStringAsync(), Is.EqualTo("4:hi"));

        using var teapot = await _server.GetAsync("/filters/echo/13");
        Assert.That((int)teapot.StatusCode, Is.EqualTo(418));

        using var value = await _server.GetAsync("/filters/echo/7");
        Assert.That(await value.Content.ReadAsStringAsync(), Is.EqualTo("""{"id":7,"name":"from the filter"}"""));

        using var created = await _server.PostJsonAsync("/filters/created", """{"id":1,"name":"a"}""");
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await created.Content.ReadAsStringAsync(), Is.EqualTo("""{"id":1,"name":"a!"}"""));
    }

    [Test]
    public async Task A_filter_factory_reflects_over_a_handler_with_MinLength_on_a_parameter()
    {
        // The publish itself proves the stand-in signature keeps [MinLength] out of reflection (no IL2026);
        // here the factory reads it in the native binary and the rule still applies (docs/aot.md#handler-parameters).
        using var response = await _server.SendAsync(HttpMethod.Get, "/filters/signature?code=abcd", ("X-Tag", "t"));
        Assert.That(response.Headers.GetValues("X-Method").Single(), Is.EqualTo("Signature(String code, String tag [FromHeaderAttribute])"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("abcd:t"));

        using var tooShort = await _server.GetAsync("/filters/signature?code=abc");
        Assert.That((int)tooShort.StatusCode, Is.EqualTo(422));
    }

    [Test]
    public async Task BindAsync_IBindableFromHttpContext_and_TryParse_types_bind()
    {
        using var me = await _server.SendAsync(HttpMethod.Get, "/deps/me", ("X-User", "ada"));
        Assert.That(await me.Content.ReadAsStringAsync(), Is.EqualTo("ada"));

        using var anonymous = await _server.GetAsync("/deps/me");
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var page = await _server.GetAsync("/deps/page?page=3&size=5");
        Assert.That(await page.Content.ReadAsStringAsync(), Is.EqualTo("3/5"), "BindAsync got the handler's ParameterInfo");

        using var tenant = await _server.SendAsync(HttpMethod.Get, "/deps/tenant", ("X-Tenant", "acme"));
        Assert.That(await tenant.Content.ReadAsStringAsync(), Is.EqualTo("acme"));

        using var parsed = await _server.SendAsync(HttpMethod.Get, "/deps/parse?cursor=10:5&more=1:1", ("X-Version", "v2"));
        Assert.That(await parsed.Content.ReadAsStringAsync(), Is.EqualTo("10+5 v2 more=1"));

        using var session = await _server.GetAsync("/deps/session");
        Assert.That(await session.Content.ReadAsStringAsync(), Does.StartWith("3 same=True"));
    }

    [Test]
    public async Task CustomizeProblemDetails_reaches_the_422()
    {
        var output = Path.Combine(AotWorkspace.Work, "testapp");
        using var server = await NativeServer.Start(Path.Combine(output, "FastEndpointsGen.TestApp"), "/responses/text", "--ProblemDetails=true");
        using var response = await server.GetAsync("/filters/echo/abc");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(422), body);
        Assert.That(body, Does.Contain("\"traceId\":\"trace-/filters/echo/abc\"").And.Contain("\"path.id\":"));
    }
}
