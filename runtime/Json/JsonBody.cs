using System;
using System.Buffers;
using System.ComponentModel;
using System.IO.Pipelines;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FastEndpointsGen.Runtime;

/// <summary>Why a JSON request body could not be read at all.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum JsonBodyStatus
{
    /// <summary>The body was read; <see cref="JsonBody.Bytes"/> holds it.</summary>
    Read,

    /// <summary>The request had no body.</summary>
    Empty,

    /// <summary>The body is larger than <see cref="FastEndpointsGenOptions.MaxRequestBodySize"/> (413).</summary>
    TooLarge,

    /// <summary>The Content-Type is not JSON (415).</summary>
    UnsupportedMediaType,
}

/// <summary>
/// A JSON request body held in the request pipe's own buffers, read whole under the size limit so
/// the generated reader can parse it in one synchronous pass without copying.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonBody
{
    private readonly PipeReader? _reader;

    private readonly long _limit;

    private JsonBody(JsonBodyStatus status, ReadOnlySequence<byte> bytes, PipeReader? reader, long limit = 0)
    {
        _limit = limit;
        Status = status;
        Bytes = bytes;
        _reader = reader;
    }

    /// <summary>Whether the body was read, and if not, why.</summary>
    public JsonBodyStatus Status { get; }

    /// <summary>The body's bytes; valid until <see cref="Release"/>.</summary>
    public ReadOnlySequence<byte> Bytes { get; }

    /// <summary>
    /// Reads the whole body, refusing bodies over the size limit and bodies without a JSON content type
    /// (docs/json.md#content-types): 415 in problem details; in FastAPI's format the body is handed to the reader as a
    /// JSON string, so it fails exactly as FastAPI's does (<c>model_attributes_type</c> at <c>body</c> for a model).
    /// </summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="runtime">The app's endpoint runtime.</param>
    /// <param name="limit">The endpoint's body limit, <see cref="EndpointRuntime.BodyLimitOf"/>; negative for a delegate called before its endpoint was built: <see cref="FastEndpointsGenOptions.MaxRequestBodySize"/>.</param>
    public static async ValueTask<JsonBody> ReadAsync(HttpContext httpContext, EndpointRuntime runtime, long limit)
    {
        var request = httpContext.Request;
        var options = runtime.Options;
        var contentType = request.ContentType;
        var isJson = contentType is null ? !options.StrictContentType : IsJson(contentType);
        var asText = !isJson && options.ErrorFormat == ErrorFormat.FastApi;
        if (!isJson && !asText && contentType is not null)
        {
            return new JsonBody(JsonBodyStatus.UnsupportedMediaType, default, null);
        }

        if (limit < 0)
        {
            limit = options.MaxRequestBodySize;
        }

        if (request.ContentLength > limit)
        {
            return new JsonBody(JsonBodyStatus.TooLarge, default, null, limit);
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(httpContext.RequestAborted);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return new JsonBody(JsonBodyStatus.TooLarge, default, null, limit);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                if (buffer.IsEmpty)
                {
                    reader.AdvanceTo(buffer.End);
                    return new JsonBody(JsonBodyStatus.Empty, default, null);
                }

                if (isJson)
                {
                    return new JsonBody(JsonBodyStatus.Read, buffer, reader);
                }

                // A body without a Content-Type under StrictContentType (only an empty one is fine), or FastAPI's
                // format: the bytes become a JSON string, which a model reader refuses and a string body accepts.
                var text = asText ? AsJsonString(buffer) : default;
                reader.AdvanceTo(buffer.End);
                return asText
                    ? new JsonBody(JsonBodyStatus.Read, text, null)
                    : new JsonBody(JsonBodyStatus.UnsupportedMediaType, default, null);
            }

            // Not all of it yet: keep everything buffered and ask for more.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>
    /// Binds a whole JSON body in one call, the shape every body parameter shares (docs/performance.md#generated-code-size):
    /// reads it under the endpoint's limit (413/415 answered here), parses it with the generated reader, and reports a
    /// missing required body at <c>body</c>.
    /// </summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="runtime">The app's endpoint runtime.</param>
    /// <param name="limit">The endpoint's body limit (<see cref="ReadAsync"/>).</param>
    /// <param name="read">The generated reader of the model type.</param>
    /// <param name="required">True: no body is a <c>missing</c> error and JSON <c>null</c> is refused by the reader; false: both leave the value absent.</param>
    /// <param name="errors">The request's errors so far.</param>
    public static async ValueTask<JsonBodyBinding<T>> BindAsync<T>(
        HttpContext httpContext, EndpointRuntime runtime, long limit, JsonReadFunc<T> read, bool required, RequestErrors? errors)
    {
        var body = await ReadAsync(httpContext, runtime, limit);
        if (body.Status is JsonBodyStatus.TooLarge or JsonBodyStatus.UnsupportedMediaType)
        {
            await body.WriteRejectionAsync(httpContext, runtime);
            return new JsonBodyBinding<T>(answered: true, isRead: false, isAbsent: true, default, errors);
        }

        if (body.Status != JsonBodyStatus.Read)
        {
            return new JsonBodyBinding<T>(answered: false, isRead: false, isAbsent: true, default,
                required ? RequestErrors.Missing(errors, "body", null) : errors);
        }

        var json = JsonReadContext.Rent(runtime, errors);
        T? value;
        bool isNull;
        try
        {
            var errorCount = json.ErrorCount;
            value = JsonRead.Document(body.Bytes, json, read, allowNull: !required);
            isNull = value is null && json.ErrorCount == errorCount;
        }
        catch (Exception exception)
        {
            // A model's own code failed while it was built: a server error, handled like one from the handler.
            await ErrorResponses.HandleExceptionAsync(httpContext, runtime, exception);
            return new JsonBodyBinding<T>(answered: true, isRead: true, isAbsent: true, default, errors);
        }
        finally
        {
            errors = json.Return();
            body.Release();
        }

        return new JsonBodyBinding<T>(answered: false, isRead: true, isNull, value, errors);
    }

    private static ReadOnlySequence<byte> AsJsonString(in ReadOnlySequence<byte> bytes)
    {
        var output = new ArrayBufferWriter<byte>((int)bytes.Length + 16);
        using (var writer = new System.Text.Json.Utf8JsonWriter(output))
        {
            // Invalid UTF-8 becomes U+FFFD, as Python's lenient decoding of an error's input shows it.
            writer.WriteStringValue(Encoding.UTF8.GetString(bytes));
        }

        var segment = new TextBodySegment(output.WrittenMemory);
        return new ReadOnlySequence<byte>(segment, 0, segment, segment.Memory.Length);
    }

    /// <summary>
    /// True for a body that was sent without a JSON content type and is read as a JSON string (FastAPI's format). Its
    /// errors never echo it: unparsed text may hold a member the model marks as a secret.
    /// </summary>
    internal static bool IsText(in ReadOnlySequence<byte> bytes) => bytes.Start.GetObject() is TextBodySegment;

    private sealed class TextBodySegment : ReadOnlySequenceSegment<byte>
    {
        public TextBodySegment(ReadOnlyMemory<byte> memory) => Memory = memory;
    }

    /// <summary>Hands the body's buffers back to the request pipe.</summary>
    public void Release() => _reader?.AdvanceTo(Bytes.End);

    /// <summary>Writes the response for a body that could not be read (413 or 415).</summary>
    public Task WriteRejectionAsync(HttpContext httpContext, EndpointRuntime runtime) => Status switch
    {
        JsonBodyStatus.TooLarge => ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status413PayloadTooLarge,
            $"The request body is larger than the limit of {_limit} bytes."),
        _ => ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status415UnsupportedMediaType,
            "The request body must be JSON (Content-Type: application/json or application/*+json)."),
    };

    private static bool IsJson(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        var subtype = mediaType.SubTypeWithoutSuffix;
        return mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            && (subtype.Equals("json", StringComparison.OrdinalIgnoreCase)
                || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
    }
}
