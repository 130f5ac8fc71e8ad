using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// The most common parameter shapes in one call each, so a generated request delegate binds a plain route, query,
/// header or cookie value in one line (docs/performance.md#generated-code-size): a required or optional integer (with or without inclusive bounds), another
/// <see cref="IParsable{TSelf}"/> value (<see cref="bool"/>, <see cref="Guid"/>, …) or a string, with no validation rule.
/// Each does exactly what the expanded code does: absent (for a non-string, empty too) → the fallback or a
/// <c>missing</c> error; unparsable → the type's error with the raw text. Generic over value types, so Native AOT
/// compiles one copy per type and nothing is reflected.
/// </summary>
public static partial class RequestValues
{
    /// <summary>A required integer: absent or empty → <c>missing</c>; not a whole number in range → <c>int_parsing</c>(<c>_size</c>).</summary>
    public static T Integer<T>(string? raw, string source, string name, ref RequestErrors? errors)
        where T : struct, IBinaryInteger<T>
    {
        if (string.IsNullOrEmpty(raw))
        {
            errors = RequestErrors.Missing(errors, source, name);
            return default;
        }

        return ParseInteger(raw, source, name, default(T), ref errors);
    }

    /// <summary>An optional integer: absent or empty → <paramref name="fallback"/>; invalid → <c>int_parsing</c>(<c>_size</c>).</summary>
    public static T Integer<T>(string? raw, string source, string name, T fallback, ref RequestErrors? errors)
        where T : struct, IBinaryInteger<T> =>
        string.IsNullOrEmpty(raw) ? fallback : ParseInteger(raw, source, name, fallback, ref errors);

    /// <summary>An optional <see cref="Nullable{T}"/> integer: absent or empty → <paramref name="fallback"/>.</summary>
    public static T? NullableInteger<T>(string? raw, string source, string name, T? fallback, ref RequestErrors? errors)
        where T : struct, IBinaryInteger<T> =>
        string.IsNullOrEmpty(raw) ? fallback : ParseInteger(raw, source, name, fallback, ref errors);

    /// <summary>
    /// A required integer with inclusive bounds (<c>[Range(1, 100)]</c>): as <see cref="Integer{T}(string, string, string, ref RequestErrors)"/>,
    /// then below <paramref name="minimum"/> → <c>greater_than_equal</c>, above <paramref name="maximum"/> → <c>less_than_equal</c>.
    /// </summary>
    public static T IntegerInRange<T>(string? raw, string source, string name, T? minimum, T? maximum, ref RequestErrors? errors)
        where T : struct, IBinaryInteger<T>
    {
        if (string.IsNullOrEmpty(raw))
        {
            errors = RequestErrors.Missing(errors, source, name);
            return default;
        }

        return ParseIntegerInRange(raw, source, name, default, minimum, maximum, ref errors);
    }

    /// <summary>An optional integer with inclusive bounds: absent or empty → <paramref name="fallback"/>, which is not checked.</summary>
    public static T IntegerInRange<T>(string? raw, string source, string name, T fallback, T? minimum, T? maximum, ref RequestErrors? errors)
        where T : struct, IBinaryInteger<T> =>
        string.IsNullOrEmpty(raw) ? fallback : ParseIntegerInRange(raw, source, name, fallback, minimum, maximum, ref errors);

    /// <summary>A required value parsed with the invariant culture; invalid → <paramref name="errorType"/>.</summary>
    public static T Value<T>(string? raw, string source, string name, string errorType, ref RequestErrors? errors)
        where T : struct, IParsable<T>
    {
        if (string.IsNullOrEmpty(raw))
        {
            errors = RequestErrors.Missing(errors, source, name);
            return default;
        }

        return Parse(raw, source, name, errorType, default(T), ref errors);
    }

    /// <summary>An optional value: absent or empty → <paramref name="fallback"/>; invalid → <paramref name="errorType"/>.</summary>
    public static T Value<T>(string? raw, string source, string name, string errorType, T fallback, ref RequestErrors? errors)
        where T : struct, IParsable<T> =>
        string.IsNullOrEmpty(raw) ? fallback : Parse(raw, source, name, errorType, fallback, ref errors);

    /// <summary>An optional <see cref="Nullable{T}"/> value: absent or empty → <paramref name="fallback"/>.</summary>
    public static T? NullableValue<T>(string? raw, string source, string name, string errorType, T? fallback, ref RequestErrors? errors)
        where T : struct, IParsable<T> =>
        string.IsNullOrEmpty(raw) ? fallback : Parse(raw, source, name, errorType, fallback, ref errors);

    /// <summary>A required string: absent (not empty: an empty string is a value) → <c>missing</c>.</summary>
    public static string Text(string? raw, string source, string name, ref RequestErrors? errors)
    {
        if (raw is null)
        {
            errors = RequestErrors.Missing(errors, source, name);
            return null!;
        }

        return raw;
    }

    /// <summary>An optional string: absent → <paramref name="fallback"/>.</summary>
    [return: NotNullIfNotNull(nameof(raw))]
    [return: NotNullIfNotNull(nameof(fallback))]
    public static string? Text(string? raw, string? fallback) => raw ?? fallback;

    private static T ParseInteger<T>(string raw, string source, string name, T fallback, ref RequestErrors? errors)
        where T : struct, IBinaryInteger<T>
    {
        if (T.TryParse(raw, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors = RequestErrors.InvalidInteger(errors, source, name, raw);
        return fallback;
    }

    private static T ParseIntegerInRange<T>(string raw, string source, string name, T fallback, T? minimum, T? maximum, ref RequestErrors? errors)
        where T : struct, IBinaryInteger<T>
    {
        if (!T.TryParse(raw, CultureInfo.InvariantCulture, out var value))
        {
            errors = RequestErrors.InvalidInteger(errors, source, name, raw);
            return fallback;
        }

        // The same errors as the expanded checks (docs/validation.md): the bound as written, the raw text echoed.
        if (minimum is { } least && value < least)
        {
            var bound = least.ToString(null, CultureInfo.InvariantCulture);
            errors = RequestErrors.Rule(errors, source, name, "greater_than_equal", "Input should be greater than or equal to " + bound,
                RequestErrors.StringInput(raw), ValidationChecks.Context("ge", bound));
        }

        if (maximum is { } most && value > most)
        {
            var bound = most.ToString(null, CultureInfo.InvariantCulture);
            errors = RequestErrors.Rule(errors, source, name, "less_than_equal", "Input should be less than or equal to " + bound,
                RequestErrors.StringInput(raw), ValidationChecks.Context("le", bound));
        }

        return value;
    }

    private static T? ParseInteger<T>(string raw, string source, string name, T? fallback, ref RequestErrors? errors)
        where T : struct, IBinaryInteger<T>
    {
        if (T.TryParse(raw, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors = RequestErrors.InvalidInteger(errors, source, name, raw);
        return fallback;
    }

    private static T Parse<T>(string raw, string source, string name, string errorType, T fallback, ref RequestErrors? errors)
        where T : struct, IParsable<T>
    {
        if (T.TryParse(raw, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors = RequestErrors.Invalid(errors, source, name, errorType, raw);
        return fallback;
    }

    private static T? Parse<T>(string raw, string source, string name, string errorType, T? fallback, ref RequestErrors? errors)
        where T : struct, IParsable<T>
    {
        if (T.TryParse(raw, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors = RequestErrors.Invalid(errors, source, name, errorType, raw);
        return fallback;
    }
}
