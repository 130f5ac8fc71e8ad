using System;
using System.ComponentModel;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace FastEndpointsGen.Runtime;

/// <summary>Helpers for binding route, query, header and form values that are not one-liners in generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestValues
{
    /// <summary>Parses any <see cref="IParsable{TSelf}"/> with the invariant culture.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : IParsable<T> => T.TryParse(text, CultureInfo.InvariantCulture, out value!);

    /// <summary>
    /// Parses a route, query or header <see cref="DateTime"/> the same on every server: a value with <c>Z</c> or an
    /// offset becomes UTC (<see cref="DateTimeKind.Utc"/>), one without stays as written (<see cref="DateTimeKind.Unspecified"/>);
    /// never converted to the server's local time zone.
    /// </summary>
    public static bool TryParseDateTime(string? text, out DateTime value) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>Parses a <see cref="DateTimeOffset"/>; a value without an offset is UTC, not the server's local time.</summary>
    public static bool TryParseDateTimeOffset(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>Reads the request's form, or null when the request does not carry one (answered 415).</summary>
    public static async ValueTask<IFormCollection?> ReadFormAsync(HttpContext httpContext)
    {
        if (!httpContext.Request.HasFormContentType)
        {
            return null;
        }

        return await httpContext.Request.ReadFormAsync(httpContext.RequestAborted);
    }

    /// <summary>Answers a request whose form-bound parameters arrived without a form.</summary>
    public static Task WriteNotFormAsync(HttpContext httpContext, EndpointRuntime runtime) =>
        ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status415UnsupportedMediaType,
            "The request body must be a form (Content-Type: multipart/form-data or application/x-www-form-urlencoded).");
}
