using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// The state of one pass of a generated JSON reader: where in the document it is (for error
/// locations), the errors found so far, and the reading options. Parsing is synchronous, so one
/// context per thread is reused and a request allocates none.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonReadContext
{
    [ThreadStatic]
    private static JsonReadContext? t_cached;

    private object[] _path = new object[16];
    private bool[] _secret = new bool[16];
    private int _depth;

    private JsonReadContext()
    {
    }

    /// <summary>The errors found so far, or null while there are none.</summary>
    public RequestErrors? Errors { get; private set; }

    /// <summary>How many errors were found so far; generated readers compare it before and after a member.</summary>
    public int ErrorCount => Errors?.Count ?? 0;

    /// <summary>Whether a member the model does not declare is an error.</summary>
    public bool RejectUnknownProperties { get; private set; }

    /// <summary>The reader options: comments and trailing commas refused, depth bounded.</summary>
    public JsonReaderOptions ReaderOptions { get; private set; }

    /// <summary>The whole document being read, so an error can quote part of it.</summary>
    public ReadOnlySequence<byte> Document { get; set; }

    /// <summary>Takes the thread's context for one read whose errors are located under <paramref name="source"/>.</summary>
    public static JsonReadContext Rent(EndpointRuntime runtime, RequestErrors? errors, string source = "body") =>
        Rent(runtime.Options.RejectUnknownProperties, source, runtime.Options.MaxJsonDepth, errors);

    /// <summary>Takes the thread's context for a read outside an endpoint (tests, user code, <c>JsonSerializer</c>).</summary>
    public static JsonReadContext Rent(bool rejectUnknownProperties, string source, int maxDepth = 64, RequestErrors? errors = null)
    {
        var context = t_cached ?? new JsonReadContext();
        t_cached = null;
        context.Errors = errors;
        context.RejectUnknownProperties = rejectUnknownProperties;
        context.ReaderOptions = new JsonReaderOptions { MaxDepth = maxDepth };
        context._path[0] = source;
        context._depth = 1;
        return context;
    }

    /// <summary>Gives the context back and returns the errors it collected.</summary>
    public RequestErrors? Return()
    {
        var errors = Errors;
        Errors = null;
        Document = default;
        Array.Clear(_path, 0, _depth);
        _depth = 0;
        t_cached = this;
        return errors;
    }

    /// <summary>Enters a member of an object.</summary>
    public void Push(string name) => PushSegment(name);

    /// <summary>Enters a member marked <c>[DataType(DataType.Password)]</c>: its errors never echo the input.</summary>
    public void PushSecret(string name)
    {
        PushSegment(name);
        _secret[_depth - 1] = true;
    }

    /// <summary>Enters an item of an array.</summary>
    public void Push(int index) => PushSegment(index);

    /// <summary>Leaves the member or item entered last.</summary>
    public void Pop() => _depth--;

    /// <summary>Records an error at the current location.</summary>
    public void AddError(string type, string message, string? rawInput = null, IReadOnlyList<KeyValuePair<string, string>>? context = null) =>
        Add(new FieldError(Location(), type, message, IsSecret() ? null : rawInput, context));

    /// <summary>
    /// Records that the current value has the wrong type or form, echoing it as the error's input,
    /// and moves the reader past it.
    /// </summary>
    public void AddInvalidValue(ref Utf8JsonReader reader, string type) =>
        AddError(type, ErrorTypes.Message(type), CaptureInput(ref reader));

    /// <summary>Records an enum value that is not one of <paramref name="expected"/>.</summary>
    public void AddInvalidEnum(ref Utf8JsonReader reader, string expected) =>
        AddError(ErrorTypes.Enum, ErrorTypes.EnumMessage(expected), CaptureInput(ref reader),
            [new("expected", RequestErrors.JsonString(expected))]);

    /// <summary>Records a required member that the object did not have.</summary>
    public void AddMissing(string member)
    {
        PushSegment(member);
        AddError(ErrorTypes.Missing, ErrorTypes.Message(ErrorTypes.Missing));
        _depth--;
    }

    /// <summary>
    /// Records a required member that the object did not have, with the object itself as the input
    /// (as FastAPI reports it). The reader is on the object's closing brace.
    /// </summary>
    public void AddMissing(string member, ref Utf8JsonReader reader, long objectStart)
    {
        PushSegment(member);
        AddError(ErrorTypes.Missing, ErrorTypes.Message(ErrorTypes.Missing), RawText(objectStart, reader.TokenStartIndex + 1));
        _depth--;
    }

    /// <summary>Handles a member the model does not declare: skipped, or an error when unknown members are refused.</summary>
    public void SkipUnknownMember(ref Utf8JsonReader reader, string member)
    {
        if (!RejectUnknownProperties)
        {
            reader.Skip();
            return;
        }

        PushSegment(member);
        AddInvalidValue(ref reader, ErrorTypes.ExtraForbidden);
        _depth--;
    }

    /// <summary>Records malformed JSON: one error at the body with the byte position.</summary>
    public void AddJsonInvalid(string message, long position)
    {
        var reason = message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        _depth = 1;
        Add(new FieldError([_path[0], (int)System.Math.Min(position, int.MaxValue)], ErrorTypes.JsonInvalid, ErrorTypes.Message(ErrorTypes.JsonInvalid), "{}",
            [new("error", RequestErrors.JsonString(reason))])
        {
            ProblemMessage = $"JSON decode error at byte {position}: {reason}",
        });
    }

    private string? RawText(long start, long end)
    {
        if (Document.IsEmpty || start < 0 || end > Document.Length || end <= start)
        {
            return null;
        }

        return Encoding.UTF8.GetString(Document.Slice(start, end - start));
    }

    private void Add(FieldError error) => Errors = RequestErrors.Add(Errors, error);

    private object[] Location() => _path.AsSpan(0, _depth).ToArray();

    private void PushSegment(object segment)
    {
        if (_depth == _path.Length)
        {
            Array.Resize(ref _path, _path.Length * 2);
            Array.Resize(ref _secret, _path.Length);
        }

        _secret[_depth] = false;
        _path[_depth++] = segment;
    }

    private bool IsSecret() => Array.IndexOf(_secret, true, 0, _depth) >= 0;

    // Leaves the reader on the value's last token, as Skip() would.
    private static string CaptureInput(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader).GetRawText();
}
