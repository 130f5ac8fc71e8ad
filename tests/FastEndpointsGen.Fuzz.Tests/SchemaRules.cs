using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>
/// What the OpenAPI document promises the server refuses. Only certain refusals are claimed: a value the schema's
/// type, range, length, pattern or enum rules out. Anything a lenient reader may reasonably accept (<c>1E2</c> for an
/// integer, <c>-0</c>) is left unclaimed.
/// </summary>
internal sealed partial class SchemaRules(ApiDocument document)
{
    /// <summary>Whether a JSON number literal (as written on the wire) is outside what <paramref name="schema"/> allows.</summary>
    public bool RejectsNumber(JsonObject schema, string literal)
    {
        schema = document.Unwrap(schema);
        var type = document.MainType(schema);
        if (type == "string" && (string?)schema["format"] == "duration")
        {
            // A documented leniency (docs/openapi.md): a duration is also read as a number of seconds.
            return false;
        }

        if (type is not ("integer" or "number"))
        {
            return type is not null;
        }

        double value;
        if (WholeNumber().IsMatch(literal))
        {
            var whole = BigInteger.Parse(literal, CultureInfo.InvariantCulture);
            if (type == "integer" && (whole < MinOf(schema) || whole > MaxOf(schema)))
            {
                return true;
            }

            value = (double)whole;
        }
        else
        {
            if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
            {
                return true;
            }

            if (type == "integer" && (Math.Floor(value) != value || value < (double)MinOf(schema) || value > (double)MaxOf(schema)))
            {
                return true;
            }
        }

        if ((string?)schema["format"] == "decimal" && Math.Abs(value) > (double)decimal.MaxValue)
        {
            return true;
        }

        return OutsideBounds(schema, value);
    }

    /// <summary>Whether a route, query or header text is outside what <paramref name="schema"/> allows.</summary>
    public bool RejectsText(JsonObject schema, string text)
    {
        schema = document.Unwrap(schema);
        if (schema["enum"] is JsonArray values)
        {
            return !values.Any(v => string.Equals((string?)v, text, StringComparison.OrdinalIgnoreCase));
        }

        switch (document.MainType(schema))
        {
            case "integer" or "number":
                return RejectsNumber(schema, text);
            case "boolean":
                return !BooleanWords.Contains(text);
            case "array":
                return RejectsText(schema["items"]?.AsObject() ?? [], text);
            case "string":
                return RejectsString(schema, text);
            default:
                return false;
        }
    }

    /// <summary>Whether a JSON value (not a number literal) is of a type or shape <paramref name="schema"/> rules out.</summary>
    public bool RejectsValue(JsonObject schema, JsonNode? value)
    {
        if (document.Types(schema) is not { } types)
        {
            return false;
        }

        var unwrapped = document.Unwrap(schema);
        return value switch
        {
            null => !types.Contains("null"),
            JsonArray => !types.Contains("array"),
            JsonObject => !types.Contains("object"),
            JsonValue v when v.TryGetValue<string>(out var s) => !types.Contains("string") || RejectsString(unwrapped, s),
            JsonValue v when v.TryGetValue<bool>(out _) => !types.Contains("boolean"),
            _ => RejectsNumber(schema, value.ToJsonString()),
        };
    }

    /// <summary>Values that each break one declared constraint of <paramref name="schema"/> (as JSON), with what they break.</summary>
    public List<(string Rule, JsonNode? Value)> Violations(JsonObject schema, JsonNode? valid)
    {
        schema = document.Unwrap(schema);
        var found = new List<(string, JsonNode?)>();
        if (schema["minimum"] is JsonValue minimum)
        {
            found.Add(("minimum", JsonValue.Create((double)minimum! - 1)));
        }

        if (schema["maximum"] is JsonValue maximum)
        {
            found.Add(("maximum", JsonValue.Create((double)maximum! + 1)));
        }

        if (schema["exclusiveMinimum"] is JsonValue exclusiveMinimum)
        {
            found.Add(("exclusiveMinimum", exclusiveMinimum.DeepClone()));
        }

        if (schema["exclusiveMaximum"] is JsonValue exclusiveMaximum)
        {
            found.Add(("exclusiveMaximum", exclusiveMaximum.DeepClone()));
        }

        if ((int?)schema["minLength"] is > 0 and var minLength)
        {
            found.Add(("minLength", new string('s', minLength - 1)));
        }

        if ((int?)schema["maxLength"] is { } maxLength)
        {
            found.Add(("maxLength", new string('s', maxLength + 1)));
        }

        // A trailing newline breaks most patterns (and slips through .NET's `$`); where the pattern itself allows
        // whitespace at the end it is a valid value, not a violation.
        if ((string?)schema["pattern"] is { } trailing && !Examples.Matches(trailing, Examples.Text(valid) + "\n"))
        {
            found.Add(("pattern, trailing newline", Examples.Text(valid) + "\n"));
        }

        if (schema["enum"] is JsonArray)
        {
            found.Add(("enum", "not-a-member"));
        }

        if (schema["not"]?["enum"] is JsonArray denied && denied.Count > 0)
        {
            found.Add(("not enum", denied[0]!.DeepClone()));
        }

        switch ((string?)schema["format"])
        {
            case "uuid": found.Add(("format uuid", "not-a-uuid")); break;
            case "date": found.Add(("format date", "2026-13-45")); break;
            case "date-time": found.Add(("format date-time", "yesterday")); break;
            case "time": found.Add(("format time", "25:99")); break;
            case "email": found.Add(("format email", "no-at-sign")); break;
        }

        if ((string?)schema["contentEncoding"] == "base64")
        {
            found.Add(("base64", "###"));
        }

        if ((int?)schema["minItems"] is > 0 and var minItems && valid is JsonArray items && items.Count > 0)
        {
            found.Add(("minItems", new JsonArray([.. Enumerable.Range(0, minItems - 1).Select(_ => items[0]!.DeepClone())])));
        }

        if ((int?)schema["maxItems"] is { } maxItems && valid is JsonArray many && many.Count > 0)
        {
            found.Add(("maxItems", new JsonArray([.. Enumerable.Range(0, maxItems + 1).Select(_ => many[0]!.DeepClone())])));
        }

        return found;
    }

    private bool RejectsString(JsonObject schema, string text)
    {
        schema = document.Unwrap(schema);
        if (schema["enum"] is JsonArray values && !values.Any(v => string.Equals((string?)v, text, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        if (text.Length < ((int?)schema["minLength"] ?? 0) || text.Length > ((int?)schema["maxLength"] ?? int.MaxValue))
        {
            return true;
        }

        if ((string?)schema["pattern"] is { } pattern && !Examples.Matches(pattern, text))
        {
            return true;
        }

        return (string?)schema["format"] switch
        {
            "uuid" => !Guid.TryParse(text, CultureInfo.InvariantCulture, out _),
            "date" or "date-time" => !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => false,
        };
    }

    private static bool OutsideBounds(JsonObject schema, double value) =>
        (schema["minimum"] is JsonValue min && value < (double)min!)
        || (schema["maximum"] is JsonValue max && value > (double)max!)
        || (schema["exclusiveMinimum"] is JsonValue exclusiveMin && value <= (double)exclusiveMin!)
        || (schema["exclusiveMaximum"] is JsonValue exclusiveMax && value >= (double)exclusiveMax!);

    // The range each integer format names (the document writes the C# width: int8 … uint64).
    private static BigInteger MinOf(JsonObject schema) => (string?)schema["format"] switch
    {
        "int8" => sbyte.MinValue,
        "int16" => short.MinValue,
        "int32" => int.MinValue,
        "uint8" or "uint16" or "uint32" or "uint64" => 0,
        _ => long.MinValue,
    };

    private static BigInteger MaxOf(JsonObject schema) => (string?)schema["format"] switch
    {
        "int8" => sbyte.MaxValue,
        "uint8" => byte.MaxValue,
        "int16" => short.MaxValue,
        "uint16" => ushort.MaxValue,
        "int32" => int.MaxValue,
        "uint32" => uint.MaxValue,
        "uint64" => ulong.MaxValue,
        _ => long.MaxValue,
    };

    // Pydantic's lax boolean words; anything else is no boolean to any reader.
    private static readonly HashSet<string> BooleanWords = new(["true", "false", "1", "0", "yes", "no", "on", "off", "t", "f", "y", "n"], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex WholeNumber();
}
