using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FastEndpointsGen.Runtime;

public static partial class RequestValues
{
    // The field ASP.NET Core's anti-forgery reads its token from: part of every protected form, never a model's.
    private const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>
    /// With <see cref="FastEndpointsGenOptions.RejectUnknownParameters"/>: each query key the endpoint does not bind is
    /// <c>extra_forbidden</c> at <c>query.&lt;key&gt;</c>, as FastAPI's <c>extra="forbid"</c> query models answer
    /// (docs/binding.md#unknown-parameters). <paramref name="known"/> holds the bound names; matching ignores case.
    /// </summary>
    public static RequestErrors? RejectUnknownQuery(RequestErrors? errors, IQueryCollection query, string[] known)
    {
        foreach (var pair in query)
        {
            errors = RejectUnknown(errors, "query", pair.Key, pair.Value, known);
        }

        return errors;
    }

    /// <summary>
    /// The same for the headers of an endpoint with a header model, at <c>header.&lt;name&gt;</c> (lower case), except the
    /// headers HTTP clients, browsers and proxies add on their own and <see cref="FastEndpointsGenOptions.AllowedExtraHeaders"/>.
    /// (FastAPI refuses those too, which its own tests avoid by sending no default headers.)
    /// </summary>
    public static RequestErrors? RejectUnknownHeaders(RequestErrors? errors, IHeaderDictionary headers, string[] known, ISet<string> allowed)
    {
        foreach (var pair in headers)
        {
            if (!IsTransportHeader(pair.Key) && !allowed.Contains(pair.Key))
            {
                errors = RejectUnknown(errors, "header", pair.Key.ToLowerInvariant(), pair.Value, known);
            }
        }

        return errors;
    }

    // Sent by clients, browsers, proxies and tracing on their own: never a model's extra input.
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "User-Agent", "Accept", "Accept-Encoding", "Accept-Language", "Accept-Charset", "Connection", "Keep-Alive",
        "Content-Type", "Content-Length", "Transfer-Encoding", "TE", "Trailer", "Expect", "Upgrade", "Via", "Max-Forwards",
        "Cookie", "Authorization", "Proxy-Authorization", "Origin", "Referer", "Cache-Control", "Pragma", "Priority", "DNT",
        "Upgrade-Insecure-Requests", "Forwarded", "traceparent", "tracestate", "baggage", "Request-Id", "Correlation-Context",
        "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range", "Range", "RequestVerificationToken",
    };

    private static bool IsTransportHeader(string name) =>
        TransportHeaders.Contains(name) || name.StartsWith(':')
        || name.StartsWith("Sec-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Access-Control-Request-", StringComparison.OrdinalIgnoreCase);

    /// <summary>The same for form fields and files, at <c>body.&lt;name&gt;</c>; the anti-forgery field is not the model's.</summary>
    public static RequestErrors? RejectUnknownForm(RequestErrors? errors, IFormCollection form, string[] known)
    {
        foreach (var pair in form)
        {
            if (!string.Equals(pair.Key, AntiforgeryField, StringComparison.OrdinalIgnoreCase))
            {
                errors = RejectUnknown(errors, "body", pair.Key, pair.Value, known);
            }
        }

        foreach (var file in form.Files)
        {
            errors = RejectUnknown(errors, "body", file.Name, StringValues.Empty, known);
        }

        return errors;
    }

    private static RequestErrors? RejectUnknown(RequestErrors? errors, string source, string name, StringValues values, string[] known)
    {
        if (Array.Exists(known, k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)))
        {
            return errors;
        }

        return RequestErrors.Invalid(errors, source, name, ErrorTypes.ExtraForbidden, values.Count == 0 ? null : values[0]);
    }
}
