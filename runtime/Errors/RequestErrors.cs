using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// The errors of one request, collected rather than thrown. Generated code starts with a null
/// collection and allocates one only when the first error appears, so a valid request pays nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RequestErrors
{
    /// <summary>The default of <see cref="FastEndpointsGenOptions.MaxValidationErrors"/>.</summary>
    public const int DefaultLimit = 100;

    private readonly List<FieldError> _errors = [];

    /// <summary>The errors in the order they were found, at most <see cref="Limit"/> of them.</summary>
    public IReadOnlyList<FieldError> Items => _errors;

    /// <summary>How many errors were kept.</summary>
    public int Count => _errors.Count;

    /// <summary>
    /// How many errors are kept; later ones are only counted in <see cref="Dropped"/>, so a body with a
    /// million mistakes costs no more memory than one with a hundred.
    /// </summary>
    public int Limit { get; set; } = DefaultLimit;

    /// <summary>How many errors were found after <see cref="Limit"/> was reached.</summary>
    public int Dropped { get; private set; }

    /// <summary>True once <see cref="Limit"/> errors are kept: readers may stop capturing inputs.</summary>
    public bool IsFull => _errors.Count >= Limit;

    /// <summary>Counts an error found after <see cref="Limit"/> was reached, without building it.</summary>
    public void CountDropped() => Dropped++;

    /// <summary>Adds an error, or counts it when <see cref="Limit"/> errors are already kept.</summary>
    public void Add(FieldError error)
    {
        if (_errors.Count < Limit)
        {
            _errors.Add(error);
        }
        else
        {
            Dropped++;
        }
    }

    /// <summary>Adds an error to <paramref name="errors"/>, creating the collection on first use.</summary>
    public static RequestErrors Add(RequestErrors? errors, FieldError error)
    {
        errors ??= new RequestErrors();
        errors.Add(error);
        return errors;
    }

    /// <summary>A required route, query, header or body value is absent.</summary>
    public static RequestErrors Missing(RequestErrors? errors, string source, string? name) =>
        Add(errors, new FieldError(Location(source, name), ErrorTypes.Missing, ErrorTypes.Message(ErrorTypes.Missing)));

    /// <summary>
    /// A route, query or header value did not parse as an integer type: <c>int_parsing_size</c> when it is a
    /// whole number out of the type's range, <c>int_parsing</c> otherwise. <paramref name="echo"/> is false for secrets.
    /// </summary>
    public static RequestErrors InvalidInteger(RequestErrors? errors, string source, string name, string? input, bool echo = true) =>
        Invalid(errors, source, name, IsWholeNumber(input) ? ErrorTypes.IntParsingSize : ErrorTypes.IntParsing, echo ? input : null);

    /// <summary>An item of a multi-valued integer parameter did not parse; see <see cref="InvalidInteger"/>.</summary>
    public static RequestErrors InvalidIntegerItem(RequestErrors? errors, string source, string name, int index, string? input, bool echo = true) =>
        InvalidItem(errors, source, name, index, IsWholeNumber(input) ? ErrorTypes.IntParsingSize : ErrorTypes.IntParsing, echo ? input : null);

    /// <summary>
    /// A route, query or header value did not parse as a <see cref="float"/> or <see cref="double"/>: <c>finite_number</c>
    /// for a number no JSON can carry (<c>1e400</c>, <c>NaN</c>), <c>float_parsing</c> otherwise.
    /// </summary>
    public static RequestErrors InvalidFloat(RequestErrors? errors, string source, string name, string? input, bool echo = true) =>
        Invalid(errors, source, name,
            double.TryParse(input, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? ErrorTypes.FiniteNumber : ErrorTypes.FloatParsing,
            echo ? input : null);

    /// <summary>A route, query or header value did not parse as the parameter's type.</summary>
    public static RequestErrors Invalid(RequestErrors? errors, string source, string name, string type, string? input) =>
        Add(errors, type == ErrorTypes.UrlParsing
            ? new FieldError(Location(source, name), type, UrlErrors.Message(UrlErrors.Describe(input)), StringInput(input), UrlErrors.Context(UrlErrors.Describe(input)))
            : new FieldError(Location(source, name), type, ErrorTypes.Message(type), StringInput(input)));

    /// <summary>An item of a multi-valued query parameter did not parse.</summary>
    public static RequestErrors InvalidItem(RequestErrors? errors, string source, string name, int index, string type, string? input) =>
        Add(errors, new FieldError([source, name, index], type, ErrorTypes.Message(type), StringInput(input)));

    /// <summary>An enum value from a route, query or header is not one of the enum's names.</summary>
    public static RequestErrors InvalidEnum(RequestErrors? errors, string source, string name, string expected, string? input) =>
        Add(errors, new FieldError(Location(source, name), ErrorTypes.Enum, ErrorTypes.EnumMessage(expected), StringInput(input),
            [new("expected", JsonString(expected))]));

    /// <summary>
    /// Whether an exception a model's constructor or setter threw while it was bound is the client's error: an
    /// <see cref="ArgumentException"/> (or <see cref="ArgumentOutOfRangeException"/>…) or a
    /// <see cref="System.ComponentModel.DataAnnotations.ValidationException"/>, pydantic's <c>ValueError</c> (docs/validation.md).
    /// </summary>
    public static bool IsModelError(Exception exception) =>
        exception is ArgumentException or System.ComponentModel.DataAnnotations.ValidationException;

    /// <summary>
    /// A model bound from form fields or <c>[AsParameters]</c> members refused its values (see <see cref="IsModelError"/>):
    /// a <c>value_error</c> at <paramref name="source"/> with the exception's own message.
    /// </summary>
    public static RequestErrors ModelError(RequestErrors? errors, string source, Exception exception) =>
        Add(errors, new FieldError(Location(source, null), ErrorTypes.ValueError, "Value error, " + ModelMessage(exception)));

    // ArgumentException appends " (Parameter 'name')" and ArgumentOutOfRangeException the actual value: the first
    // line without them is what the model's author wrote.
    internal static string ModelMessage(Exception exception)
    {
        var message = exception.Message;
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        if (end >= 0)
        {
            message = message[..end];
        }

        if (exception is ArgumentException { ParamName: { } name } && message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal))
        {
            message = message[..^$" (Parameter '{name}')".Length];
        }

        return message;
    }

    /// <summary>A route, query or header value broke a validation rule.</summary>
    public static RequestErrors Rule(RequestErrors? errors, string source, string name, string type, string message, string? rawInput,
        IReadOnlyList<KeyValuePair<string, string>>? context = null) =>
        Add(errors, new FieldError([source, name], type, message, rawInput, context));

    /// <summary>An item of a multi-valued enum parameter is not one of the enum's names.</summary>
    public static RequestErrors InvalidEnumItem(RequestErrors? errors, string source, string name, int index, string expected, string? input) =>
        Add(errors, new FieldError([source, name, index], ErrorTypes.Enum, ErrorTypes.EnumMessage(expected), StringInput(input),
            [new("expected", JsonString(expected))]));

    /// <summary>
    /// The most characters of an input an error echoes (FastAPI format); a longer input is cut to this
    /// length and ends with an ellipsis, so a client cannot make an error response larger than its request.
    /// </summary>
    public const int MaxEchoedLength = 256;

    /// <summary>Encodes a raw string as a JSON string literal for the <c>input</c> of an error, cut short when long.</summary>
    public static string? StringInput(string? input) => input switch
    {
        null => null,
        { Length: > MaxEchoedLength } => CutInput(input.AsSpan(0, MaxEchoedLength)),
        _ => JsonString(input),
    };

    /// <summary>The first characters of an input too long to echo, as a JSON string that ends with an ellipsis.</summary>
    internal static string CutInput(ReadOnlySpan<char> head) => JsonString(string.Concat(head, "…"));

    // Quotes stay quotes ('Low'), as FastAPI writes them; the response is JSON, never HTML.
    // Printable ASCII other than '"' and '\' needs no escaping: one string, no encoder round trip.
    internal static string JsonString(string value) =>
        value.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0 && value.AsSpan().IndexOfAny('"', '\\') < 0
            ? string.Concat("\"", value, "\"")
            : "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"";

    // An optional sign then ASCII digits: what int.TryParse refuses only because it does not fit.
    internal static bool IsWholeNumber(string? text)
    {
        var digits = text.AsSpan().Trim();
        if (digits.Length > 0 && digits[0] is '-' or '+')
        {
            digits = digits[1..];
        }

        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static object[] Location(string source, string? name) => name is null ? [source] : [source, name];
}
