using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

using FastEndpointsGen.Generator.Model;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// A JSON object whose members keep the order they were added in, so the emitted document reads in
/// the order the OpenAPI specification lists its fields. Null values are left out.
/// </summary>
internal sealed class JsonObject : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _members = [];

    public int Count => _members.Count;

    public object? this[string key]
    {
        get => IndexOf(key) is var index and >= 0 ? _members[index].Value : null;
        set
        {
            var index = IndexOf(key);
            if (value is null)
            {
                if (index >= 0)
                {
                    _members.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                _members[index] = new(key, value);
            }
            else
            {
                _members.Add(new(key, value));
            }
        }
    }

    /// <summary>For collection initializers: <c>new JsonObject { ["type"] = "string" }</c> reads better, both work.</summary>
    public void Add(string key, object? value) => this[key] = value;

    public bool Contains(string key) => IndexOf(key) >= 0;

    // A loop rather than FindIndex: no closure per lookup, and the document sets hundreds of thousands of members.
    private int IndexOf(string key)
    {
        for (var i = 0; i < _members.Count; i++)
        {
            if (_members[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The list's own struct enumerator: writing the document walks every object without allocating.</summary>
    public List<KeyValuePair<string, object>>.Enumerator GetEnumerator() => _members.GetEnumerator();

    IEnumerator<KeyValuePair<string, object>> IEnumerable<KeyValuePair<string, object>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>JSON text written as is: a number or literal whose source text is already JSON.</summary>
internal sealed record JsonRaw(string Text);

/// <summary>Writes <see cref="JsonObject"/>, lists, strings, numbers and booleans as indented JSON (two spaces, <c>\n</c>).</summary>
internal static class JsonText
{
    /// <summary>True when <paramref name="text"/> is one JSON value (RFC 8259), e.g. an example written as JSON text.</summary>
    public static bool IsValid(string text)
    {
        var position = 0;
        return Value(text, ref position, 0) && Skip(text, ref position) == text.Length;
    }

    /// <summary>JSON text on one line: the line breaks between tokens become spaces (JSON strings cannot hold raw ones).</summary>
    public static string OneLine(string json) => json.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Trim();

    private static int Skip(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\r')
        {
            position++;
        }

        return position;
    }

    private static bool Value(string text, ref int position, int depth)
    {
        if (depth > 64 || Skip(text, ref position) >= text.Length)
        {
            return false;
        }

        switch (text[position])
        {
            case '{':
                return Container(text, ref position, depth, '}', member: true);
            case '[':
                return Container(text, ref position, depth, ']', member: false);
            case '"':
                return String(text, ref position);
            default:
                foreach (var literal in new[] { "true", "false", "null" })
                {
                    if (string.CompareOrdinal(text, position, literal, 0, literal.Length) == 0)
                    {
                        position += literal.Length;
                        return true;
                    }
                }

                return Number(text, ref position, out _);
        }
    }

    /// <summary>True when <paramref name="text"/> is one JSON number; <paramref name="isInteger"/> when it has no fraction or exponent.</summary>
    public static bool IsNumber(string text, out bool isInteger)
    {
        var position = 0;
        return Number(text, ref position, out isInteger) && position == text.Length;
    }

    // RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private static bool Number(string text, ref int position, out bool isInteger)
    {
        isInteger = true;
        if (position < text.Length && text[position] == '-')
        {
            position++;
        }

        if (position < text.Length && text[position] == '0')
        {
            position++;
        }
        else if (!Digits(text, ref position))
        {
            return false;
        }

        if (position < text.Length && text[position] == '.')
        {
            position++;
            isInteger = false;
            if (!Digits(text, ref position))
            {
                return false;
            }
        }

        if (position < text.Length && text[position] is 'e' or 'E')
        {
            position++;
            isInteger = false;
            if (position < text.Length && text[position] is '+' or '-')
            {
                position++;
            }

            return Digits(text, ref position);
        }

        return true;
    }

    private static bool Digits(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is >= '0' and <= '9')
        {
            position++;
        }

        return position > start;
    }

    private static bool Container(string text, ref int position, int depth, char close, bool member)
    {
        position++;
        if (Skip(text, ref position) < text.Length && text[position] == close)
        {
            position++;
            return true;
        }

        while (true)
        {
            if (member)
            {
                if (Skip(text, ref position) >= text.Length || text[position] != '"' || !String(text, ref position)
                    || Skip(text, ref position) >= text.Length || text[position++] != ':')
                {
                    return false;
                }
            }

            if (!Value(text, ref position, depth + 1) || Skip(text, ref position) >= text.Length)
            {
                return false;
            }

            var next = text[position++];
            if (next == close)
            {
                return true;
            }

            if (next != ',')
            {
                return false;
            }
        }
    }

    private static bool String(string text, ref int position)
    {
        position++;
        while (position < text.Length)
        {
            var ch = text[position++];
            if (ch == '"')
            {
                return true;
            }

            if (ch < ' ')
            {
                return false;
            }

            if (ch == '\\')
            {
                position++;
            }
        }

        return false;
    }

    public static string Write(object value) => Write(value, indented: true);

    /// <summary>Indented as above, or compact: no whitespace between tokens.</summary>
    public static string Write(object value, bool indented)
    {
        var builder = new StringBuilder();
        Write(builder, value, 0, indented, verbatim: false);
        return builder.ToString();
    }

    /// <summary>
    /// Appends <paramref name="value"/> as compact JSON with every quote doubled, the content of a C# verbatim literal
    /// (<c>@"…"</c>): a document of megabytes is written once, not written and then copied with its quotes doubled.
    /// </summary>
    public static void WriteVerbatim(StringBuilder builder, object value) => Write(builder, value, 0, indented: false, verbatim: true);

    private static void Write(StringBuilder builder, object value, int depth, bool indented, bool verbatim)
    {
        switch (value)
        {
            case string text:
                WriteString(builder, text, verbatim);
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case int number:
                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonRaw raw:
                AppendText(builder, raw.Text, verbatim);
                break;
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    builder.Append("{}");
                    break;
                }

                builder.Append('{');
                var first = true;
                foreach (var member in obj)
                {
                    builder.Append(first ? "" : ",");
                    first = false;
                    NewLine(builder, depth + 1, indented);
                    WriteString(builder, member.Key, verbatim);
                    builder.Append(indented ? ": " : ":");
                    Write(builder, member.Value, depth + 1, indented, verbatim);
                }

                NewLine(builder, depth, indented);
                builder.Append('}');
                break;
            case IEnumerable items:
                var list = new List<object>();
                foreach (var item in items)
                {
                    list.Add(item);
                }

                if (list.Count == 0)
                {
                    builder.Append("[]");
                    break;
                }

                // Arrays of scalars stay on one line: "required": ["id", "name"].
                var inline = list.TrueForAll(i => i is string or bool or int or JsonRaw);
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    if (inline)
                    {
                        builder.Append(i == 0 || !indented ? "" : " ");
                    }
                    else
                    {
                        NewLine(builder, depth + 1, indented);
                    }

                    Write(builder, list[i], depth + 1, indented, verbatim);
                }

                if (!inline)
                {
                    NewLine(builder, depth, indented);
                }

                builder.Append(']');
                break;
            default:
                throw new System.ArgumentException($"Cannot write a {value.GetType().Name} as JSON.", nameof(value));
        }
    }

    private static void NewLine(StringBuilder builder, int depth, bool indented)
    {
        if (indented)
        {
            builder.Append('\n').Append(' ', depth * 2);
        }
    }

    private static void WriteString(StringBuilder builder, string text, bool verbatim)
    {
        if (!verbatim)
        {
            JsonString.Quote(builder, text);
            return;
        }

        // ""text"": the quotes around the string doubled here, any inside it (escaped as \") doubled below.
        var start = builder.Length;
        builder.Append('"');
        JsonString.Quote(builder, text);
        builder.Append('"');
        if (text.IndexOf('"') >= 0)
        {
            builder.Replace("\"", "\"\"", start + 2, builder.Length - start - 4);
        }
    }

    private static void AppendText(StringBuilder builder, string text, bool verbatim)
    {
        var start = builder.Length;
        builder.Append(text);
        if (verbatim && text.IndexOf('"') >= 0)
        {
            builder.Replace("\"", "\"\"", start, text.Length);
        }
    }
}
