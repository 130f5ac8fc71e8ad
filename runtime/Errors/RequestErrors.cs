using System;
using System.Collections.Generic;
using System.ComponentModel;
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
    private readonly List<FieldError> _errors = [];

    /// <summary>The errors in the order they were found.</summary>
    public IReadOnlyList<FieldError> Items => _errors;

    /// <summary>How many errors were collected.</summary>
    public int Count => _errors.Count;

    /// <summary>Adds an error.</summary>
    public void Add(FieldError error) => _errors.Add(error);

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

    /// <summary>A route, query or header value did not parse as the parameter's type.</summary>
    public static RequestErrors Invalid(RequestErrors? errors, string source, string name, string type, string? input) =>
        Add(errors, new FieldError(Location(source, name), type, ErrorTypes.Message(type), StringInput(input)));

    /// <summary>An item of a multi-valued query parameter did not parse.</summary>
    public static RequestErrors InvalidItem(RequestErrors? errors, string source, string name, int index, string type, string? input) =>
        Add(errors, new FieldError([source, name, index], type, ErrorTypes.Message(type), StringInput(input)));

    /// <summary>An enum value from a route, query or header is not one of the enum's names.</summary>
    public static RequestErrors InvalidEnum(RequestErrors? errors, string source, string name, string expected, string? input) =>
        Add(errors, new FieldError(Location(source, name), ErrorTypes.Enum, ErrorTypes.EnumMessage(expected), StringInput(input),
            [new("expected", JsonString(expected))]));

    /// <summary>A route, query or header value broke a validation rule.</summary>
    public static RequestErrors Rule(RequestErrors? errors, string source, string name, string type, string message, string? rawInput,
        IReadOnlyList<KeyValuePair<string, string>>? context = null) =>
        Add(errors, new FieldError([source, name], type, message, rawInput, context));

    /// <summary>An item of a multi-valued enum parameter is not one of the enum's names.</summary>
    public static RequestErrors InvalidEnumItem(RequestErrors? errors, string source, string name, int index, string expected, string? input) =>
        Add(errors, new FieldError([source, name, index], ErrorTypes.Enum, ErrorTypes.EnumMessage(expected), StringInput(input),
            [new("expected", JsonString(expected))]));

    /// <summary>Encodes a raw string as a JSON string literal, for the <c>input</c> of an error.</summary>
    public static string? StringInput(string? input) => input is null ? null : JsonString(input);

    // Quotes stay quotes ('Low'), as FastAPI writes them; the response is JSON, never HTML.
    // Printable ASCII other than '"' and '\' needs no escaping: one string, no encoder round trip.
    internal static string JsonString(string value) =>
        value.AsSpan().IndexOfAnyExceptInRange(' ', '~') < 0 && value.AsSpan().IndexOfAny('"', '\\') < 0
            ? string.Concat("\"", value, "\"")
            : "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() + "\"";

    private static object[] Location(string source, string? name) => name is null ? [source] : [source, name];
}
