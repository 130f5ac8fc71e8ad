using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// A generated JSON writer. Like a <c>JsonConverter</c>'s <c>Write</c>, it is given the <see cref="JsonSerializerOptions"/>
/// it writes for; only members the generator cannot handle (FEG4001) use them.
/// </summary>
/// <typeparam name="T">The type the writer writes.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonWriteAction<in T>(Utf8JsonWriter writer, T value, JsonSerializerOptions options);

/// <summary>The success responses of generated endpoints (docs/responses.md).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonResponse
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private const string TextContentType = "text/plain; charset=utf-8";
    private const string JsonLinesContentType = "application/jsonl; charset=utf-8";

    /// <summary>Writes <paramref name="value"/> as JSON with the given status code and the app's options.</summary>
    public static Task WriteAsync<T>(HttpContext httpContext, EndpointRuntime runtime, int statusCode, T value, JsonWriteAction<T> write)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        var writer = PooledJsonWriter.Rent();
        write(writer, value, runtime.SerializerOptions);
        PooledJsonWriter.CopyTo(writer, response);
        return Task.CompletedTask;
    }

    /// <summary>Writes a <see cref="string"/> result as <c>text/plain</c>.</summary>
    public static Task WriteTextAsync(HttpContext httpContext, int statusCode, string? text)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = TextContentType;
        var length = text is null ? 0 : Encoding.UTF8.GetByteCount(text);
        response.ContentLength = length;
        if (length > 0)
        {
            var writer = response.BodyWriter;
            writer.Advance(Encoding.UTF8.GetBytes(text, writer.GetSpan(length)));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Ends a handler that returns nothing: 204, or the endpoint's declared status. A handler that wrote the
    /// response itself, or chose its own status, keeps it: a started response is never touched.
    /// </summary>
    public static Task WriteEmptyAsync(HttpContext httpContext, int statusCode)
    {
        var response = httpContext.Response;
        if (!response.HasStarted && response.StatusCode == StatusCodes.Status200OK)
        {
            response.StatusCode = statusCode;
            response.ContentLength = 0;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Streams an <see cref="IAsyncEnumerable{T}"/> as a JSON array: each item is written by the generated writer and
    /// flushed before the next is asked for, so a client sees items as they are produced. The enumerator gets
    /// <c>RequestAborted</c>, so an <c>[EnumeratorCancellation]</c> iterator stops when the client disconnects.
    /// </summary>
    /// <remarks>
    /// Nothing is written until the first item exists: an enumerator that throws at once leaves the response
    /// untouched for the endpoint's exception handling (a 500 problem). A later exception finds the response
    /// started, and the connection is aborted. One <see cref="Utf8JsonWriter"/> per stream writes straight into
    /// <c>Response.BodyWriter</c> (the pooled writer is per thread and cannot live across awaits), so memory stays
    /// flat however many items there are.
    /// </remarks>
    public static Task WriteStreamAsync<T>(HttpContext httpContext, EndpointRuntime runtime, int statusCode, IAsyncEnumerable<T>? items, JsonWriteAction<T> write) =>
        WriteItemsAsync(httpContext, runtime, statusCode, items, write, jsonLines: false);

    /// <summary>
    /// Streams an <see cref="IAsyncEnumerable{T}"/> as JSON Lines (<c>application/jsonl</c>): each item is one JSON
    /// value written by the generated writer, followed by <c>\n</c>, and flushed before the next is asked for. Like
    /// <see cref="WriteStreamAsync{T}"/> in everything else: nothing is written until the first item exists, the
    /// enumerator gets <c>RequestAborted</c>, and an empty stream is an empty body.
    /// </summary>
    public static Task WriteJsonLinesAsync<T>(HttpContext httpContext, EndpointRuntime runtime, int statusCode, IAsyncEnumerable<T>? items, JsonWriteAction<T> write) =>
        WriteItemsAsync(httpContext, runtime, statusCode, items, write, jsonLines: true);

    // One loop for both stream shapes: they differ only in the media type, how an empty stream looks, and whether
    // items sit in one array or each on its own line.
    private static async Task WriteItemsAsync<T>(HttpContext httpContext, EndpointRuntime runtime, int statusCode, IAsyncEnumerable<T>? items,
        JsonWriteAction<T> write, bool jsonLines)
    {
        if (items is null)
        {
            throw new InvalidOperationException("The IAsyncEnumerable returned by the handler must not be null.");
        }

        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        var enumerator = items.GetAsyncEnumerator(cancellationToken);
        try
        {
            var hasItem = await enumerator.MoveNextAsync();
            response.StatusCode = statusCode;
            response.ContentType = jsonLines ? JsonLinesContentType : JsonContentType;
            if (!hasItem)
            {
                var empty = jsonLines ? ""u8 : "[]"u8;
                response.ContentLength = empty.Length;
                response.BodyWriter.Write(empty);
                return;
            }

            // Not disposed: Dispose would flush a half-written item into the body after an exception.
            var writer = new Utf8JsonWriter(response.BodyWriter, PooledJsonWriter.ModelOptions);
            if (!jsonLines)
            {
                writer.WriteStartArray();
            }

            do
            {
                if (jsonLines)
                {
                    // JSON escapes control characters inside strings, so each value is exactly one line.
                    writer.Reset();
                }

                write(writer, enumerator.Current, runtime.SerializerOptions);
                writer.Flush();
                if (jsonLines)
                {
                    response.BodyWriter.Write("\n"u8);
                }

                var flushed = await response.BodyWriter.FlushAsync(cancellationToken);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return; // the client has gone: stop asking for items
                }
            }
            while (await enumerator.MoveNextAsync());

            if (!jsonLines)
            {
                writer.WriteEndArray();
                writer.Flush();
            }
        }
        finally
        {
            // Runs the iterator's finally blocks (and releases what it holds) however the stream ends.
            await enumerator.DisposeAsync();
        }
    }

    /// <summary>
    /// Executes an <see cref="IResult"/> a handler returned. An exception it throws, even after an await, gets the same
    /// handling as one thrown by the handler.
    /// </summary>
    public static async Task ExecuteResultAsync(HttpContext httpContext, EndpointRuntime runtime, IResult? result)
    {
        try
        {
            if (result is null)
            {
                throw new InvalidOperationException("The IResult returned by the handler must not be null.");
            }

            await result.ExecuteAsync(httpContext);
        }
        catch (Exception exception)
        {
            await ErrorResponses.HandleExceptionAsync(httpContext, runtime, exception);
        }
    }
}
