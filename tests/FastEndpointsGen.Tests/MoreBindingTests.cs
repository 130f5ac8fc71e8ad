using System.Net;
using FastEndpointsGen.Tests.Support;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>Less common binding sources and types: DateTime, TimeOnly, Uri, IParsable, header lists, file collections, PipeReader, fallback JSON.</summary>
public sealed class MoreBindingTests : AppTests
{
    [Test]
    public async Task DateTime_route_value_binds()
    {
        using var response = await GetAsync("/more/datetime/2026-03-04T05:06:07");
        await response.ShouldBeJson("\"2026-03-04T05:06:07\"");
    }

    [Test]
    public async Task Invalid_DateTime_route_value_is_a_422()
    {
        using var response = await GetAsync("/more/datetime/yesterday");
        await response.ShouldHaveSingleError("path.at", "Input should be a valid datetime");
    }

    [TestCase("13:45", "\"13:45:00\"")]
    [TestCase("13:45:30.5", "\"13:45:30.5000000\"")]
    public async Task TimeOnly_query_value_binds(string value, string json)
    {
        using var response = await GetAsync("/more/time?at=" + value);
        await response.ShouldBeJson(json);
    }

    [Test]
    public async Task Invalid_TimeOnly_is_a_422()
    {
        using var response = await GetAsync("/more/time?at=25:99");
        await response.ShouldHaveSingleError("query.at", "Input should be in a valid time format");
    }

    [Test]
    public async Task Uri_query_value_binds()
    {
        using var response = await GetAsync("/more/uri?target=" + Uri.EscapeDataString("https://example.test/a?b=1"));
        await response.ShouldBeText("https://example.test/a?b=1");
    }

    [Test]
    public async Task Custom_IParsable_binds_from_route_and_query()
    {
        using var response = await GetAsync("/more/coordinate/12.5,-3?other=1,2");
        await response.ShouldBeText("12.5|-3|1");
    }

    [Test]
    public async Task Custom_IParsable_that_does_not_parse_is_a_422()
    {
        using var response = await GetAsync("/more/coordinate/north");
        await response.ShouldHaveSingleError("path.point", "Value error, input is not valid");
    }

    [Test]
    public async Task Header_list_binds_every_value()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/more/headers", UriKind.Relative));
        request.Headers.Add("X-Tag", ["a", "b"]);
        using var response = await Client.SendAsync(request);
        await response.ShouldBeJson("""["a","b"]""");
    }

    [Test]
    public async Task Form_file_collection_binds()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent([1, 2, 3]), "one", "one.bin" },
            { new ByteArrayContent([1]), "two", "two.bin" },
        };
        using var response = await PostFormAsync("/more/files", form);
        await response.ShouldBeText("one.bin:3,two.bin:1");
    }

    [Test]
    public async Task PipeReader_reads_the_raw_body()
    {
        using var response = await SendAsync(HttpMethod.Post, "/more/pipe", new StringContent("twelve chars"));
        await response.ShouldBeText("12");
    }

    [Test]
    public async Task HttpError_without_detail_uses_the_reason_phrase_as_title_only()
    {
        using var response = await GetAsync("/more/not-found");
        var problem = await response.ShouldBeProblem(HttpStatusCode.NotFound, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found");
        Assert.That(problem.TryGetProperty("detail", out _), Is.False);
    }

    [Test]
    public async Task A_member_the_generator_cannot_handle_is_written_with_the_app_options()
    {
        using var response = await GetAsync("/more/envelope");
        await response.ShouldBeJson("""{"kind":"text","payload":"hello"}""");
    }
}

/// <summary>HttpError without detail in FastAPI format falls back to the reason phrase, as Starlette does.</summary>
public sealed class FastApiHttpErrorTests : AppTests
{
    protected override TestAppFactory CreateFactory() => new(configure: o => o.ErrorFormat = ErrorFormat.FastApi);

    [Test]
    public async Task HttpError_without_detail_is_the_reason_phrase()
    {
        using var response = await GetAsync("/more/not-found");
        await response.ShouldBe(HttpStatusCode.NotFound, "application/json", """{"detail":"Not Found"}""");
    }
}
