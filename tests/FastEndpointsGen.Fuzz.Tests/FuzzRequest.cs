using System.Text;

namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>What the answer to a fuzzed request must be, beyond the properties every answer has.</summary>
internal enum Expectation
{
    /// <summary>Any answer that is not a server error.</summary>
    NoServerError,

    /// <summary>The request breaks the operation's documented contract: it must be refused with a 4xx.</summary>
    Rejected,
}

/// <summary>One generated request, kept as plain data so a failure prints it exactly and it can be resent.</summary>
internal sealed record FuzzRequest(
    ApiOperation Operation,
    MutationKind Kind,
    string Note,
    string Method,
    string Url,
    IReadOnlyList<(string Name, string Value)> Headers,
    byte[]? Body,
    string? ContentType,
    Expectation Expectation)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.Relative));
        if (Body is not null)
        {
            var content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            message.Content = content;
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    /// <summary>The request as a reader can replay it: method, URL, headers and the start of the body.</summary>
    public override string ToString()
    {
        const int shown = 600;
        var text = new StringBuilder();
        text.Append(CultureInvariant($"[{Operation.Key} · {Kind} · {Note} · expects {Expectation}]\n"));
        text.Append(Method).Append(' ').Append(Shorten(Url, shown)).Append('\n');
        foreach (var (name, value) in Headers)
        {
            text.Append(name).Append(": ").Append(Shorten(Escape(value), shown)).Append('\n');
        }

        if (ContentType is not null)
        {
            text.Append("Content-Type: ").Append(Escape(ContentType)).Append('\n');
        }

        if (Body is not null)
        {
            text.Append(CultureInvariant($"({Body.Length} bytes)\n"));
            text.Append(Shorten(Escape(Encoding.UTF8.GetString(Body)), shown));
        }

        return text.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : FormattableString.Invariant($"{text[..length]}… ({text.Length} chars)");

    /// <summary>Control characters made visible, so CR, LF and NUL in a printed request are not lost.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c is < ' ' or '\u007f' || char.IsSurrogate(c) ? FormattableString.Invariant($"\\u{(int)c:x4}") : c.ToString());
        }

        return escaped.ToString();
    }
}
