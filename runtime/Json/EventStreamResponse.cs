using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO.Pipelines;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Server-sent events: a handler's <c>IAsyncEnumerable&lt;SseItem&lt;T&gt;&gt;</c> written as <c>text/event-stream</c>,
/// one event per item, flushed as items come (docs/responses.md).
/// </summary>
/// <remarks>
/// As with a streamed JSON array, nothing is sent until there is something to send (the first event, or the first
/// keep-alive comment), so an enumerator that throws at once gets the endpoint's ordinary error response.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EventStreamResponse
{
    private const string ContentType = "text/event-stream";

    /// <summary>Streams events whose data is written as one line of JSON by the generated writer for <typeparamref name="T"/>.</summary>
    public static Task WriteAsync<T>(HttpContext httpContext, EndpointRuntime runtime, int statusCode, IAsyncEnumerable<SseItem<T>>? events, JsonWriteAction<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return StreamAsync(httpContext, runtime, statusCode, events, write);
    }

    /// <summary>
    /// Streams events whose data is text (<typeparamref name="T"/> is <c>string</c>), written as it is: one
    /// <c>data:</c> line per line of the text, as the SSE format requires.
    /// </summary>
    public static Task WriteTextAsync<T>(HttpContext httpContext, EndpointRuntime runtime, int statusCode, IAsyncEnumerable<SseItem<T>>? events)
        where T : class? =>
        StreamAsync(httpContext, runtime, statusCode, events, write: null);

    private static async Task StreamAsync<T>(HttpContext httpContext, EndpointRuntime runtime, int statusCode, IAsyncEnumerable<SseItem<T>>? events, JsonWriteAction<T>? write)
    {
        if (events is null)
        {
            throw new InvalidOperationException("The IAsyncEnumerable returned by the handler must not be null.");
        }

        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        var keepAlive = runtime.Options.ServerSentEventsKeepAlive;
        var output = new EventWriter<T>(httpContext, statusCode, write, runtime.SerializerOptions);
        var enumerator = events.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await MoveNextAsync(enumerator, output, keepAlive, cancellationToken))
            {
                output.WriteEvent(enumerator.Current);
                if (await IsClientGoneAsync(response.BodyWriter, cancellationToken))
                {
                    break; // stop asking for events
                }
            }

            // An empty stream still answers an (empty) event stream.
            output.Start();
        }
        finally
        {
            // Runs the iterator's finally blocks (and releases what it holds) however the stream ends.
            await enumerator.DisposeAsync();
        }
    }

    /// <summary>
    /// Asks for the next event, sending a keep-alive comment each time the producer stays idle for the interval.
    /// The one pending MoveNextAsync is raced against the interval and awaited throughout, so MoveNextAsync never
    /// runs twice at once, and the enumerator is only disposed once it has answered.
    /// </summary>
    private static async ValueTask<bool> MoveNextAsync<T>(IAsyncEnumerator<SseItem<T>> enumerator, EventWriter<T> output, TimeSpan? keepAlive, CancellationToken cancellationToken)
    {
#pragma warning disable CA2012 // consumed once: either awaited, or turned into the one task the keep-alive loop races
        var next = enumerator.MoveNextAsync();
        if (next.IsCompleted || keepAlive is not { } interval)
        {
            return await next;
        }

        var pending = next.AsTask();
#pragma warning restore CA2012
        while (await IsIdleAsync(pending, interval, cancellationToken))
        {
            output.WriteKeepAlive();
            if (await IsClientGoneAsync(output.Pipe, cancellationToken))
            {
                break; // no more comments; the event, when it comes, finds the client gone too
            }
        }

        return await pending;
    }

    /// <summary>
    /// True when <paramref name="interval"/> passed with <paramref name="pending"/> still running and the client
    /// still there; false when the event came first or the request was aborted (then only the event is awaited).
    /// </summary>
    private static async Task<bool> IsIdleAsync(Task<bool> pending, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var delayCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(interval, delayCancellation.Token);
        var first = await Task.WhenAny(pending, delay);
        delayCancellation.Cancel(); // stops the timer when the event came first
        return first == delay && delay.IsCompletedSuccessfully;
    }

    private static async ValueTask<bool> IsClientGoneAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        var flushed = await output.FlushAsync(cancellationToken);
        return flushed.IsCompleted || flushed.IsCanceled;
    }

    /// <summary>Writes events in the SSE wire format straight into the response pipe.</summary>
    private sealed class EventWriter<T>(HttpContext httpContext, int statusCode, JsonWriteAction<T>? write, JsonSerializerOptions options)
    {
        private const string DefaultEventType = "message";

        private readonly PipeWriter _output = httpContext.Response.BodyWriter;
        private bool _started;

        public PipeWriter Pipe => _output;

        // One per stream: the pooled writer is per thread and cannot live across awaits. Not disposed, since
        // Dispose would flush a half-written value into the body after an exception.
        private Utf8JsonWriter? _json;

        /// <summary>Sets the status and headers once, before the first bytes: no <c>Content-Length</c>, no caching, no buffering.</summary>
        public void Start()
        {
            if (_started)
            {
                return;
            }

            _started = true;
            var response = httpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = ContentType;
            response.Headers.CacheControl = "no-cache";
            // Response compression and other buffering middleware would otherwise hold events back.
            httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        }

        public void WriteKeepAlive()
        {
            Start();
            _output.Write(": keep-alive\n\n"u8);
        }

        public void WriteEvent(SseItem<T> item)
        {
            Start();
            // EventType, EventId and Data lines cannot hold a newline: SseItem rejects them.
            if (item.EventType is { } eventType && eventType != DefaultEventType)
            {
                WriteField("event: "u8, eventType);
            }

            if (item.EventId is { } eventId)
            {
                WriteField("id: "u8, eventId);
            }

            if (item.ReconnectionInterval is { } retry)
            {
                WriteField("retry: "u8, ((long)retry.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
            }

            if (write is null)
            {
                WriteTextData((string?)(object?)item.Data);
            }
            else
            {
                // JSON escapes control characters inside strings, so a value is always one line.
                _output.Write("data: "u8);
                _json ??= new Utf8JsonWriter(_output, PooledJsonWriter.ModelOptions);
                _json.Reset();
                write(_json, item.Data, options);
                _json.Flush();
                _output.Write("\n"u8);
            }

            _output.Write("\n"u8);
        }

        /// <summary>Text data: one <c>data:</c> line per line, split at CR LF, CR or LF as the SSE format reads them.</summary>
        private void WriteTextData(string? text)
        {
            var rest = (text ?? "").AsSpan();
            while (true)
            {
                var end = rest.IndexOfAny('\r', '\n');
                WriteField("data: "u8, end < 0 ? rest : rest[..end]);
                if (end < 0)
                {
                    return;
                }

                var separator = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1;
                rest = rest[(end + separator)..];
            }
        }

        private void WriteField(ReadOnlySpan<byte> name, ReadOnlySpan<char> value)
        {
            _output.Write(name);
            var length = Encoding.UTF8.GetByteCount(value);
            _output.Advance(Encoding.UTF8.GetBytes(value, _output.GetSpan(length)));
            _output.Write("\n"u8);
        }
    }
}
