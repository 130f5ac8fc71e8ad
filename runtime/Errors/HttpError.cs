using System;
using System.Collections.Generic;
using Microsoft.Extensions.Primitives;

namespace FastEndpointsGen;

/// <summary>
/// Ends the request with an HTTP error response, like FastAPI's <c>HTTPException</c>:
/// <c>throw new HttpError(404, "Task not found")</c> answers 404 with a problem-details body. It can carry
/// response headers and problem extensions:
/// <c>new HttpError(401) { Headers = { ["WWW-Authenticate"] = "Bearer" }, Extensions = { ["code"] = "expired" } }</c>.
/// </summary>
public sealed class HttpError : Exception
{
    private Dictionary<string, StringValues>? _headers;
    private Dictionary<string, object?>? _extensions;

    /// <summary>Creates an error response with the given status code and optional detail text.</summary>
    public HttpError(int statusCode, string? detail = null)
        : base(detail ?? $"HTTP {statusCode}")
    {
        if (statusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An HttpError needs a 4xx or 5xx status code.");
        }

        StatusCode = statusCode;
        Detail = detail;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The human-readable explanation sent to the client, if any.</summary>
    public string? Detail { get; }

    /// <summary>Headers set on the error response, e.g. <c>WWW-Authenticate</c> or <c>Retry-After</c> (names ignore case).</summary>
    public IDictionary<string, StringValues> Headers => _headers ??= new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Extension members of the problem-details body (RFC 9457 §3.2), written after the standard members; values are
    /// written with the app's JSON options. The FastAPI error format has no place for them and leaves them out.
    /// </summary>
    public IDictionary<string, object?> Extensions => _extensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);

    internal bool HasHeaders => _headers is { Count: > 0 };

    internal bool HasExtensions => _extensions is { Count: > 0 };
}
