using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// Writes C# source with indentation, so emitters read like the code they produce:
/// <c>writer.WriteLine("if (x)"); using (writer.Block()) { ... }</c>.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    /// <summary>
    /// The largest builder a thread keeps for its next file: a handler class's file fits, so the generator's hundred
    /// class files reuse one buffer instead of growing a new one each; the few larger files grow their own.
    /// </summary>
    private const int MaxKeptCapacity = 256 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_spare;

    private StringBuilder? _builder = Rent();
    private string? _text;
    private int _indent;

    private StringBuilder Builder => _builder ?? throw new InvalidOperationException("The source is finished: Finish() was called.");

    /// <summary>Writes one line at the current indentation (or an empty line).</summary>
    public SourceWriter WriteLine(string line = "")
    {
        var builder = Builder;
        if (line.Length > 0)
        {
            Indent(builder);
            builder.Append(line);
        }

        builder.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes one line given as an interpolated string, <c>writer.WriteLine($"var {name} = {value};")</c>: its parts go
    /// straight into the file, with no string built for the line first (docs/performance.md#generator-cost).
    /// </summary>
    public SourceWriter WriteLine([InterpolatedStringHandlerArgument("")] ref Line line)
    {
        var builder = Builder;
        if (builder.Length == line.Start)
        {
            // Nothing was written: an empty line, never indented.
            builder.Length = line.Indented;
        }

        builder.Append('\n');
        return this;
    }

    private void Indent(StringBuilder builder)
    {
        for (var i = 0; i < _indent; i++)
        {
            builder.Append(IndentUnit);
        }
    }

    /// <summary>
    /// Writes one line holding <paramref name="value"/> as a verbatim string literal (<c>@"..."</c>, quotes doubled) between
    /// <paramref name="before"/> and <paramref name="after"/>.
    /// </summary>
    public SourceWriter WriteVerbatimLiteral(string before, string value, string after) =>
        WriteVerbatimLiteral(before, builder =>
        {
            var start = 0;
            for (var quote = value.IndexOf('"'); quote >= 0; quote = value.IndexOf('"', start))
            {
                builder.Append(value, start, quote + 1 - start).Append('"');
                start = quote + 1;
            }

            builder.Append(value, start, value.Length - start);
        }, after);

    /// <summary>
    /// Writes one line holding a verbatim string literal whose content <paramref name="content"/> appends, every quote
    /// already doubled: for long constants such as the OpenAPI document, written straight into the file rather than
    /// built as a string first and copied.
    /// </summary>
    public SourceWriter WriteVerbatimLiteral(string before, Action<StringBuilder> content, string after)
    {
        var builder = Builder;
        Indent(builder);
        builder.Append(before).Append("@\"");
        content(builder);
        builder.Append('"').Append(after).Append('\n');
        return this;
    }

    /// <summary>Writes a multi-line block (e.g. a raw string literal), indenting each line.</summary>
    public SourceWriter WriteLines(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            WriteLine(line);
        }

        return this;
    }

    /// <summary>Opens a <c>{ }</c> block; disposing the result closes it.</summary>
    public Scope Block(string close = "}")
    {
        WriteLine("{");
        _indent++;
        return new Scope(this, close);
    }

    /// <summary>Indents without braces; disposing the result outdents.</summary>
    public Scope Indent()
    {
        _indent++;
        return new Scope(this, null);
    }

    /// <summary>
    /// The source written. The writer is finished (writing more throws) and its buffer kept for the thread's next file;
    /// asking again gives the same text.
    /// </summary>
    public string Finish()
    {
        if (_builder is { } builder)
        {
            _text = builder.ToString();
            _builder = null;
            if (builder.Capacity <= MaxKeptCapacity)
            {
                t_spare = builder.Clear();
            }
        }

        return _text!;
    }

    private static StringBuilder Rent()
    {
        var spare = t_spare;
        t_spare = null;
        return spare ?? new StringBuilder();
    }

    /// <summary>
    /// The parts of one interpolated line, appended to the writer's buffer after its indentation as the compiler hands
    /// them over. Values are written as C# source needs them: numbers in the invariant culture.
    /// </summary>
    [InterpolatedStringHandler]
    public readonly ref struct Line
    {
        private readonly StringBuilder _builder;

        public Line(int literalLength, int formattedCount, SourceWriter writer)
        {
            _builder = writer.Builder;
            Indented = _builder.Length;
            writer.Indent(_builder);
            Start = _builder.Length;
        }

        /// <summary>Where the line began, before its indentation.</summary>
        internal int Indented { get; }

        /// <summary>Where the line's text began, after its indentation.</summary>
        internal int Start { get; }

        public void AppendLiteral(string text) => _builder.Append(text);

        public void AppendFormatted(string? text) => _builder.Append(text);

        public void AppendFormatted(int number) => _builder.Append(number.ToString(CultureInfo.InvariantCulture));

        public void AppendFormatted<T>(T value) => _builder.Append(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString());
    }

    /// <summary>Closes a block or indentation level.</summary>
    public readonly struct Scope(SourceWriter writer, string? close) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            if (close is not null)
            {
                writer.WriteLine(close);
            }
        }
    }
}
