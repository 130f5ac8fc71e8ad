using System.Diagnostics;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FastEndpointsGen.TestApp;

/// <summary>Handlers that return <c>IAsyncEnumerable&lt;SseItem&lt;T&gt;&gt;</c>: server-sent events (docs/responses.md).</summary>
[EndpointGroup("/events", Tags = ["Events"])]
public static class EventStreamEndpoints
{
    /// <summary>Events with and without a type, an id and a retry interval; data written by the generated writer.</summary>
    [Get("/ticks")]
    public static async IAsyncEnumerable<SseItem<Tick>> Ticks()
    {
        await Task.Yield();
        yield return new SseItem<Tick>(new Tick(1, "tick", ["a"]), "tick") { EventId = "1", ReconnectionInterval = TimeSpan.FromMilliseconds(2500) };
        yield return new SseItem<Tick>(new Tick(2, "line\nbreak", []), SseParser.EventTypeDefault) { EventId = "2" };
        yield return new SseItem<Tick>(new Tick(3, "plain", []));
    }

    /// <summary>Text data, written as it is: each line of the text is its own <c>data:</c> line.</summary>
    [Get("/text")]
    public static async IAsyncEnumerable<SseItem<string?>> Text()
    {
        await Task.Yield();
        yield return new SseItem<string?>("one\ntwo\r\nthree\rfour", "lines");
        yield return new SseItem<string?>("");
        yield return new SseItem<string?>(null);
    }

    /// <summary>Event 1 at once, then each further event when the test releases the gate.</summary>
    [Get("/gated")]
    public static async IAsyncEnumerable<SseItem<int>> Gated(string key, StreamGates gates, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var gate = gates.For(key);
        for (var i = 1; i <= 3; i++)
        {
            if (i > 1)
            {
                try
                {
                    await gate.Next.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    gate.Cancelled.TrySetResult();
                    throw;
                }
            }

            gate.ProducedAt[i] = Stopwatch.GetTimestamp();
            yield return new SseItem<int>(i) { EventId = i.ToString(CultureInfo.InvariantCulture) };
        }
    }

    /// <summary>A reconnecting EventSource sends the last id it saw; the stream resumes after it.</summary>
    [Get("/resume")]
    public static async IAsyncEnumerable<SseItem<int>> Resume([FromHeader(Name = "Last-Event-ID")] string? lastEventId)
    {
        await Task.Yield();
        var from = int.TryParse(lastEventId, CultureInfo.InvariantCulture, out var last) ? last + 1 : 1;
        for (var i = from; i < from + 2; i++)
        {
            yield return new SseItem<int>(i) { EventId = i.ToString(CultureInfo.InvariantCulture) };
        }
    }

    [Get("/fails-first")]
    public static async IAsyncEnumerable<SseItem<int>> FailsFirst()
    {
        await Task.Yield();
        throw new HttpError(404, "No such stream");
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }

    /// <summary>ASP.NET Core's own result: documented as an event stream too.</summary>
    [Get("/typed")]
    public static ServerSentEventsResult<Tick> Typed() => TypedResults.ServerSentEvents(TypedTicks(), "tick");

    private static async IAsyncEnumerable<Tick> TypedTicks()
    {
        await Task.Yield();
        yield return new Tick(1, "typed", []);
    }
}
