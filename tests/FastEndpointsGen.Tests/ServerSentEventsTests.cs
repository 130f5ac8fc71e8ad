using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FastEndpointsGen.TestApp;
using FastEndpointsGen.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary><c>IAsyncEnumerable&lt;SseItem&lt;T&gt;&gt;</c> returns and JSON Lines (docs/responses.md).</summary>
public sealed class ServerSentEventsTests : AppTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Events_are_framed_as_the_sse_format_says()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await OpenAsync(Client, "/events/ticks", timeout.Token);
        Assert.Multiple(async () =>
        {
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/event-stream"));
            Assert.That(response.Headers.CacheControl?.NoCache, Is.True);
            Assert.That(response.Content.Headers.ContentLength, Is.Null);
            // The default event type ("message") is not written; data is one line of camelCase JSON.
            Assert.That(await response.BodyAsync(), Is.EqualTo(
                "event: tick\nid: 1\nretry: 2500\ndata: {\"sequence\":1,\"label\":\"tick\",\"tags\":[\"a\"]}\n\n" +
                "id: 2\ndata: {\"sequence\":2,\"label\":\"line\\nbreak\",\"tags\":[]}\n\n" +
                "data: {\"sequence\":3,\"label\":\"plain\",\"tags\":[]}\n\n"));
        });
    }

    [Test]
    public async Task Text_data_is_written_as_is_with_one_data_line_per_line()
    {
        using var response = await GetAsync("/events/text");
        Assert.That(await response.BodyAsync(), Is.EqualTo(
            "event: lines\ndata: one\ndata: two\ndata: three\ndata: four\n\n" +
            "data: \n\n" +
            "data: \n\n"));
    }

    [Test]
    public async Task The_last_event_id_header_binds()
    {
        using var response = await SendAsync(HttpMethod.Get, "/events/resume", null, ("Last-Event-ID", "5"));
        Assert.That(await response.BodyAsync(), Is.EqualTo("id: 6\ndata: 6\n\nid: 7\ndata: 7\n\n"));
    }

    [Test]
    public async Task A_failure_before_the_first_event_is_an_ordinary_error_response()
    {
        using var response = await GetAsync("/events/fails-first");
        var problem = await response.ShouldBeProblem(HttpStatusCode.NotFound, "https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not Found");
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("No such stream"));
    }

    [Test]
    public async Task Each_event_is_on_the_wire_before_the_next_is_produced()
    {
        var key = nameof(Each_event_is_on_the_wire_before_the_next_is_produced);
        var gate = Services.GetRequiredService<StreamGates>().For(key);
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await OpenAsync(Client, $"/events/gated?key={key}", timeout.Token);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var pending = new StringBuilder();

        var first = await BodyReading.ReadThroughAsync(body, pending, "\n\n", timeout.Token);
        var firstReceivedAt = Stopwatch.GetTimestamp();
        Assert.That(gate.ProducedAt.ContainsKey(2), Is.False, "event 2 was produced before event 1 was read");

        gate.Next.Release();
        var second = await BodyReading.ReadThroughAsync(body, pending, "\n\n", timeout.Token);
        gate.Next.Release();
        var rest = await BodyReading.ReadToEndAsync(body, timeout.Token);

        Assert.Multiple(() =>
        {
            Assert.That(first + second + pending + rest, Is.EqualTo("id: 1\ndata: 1\n\nid: 2\ndata: 2\n\nid: 3\ndata: 3\n\n"));
            Assert.That(gate.ProducedAt[1], Is.LessThan(firstReceivedAt));
            Assert.That(firstReceivedAt, Is.LessThan(gate.ProducedAt[2]), "event 1 was read before event 2 was produced");
        });
    }

    [Test]
    public async Task A_client_that_disconnects_cancels_the_enumeration()
    {
        var key = nameof(A_client_that_disconnects_cancels_the_enumeration);
        var gate = Services.GetRequiredService<StreamGates>().For(key);
        using var timeout = new CancellationTokenSource(Patience);
        using (var response = await OpenAsync(Client, $"/events/gated?key={key}", timeout.Token))
        {
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            await BodyReading.ReadThroughAsync(body, new StringBuilder(), "data: 1\n\n", timeout.Token);
        }

        await gate.Cancelled.Task.WaitAsync(timeout.Token);
        Assert.That(gate.ProducedAt.ContainsKey(2), Is.False);
    }

    [Test]
    public async Task An_idle_stream_sends_keep_alive_comments_and_then_the_next_event()
    {
        using var factory = new TestAppFactory(configure: o => o.ServerSentEventsKeepAlive = TimeSpan.FromMilliseconds(50));
        using var client = factory.CreateClient();
        var key = nameof(An_idle_stream_sends_keep_alive_comments_and_then_the_next_event);
        var gate = factory.Services.GetRequiredService<StreamGates>().For(key);
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await OpenAsync(client, $"/events/gated?key={key}", timeout.Token);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var pending = new StringBuilder();

        Assert.That(await BodyReading.ReadThroughAsync(body, pending, "\n\n", timeout.Token), Is.EqualTo("id: 1\ndata: 1\n\n"));
        // The producer waits for the gate: the stream stays alive with comments, several of them.
        Assert.That(await BodyReading.ReadThroughAsync(body, pending, "\n\n", timeout.Token), Is.EqualTo(": keep-alive\n\n"));
        Assert.That(await BodyReading.ReadThroughAsync(body, pending, "\n\n", timeout.Token), Is.EqualTo(": keep-alive\n\n"));
        Assert.That(gate.ProducedAt.ContainsKey(2), Is.False);

        gate.Next.Release();
        var next = await BodyReading.ReadThroughAsync(body, pending, "data: 2\n\n", timeout.Token);
        Assert.That(next.Replace(": keep-alive\n\n", "", StringComparison.Ordinal), Is.EqualTo("id: 2\ndata: 2\n\n"));
    }

    [Test]
    public async Task Json_lines_are_one_value_and_a_newline_per_item()
    {
        using var response = await GetAsync("/streams/lines");
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.MediaType(), Is.EqualTo("application/jsonl"));
            Assert.That(await response.BodyAsync(), Is.EqualTo(
                "{\"sequence\":1,\"label\":\"one\",\"tags\":[\"a\"]}\n{\"sequence\":2,\"label\":\"two\\nlines\",\"tags\":[]}\n"));
        });
    }

    [Test]
    public async Task An_empty_json_lines_stream_is_an_empty_body()
    {
        using var response = await GetAsync("/streams/empty-lines");
        Assert.That(response.Content.Headers.ContentLength, Is.Zero);
        Assert.That(await response.BodyAsync(), Is.Empty);
    }

    [Test]
    public async Task The_document_describes_event_streams_and_json_lines()
    {
        using var response = await GetAsync("/openapi.json");
        var paths = JsonNode.Parse(await response.BodyAsync())!["paths"]!;
        string Schema(string path, string mediaType) => paths[path]!["get"]!["responses"]!["200"]!["content"]![mediaType]!["schema"]!.ToJsonString();
        static string Events(string data) =>
            """{"type":"array","items":{"type":"object","properties":{"event":{"type":"string"},"id":{"type":"string"},"retry":{"type":"integer","minimum":0},"data":"""
            + data + """},"required":["data"]}}""";
        const string TickData = """{"type":"string","contentMediaType":"application/json","contentSchema":{"$ref":"#/components/schemas/Tick"}}""";

        Assert.Multiple(() =>
        {
            Assert.That(Schema("/events/ticks", "text/event-stream"), Is.EqualTo(Events(TickData)));
            Assert.That(Schema("/events/text", "text/event-stream"), Is.EqualTo(Events("""{"type":"string"}""")));
            Assert.That(Schema("/events/typed", "text/event-stream"), Is.EqualTo(Events(TickData)));
            Assert.That(Schema("/streams/lines", "application/jsonl"), Is.EqualTo("""{"type":"array","items":{"$ref":"#/components/schemas/Tick"}}"""));
        });
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return response;
    }
}
