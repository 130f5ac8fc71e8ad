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
