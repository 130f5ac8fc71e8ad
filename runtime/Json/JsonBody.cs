using System;
using System.Buffers;
using System.ComponentModel;
using System.IO.Pipelines;
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

    private JsonBody(JsonBodyStatus status, ReadOnlySequence<byte> bytes, PipeReader? reader)
    {
        Status = status;
        Bytes = bytes;
        _reader = reader;
    }

    /// <summary>Whether the body was read, and if not, why.</summary>
    public JsonBodyStatus Status { get; }

    /// <summary>The body's bytes; valid until <see cref="Release"/>.</summary>
    public ReadOnlySequence<byte> Bytes { get; }

    /// <summary>Reads the whole body, refusing non-JSON content types and bodies over the size limit.</summary>
    public static async ValueTask<JsonBody> ReadAsync(HttpContext httpContext, EndpointRuntime runtime)
    {
        var request = httpContext.Request;
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            return new JsonBody(JsonBodyStatus.UnsupportedMediaType, default, null);
        }

        var limit = runtime.Options.MaxRequestBodySize;
        if (request.ContentLength > limit)
        {
            return new JsonBody(JsonBodyStatus.TooLarge, default, null);
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(httpContext.RequestAborted);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return new JsonBody(JsonBodyStatus.TooLarge, default, null);
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                if (buffer.IsEmpty)
                {
                    reader.AdvanceTo(buffer.End);
                    return new JsonBody(JsonBodyStatus.Empty, default, null);
                }

                return new JsonBody(JsonBodyStatus.Read, buffer, reader);
            }

            // Not all of it yet: keep everything buffered and ask for more.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Hands the body's buffers back to the request pipe.</summary>
    public void Release() => _reader?.AdvanceTo(Bytes.End);

    /// <summary>Writes the response for a body that could not be read (413 or 415).</summary>
    public Task WriteRejectionAsync(HttpContext httpContext, EndpointRuntime runtime) => Status switch
    {
        JsonBodyStatus.TooLarge => ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status413PayloadTooLarge,
            $"The request body is larger than the limit of {runtime.Options.MaxRequestBodySize} bytes."),
        _ => ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status415UnsupportedMediaType,
            "The request body must be JSON (Content-Type: application/json)."),
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
