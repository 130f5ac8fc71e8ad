using System;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace FastEndpointsGen.Runtime;

/// <summary>Helpers for binding route, query, header and form values that are not one-liners in generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class RequestValues
{
    /// <summary>Parses any <see cref="IParsable{TSelf}"/> with the invariant culture.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : IParsable<T> => T.TryParse(text, CultureInfo.InvariantCulture, out value!);

    /// <summary>Binds an <see cref="IBindableFromHttpContext{TSelf}"/> (its <c>BindAsync</c> may be implemented explicitly).</summary>
    public static ValueTask<T?> BindAsync<T>(HttpContext httpContext, System.Reflection.ParameterInfo parameter)
        where T : class, IBindableFromHttpContext<T> => T.BindAsync(httpContext, parameter);

    /// <summary>
    /// Parses a route, query or header <see cref="float"/> or <see cref="double"/>: a plain number (no thousands
    /// separators) that is finite, since <c>1e400</c> and <c>NaN</c> parse but no JSON can carry them back.
    /// </summary>
    public static bool TryParseFinite<T>(string? text, out T value)
        where T : IFloatingPointIeee754<T> =>
        T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value!) && T.IsFinite(value);

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

    /// <summary>
    /// Reads the request's form under the app's limits. Returns null when the request has been answered
    /// instead: 400 for an invalid anti-forgery token or a malformed form, 413 for a body over
    /// <see cref="FastEndpointsGenOptions.MaxRequestBodySize"/>, 415 for a body that is not a form; nothing
    /// when the client went away. The statuses are those minimal APIs answer (docs/reliability.md).
    /// </summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="runtime">The app's endpoint runtime.</param>
    /// <param name="limit">The endpoint's body limit, <see cref="EndpointRuntime.BodyLimitOf"/>; negative for a delegate called before its endpoint was built: <see cref="FastEndpointsGenOptions.MaxRequestBodySize"/>.</param>
    public static async ValueTask<IFormCollection?> ReadFormAsync(HttpContext httpContext, EndpointRuntime runtime, long limit)
    {
        var request = httpContext.Request;

        // The anti-forgery middleware validated the token but leaves the answer to the endpoint; reading a
        // form behind an invalid token would throw, so it is refused first.
        if (httpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } antiforgery)
        {
            LogRejected(runtime.Logger, request, "the anti-forgery token is invalid", antiforgery.Error);
            await ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status400BadRequest,
                "The anti-forgery token is missing or invalid.");
            return null;
        }

        if (!request.HasFormContentType)
        {
            await ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status415UnsupportedMediaType,
                "The request body must be a form (Content-Type: multipart/form-data or application/x-www-form-urlencoded).");
            return null;
        }

        if (limit < 0)
        {
            limit = runtime.Options.MaxRequestBodySize;
        }

        if (request.ContentLength > limit)
        {
            LogRejected(runtime.Logger, request, "its Content-Length is over MaxRequestBodySize", null);
            await WriteTooLargeAsync(httpContext, runtime, limit);
            return null;
        }

        // A form nobody has read yet is read with the app's FormOptions capped at MaxRequestBodySize. A body
        // without Content-Length (chunked) is counted as it arrives; one with it cannot outgrow it.
        var formFeature = httpContext.Features.Get<IFormFeature>();
        if (formFeature?.Form is null)
        {
            httpContext.Features.Set<IFormFeature>(new FormFeature(request, runtime.FormOptionsFor(limit)));
        }

        var body = request.Body;
        if (request.ContentLength is null && formFeature?.Form is null)
        {
            request.Body = new LengthLimitedStream(body, limit);
        }

        try
        {
            return await request.ReadFormAsync(httpContext.RequestAborted);
        }
        catch (LengthLimitedStream.TooLargeException exception)
        {
            LogRejected(runtime.Logger, request, "the body grew over MaxRequestBodySize", exception);
            await WriteTooLargeAsync(httpContext, runtime, limit);
        }
        catch (BadHttpRequestException exception)
        {
            // The server's own limits and framing errors (e.g. Kestrel's MaxRequestBodySize: 413).
            LogRejected(runtime.Logger, request, "the form could not be read", exception);
            await ErrorResponses.WriteProblemAsync(httpContext, runtime, exception.StatusCode, exception.Message);
        }
        catch (InvalidDataException exception)
        {
            // Malformed form or one of FormOptions' limits: "Missing content-type boundary.", "Form value count limit 1024 exceeded."
            LogRejected(runtime.Logger, request, "the form could not be read", exception);
            await ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status400BadRequest,
                "The form could not be read: " + exception.Message);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            LogRejected(runtime.Logger, request, "the form could not be read", exception);
            if (!httpContext.RequestAborted.IsCancellationRequested)
            {
                // A body that ended early; a client that went away gets no answer.
                await ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status400BadRequest,
                    "The form could not be read: the request body ended early or could not be read.");
            }
        }
        finally
        {
            request.Body = body;
        }

        return null;
    }

    private static Task WriteTooLargeAsync(HttpContext httpContext, EndpointRuntime runtime, long limit) =>
        ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status413PayloadTooLarge,
            $"The request body is larger than the limit of {limit} bytes.");

    // Debug, as minimal APIs log it: a client's mistake is not the server's error, and no stack trace is kept.
    private static void LogRejected(ILogger logger, HttpRequest request, string why, Exception? exception)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var path = request.Path.ToString();
            LogFormRejected(logger, request.Method, path, why, exception?.Message);
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Refused the form of {Method} {Path}: {Why} ({Reason})")]
    private static partial void LogFormRejected(ILogger logger, string method, string path, string why, string? reason);
}
