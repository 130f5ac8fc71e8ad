using System;
using System.Collections.Generic;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Why a text is not a URL, in the words pydantic uses (its <c>url_parsing</c> message and <c>ctx.error</c>, taken from
/// the WHATWG URL parser's errors): "Input should be a valid URL, empty host" with <c>{"error":"empty host"}</c>
/// (docs/errors.md#error-types).
/// </summary>
internal static class UrlErrors
{
    public static string Message(string error) => ErrorTypes.Message(ErrorTypes.UrlParsing) + ", " + error;

    public static IReadOnlyList<KeyValuePair<string, string>> Context(string error) => [new("error", RequestErrors.JsonString(error))];

    /// <summary>The parser error a text that <see cref="Uri.TryCreate(string?, UriKind, out Uri?)"/> refused most likely hit.</summary>
    public static string Describe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "input is empty";
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return "relative URL without a base";
        }

        var authority = text.AsSpan(schemeEnd + 3);
        var end = authority.IndexOfAny('/', '?', '#');
        if (end >= 0)
        {
            authority = authority[..end];
        }

        var at = authority.LastIndexOf('@');
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        if (host.StartsWith("["))
        {
            var close = host.IndexOf(']');
            if (close < 0 || !System.Net.IPAddress.TryParse(host[1..close], out _))
            {
                return "invalid IPv6 address";
            }

            return IsPort(host[(close + 1)..]) ? "invalid domain character" : "invalid port number";
        }

        var colon = host.LastIndexOf(':');
        if (colon >= 0)
        {
            if (!IsPort(host[colon..]))
            {
                return "invalid port number";
            }

            host = host[..colon];
        }

        if (host.IsEmpty)
        {
            return "empty host";
        }

        foreach (var c in host)
        {
            if (c > 127)
            {
                return "invalid international domain name";
            }
        }

        var numeric = true;
        foreach (var c in host)
        {
            numeric &= char.IsAsciiDigit(c) || c == '.';
        }

        return numeric ? "invalid IPv4 address" : "invalid domain character";
    }

    /// <summary>Empty, or <c>:</c> and a number up to 65535 (the empty port <c>:</c> is allowed, as WHATWG allows it).</summary>
    private static bool IsPort(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text is ":")
        {
            return true;
        }

        if (text[0] != ':')
        {
            return false;
        }

        foreach (var c in text[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length <= 6 && int.Parse(text[1..], provider: System.Globalization.CultureInfo.InvariantCulture) <= 65535;
    }
}
