using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using FastEndpointsGen.TestApp;
using FastEndpointsGen.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// What a client can send to crash, stall, flood or read secrets back, in the default problem-details format
/// (docs/reliability.md). Times are asserted only as generous hang detectors, never as benchmarks.
/// </summary>
public sealed class HostileInputTests : AppTests
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    // ---- patterns -------------------------------------------------------------------------------

    [Test]
    public async Task Catastrophic_pattern_is_answered_at_once()
    {
        var body = JsonSerializer.Serialize(new { words = new string('a', 60) + "!" });
        var clock = Stopwatch.StartNew();
        using var response = await PostJsonAsync("/hostile/pattern", body);
        Assert.That(clock.Elapsed, Is.LessThan(HangLimit));
        await response.ShouldHaveSingleError("body.words", "String should match pattern '^(\\w+\\s?)*$'");
    }

    [Test]
    public async Task Pattern_that_needs_backtracking_times_out_into_a_422()
    {
        // A backreference keeps this pattern on the backtracking engine; its 200 ms timeout ends the match.
        var body = JsonSerializer.Serialize(new { words = "ok", twice = new string('a', 40) + "!" });
        var clock = Stopwatch.StartNew();
        using var response = await PostJsonAsync("/hostile/pattern", body);
        Assert.That(clock.Elapsed, Is.LessThan(HangLimit));
        await response.ShouldHaveSingleError("body.twice", "String should match pattern '(\\w+\\s?)*-\\1'");
    }

    [Test]
    public async Task Pattern_still_matches_what_it_should()
    {
        using var response = await PostJsonAsync("/hostile/pattern", """{"words":"two words","twice":"ab-ab"}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.BodyAsync());
    }

    [TestCase("ABC-12%0A")]
    [TestCase("%0AABC-12")]
    [TestCase("ABC-12%0D%0A")]
    public async Task Pattern_refuses_a_trailing_or_leading_newline(string code)
    {
        using var response = await GetAsync("/hostile/pattern?code=" + code);
        await response.ShouldHaveSingleError("query.code", "String should match pattern '[A-Z]{3}-[0-9]{2}'");
    }

    // ---- error floods ---------------------------------------------------------------------------

    [Test]
    public async Task Eighty_thousand_bad_items_cost_a_capped_answer()
    {
        var json = "[" + string.Join(',', Enumerable.Repeat("{}", 80_000)) + "]";
        var clock = Stopwatch.StartNew();
        using var response = await PostJsonAsync("/hostile/wide", json);
        var body = await response.BodyAsync();
        Assert.That(clock.Elapsed, Is.LessThan(HangLimit));
        var errors = await Problem.ErrorsAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(errors, Has.Count.EqualTo(101), "100 errors and the final count");
            Assert.That(errors["body"], Is.EqualTo(new[] { "Too many errors: 1199900 more were found and not reported" }));
            Assert.That(body.Length, Is.LessThan(16 * 1024));
        });
    }

    [Test]
    public async Task The_error_cap_is_an_option()
    {
        using var factory = new TestAppFactory(configure: o => o.MaxValidationErrors = 3);
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(new Uri("/hostile/wide", UriKind.Relative), Http.Json("[{}]"));
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "body[0].a", "body[0].b", "body[0].c", "body" }));
        Assert.That(errors["body"], Is.EqualTo(new[] { "Too many errors: 12 more were found and not reported" }));
    }

    [Test]
    public void Option_limits_are_checked_when_set()
    {
        var options = new FastEndpointsGenOptions();
        Assert.Multiple(() =>
        {
            Assert.That(() => options.MaxJsonDepth = FastEndpointsGenOptions.MaxJsonDepthLimit + 1, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => options.MaxJsonDepth = 0, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => options.MaxValidationErrors = 0, Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
        options.MaxJsonDepth = FastEndpointsGenOptions.MaxJsonDepthLimit;
        Assert.That(options.MaxJsonDepth, Is.EqualTo(256));
    }

    // ---- numbers --------------------------------------------------------------------------------

    [TestCase("i64", "9223372036854775808")]
    [TestCase("i64", "-9223372036854775809")]
    [TestCase("i64", "9.3e18")]
    [TestCase("u64", "18446744073709551616")]
    [TestCase("u64", "-1")]
    [TestCase("i32", "2147483648")]
    [TestCase("i32", "\"2147483648\"")]
    [TestCase("u32", "4294967296")]
    [TestCase("i16", "32768")]
    [TestCase("u8", "256")]
    [TestCase("u8", "1e400")]
    public async Task Integer_overflow_is_refused_at_every_width(string member, string value)
    {
        using var response = await PostJsonAsync("/hostile/widths", Widths(member, value));
        await response.ShouldHaveSingleError("body." + member, Messages.IntTooBig);
    }

    [TestCase("i64", "9223372036854775807", "9223372036854775807")]
    [TestCase("i64", "-9223372036854775808", "-9223372036854775808")]
    [TestCase("i64", "9007199254740993.0", "9007199254740993")]
    [TestCase("u64", "18446744073709551615", "18446744073709551615")]
    [TestCase("i32", "1e3", "1000")]
    [TestCase("i32", "-0", "0")]
    [TestCase("u8", "255.0", "255")]
    public async Task Integers_at_the_boundaries_are_exact(string member, string value, string expected)
    {
        using var response = await PostJsonAsync("/hostile/widths", Widths(member, value));
        var body = await response.BodyAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var document = JsonDocument.Parse(body);
        Assert.That(document.RootElement.GetProperty(member).GetRawText(), Is.EqualTo(expected));
    }

    [TestCase("i64", "1.5")]
    [TestCase("i64", "9223372036854775806.5")]
    [TestCase("u8", "0.000001")]
    public async Task A_fraction_is_never_rounded_into_an_integer(string member, string value)
    {
        using var response = await PostJsonAsync("/hostile/widths", Widths(member, value));
        await response.ShouldHaveSingleError("body." + member, Messages.IntFromFloat);
    }

    [TestCase("/hostile/widths?value=9223372036854775808", "query.value", Messages.IntTooBig)]
    [TestCase("/hostile/widths?value=1&small=256", "query.small", Messages.IntTooBig)]
    [TestCase("/hostile/widths?value=12abc", "query.value", Messages.Int)]
    public async Task Query_integer_overflow_says_out_of_range(string url, string key, string message)
    {
        using var response = await GetAsync(url);
        await response.ShouldHaveSingleError(key, message);
    }

    [TestCase("1e400", "query.b", "Input should be a finite number")]
    [TestCase("NaN", "query.b", "Input should be a finite number")]
    [TestCase("-Infinity", "query.b", "Input should be a finite number")]
    [TestCase("1,2", "query.b", "Input should be a valid number, unable to parse string as a number")]
    public async Task Query_floats_are_plain_finite_numbers(string b, string key, string message)
    {
        using var response = await GetAsync($"/query/many?a=1&b={Uri.EscapeDataString(b)}&c=true&d=3f2504e0-4f89-11d3-9a0c-0305e82c3301&e=2026-01-02&f=Low");
        await response.ShouldHaveSingleError(key, message);
    }

    [Test]
    public async Task A_route_decimal_takes_no_thousands_separator()
    {
        using var response = await GetAsync("/route/decimal/1%2C2");
        await response.ShouldHaveSingleError("path.amount", Messages.Decimal);
    }

    [TestCase("01:02:03%0A")]
    [TestCase("1:2:3:4:5")]
    public async Task A_route_time_span_is_read_exactly(string span)
    {
        using var response = await GetAsync("/route/timespan/" + span);
        await response.ShouldHaveSingleError("path.span", "Input should be a valid timedelta");
    }

    private static string Widths(string member, string value)
    {
        var members = new Dictionary<string, string> { ["u8"] = "1", ["i16"] = "1", ["i32"] = "1", ["i64"] = "1", ["u64"] = "1", ["u32"] = "1" };
        members[member] = value;
        return "{" + string.Join(',', members.Select(m => $"\"{m.Key}\":{m.Value}")) + "}";
    }

    // ---- dates ----------------------------------------------------------------------------------

    [TestCase("2024-01-01T10:00:00%2B02:00", "2024-01-01T08:00:00.0000000Z|Utc|")]
    [TestCase("2024-01-01T10:00:00Z", "2024-01-01T10:00:00.0000000Z|Utc|")]
    [TestCase("2024-01-01T10:00:00", "2024-01-01T10:00:00.0000000|Unspecified|")]
    public async Task Route_and_query_dates_do_not_depend_on_the_server_time_zone(string at, string expected)
    {
        using var response = await GetAsync("/hostile/when?at=" + at);
        await response.ShouldBeText(expected);
    }

    [Test]
    public async Task A_date_time_offset_without_an_offset_is_utc()
    {
        using var response = await GetAsync("/hostile/when?at=2024-01-01&offset=2024-01-01T10:00:00");
        await response.ShouldBeText("2024-01-01T00:00:00.0000000|Unspecified|2024-01-01T10:00:00.0000000+00:00");
    }

    // ---- the response ---------------------------------------------------------------------------

    [Test]
    public async Task A_handler_that_writes_the_response_keeps_it()
    {
        using var response = await GetAsync("/hostile/self-written");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await response.BodyAsync(), Is.EqualTo("written by the handler"));
    }

    [Test]
    public async Task A_handler_that_sets_its_own_status_keeps_it()
    {
        using var response = await GetAsync("/hostile/own-status");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
    }

    [TestCase("/hostile/throwing-getter")]
    [TestCase("/hostile/throwing-result")]
    public async Task Failures_while_writing_the_response_are_handled_like_handler_failures(string url)
    {
        // In Development the developer exception page answers, as for a minimal API; the fallback answers elsewhere.
        using var factory = new TestAppFactory("Production");
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        await response.ShouldBeProblem(HttpStatusCode.InternalServerError, "https://tools.ietf.org/html/rfc9110#section-15.6.1", "Internal Server Error");
    }

    [Test]
    public async Task Instance_handlers_are_disposed_after_each_request()
    {
        var log = Services.GetRequiredService<DisposalLog>();
        var before = log.Disposed;
        (await GetAsync("/disposable")).Dispose();
        (await GetAsync("/disposable")).Dispose();

        // Disposal runs when the server finishes the request, which the client may see answered a moment earlier.
        for (var i = 0; i < 100 && log.Disposed - before < 2; i++)
        {
            await Task.Delay(20);
        }

        Assert.That(log.Disposed - before, Is.EqualTo(2));
    }

    [TestCase("/hostile/widths?value=x")]
    [TestCase("/no/such/route/but/a/404/from/routing")]
    [TestCase("/hostile/crash/x")]
    public async Task Error_responses_are_never_sniffed(string url)
    {
        using var factory = new TestAppFactory("Production");
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentLength > 0)
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        }
    }
}

/// <summary>The same hostile inputs in FastAPI's format, where errors echo inputs.</summary>
public sealed class HostileInputFastApiTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.ErrorFormat = ErrorFormat.FastApi);

    [Test]
    public async Task Eighty_thousand_bad_items_answer_a_small_body()
    {
        var json = "[" + string.Join(',', Enumerable.Repeat("{}", 80_000)) + "]";
        using var response = await PostJsonAsync("/hostile/wide", json);
        var body = await response.BodyAsync();
        using var document = JsonDocument.Parse(body);
        var detail = document.RootElement.GetProperty("detail");
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(422));
            Assert.That(detail.GetArrayLength(), Is.EqualTo(101));
            Assert.That(detail[100].GetProperty("type").GetString(), Is.EqualTo("too_many_errors"));
            Assert.That(body.Length, Is.LessThan(32 * 1024));
        });
    }

    [Test]
    public async Task A_huge_object_missing_members_is_echoed_once_and_cut_short()
    {
        var json = JsonSerializer.Serialize(new[] { new { filler = new string('x', 1_000_000) } });
        using var response = await PostJsonAsync("/hostile/wide", json);
        var body = await response.BodyAsync();
        using var document = JsonDocument.Parse(body);
        var detail = document.RootElement.GetProperty("detail");
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetArrayLength(), Is.EqualTo(15));
            Assert.That(body.Length, Is.LessThan(16 * 1024), "each error echoes at most a few hundred characters");
            var input = detail[0].GetProperty("input").GetString()!;
            Assert.That(input, Does.StartWith("{\"filler\":\"xxx"));
            Assert.That(input, Does.EndWith("…"));
        });
    }

    [Test]
    public async Task A_long_bad_value_is_echoed_cut_short()
    {
        var json = JsonSerializer.Serialize(new { u8 = new string('9', 5_000), i16 = 1, i32 = 1, i64 = 1, u64 = 1, u32 = 1 });
        using var response = await PostJsonAsync("/hostile/widths", json);
        var body = await response.BodyAsync();
        Assert.That(body.Length, Is.LessThan(1024), body);
    }

    [Test]
    public async Task Password_is_never_echoed_from_a_body()
    {
        // Wrong lengths on both secrets, a wrong type on another member, and members missing from the object itself.
        using var response = await PostJsonAsync("/hostile/login", """{"password":"hunter2","confirm":"hunter3","attempts":"x"}""");
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(422), body);
            Assert.That(body, Does.Not.Contain("hunter"));
            Assert.That(body, Does.Contain("\"loc\":[\"body\",\"password\"]"));
            Assert.That(body, Does.Contain("\"loc\":[\"body\",\"confirm\"]"));
            Assert.That(body, Does.Contain("\"loc\":[\"body\",\"user\"]"));
        });
    }

    [Test]
    public async Task Password_is_never_echoed_from_a_form()
    {
        using var form = new FormUrlEncodedContent([new("password", "hunter2"), new("pin", "hunter99")]);
        using var response = await PostFormAsync("/hostile/login-form", form);
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(422), body);
            Assert.That(body, Does.Not.Contain("hunter"));
            Assert.That(body, Does.Contain("\"loc\":[\"body\",\"password\"]"));
            Assert.That(body, Does.Contain("\"loc\":[\"body\",\"pin\"]"));
        });
    }

    [Test]
    public async Task Password_is_never_echoed_from_the_route()
    {
        using var response = await GetAsync("/hostile/vault/hunter2");
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(422), body);
            Assert.That(body, Does.Not.Contain("hunter"));
            Assert.That(body, Does.Contain("\"loc\":[\"path\",\"code\"]"));
        });
    }

    [Test]
    public async Task Password_is_never_echoed_from_a_query_or_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/hostile/login?password=hunter2", UriKind.Relative));
        request.Headers.Add("X-Pin", "hunter99");
        using var response = await Client.SendAsync(request);
        var body = await response.BodyAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(422), body);
            Assert.That(body, Does.Not.Contain("hunter"));
            Assert.That(body, Does.Contain("\"loc\":[\"query\",\"password\"]"));
            Assert.That(body, Does.Contain("\"loc\":[\"header\",\"x-pin\"]"));
        });
    }
}

/// <summary>What the log gets when a handler fails: never a line a client can forge.</summary>
public sealed class HostileLogTests
{
    [Test]
    public async Task Logged_paths_cannot_forge_log_lines()
    {
        var lines = new ConcurrentQueue<string>();
        using var factory = new LoggingFactory(lines);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/hostile/crash/x%0D%0AFAKE%20entry", UriKind.Relative));
        Assert.That((int)response.StatusCode, Is.EqualTo(500));
        var logged = lines.Single(l => l.Contains("Unhandled exception", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(logged, Does.Not.Contain("\n"));
            Assert.That(logged, Does.Not.Contain("\r"));
            Assert.That(logged, Does.Contain("/hostile/crash/x%0D%0AFAKE%20entry"));
        });
    }

    private sealed class LoggingFactory(ConcurrentQueue<string> lines) : TestAppFactory("Production")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new QueueLoggerProvider(lines)));
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}

/// <summary>Past the error cap, readers must still see every error: no model is built from a failed object.</summary>
public sealed class ErrorCapTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new("Production", o => o.MaxValidationErrors = 2);

    [Test]
    public async Task Objects_failing_after_the_cap_are_never_built_or_validated()
    {
        // Address implements IValidatableObject and would throw on a null street if it were built from `{}`.
        var json = """{"username":"abc","email":"a@b","age":20,"score":1.0,"fee":1.0,"start":"2021-01-01","code":"ABC-12","color":"red","nickname":"x","tags":["a"],"roles":["a"],"password":"pw","confirm":"pw","address":{"street":"s","zip":1},"previous":[{},{},{}]}""";
        using var response = await PostJsonAsync("/validation/signup", json);
        var errors = await Problem.ErrorsAsync(response);
        Assert.That(errors.Keys, Is.EqualTo(new[] { "body.previous[0].street", "body.previous[0].zip", "body" }));
    }
}
