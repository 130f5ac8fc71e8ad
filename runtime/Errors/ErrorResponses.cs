using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Writes every error response in the format the app chose (docs/errors.md): validation failures,
/// <see cref="HttpError"/>s, bad requests and unhandled exceptions.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ErrorResponses
{
    private const string ProblemJson = "application/problem+json";
    private const string Json = "application/json";

    // Error bodies quote client input; browsers must never sniff them into HTML.
    private const string NoSniff = "nosniff";

    // Up to this many errors, grouping by location scans; past it (a flood), it indexes, so it stays linear.
    private const int ScanGroupingLimit = 16;

    /// <summary>Writes the validation response (422 by default) listing every collected error.</summary>
    public static Task WriteValidationAsync(HttpContext httpContext, EndpointRuntime runtime, RequestErrors errors)
    {
        var options = runtime.Options;
        var response = httpContext.Response;
        var reported = Reported(errors, options.MaxValidationErrors);
        if (options.ValidationResponse is { } replace)
        {
            return replace(httpContext, reported).ExecuteAsync(httpContext);
        }

        response.StatusCode = options.ValidationStatusCode;
        response.Headers.XContentTypeOptions = NoSniff;
        if (options.ErrorFormat == ErrorFormat.ProblemDetails && runtime.ProblemDetails is { } service)
        {
            return WriteValidationProblemAsync(httpContext, service, options.ValidationStatusCode, reported);
        }

        var writer = PooledJsonWriter.Rent(forErrors: true);
        if (options.ErrorFormat == ErrorFormat.FastApi)
        {
            response.ContentType = Json;
            WriteFastApiDetail(writer, reported);
        }
        else
        {
            response.ContentType = ProblemJson;
            WriteValidationProblem(writer, options.ValidationStatusCode, reported);
        }

        PooledJsonWriter.CopyTo(writer, response);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The validation problem written by the app's <see cref="IProblemDetailsService"/>, so <c>CustomizeProblemDetails</c>
    /// and the app's writers see it (a <c>traceId</c>, another shape); FastEndpointsGen's own writer answers when no
    /// writer takes it (e.g. an <c>Accept</c> header that none of them can write).
    /// </summary>
    private static async Task WriteValidationProblemAsync(HttpContext httpContext, IProblemDetailsService service, int statusCode, IReadOnlyList<FieldError> reported)
    {
        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var error in reported)
        {
            if (!grouped.TryGetValue(error.Key, out var messages))
            {
                grouped[error.Key] = messages = [];
            }

            messages.Add(error.ProblemMessage ?? error.Message);
        }

        var errors = new Dictionary<string, string[]>(grouped.Count, StringComparer.Ordinal);
        foreach (var (key, messages) in grouped)
        {
            errors[key] = [.. messages];
        }

        var problem = new HttpValidationProblemDetails(errors)
        {
            Type = TypeLink(statusCode),
            Title = "One or more validation errors occurred.",
            Status = statusCode,
        };
        if (await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }))
        {
            return;
        }

        httpContext.Response.ContentType = ProblemJson;
        var writer = PooledJsonWriter.Rent(forErrors: true);
        WriteValidationProblem(writer, statusCode, reported);
        PooledJsonWriter.CopyTo(writer, httpContext.Response);
    }

    /// <summary>Writes an error response with a status code and optional detail text.</summary>
    public static Task WriteProblemAsync(HttpContext httpContext, EndpointRuntime runtime, int statusCode, string? detail) =>
        WriteProblemAsync(httpContext, runtime, statusCode, detail, extensions: null);

    private static Task WriteProblemAsync(HttpContext httpContext, EndpointRuntime runtime, int statusCode, string? detail,
        IDictionary<string, object?>? extensions)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.Headers.XContentTypeOptions = NoSniff;
        var writer = PooledJsonWriter.Rent(forErrors: true);
        if (runtime.Options.ErrorFormat == ErrorFormat.FastApi)
        {
            // Starlette's HTTPException body: the detail, or the reason phrase when there is none.
            response.ContentType = Json;
            writer.WriteStartObject();
            writer.WriteString("detail", detail ?? ReasonPhrases.GetReasonPhrase(statusCode));
            writer.WriteEndObject();
        }
        else
        {
            response.ContentType = ProblemJson;
            writer.WriteStartObject();
            WriteProblemHeader(writer, statusCode, title: null);
            if (detail is not null)
            {
                writer.WriteString("detail", detail);
            }

            if (extensions is not null)
            {
                WriteExtensions(writer, extensions, runtime.SerializerOptions);
            }

            writer.WriteEndObject();
        }

        PooledJsonWriter.CopyTo(writer, response);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Turns an exception thrown by a handler into a response: <see cref="HttpError"/> gives its own
    /// status, headers and extensions, a bad request (e.g. a body over Kestrel's limit) its 4xx. Any other
    /// exception is rethrown to the app's exception handling when <c>AddFastEndpointsGen</c> put its fallback
    /// in the pipeline (see <see cref="UnhandledExceptionFallback"/>); otherwise, or when nothing handles it,
    /// it is a 500 that carries the exception text only in Development.
    /// </summary>
    public static Task HandleExceptionAsync(HttpContext httpContext, EndpointRuntime runtime, Exception exception)
    {
        switch (exception)
        {
            case HttpError error when !httpContext.Response.HasStarted:
                return WriteHttpErrorAsync(httpContext, runtime, error);
            case BadHttpRequestException badRequest when !httpContext.Response.HasStarted:
                return WriteProblemAsync(httpContext, runtime, badRequest.StatusCode, badRequest.Message);
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                // The request was cancelled: a client that went away, or ASP.NET's request-timeouts middleware, which
                // answers 504 when the cancellation reaches it — so it goes up the pipeline as from a minimal API.
                return RethrowCancellation(httpContext, runtime, exception);
        }

        if (runtime.ExceptionFallback is { IsInstalled: true } && !httpContext.Response.HasStarted)
        {
            // As a minimal API's exception: UseExceptionHandler, IExceptionHandler or the developer exception page
            // handle it; the fallback middleware answers (below) if none of them does.
            httpContext.Items[UnhandledExceptionFallback.RuntimeKey] = runtime;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        }

        return AnswerUnhandledAsync(httpContext, runtime, exception);
    }

    private static Task RethrowCancellation(HttpContext httpContext, EndpointRuntime runtime, Exception exception)
    {
        if (runtime.ExceptionFallback is { IsInstalled: true } && !httpContext.Response.HasStarted)
        {
            httpContext.Items[UnhandledExceptionFallback.RuntimeKey] = runtime;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        }

        return Task.CompletedTask;
    }

    /// <summary>Logs an exception nothing handled and answers a 500 problem, or aborts when the response has started.</summary>
    internal static Task AnswerUnhandledAsync(HttpContext httpContext, EndpointRuntime runtime, Exception exception)
    {
        // The escaped form of the path: a decoded CR/LF could forge log lines in plain-text sinks.
        LogUnhandled(runtime.Logger, exception, httpContext.Request.Method, httpContext.Request.Path.ToUriComponent());
        if (httpContext.Response.HasStarted)
        {
            // Too late for a clean error; abort so the client sees a broken response, not a truncated success.
            httpContext.Abort();
            return Task.CompletedTask;
        }

        httpContext.Response.Clear();
        return WriteProblemAsync(httpContext, runtime, StatusCodes.Status500InternalServerError,
            runtime.IsDevelopment ? exception.ToString() : null);
    }

    /// <summary>An <see cref="HttpError"/>: its headers, then its status, detail and problem extensions.</summary>
    private static Task WriteHttpErrorAsync(HttpContext httpContext, EndpointRuntime runtime, HttpError error)
    {
        if (error.HasHeaders)
        {
            foreach (var header in error.Headers)
            {
                httpContext.Response.Headers[header.Key] = header.Value;
            }
        }

        return WriteProblemAsync(httpContext, runtime, error.StatusCode, error.Detail, error.HasExtensions ? error.Extensions : null);
    }

    /// <summary>
    /// The errors a response reports: at most <paramref name="limit"/>, then, when more were found, one final
    /// <c>too_many_errors</c> entry at the source of the last one that says how many more there were.
    /// </summary>
    internal static IReadOnlyList<FieldError> Reported(RequestErrors errors, int limit)
    {
        var items = errors.Items;
        var kept = Math.Min(items.Count, limit);
        var more = errors.Dropped + items.Count - kept;
        if (more == 0)
        {
            return items;
        }

        var reported = new List<FieldError>(kept + 1);
        for (var i = 0; i < kept; i++)
        {
            reported.Add(items[i]);
        }

        var source = kept > 0 ? items[kept - 1].Location[0] : "body";
        reported.Add(new FieldError([source], ErrorTypes.TooManyErrors, ErrorTypes.TooManyErrorsMessage(more)));
        return reported;
    }

    internal static void WriteValidationProblem(Utf8JsonWriter writer, int statusCode, IReadOnlyList<FieldError> items)
    {
        writer.WriteStartObject();
        WriteProblemHeader(writer, statusCode, "One or more validation errors occurred.");
        writer.WriteStartObject("errors");
        // Errors at one location are grouped into one array, locations in the order first found.
        var links = items.Count > ScanGroupingLimit ? LinkGroups(items) : null;
        for (var i = 0; i < items.Count; i++)
        {
            var key = items[i].Key;
            if (links is null ? SeenBefore(items, i, key) : links[i].Continues)
            {
                continue;
            }

            writer.WriteStartArray(key);
            if (links is null)
            {
                for (var j = i; j < items.Count; j++)
                {
                    if (j == i || string.Equals(items[j].Key, key, StringComparison.Ordinal))
                    {
                        writer.WriteStringValue(items[j].ProblemMessage ?? items[j].Message);
                    }
                }
            }
            else
            {
                for (var j = i; j >= 0; j = links[j].Next)
                {
                    writer.WriteStringValue(items[j].ProblemMessage ?? items[j].Message);
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // A few errors: finding a key's earlier occurrences by scanning beats building a map.
    private static bool SeenBefore(IReadOnlyList<FieldError> items, int index, string key)
    {
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(items[i].Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Many errors: one pass with a map from key to the last error seen there, so each error learns the next
    // error at its location (-1 for none) and whether an earlier error already opened its group.
    private static (int Next, bool Continues)[] LinkGroups(IReadOnlyList<FieldError> items)
    {
        var links = new (int Next, bool Continues)[items.Count];
        var last = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var key = items[i].Key;
            links[i] = (-1, false);
            if (last.TryGetValue(key, out var previous))
            {
                links[previous].Next = i;
                links[i].Continues = true;
            }

            last[key] = i;
        }

        return links;
    }

    internal static void WriteFastApiDetail(Utf8JsonWriter writer, IReadOnlyList<FieldError> items)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("detail");
        foreach (var error in items)
        {
            writer.WriteStartObject();
            writer.WriteString("type", error.Type);
            writer.WriteStartArray("loc");
            foreach (var segment in error.Location)
            {
                if (segment is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue((string)segment);
                }
            }

            writer.WriteEndArray();
            writer.WriteString("msg", error.Message);
            writer.WritePropertyName("input");
            if (error.RawInput is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(error.RawInput, skipInputValidation: true);
            }

            if (error.Context is { Count: > 0 } context)
            {
                writer.WriteStartObject("ctx");
                foreach (var entry in context)
                {
                    writer.WritePropertyName(entry.Key);
                    writer.WriteRawValue(entry.Value, skipInputValidation: true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // RFC 9457 extension members, after the standard ones (which an extension cannot replace).
    private static void WriteExtensions(Utf8JsonWriter writer, IDictionary<string, object?> extensions, JsonSerializerOptions options)
    {
        foreach (var (name, value) in extensions)
        {
            if (name is "type" or "title" or "status" or "detail" or "instance")
            {
                continue;
            }

            writer.WritePropertyName(name);
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case int number:
                    writer.WriteNumberValue(number);
                    break;
                case long number:
                    writer.WriteNumberValue(number);
                    break;
                case double number:
                    writer.WriteNumberValue(number);
                    break;
                case decimal number:
                    writer.WriteNumberValue(number);
                    break;
                case JsonElement element:
                    element.WriteTo(writer);
                    break;
                default:
                    // Anything else through the app's serializer options (under Native AOT, a type its context knows).
                    JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
                    break;
            }
        }
    }

    private static void WriteProblemHeader(Utf8JsonWriter writer, int statusCode, string? title)
    {
        writer.WriteString("type", TypeLink(statusCode));
        writer.WriteString("title", title ?? ReasonPhrases.GetReasonPhrase(statusCode));
        writer.WriteNumber("status", statusCode);
    }

    // The RFC 9110 section of each status, as ASP.NET Core's own problem details use them.
    private static string TypeLink(int statusCode) => statusCode switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        406 => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        408 => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        502 => "https://tools.ietf.org/html/rfc9110#section-15.6.3",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "about:blank",
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
