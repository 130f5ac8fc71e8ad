using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Json;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// The state of one pass of a generated JSON reader: where in the document it is (for error
/// locations), the errors found so far, and the reading options. Parsing is synchronous, so one
/// context per thread is reused and a request allocates none; it holds an app's settings only while rented.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonReadContext
{
    [ThreadStatic]
    private static JsonReadContext? t_cached;

    private object[] _path = new object[16];
    private bool[] _secret = new bool[16];
    private int _depth;
    private int _errorLimit = RequestErrors.DefaultLimit;

    // The enclosing object echoed by the last missing-member error, so an object missing fifteen members
    // is captured once, not fifteen times.
    private long _missingObjectStart = -1;
    private string? _missingObjectInput;

    // The exception a model's constructor or setter threw that is not a client error (see AddModelError).
    private Exception? _modelFailure;

    // The discriminator of the polymorphic object being read: its member is no unknown member to the derived reader.
    private DiscriminatorScope _discriminator;

    private JsonReadContext()
    {
    }

    /// <summary>The errors found so far, or null while there are none.</summary>
    public RequestErrors? Errors { get; private set; }

    /// <summary>
    /// How many errors were found so far, counted or kept; generated readers compare it before and after a member
    /// or object, so it must keep growing past the error cap.
    /// </summary>
    public int ErrorCount => Errors is { } errors ? errors.Count + errors.Dropped : 0;

    /// <summary>Whether a member the model does not declare is an error.</summary>
    public bool RejectUnknownProperties { get; private set; }

    /// <summary>
    /// Whether errors carry the offending input. Only FastAPI's error format shows it, so the problem-details
    /// format never spends time or memory capturing it.
    /// </summary>
    public bool EchoInputs { get; internal set; }

    /// <summary>The reader options: comments and trailing commas refused, depth bounded.</summary>
    public JsonReaderOptions ReaderOptions { get; private set; }

    /// <summary>
    /// The <see cref="JsonSerializerOptions"/> that read the types the generator cannot handle (FEG4001): the app's for a
    /// request, the calling serializer's through <c>GeneratedJson.TypeInfoResolver</c>.
    /// </summary>
    public JsonSerializerOptions SerializerOptions { get; private set; } = FallbackJson.DefaultOptions;

    /// <summary>The whole document being read, so an error can quote part of it.</summary>
    public ReadOnlySequence<byte> Document { get; set; }

    /// <summary>Takes the thread's context for one read whose errors are located under <paramref name="source"/>.</summary>
    public static JsonReadContext Rent(EndpointRuntime runtime, RequestErrors? errors, string source = "body")
    {
        var options = runtime.Options;
        var context = Rent(options.RejectUnknownProperties, source, options.MaxJsonDepth, errors,
            echoInputs: options.ErrorFormat == ErrorFormat.FastApi, runtime.SerializerOptions);
        context._errorLimit = options.MaxValidationErrors;
        if (errors is not null)
        {
            errors.Limit = options.MaxValidationErrors;
        }

        return context;
    }

    /// <summary>
    /// Takes the thread's context for a read outside an endpoint (tests, user code, <c>JsonSerializer</c>); types the
    /// generator cannot handle are read with <paramref name="serializerOptions"/>, else <see cref="FallbackJson.DefaultOptions"/>.
    /// </summary>
    public static JsonReadContext Rent(bool rejectUnknownProperties, string source, int maxDepth = 64, RequestErrors? errors = null,
        bool echoInputs = true, JsonSerializerOptions? serializerOptions = null)
    {
        var context = t_cached ?? new JsonReadContext();
        t_cached = null;
        context.Errors = errors;
        context.EchoInputs = echoInputs;
        context._errorLimit = RequestErrors.DefaultLimit;
        context.RejectUnknownProperties = rejectUnknownProperties;
        context.SerializerOptions = serializerOptions ?? FallbackJson.DefaultOptions;
        context.ReaderOptions = new JsonReaderOptions { MaxDepth = Math.Clamp(maxDepth, 1, FastEndpointsGenOptions.MaxJsonDepthLimit) };
        context._path[0] = source;
        context._depth = 1;
        return context;
    }

    /// <summary>Gives the context back and returns the errors it collected.</summary>
    public RequestErrors? Return()
    {
        var errors = Errors;
        Errors = null;
        SerializerOptions = FallbackJson.DefaultOptions; // the thread keeps no app's settings between reads
        Document = default;
        _missingObjectStart = -1;
        _missingObjectInput = null;
        _modelFailure = null;
        _discriminator = default;
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
    public void AddError(string type, string message, string? rawInput = null, IReadOnlyList<KeyValuePair<string, string>>? context = null)
    {
        if (Errors is { IsFull: true } full)
        {
            full.CountDropped(); // no location array for an error nobody will see
            return;
        }

        Add(new FieldError(Location(), type, message, EchoInputs && !IsSecret() ? rawInput : null, context));
    }

    /// <summary>
    /// Records that the current value has the wrong type or form, echoing it as the error's input,
    /// and moves the reader past it.
    /// </summary>
    public void AddInvalidValue(ref Utf8JsonReader reader, string type) =>
        AddError(type, ErrorTypes.Message(type), CaptureInput(ref reader));

    /// <summary>
    /// Records a string that is not a URL with pydantic's message and ctx ("Input should be a valid URL, empty host",
    /// <c>{"error":"empty host"}</c>), and moves the reader past it.
    /// </summary>
    public void AddInvalidUrl(ref Utf8JsonReader reader, string? text)
    {
        var error = UrlErrors.Describe(text);
        AddError(ErrorTypes.UrlParsing, UrlErrors.Message(error), CaptureInput(ref reader), UrlErrors.Context(error));
    }

    /// <summary>Records an enum value that is not one of <paramref name="expected"/>.</summary>
    public void AddInvalidEnum(ref Utf8JsonReader reader, string expected) =>
        AddError(ErrorTypes.Enum, ErrorTypes.EnumMessage(expected), CaptureInput(ref reader),
            [new("expected", RequestErrors.JsonString(expected))]);

    /// <summary>
    /// Records a dictionary key that does not parse as the key type, at <c>name.[key]</c> as pydantic locates it, and
    /// moves the reader past its value. <paramref name="expected"/> is set for enum keys.
    /// </summary>
    public void AddInvalidKey(ref Utf8JsonReader reader, string name, string type, string? expected = null)
    {
        PushSegment(name);
        PushSegment("[key]");
        if (type == ErrorTypes.IntParsing && RequestErrors.IsWholeNumber(name))
        {
            type = ErrorTypes.IntParsingSize;
        }

        if (expected is null)
        {
            AddError(type, ErrorTypes.Message(type), RequestErrors.StringInput(name));
        }
        else
        {
            AddError(type, ErrorTypes.EnumMessage(expected), RequestErrors.StringInput(name), [new("expected", RequestErrors.JsonString(expected))]);
        }

        _depth -= 2;
        reader.Skip();
    }

    /// <summary>Records a required member that the object did not have.</summary>
    public void AddMissing(string member)
    {
        PushSegment(member);
        AddError(ErrorTypes.Missing, ErrorTypes.Message(ErrorTypes.Missing));
        _depth--;
    }

    /// <summary>
    /// Records a required member that the object did not have, with the object itself as the input
    /// (as FastAPI reports it; captured once per object, and cut short when long). The reader is on
    /// the object's closing brace. Objects with a secret member use <see cref="AddMissing(string)"/>.
    /// </summary>
    public void AddMissing(string member, ref Utf8JsonReader reader, long objectStart)
    {
        string? input = null;
        if (EchoInputs && Errors is not { IsFull: true })
        {
            if (_missingObjectStart != objectStart)
            {
                _missingObjectStart = objectStart;
                _missingObjectInput = RawText(objectStart, reader.TokenStartIndex + 1, isString: false);
            }

            input = _missingObjectInput;
        }

        PushSegment(member);
        AddError(ErrorTypes.Missing, ErrorTypes.Message(ErrorTypes.Missing), input);
        _depth--;
    }

    /// <summary>
    /// Called by a generated reader when a model's constructor or setter throws. An <see cref="ArgumentException"/> or
    /// <see cref="ValidationException"/> is the model refusing the client's values (pydantic's <c>ValueError</c>): it is
    /// recorded as a <c>value_error</c> at the object with the exception's message, and true is returned. Any other
    /// exception is the server's failure: false lets it propagate to the endpoint's exception handling, never
    /// mistaken for a JSON error (docs/validation.md).
    /// </summary>
    public bool AddModelError(Exception exception)
    {
        if (!RequestErrors.IsModelError(exception))
        {
            _modelFailure = exception;
            return false;
        }

        AddError(ErrorTypes.ValueError, "Value error, " + RequestErrors.ModelMessage(exception));
        return true;
    }

    /// <summary>True for the exception a model's own code threw, which is not a problem with the JSON.</summary>
    internal bool IsModelFailure(Exception exception) => ReferenceEquals(exception, _modelFailure);

    /// <summary>Handles a member the model does not declare: skipped, or an error when unknown members are refused.</summary>
    public void SkipUnknownMember(ref Utf8JsonReader reader, string member)
    {
        if (!RejectUnknownProperties || reader.CurrentDepth == _discriminator.Depth && member == _discriminator.Name)
        {
            reader.Skip();
            return;
        }

        PushSegment(member);
        AddInvalidValue(ref reader, ErrorTypes.ExtraForbidden);
        _depth--;
    }

    /// <summary>
    /// Called by a polymorphic reader before it hands the object to a derived type's reader: the discriminator member
    /// <paramref name="name"/> at <paramref name="depth"/> is skipped, never an unknown member. Returns the enclosing
    /// object's scope, for <see cref="LeaveDiscriminator"/>.
    /// </summary>
    public DiscriminatorScope EnterDiscriminator(string name, int depth)
    {
        var outer = _discriminator;
        _discriminator = new DiscriminatorScope(name, depth);
        return outer;
    }

    /// <summary>Restores the enclosing polymorphic object's discriminator once the derived reader is done.</summary>
    public void LeaveDiscriminator(DiscriminatorScope outer) => _discriminator = outer;

    /// <summary>
    /// Records an object of a polymorphic type without its discriminator (<c>union_tag_not_found</c> at the object,
    /// with the object as input) and moves the reader past it.
    /// </summary>
    public void AddMissingDiscriminator(ref Utf8JsonReader reader, string name) =>
        AddError(ErrorTypes.UnionTagNotFound, ErrorTypes.UnionTagNotFoundMessage(name), CaptureInput(ref reader),
            [new("discriminator", RequestErrors.JsonString("'" + name + "'"))]);

    /// <summary>
    /// Records a discriminator that names no derived type (<c>union_tag_invalid</c> at the discriminator member, with
    /// its value as input) and moves <paramref name="reader"/> past the object. <paramref name="tag"/> is a copy of
    /// the reader on the discriminator's value.
    /// </summary>
    public void AddInvalidDiscriminator(ref Utf8JsonReader reader, ref Utf8JsonReader tag, string name, string expected)
    {
        var text = tag.TokenType switch
        {
            JsonTokenType.String => tag.GetString() ?? "",
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null =>
                Encoding.UTF8.GetString(tag.HasValueSequence ? tag.ValueSequence.ToArray() : tag.ValueSpan.ToArray()),
            _ => tag.TokenType.ToString(),
        };
        PushSegment(name);
        AddError(ErrorTypes.UnionTagInvalid, ErrorTypes.UnionTagInvalidMessage(text, name, expected), CaptureInput(ref tag),
            [new("discriminator", RequestErrors.JsonString("'" + name + "'")), new("tag", RequestErrors.JsonString(text)),
                new("expected_tags", RequestErrors.JsonString(expected))]);
        _depth--;
        reader.Skip();
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

    // The JSON text of a value, or a JSON string of its first characters when it is longer than an error should echo.
    private string? RawText(long start, long end, bool isString)
    {
        if (Document.IsEmpty || start < 0 || end > Document.Length || end <= start)
        {
            return null;
        }

        if (end - start <= RequestErrors.MaxEchoedLength)
        {
            return Encoding.UTF8.GetString(Document.Slice(start, end - start));
        }

        // A cut may split a UTF-8 sequence; the decoder turns that tail into U+FFFD, which is still valid JSON text.
        var head = Encoding.UTF8.GetString(Document.Slice(isString ? start + 1 : start, RequestErrors.MaxEchoedLength));
        return RequestErrors.CutInput(head);
    }

    private void Add(FieldError error)
    {
        Errors ??= new RequestErrors { Limit = _errorLimit };
        Errors.Add(error);
    }

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

    // Leaves the reader on the value's last token, as Skip() would. Only FastAPI's format shows the input,
    // and only its first characters: a 1 MB value costs an error nothing more than a short one.
    private string? CaptureInput(ref Utf8JsonReader reader)
    {
        if (!EchoInputs || IsSecret() || Errors is { IsFull: true })
        {
            reader.Skip();
            return null;
        }

        if (Document.IsEmpty)
        {
            // A reader over a caller's own buffer (GeneratedJson used directly): positions do not map to a document.
            var text = JsonElement.ParseValue(ref reader).GetRawText();
            return text.Length <= RequestErrors.MaxEchoedLength ? text : RequestErrors.CutInput(text.AsSpan(0, RequestErrors.MaxEchoedLength));
        }

        var start = reader.TokenStartIndex;
        var isString = reader.TokenType == JsonTokenType.String;
        reader.Skip();
        return RawText(start, reader.BytesConsumed, isString);
    }
}

/// <summary>The discriminator member a derived type's reader skips: its name and the reader depth of its value.</summary>
/// <param name="Name">The discriminator property name.</param>
/// <param name="Depth">The <see cref="Utf8JsonReader.CurrentDepth"/> of its value.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct DiscriminatorScope(string? Name, int Depth);
