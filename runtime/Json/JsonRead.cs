using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace FastEndpointsGen.Runtime;

/// <summary>Reads one value with a generated reader.</summary>
/// <typeparam name="T">The type read.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader, JsonReadContext context);

/// <summary>
/// The leaf readers the generated JSON readers call. Each checks the token, reads the value, and on
/// a wrong type or form records an error at the current location instead of throwing, so one pass
/// finds every mistake. Numbers are also accepted as JSON strings, like ASP.NET's web defaults.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    /// <summary>Parses a whole document with <paramref name="read"/>; malformed JSON becomes one error at the source.</summary>
    public static T? Document<T>(in ReadOnlySequence<byte> bytes, JsonReadContext context, JsonReadFunc<T> read, bool allowNull = false)
    {
        var reader = new Utf8JsonReader(bytes, context.ReaderOptions);
        context.Document = bytes;
        if (JsonBody.IsText(bytes))
        {
            context.EchoInputs = false; // the rented context is set again for the next read
        }

        try
        {
            reader.Read();
            var value = allowNull && reader.TokenType == JsonTokenType.Null ? default : read(ref reader, context);
            // Reading once more proves nothing but whitespace follows the value.
            reader.Read();
            return value;
        }
        catch (JsonException exception) when (!context.IsModelFailure(exception))
        {
            var position = exception.LineNumber is 0 or null ? exception.BytePositionInLine ?? reader.BytesConsumed : reader.BytesConsumed;
            context.AddJsonInvalid(exception.Message, position);
            return default;
        }
        catch (InvalidOperationException exception) when (!context.IsModelFailure(exception))
        {
            // Utf8JsonReader reports invalid UTF-8 and lone surrogates while unescaping strings this way.
            context.AddJsonInvalid(exception.Message, reader.TokenStartIndex);
            return default;
        }
    }

    /// <summary>True when the reader is on the start of an object; otherwise records an error and skips the value.</summary>
    public static bool StartObject(ref Utf8JsonReader reader, JsonReadContext context)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        context.AddInvalidValue(ref reader, ErrorTypes.ModelType);
        return false;
    }

    /// <summary>
    /// Looks for the discriminator member <paramref name="name"/> anywhere in the object <paramref name="reader"/> is on
    /// (a copy: the caller's reader stays on the object's start, so the derived type's reader reads the object from there).
    /// True with <paramref name="tag"/> on the member's value when found.
    /// </summary>
    public static bool FindDiscriminator(Utf8JsonReader reader, ReadOnlySpan<byte> name, out Utf8JsonReader tag)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matches = reader.ValueTextEquals(name);
            reader.Read();
            if (matches)
            {
                tag = reader;
                return true;
            }

            reader.Skip();
        }

        tag = default;
        return false;
    }

    /// <summary>True when the discriminator value is the string <paramref name="value"/> (compared exactly, as System.Text.Json does).</summary>
    public static bool IsTag(ref Utf8JsonReader tag, ReadOnlySpan<byte> value) =>
        tag.TokenType == JsonTokenType.String && tag.ValueTextEquals(value);

    /// <summary>True when the discriminator value is the number <paramref name="value"/>.</summary>
    public static bool IsTag(ref Utf8JsonReader tag, int value) =>
        tag.TokenType == JsonTokenType.Number && tag.TryGetInt32(out var number) && number == value;

    /// <summary>True when the reader is on the start of an array; otherwise records an error and skips the value.</summary>
    public static bool StartArray(ref Utf8JsonReader reader, JsonReadContext context)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        context.AddInvalidValue(ref reader, ErrorTypes.ListType);
        return false;
    }

    /// <summary>True when the reader is on the start of an object used as a dictionary.</summary>
    public static bool StartDictionary(ref Utf8JsonReader reader, JsonReadContext context)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        context.AddInvalidValue(ref reader, ErrorTypes.DictType);
        return false;
    }

    /// <summary>Reads a string.</summary>
    public static bool String(ref Utf8JsonReader reader, JsonReadContext context, out string value)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            value = reader.GetString()!;
            return true;
        }

        value = null!;
        context.AddInvalidValue(ref reader, ErrorTypes.StringType);
        return false;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool Boolean(ref Utf8JsonReader reader, JsonReadContext context, out bool value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            default:
                value = false;
                context.AddInvalidValue(ref reader, ErrorTypes.BoolType);
                return false;
        }
    }

    /// <summary>Reads any integer type, from a number or a numeric string.</summary>
    public static bool Integer<T>(ref Utf8JsonReader reader, JsonReadContext context, out T value)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
        {
            if (TryParseValue(ref reader, NumberStyles.Integer, out value))
            {
                return true;
            }

            // Not a plain integer of this width. Decimal holds 28 significant digits exactly, so 1.0, 1e3 and
            // 9223372036854775808 are judged by their exact value: a whole number in range is accepted (FastAPI
            // accepts 1.0 too), one out of range is never saturated, and a fraction is never rounded away.
            string type;
            if (TryParseValue<decimal>(ref reader, NumberStyles.Float, out var exact))
            {
                // Decimal rounds what is below its precision to zero (4.9e-324): a fraction all the same.
                if (exact != decimal.Truncate(exact)
                    || exact == 0 && TryParseValue<double>(ref reader, NumberStyles.Float, out var tiny) && tiny != 0)
                {
                    type = ErrorTypes.IntFromFloat;
                }
                else if (exact >= decimal.CreateSaturating(T.MinValue) && exact <= decimal.CreateSaturating(T.MaxValue))
                {
                    value = T.CreateChecked(exact);
                    return true;
                }
                else
                {
                    type = ErrorTypes.IntParsingSize;
                }
            }
            else if (TryParseValue<double>(ref reader, NumberStyles.Float, out var number))
            {
                // Beyond decimal's range (1e40, or digits past its precision): never a value of any integer type we accept exactly.
                type = double.IsFinite(number) && number != Math.Floor(number) ? ErrorTypes.IntFromFloat : ErrorTypes.IntParsingSize;
            }
            else
            {
                type = reader.TokenType == JsonTokenType.String ? ErrorTypes.IntParsing : ErrorTypes.IntParsingSize;
            }

            context.AddInvalidValue(ref reader, type);
            return false;
        }

        value = T.Zero;
        context.AddInvalidValue(ref reader, ErrorTypes.IntType);
        return false;
    }

    /// <summary>Reads <see cref="float"/>, <see cref="double"/> or <see cref="decimal"/>, from a number or a numeric string.</summary>
    public static bool Number<T>(ref Utf8JsonReader reader, JsonReadContext context, out T value)
        where T : struct, INumberBase<T>
    {
        if (reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
        {
            if (TryParseValue(ref reader, NumberStyles.Float, out value))
            {
                if (T.IsFinite(value))
                {
                    return true;
                }

                // 1e400 and "NaN" parse, but no JSON writer can echo them back.
                context.AddError(ErrorTypes.FiniteNumber, ErrorTypes.Message(ErrorTypes.FiniteNumber));
                return false;
            }

            context.AddInvalidValue(ref reader, reader.TokenType == JsonTokenType.String
                ? (typeof(T) == typeof(decimal) ? ErrorTypes.DecimalParsing : ErrorTypes.FloatParsing)
                : ErrorTypes.FloatType);
            return false;
        }

        value = T.Zero;
        context.AddInvalidValue(ref reader, ErrorTypes.FloatType);
        return false;
    }

    /// <summary>Reads a <see cref="System.Guid"/> from a string.</summary>
    public static bool Guid(ref Utf8JsonReader reader, JsonReadContext context, out Guid value)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out value))
        {
            return true;
        }

        value = default;
        context.AddInvalidValue(ref reader, ErrorTypes.UuidParsing);
        return false;
    }

    /// <summary>
    /// Reads an ISO 8601 <see cref="System.DateTime"/>. A value with an offset becomes UTC rather than the server's
    /// local time (System.Text.Json's choice), so the result does not depend on where the server runs.
    /// </summary>
    public static bool DateTime(ref Utf8JsonReader reader, JsonReadContext context, out DateTime value)
    {
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTime(out value))
        {
            if (value.Kind == DateTimeKind.Local && reader.TryGetDateTimeOffset(out var withOffset))
            {
                value = withOffset.UtcDateTime;
            }

            return true;
        }

        value = default;
        context.AddInvalidValue(ref reader, ErrorTypes.DateTimeParsing);
        return false;
    }

    /// <summary>Reads an ISO 8601 <see cref="System.DateTimeOffset"/>; one written without an offset is UTC, not the server's local time.</summary>
    public static bool DateTimeOffset(ref Utf8JsonReader reader, JsonReadContext context, out DateTimeOffset value)
    {
        // TryGetDateTime says whether the text had an offset (Local) or not (Unspecified, or Utc for Z).
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTime(out var dateTime))
        {
            if (dateTime.Kind != DateTimeKind.Local)
            {
                value = new DateTimeOffset(System.DateTime.SpecifyKind(dateTime, DateTimeKind.Unspecified), System.TimeSpan.Zero);
                return true;
            }

            if (reader.TryGetDateTimeOffset(out value))
            {
                return true;
            }
        }

        value = default;
        context.AddInvalidValue(ref reader, ErrorTypes.DateTimeParsing);
        return false;
    }

    /// <summary>Reads a <see cref="System.DateOnly"/> written <c>yyyy-MM-dd</c>.</summary>
    public static bool DateOnly(ref Utf8JsonReader reader, JsonReadContext context, out DateOnly value)
    {
        Span<char> chars = stackalloc char[64];
        if (TryGetChars(ref reader, chars, out var length)
            && System.DateOnly.TryParseExact(chars[..length], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        value = default;
        context.AddInvalidValue(ref reader, ErrorTypes.DateParsing);
        return false;
    }

    /// <summary>Reads a <see cref="System.TimeOnly"/> written <c>HH:mm:ss[.fffffff]</c>.</summary>
    public static bool TimeOnly(ref Utf8JsonReader reader, JsonReadContext context, out TimeOnly value)
    {
        Span<char> chars = stackalloc char[64];
        if (TryGetChars(ref reader, chars, out var length)
            && System.TimeOnly.TryParse(chars[..length], CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        value = default;
        context.AddInvalidValue(ref reader, ErrorTypes.TimeParsing);
        return false;
    }

    /// <summary>
    /// Reads a <see cref="System.TimeSpan"/> as pydantic reads a <c>timedelta</c>: a number of seconds, or a string holding an
    /// ISO 8601 duration (<c>PT1H30M</c>), seconds, or the constant format (<c>1.02:03:04</c>) (docs/json.md#durations).
    /// </summary>
    public static bool TimeSpan(ref Utf8JsonReader reader, JsonReadContext context, out TimeSpan value)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDouble(out var seconds) && Durations.TryFromSeconds(seconds, out value))
            {
                return true;
            }
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            Span<char> chars = stackalloc char[64];
            if (TryGetChars(ref reader, chars, out var length) && Durations.TryParse(chars[..length], out value))
            {
                return true;
            }
        }
        else
        {
            value = default;
            context.AddInvalidValue(ref reader, ErrorTypes.TimeDeltaType);
            return false;
        }

        value = default;
        context.AddInvalidValue(ref reader, ErrorTypes.TimeDeltaParsing);
        return false;
    }

    /// <summary>Reads an absolute or relative <see cref="System.Uri"/>.</summary>
    public static bool Uri(ref Utf8JsonReader reader, JsonReadContext context, out Uri value)
    {
        value = null!;
        if (reader.TokenType != JsonTokenType.String)
        {
            context.AddInvalidValue(ref reader, ErrorTypes.UrlType);
            return false;
        }

        var text = reader.GetString();
        if (System.Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri))
        {
            value = uri;
            return true;
        }

        context.AddInvalidUrl(ref reader, text);
        return false;
    }

    /// <summary>Reads a <see cref="char"/> from a one-character string.</summary>
    public static bool Char(ref Utf8JsonReader reader, JsonReadContext context, out char value)
    {
        Span<char> chars = stackalloc char[16];
        if (reader.TokenType == JsonTokenType.String
            && TryGetChars(ref reader, chars, out var length) && length == 1)
        {
            value = chars[0];
            return true;
        }

        value = default;
        context.AddInvalidValue(ref reader, ErrorTypes.CharParsing);
        return false;
    }

    /// <summary>Reads the current property name into a string, for the case-insensitive fallback of member matching.</summary>
    public static string PropertyName(ref Utf8JsonReader reader) => reader.GetString()!;

    private static bool TryParseValue<T>(scoped ref Utf8JsonReader reader, NumberStyles styles, out T value)
        where T : struct, INumberBase<T>
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return T.TryParse(reader.ValueSpan, styles, CultureInfo.InvariantCulture, out value);
        }

        // Escaped or split across buffer segments: unescape into a small stack buffer first.
        Span<byte> scratch = stackalloc byte[128];
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > scratch.Length)
        {
            value = default;
            return false;
        }

        int written;
        if (reader.TokenType == JsonTokenType.String)
        {
            written = reader.CopyString(scratch);
        }
        else
        {
            reader.ValueSequence.CopyTo(scratch);
            written = (int)length;
        }

        return T.TryParse(scratch[..written], styles, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryGetChars(scoped ref Utf8JsonReader reader, scoped Span<char> chars, out int length)
    {
        length = 0;
        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        var byteLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (byteLength > chars.Length)
        {
            return false;
        }

        length = reader.CopyString(chars);
        return true;
    }
}
