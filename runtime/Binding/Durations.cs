using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// <see cref="TimeSpan"/> on the wire as pydantic's <c>timedelta</c> (docs/json.md#durations): read from an ISO 8601
/// duration (<c>PT1H30M</c>, <c>P1DT2H</c>, <c>-PT0.5S</c>), a number of seconds (<c>5400</c>, <c>1.5</c>) or .NET's
/// constant format (<c>01:30:00</c>); written as an ISO 8601 duration.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Durations
{
    // Just under TimeSpan.MaxValue, so the ticks of a value that passes never overflow.
    private const decimal MaxSeconds = 922_337_203_685m;

    /// <summary>Parses a route, query, header, form or JSON string value.</summary>
    public static bool TryParse(string? text, out TimeSpan value) => TryParse(text.AsSpan(), out value);

    /// <inheritdoc cref="TryParse(string?, out TimeSpan)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan value)
    {
        value = default;
        if (text.IsEmpty)
        {
            return false;
        }

        // A plain number is seconds; "c" would read "10" as ten days.
        if (IsNumber(text))
        {
            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
                && TryFromSeconds(seconds, out value);
        }

        return TryParseIso(text, out value) || TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A JSON number of seconds.</summary>
    public static bool TryFromSeconds(double seconds, out TimeSpan value)
    {
        value = default;
        return double.IsFinite(seconds) && Math.Abs(seconds) < (double)MaxSeconds && TryFromSeconds((decimal)seconds, out value);
    }

    private static bool TryFromSeconds(decimal seconds, out TimeSpan value)
    {
        value = default;
        if (Math.Abs(seconds) >= MaxSeconds)
        {
            return false;
        }

        value = new TimeSpan((long)Math.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.ToEven));
        return true;
    }

    private static bool IsNumber(ReadOnlySpan<char> text)
    {
        var start = text[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        var dots = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '.')
            {
                dots++;
            }
            else if (char.IsAsciiDigit(text[i]))
            {
                digits++;
            }
            else
            {
                return false;
            }
        }

        return digits > 0 && dots <= 1;
    }

    /// <summary>
    /// <c>[-+]P[nY][nM][nW][nD][T[nH][nM][nS]]</c>, numbers with an optional fraction, at least one part; a year is 365
    /// days and a month 30, as pydantic counts them.
    /// </summary>
    private static bool TryParseIso(ReadOnlySpan<char> text, out TimeSpan value)
    {
        value = default;
        var i = 0;
        var negative = false;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i++;
        }

        if (i >= text.Length || text[i] is not ('P' or 'p'))
        {
            return false;
        }

        i++;
        var inTime = false;
        var parts = 0;
        var rank = 0;
        var total = 0m;
        while (i < text.Length)
        {
            if (text[i] is 'T' or 't')
            {
                if (inTime || i == text.Length - 1)
                {
                    return false;
                }

                inTime = true;
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or ','))
            {
                i++;
            }

            if (i == start || i == text.Length
                || !decimal.TryParse(text[start..i].ToString().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var (unitRank, seconds) = (char.ToUpperInvariant(text[i]), inTime) switch
            {
                ('Y', false) => (1, 365m * 86400),
                ('M', false) => (2, 30m * 86400),
                ('W', false) => (3, 7m * 86400),
                ('D', false) => (4, 86400m),
                ('H', true) => (5, 3600m),
                ('M', true) => (6, 60m),
                ('S', true) => (7, 1m),
                _ => (0, 0m),
            };
            if (unitRank <= rank || number > MaxSeconds)
            {
                return false; // an unknown unit, or units out of order or repeated
            }

            rank = unitRank;
            total += number * seconds;
            if (total >= MaxSeconds)
            {
                return false;
            }

            parts++;
            i++;
        }

        return parts > 0 && TryFromSeconds(negative ? -total : total, out value);
    }

    /// <summary>Writes <paramref name="value"/> as pydantic does: <c>PT5M</c>, <c>P2DT55M</c>, <c>PT1.5S</c>, <c>-PT5M</c>, <c>PT0S</c>.</summary>
    public static void Write(Utf8JsonWriter writer, TimeSpan value)
    {
        Span<char> buffer = stackalloc char[64];
        writer.WriteStringValue(buffer[..Format(value, buffer)]);
    }

    /// <summary>The ISO 8601 text of <paramref name="value"/>.</summary>
    public static string ToIsoString(TimeSpan value)
    {
        Span<char> buffer = stackalloc char[64];
        return buffer[..Format(value, buffer)].ToString();
    }

    private static int Format(TimeSpan value, Span<char> buffer)
    {
        var ticks = value.Ticks;
        var magnitude = ticks < 0 ? (ulong)(-(ticks + 1)) + 1 : (ulong)ticks;
        var at = 0;
        if (ticks < 0)
        {
            buffer[at++] = '-';
        }

        buffer[at++] = 'P';
        var days = magnitude / TimeSpan.TicksPerDay;
        var rest = magnitude % TimeSpan.TicksPerDay;
        if (days > 0)
        {
            at += Number(days, buffer[at..]);
            buffer[at++] = 'D';
        }

        if (rest > 0 || days == 0)
        {
            buffer[at++] = 'T';
            var hours = rest / TimeSpan.TicksPerHour;
            var minutes = rest % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute;
            var secondTicks = rest % TimeSpan.TicksPerMinute;
            if (hours > 0)
            {
                at += Number(hours, buffer[at..]);
                buffer[at++] = 'H';
            }

            if (minutes > 0)
            {
                at += Number(minutes, buffer[at..]);
                buffer[at++] = 'M';
            }

            if (secondTicks > 0 || rest == 0)
            {
                at += Number(secondTicks / TimeSpan.TicksPerSecond, buffer[at..]);
                var fraction = secondTicks % TimeSpan.TicksPerSecond;
                if (fraction > 0)
                {
                    buffer[at++] = '.';
                    Span<char> digits = stackalloc char[7];
                    fraction.TryFormat(digits, out _, "D7", CultureInfo.InvariantCulture);
                    var length = 7;
                    while (digits[length - 1] == '0')
                    {
                        length--;
                    }

                    digits[..length].CopyTo(buffer[at..]);
                    at += length;
                }

                buffer[at++] = 'S';
            }
        }

        return at;
    }

    private static int Number(ulong number, Span<char> buffer)
    {
        number.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }
}
