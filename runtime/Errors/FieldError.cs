using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// One thing a client got wrong, with where it happened. <see cref="Location"/> is the source
/// (<c>path</c>, <c>query</c>, <c>header</c>, <c>cookie</c>, <c>body</c>) followed by JSON member names and item indexes.
/// </summary>
/// <param name="Location">The location segments: a source, then <see cref="string"/> names and <see cref="int"/> indexes.</param>
/// <param name="Type">The FastAPI/pydantic error type code, e.g. <c>missing</c> or <c>int_parsing</c>.</param>
/// <param name="Message">The plain-English message, e.g. <c>Field required</c>.</param>
/// <param name="RawInput">The offending input as JSON text, or null when there is none to show.</param>
/// <param name="Context">Extra facts as raw JSON values, e.g. <c>("le", "100")</c>, or null.</param>
public sealed record FieldError(
    IReadOnlyList<object> Location,
    string Type,
    string Message,
    string? RawInput = null,
    IReadOnlyList<KeyValuePair<string, string>>? Context = null)
{
    /// <summary>
    /// The message in problem-details responses when it says more than FastAPI's exact <see cref="Message"/>
    /// (a JSON decode error names its position and cause there).
    /// </summary>
    public string? ProblemMessage { get; init; }

    private string? _key;

    /// <summary>The location as one key: segments joined with <c>.</c> and <c>[i]</c>, e.g. <c>body.tags[1]</c>.</summary>
    public string Key => _key ??= BuildKey();

    private string BuildKey()
    {
        if (Location.Count == 1)
        {
            return (string)Location[0];
        }

        var key = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[128]);
        var first = true;
        for (var i = 0; i < Location.Count; i++)
        {
            switch (Location[i])
            {
                // A decode error's byte position is part of FastAPI's loc, but not of the problem-details key.
                case int when Type == ErrorTypes.JsonInvalid:
                    continue;
                case int index:
                    key.AppendLiteral("[");
                    key.AppendFormatted(index);
                    key.AppendLiteral("]");
                    break;
                case var name:
                    if (!first)
                    {
                        key.AppendLiteral(".");
                    }

                    key.AppendFormatted((string)name);
                    break;
            }

            first = false;
        }

        return key.ToStringAndClear();
    }
}
