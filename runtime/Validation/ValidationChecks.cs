using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// The checks behind DataAnnotations rules that are more than a comparison, written without the
/// attribute instances (so nothing reflects over attributes at runtime), plus error input formatting.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValidationChecks
{
    /// <summary>
    /// The length <c>[StringLength]</c>, <c>[MinLength]</c>, <c>[MaxLength]</c> and <c>[Length]</c> check: Unicode code points, as
    /// JSON Schema's <c>minLength</c>/<c>maxLength</c> count them, so the document and the check agree (docs/openapi.md).
    /// An emoji is one character, not two UTF-16 units; an unpaired surrogate counts as one.
    /// </summary>
    public static int TextLength(string value)
    {
        var span = value.AsSpan();
        var first = span.IndexOfAnyInRange('\uD800', '\uDBFF');
        if (first < 0)
        {
            return span.Length;
        }

        var length = first;
        for (var i = first; i < span.Length; i++, length++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
        }

        return length;
    }

    /// <summary><c>[EmailAddress]</c>: one <c>@</c>, neither first nor last (DataAnnotations' own rule).</summary>
    public static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at != value.Length - 1
            && value.AsSpan().IndexOfAny('\r', '\n') < 0;
    }

    /// <summary><c>[Phone]</c>: digits with the usual separators and an optional extension (DataAnnotations' own rule).</summary>
    public static bool IsPhone(string value)
    {
        var text = value.Replace("+", string.Empty, StringComparison.Ordinal).TrimEnd();
        foreach (var marker in (ReadOnlySpan<string>)["ext.", "ext", "x"])
        {
            var index = text.LastIndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (index >= 0 && IsDigits(text.AsSpan(index + marker.Length).Trim()))
            {
                text = text[..index];
                break;
            }
        }

        var digits = 0;
        foreach (var ch in text)
        {
            if (char.IsDigit(ch))
            {
                digits++;
            }
            else if (!(char.IsWhiteSpace(ch) || ch is '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        return digits > 0;
    }

    /// <summary><c>[Url]</c>: an absolute http, https or ftp URL.</summary>
    public static bool IsUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Builds the regex of a <c>[RegularExpression]</c> check once: anchored <c>\A(?:…)\z</c> (.NET's <c>$</c> also
    /// matches before a final newline), run by the linear-time <see cref="RegexOptions.NonBacktracking"/> engine when
    /// the pattern allows it (no backreferences or lookarounds), and bounded by <paramref name="matchTimeoutMilliseconds"/>
    /// either way (docs/reliability.md).
    /// </summary>
    public static Regex Pattern(string pattern, int matchTimeoutMilliseconds)
    {
        var anchored = $@"\A(?:{pattern})\z";
        var timeout = TimeSpan.FromMilliseconds(matchTimeoutMilliseconds);
        try
        {
            return new Regex(anchored, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, timeout);
        }
        catch (NotSupportedException)
        {
            return new Regex(anchored, RegexOptions.CultureInvariant, timeout);
        }
    }

    /// <summary>
    /// <c>[RegularExpression]</c>: whether the whole value matches. A match that runs past its timeout counts as no
    /// match, so a hostile value is a 422 at its location, never a stuck thread or a 500.
    /// </summary>
    public static bool Matches(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs a <see cref="ValidationAttribute"/> the generator does not compile inline (a user's own, or one such as
    /// <c>[CreditCard]</c>) against a value, named <paramref name="name"/> in its messages. Returns the error message,
    /// or null when the value passes. The validation context's object is the value itself: generated readers check
    /// members as they read them, before the containing object exists (docs/validation.md).
    /// </summary>
    public static string? Custom(ValidationAttribute attribute, object value, string name)
    {
        var context = new ValidationContext(value, name, null, null) { MemberName = name };
        var result = attribute.GetValidationResult(value, context);
        return result is null || result == ValidationResult.Success
            ? null
            : FailureMessage(result);
    }

    /// <summary><c>[Base64String]</c>.</summary>
    public static bool IsBase64(string value) => Base64.IsValid(value);

    /// <summary>The value as JSON text for an error's <c>input</c>.</summary>
    public static string Input<T>(T value) => value switch
    {
        null => "null",
        string text => RequestErrors.StringInput(text)!,
        bool flag => flag ? "true" : "false",
        DateOnly date => RequestErrors.JsonString(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        DateTime or DateTimeOffset or TimeOnly or TimeSpan or Guid => RequestErrors.JsonString(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable => "null", // collections are not echoed
        _ => RequestErrors.JsonString(value.ToString() ?? string.Empty),
    };

    /// <summary>One <c>ctx</c> entry, e.g. <c>("le", "100")</c>.</summary>
    public static KeyValuePair<string, string>[] Context(string key, string rawJson) => [new(key, rawJson)];

    /// <summary>The <c>ctx</c> of a list length error, as FastAPI writes it.</summary>
    public static KeyValuePair<string, string>[] ListContext(string key, int limit, int actual) =>
    [
        new("field_type", "\"List\""),
        new(key, limit.ToString(CultureInfo.InvariantCulture)),
        new("actual_length", actual.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>Runs <see cref="IValidatableObject.Validate"/> and records each failure at its member's JSON name.</summary>
    public static void Validate(IValidatableObject model, JsonReadContext context, Func<string, string?> jsonName)
    {
        var validationContext = new ValidationContext(model, model.GetType().Name, null, null);
        foreach (var result in model.Validate(validationContext))
        {
            Place(result, context, jsonName);
        }
    }

    /// <summary>
    /// Runs a <see cref="ValidationAttribute"/> written on a model class against the built object, with the class's name as
    /// the display name (as <c>Validator.ValidateObject</c> does), and records a failure at the members its result names,
    /// else at the object (docs/validation.md#your-own-validation-attributes).
    /// </summary>
    public static void Validate(ValidationAttribute attribute, object model, string displayName, JsonReadContext context, Func<string, string?> jsonName)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(context);
        var result = attribute.GetValidationResult(model, new ValidationContext(model, displayName, null, null));
        if (result is not null && result != ValidationResult.Success)
        {
            Place(result, context, jsonName);
        }
    }

    /// <summary>
    /// Runs a <see cref="ValidationAttribute"/> written on an <c>[AsParameters]</c> or <c>[FromForm]</c> model's class against
    /// the built object, as <see cref="Validate(ValidationAttribute, object, string, JsonReadContext, Func{string, string?})"/>
    /// does for a body: a failure lands at the location of each member its result names (<paramref name="locations"/>
    /// maps a member's C# name to it, e.g. <c>["query", "to"]</c>), else at <paramref name="source"/>, the model's own.
    /// </summary>
    public static RequestErrors? Validate(ValidationAttribute attribute, object model, string displayName, RequestErrors? errors, string source,
        IReadOnlyDictionary<string, string[]> locations)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var result = attribute.GetValidationResult(model, new ValidationContext(model, displayName, null, null));
        return result is null || result == ValidationResult.Success ? errors : Place(result, errors, source, locations);
    }

    /// <summary>
    /// Runs <see cref="IValidatableObject.Validate"/> on an <c>[AsParameters]</c> or <c>[FromForm]</c> model and records each
    /// failure at its members' locations, else at <paramref name="source"/>.
    /// </summary>
    public static RequestErrors? Validate(IValidatableObject model, RequestErrors? errors, string source, IReadOnlyDictionary<string, string[]> locations)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var result in model.Validate(new ValidationContext(model, model.GetType().Name, null, null)))
        {
            errors = Place(result, errors, source, locations);
        }

        return errors;
    }

    private static RequestErrors Place(ValidationResult result, RequestErrors? errors, string source, IReadOnlyDictionary<string, string[]> locations)
    {
        var message = FailureMessage(result);
        var placed = false;
        foreach (var member in result.MemberNames)
        {
            if (locations.TryGetValue(member, out var location))
            {
                errors = RequestErrors.Add(errors, new FieldError(location, ErrorTypes.ValueError, message));
                placed = true;
            }
        }

        return placed ? errors! : RequestErrors.Add(errors, new FieldError([source], ErrorTypes.ValueError, message));
    }

    private static string FailureMessage(ValidationResult result) => "Value error, " + (result.ErrorMessage ?? "input is not valid");

    private static void Place(ValidationResult result, JsonReadContext context, Func<string, string?> jsonName)
    {
        var message = FailureMessage(result);
        var placed = false;
        foreach (var member in result.MemberNames)
        {
            if (jsonName(member) is { } name)
            {
                context.Push(name);
                context.AddError(ErrorTypes.ValueError, message);
                context.Pop();
                placed = true;
            }
        }

        if (!placed)
        {
            context.AddError(ErrorTypes.ValueError, message);
        }
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var ch in text)
        {
            if (!char.IsDigit(ch))
            {
                return false;
            }
        }

        return true;
    }
}
