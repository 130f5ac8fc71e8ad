using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FastEndpointsGen.TestApp;
using FastEndpointsGen.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary><c>IAsyncEnumerable&lt;T&gt;</c> returns: JSON arrays streamed item by item (docs/responses.md).</summary>
public sealed class StreamingTests : AppTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Stream_of_int_is_a_json_array()
    {
        using var response = await GetAsync("/streams/numbers");
        await response.ShouldBeJson("[1,2,3]");
        Assert.That(response.Content.Headers.ContentType?.CharSet, Is.EqualTo("utf-8"));
    }

    [Test]
    public async Task Stream_of_strings_uses_the_generated_writer_for_each_item()
    {
        using var response = await GetAsync("/streams/words");
        await response.ShouldBeJson("""["one",null,"quote \u0022 and \u00E9"]""");
    }

    [Test]
    public async Task Stream_of_models_writes_each_model_in_camel_case()
    {
        using var response = await GetAsync("/streams/ticks?count=2");
        await response.ShouldBeJson("""[{"sequence":1,"label":"tick","tags":["a","b"]},{"sequence":2,"label":"tick","tags":["a","b"]}]""");
    }

    [Test]
    public async Task Task_of_stream_of_lists_is_awaited_then_streamed()
    {
        using var response = await GetAsync("/streams/batches");
        await response.ShouldBeJson("[[1,2],[]]");
    }

    [Test]
    public async Task Empty_stream_is_an_empty_array()
    {
        using var response = await GetAsync("/streams/empty");
        await response.ShouldBeJson("[]");
    }

    [Test]
    public async Task Stream_parameters_are_validated_before_anything_is_streamed()
    {
        using var response = await GetAsync("/streams/ticks?count=-1");
        await response.ShouldHaveSingleError("query.count", "Input should be greater than or equal to 0");
    }

    [Test]
    public async Task A_bounded_stream_parameter_that_is_not_a_number_is_a_parsing_error()
    {
        using var response = await GetAsync("/streams/ticks?count=many");
        await response.ShouldHaveSingleError("query.count", "Input should be a valid integer, unable to parse string as an integer");
    }

    [Test]
    public async Task Each_item_is_on_the_wire_before_the_next_is_produced()
    {
        var key = nameof(Each_item_is_on_the_wire_before_the_next_is_produced);
        var gate = Services.GetRequiredService<StreamGates>().For(key);
        using var timeout = new CancellationTokenSource(Patience);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/streams/gated?key={key}", UriKind.Relative));
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);

        // Item 1 arrives while the handler is still waiting for the gate: item 2 does not exist yet.
        var received = await BodyReading.ReadUntilAsync(body, "[1", timeout.Token);
        var firstReceivedAt = Stopwatch.GetTimestamp();
        Assert.That(gate.ProducedAt.ContainsKey(2), Is.False, "item 2 was produced before item 1 was read");

        gate.Next.Release();
        received += await BodyReading.ReadUntilAsync(body, ",2", timeout.Token);
        var secondReceivedAt = Stopwatch.GetTimestamp();
        gate.Next.Release();
        received += await BodyReading.ReadToEndAsync(body, timeout.Token);

        Assert.Multiple(() =>
        {
            Assert.That(received, Is.EqualTo("[1,2,3]"));
            Assert.That(gate.ProducedAt[1], Is.LessThan(firstReceivedAt));
            Assert.That(firstReceivedAt, Is.LessThan(gate.ProducedAt[2]), "item 1 was read before item 2 was produced");
            Assert.That(gate.ProducedAt[2], Is.LessThan(secondReceivedAt));
            Assert.That(secondReceivedAt, Is.LessThan(gate.ProducedAt[3]), "item 2 was read before item 3 was produced");
        });
    }

    [Test]
    public async Task A_client_that_disconnects_cancels_the_enumeration()
    {
        var key = nameof(A_client_that_disconnects_cancels_the_enumeration);
        var gate = Services.GetRequiredService<StreamGates>().For(key);
        using var timeout = new CancellationTokenSource(Patience);
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/streams/gated?key={key}", UriKind.Relative)))
        using (var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token))
        {
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            await BodyReading.ReadUntilAsync(body, "[1", timeout.Token);
        }

        // The handler is waiting for the gate with the token the enumerator was given; disconnecting cancels it.
        await gate.Cancelled.Task.WaitAsync(timeout.Token);
        Assert.That(gate.ProducedAt.ContainsKey(2), Is.False);
    }

    [Test]
    public async Task An_enumerator_that_fails_before_its_first_item_is_a_handler_exception()
    {
        // Nothing was written yet: it reaches the app's exception handling (here Development's exception page).
        using var response = await GetAsync("/streams/fails-first");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await response.BodyAsync(), Does.Contain("failed before its first item"));
    }

    [Test]
    public async Task An_enumerator_that_fails_after_the_response_started_aborts_the_response()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/streams/fails-later", UriKind.Relative));
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Not a truncated success: reading the rest fails, so a client never takes "[1" for a whole answer.
        Assert.That(async () => await response.Content.ReadAsStringAsync(timeout.Token), Throws.InstanceOf<Exception>());
    }

    [Test]
    public async Task The_document_describes_a_stream_as_an_array_of_its_items()
    {
        using var response = await GetAsync("/openapi.json");
        var paths = JsonNode.Parse(await response.BodyAsync())!["paths"]!;
        string Schema(string path) => paths[path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString();

        Assert.Multiple(() =>
        {
            Assert.That(Schema("/streams/numbers"), Is.EqualTo("""{"type":"array","items":{"type":"integer","format":"int32"}}"""));
            Assert.That(Schema("/streams/words"), Is.EqualTo("""{"type":"array","items":{"type":["string","null"]}}"""));
            Assert.That(Schema("/streams/ticks"), Is.EqualTo("""{"type":"array","items":{"$ref":"#/components/schemas/Tick"}}"""));
            Assert.That(Schema("/streams/batches"), Is.EqualTo("""{"type":"array","items":{"type":"array","items":{"type":"integer","format":"int32"}}}"""));
        });
    }
}
