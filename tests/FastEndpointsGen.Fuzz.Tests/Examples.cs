using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>
/// Valid values built from schemas alone: the starting point every mutation changes one thing of. Values pick the
/// smallest choice a constraint allows, so a mutation that breaks the constraint is one step away.
/// </summary>
internal sealed class Examples(ApiDocument document)
{
    /// <summary>A password the app must never echo in an error (docs/errors.md, FastAPI format).</summary>
    public const string Password = "Pa55-word-never-echoed";

    // Candidates tried against a `pattern`; a new endpoint whose pattern none matches fails loudly here.
    private static readonly string[] PatternCandidates = ["abc", "req-1", "ABC-12", "01:02:03", "fixedquery", "hello world", "a", "ab-ab", "123456"];

    public JsonNode? For(JsonObject schema, int depth = 0)
    {
        schema = document.Unwrap(schema);
        if (schema["enum"] is JsonArray values)
        {
            return values[0]!.DeepClone();
        }

        switch (document.MainType(schema))
        {
            case "string":
                return StringFor(schema);
            case "integer":
                return IntegerFor(schema);
            case "number":
                return schema["minimum"] is JsonValue minimum ? (double)minimum! : 1.5;
            case "boolean":
                return true;
            case "array":
                var array = new JsonArray();
                var count = Math.Max(1, (int?)schema["minItems"] ?? 1);
                for (var i = 0; i < count && depth < 3; i++)
                {
                    array.Add(For(schema["items"]?.AsObject() ?? [], depth + 1));
                }

                return array;
            case "object":
                var obj = new JsonObject();
                if (schema["properties"] is JsonObject properties && depth < 3)
                {
                    foreach (var (name, property) in properties)
                    {
                        if ((bool?)property!["readOnly"] != true)
                        {
                            obj[name] = For(property.AsObject(), depth + 1);
                        }
                    }
                }

                if (schema["additionalProperties"] is JsonObject additional && depth < 3)
                {
                    obj["key"] = For(additional, depth + 1);
                }

                return obj;
            default:
                return "any";
        }
    }

    /// <summary>A parameter value as it appears in a URL or header (before escaping).</summary>
    public string TextFor(JsonObject schema) => For(schema) switch
    {
        JsonArray array => string.Join(",", array.Select(item => Text(item))),
        var value => Text(value),
    };

    public static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => value.ToJsonString(),
    };

    private static long IntegerFor(JsonObject schema)
    {
        if (schema["minimum"] is JsonValue minimum)
        {
            return (long)(double)minimum!;
        }

        return schema["exclusiveMinimum"] is JsonValue exclusive ? (long)(double)exclusive! + 1 : 1;
    }

    private static string StringFor(JsonObject schema)
    {
        if ((string?)schema["contentEncoding"] == "base64")
        {
            return "aGVsbG8=";
        }

        switch ((string?)schema["format"])
        {
            case "uuid": return "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
            case "date": return "2026-01-02";
            case "date-time": return "2026-01-02T03:04:05Z";
            case "time": return "12:30:00";
            case "duration": return "PT1H30M";
            case "uri": return "https://example.com/a";
            case "email": return "ann@example.com";
            case "password": return Password;
        }

        if ((string?)schema["contentMediaType"] is not null)
        {
            return "file content";
        }

        if ((string?)schema["pattern"] is { } pattern)
        {
            return Array.Find(PatternCandidates, candidate => Matches(pattern, candidate))
                ?? throw new InvalidOperationException($"No example matches the pattern {pattern}; add one to {nameof(PatternCandidates)}.");
        }

        var denied = schema["not"]?["enum"]?.AsArray().Select(v => (string?)v).ToHashSet() ?? [];
        var length = Math.Clamp(4, (int?)schema["minLength"] ?? 0, (int?)schema["maxLength"] ?? int.MaxValue);
        var text = new StringBuilder().Append('s', length).ToString();
        return denied.Contains(text) ? text + "x" : text;
    }

    /// <summary>
    /// Whether a value matches a schema pattern, decided without backtracking where the pattern allows it, and under a
    /// timeout otherwise (a backreference needs the backtracking engine), so the check itself never hangs.
    /// </summary>
    public static bool Matches(string pattern, string value)
    {
        pattern = EcmaDollar(pattern);
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (NotSupportedException)
        {
            try
            {
                return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }

    // JSON Schema patterns are ECMA-262, where `$` (without the multiline flag) is the end of input; in .NET it also
    // matches before a final newline. Every unescaped `$` outside a character class becomes `\z`.
    private static string EcmaDollar(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 4);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var ch = pattern[i];
            if (ch == '\\' && i + 1 < pattern.Length)
            {
                result.Append(ch).Append(pattern[++i]);
                continue;
            }

            inClass = ch switch { '[' => true, ']' => false, _ => inClass };
            result.Append(ch == '$' && !inClass ? "\\z" : ch.ToString());
        }

        return result.ToString();
    }

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
