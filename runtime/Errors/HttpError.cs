using System;

namespace FastEndpointsGen;

/// <summary>
/// Ends the request with an HTTP error response, like FastAPI's <c>HTTPException</c>:
/// <c>throw new HttpError(404, "Task not found")</c> answers 404 with a problem-details body.
/// </summary>
public sealed class HttpError : Exception
{
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
}
