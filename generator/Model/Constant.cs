using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace FastEndpointsGen.Generator.Model;

/// <summary>What a <see cref="Constant"/> holds, which decides how C# and JSON write it.</summary>
internal enum ConstantKind
{
    /// <summary><c>null</c>.</summary>
    Null,

    /// <summary>A value type's zero (<c>= default</c>): no JSON form.</summary>
    Default,

    Boolean,
    String,
    Char,

    /// <summary>An <c>int</c> constant of an <c>int</c>: <c>5</c>.</summary>
    Int32,

    /// <summary>A <c>long</c> constant of a <c>long</c>: <c>5L</c>.</summary>
    Int64,

    /// <summary>A finite <c>float</c>: <c>0.5F</c>, cast to <see cref="Constant.Type"/> when it has one.</summary>
    Single,

    /// <summary>A finite <c>double</c>: <c>0.5D</c>.</summary>
    Double,

    Decimal,

    /// <summary>NaN or an infinity (<see cref="Constant.Text"/> is <c>NaN</c>, <c>PositiveInfinity</c> or <c>NegativeInfinity</c>): no JSON form.</summary>
    NotFinite,

    /// <summary>Any other integer, or an enum's underlying value, converted to <see cref="Constant.Type"/>: <c>(short)(5)</c>.</summary>
    Converted,

    /// <summary>
    /// Text that <see cref="Constant.Type"/>'s <c>Parse</c> reads when the app starts, as DataAnnotations does:
    /// a <c>[Range(typeof(DateOnly), "2020-01-01", "2030-12-31")]</c> bound.
    /// </summary>
    Parsed,
}

/// <summary>
/// A constant from the user's code (a parameter's or member's default, a validation bound, an allowed value), read
/// once from the symbol. Its C# expression and its JSON form are both decided here, so no emitter takes C# text
/// apart again (docs/architecture.md#the-model).
/// </summary>
internal sealed record Constant(ConstantKind Kind, string Text, string? Type = null)
{
    public static Constant Null { get; } = new(ConstantKind.Null, "null");

    public static Constant Default { get; } = new(ConstantKind.Default, "default");

    /// <summary>The C# expression in the constant's own type: <c>"a"</c>, <c>(double)0.5D</c>, <c>global::System.DateOnly.Parse("2020-01-01", …)</c>.</summary>
    public string CSharp => Kind switch
    {
        ConstantKind.String => SymbolDisplay.FormatLiteral(Text, quote: true),
        ConstantKind.Char => SymbolDisplay.FormatLiteral(Text[0], quote: true),
        ConstantKind.Int64 => Text + "L",
        ConstantKind.Single => Cast + Text + "F",
        ConstantKind.Double => Cast + Text + "D",
        ConstantKind.Decimal => Cast + Text + "M",
        ConstantKind.NotFinite => Cast + "double." + Text,
        ConstantKind.Converted => Cast + "(" + Text + ")",
        ConstantKind.Parsed => $"{Type}.Parse({SymbolDisplay.FormatLiteral(Text, quote: true)}, global::System.Globalization.CultureInfo.InvariantCulture)",
        _ => Text,
    };

    /// <summary>The same value as JSON text (<c>0.5</c>, <c>"a"</c>, <c>true</c>), or null when JSON cannot say it.</summary>
    public string? Json => Kind switch
    {
        ConstantKind.Default or ConstantKind.NotFinite => null,
        ConstantKind.String or ConstantKind.Char => JsonString.Quote(Text),
        ConstantKind.Parsed => IsNumber ? Text : JsonString.Quote(Text),
        _ => Text,
    };

    /// <summary>A JSON number: an integer or finite real, or parsed text that reads as one (<c>[Range(typeof(int), "1", "9")]</c>).</summary>
    public bool IsNumber => Kind switch
    {
        ConstantKind.Int32 or ConstantKind.Int64 or ConstantKind.Single or ConstantKind.Double or ConstantKind.Decimal or ConstantKind.Converted => true,
        ConstantKind.Parsed => double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsInfinity(value) && !double.IsNaN(value),
        _ => false,
    };

    /// <summary>Parsed when the app starts: generated code keeps it in a static field rather than parse it per check.</summary>
    public bool IsParsed => Kind == ConstantKind.Parsed;

    private string Cast => Type is null ? "" : "(" + Type + ")";
}

/// <summary>JSON string literals, as the document and error contexts write them.</summary>
internal static class JsonString
{
    public static string Quote(string text) => Quote(new StringBuilder(text.Length + 2), text).ToString();

    /// <summary>Appends <paramref name="text"/> as a JSON string to <paramref name="builder"/>.</summary>
    public static StringBuilder Quote(StringBuilder builder, string text)
    {
        builder.Append('"');
        if (!NeedsEscaping(text))
        {
            return builder.Append(text).Append('"');
        }

        foreach (var ch in text)
        {
            switch (ch)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (ch < ' ')
                    {
                        builder.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(ch);
                    }

                    break;
            }
        }

        return builder.Append('"');
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var ch in text)
        {
            if (ch is '"' or '\\' or < ' ')
            {
                return true;
            }
        }

        return false;
    }
}
