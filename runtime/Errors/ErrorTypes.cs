using System.ComponentModel;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// The error type codes and their messages. Codes and wording follow FastAPI (pydantic v2), so a
/// client written for FastAPI reads our errors the same way. docs/validation.md lists them all.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#pragma warning disable CS1591 // Each constant is its own FastAPI type code; docs/validation.md describes them.
public static class ErrorTypes
{
    public const string Missing = "missing";
    public const string JsonInvalid = "json_invalid";
    public const string ExtraForbidden = "extra_forbidden";
    public const string ModelType = "model_attributes_type";
    public const string ListType = "list_type";
    public const string DictType = "dict_type";
    public const string StringType = "string_type";
    public const string BoolType = "bool_type";
    public const string BoolParsing = "bool_parsing";
    public const string IntType = "int_type";
    public const string IntParsing = "int_parsing";
    public const string IntFromFloat = "int_from_float";
    public const string IntParsingSize = "int_parsing_size";
    public const string FloatType = "float_type";
    public const string FloatParsing = "float_parsing";
    public const string FiniteNumber = "finite_number";
    public const string DecimalParsing = "decimal_parsing";
    public const string UuidParsing = "uuid_parsing";
    public const string DateParsing = "date_parsing";
    public const string DateTimeParsing = "datetime_parsing";
    public const string TimeParsing = "time_parsing";
    public const string TimeDeltaParsing = "time_delta_parsing";
    public const string TimeDeltaType = "time_delta_type";
    public const string UrlParsing = "url_parsing";
    public const string UrlType = "url_type";
    public const string CharParsing = "string_char";
    public const string Enum = "enum";
    public const string ValueError = "value_error";
    public const string TooManyErrors = "too_many_errors";
    public const string UnionTagInvalid = "union_tag_invalid";
    public const string UnionTagNotFound = "union_tag_not_found";

#pragma warning restore CS1591

    /// <summary>The plain-English message for a type code that carries no context.</summary>
    public static string Message(string type) => type switch
    {
        Missing => "Field required",
        JsonInvalid => "JSON decode error",
        ExtraForbidden => "Extra inputs are not permitted",
        ModelType => "Input should be a valid dictionary or object to extract fields from",
        ListType => "Input should be a valid list",
        DictType => "Input should be a valid dictionary",
        StringType => "Input should be a valid string",
        BoolType => "Input should be a valid boolean",
        BoolParsing => "Input should be a valid boolean, unable to interpret input",
        IntType => "Input should be a valid integer",
        IntParsing => "Input should be a valid integer, unable to parse string as an integer",
        IntFromFloat => "Input should be a valid integer, got a number with a fractional part",
        IntParsingSize => "Input should be a valid integer, the number is out of range",
        FloatType => "Input should be a valid number",
        FloatParsing => "Input should be a valid number, unable to parse string as a number",
        FiniteNumber => "Input should be a finite number",
        DecimalParsing => "Input should be a valid decimal",
        UuidParsing => "Input should be a valid UUID",
        DateParsing => "Input should be a valid date in the format YYYY-MM-DD",
        DateTimeParsing => "Input should be a valid datetime",
        TimeParsing => "Input should be in a valid time format",
        TimeDeltaParsing => "Input should be a valid timedelta",
        TimeDeltaType => "Input should be a valid timedelta",
        UrlParsing => "Input should be a valid URL",
        UrlType => "URL input should be a string or URL",
        CharParsing => "Input should be a single character",
        _ => "Value error, input is not valid",
    };

    /// <summary>The final entry of a response that reports only the first errors it found.</summary>
    public static string TooManyErrorsMessage(int more) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Too many errors: {more} more were found and not reported");

    /// <summary>pydantic's message for a discriminator value that names no derived type.</summary>
    public static string UnionTagInvalidMessage(string tag, string discriminator, string expected) =>
        $"Input tag '{tag}' found using '{discriminator}' does not match any of the expected tags: {expected}";

    /// <summary>pydantic's message for an object without its discriminator.</summary>
    public static string UnionTagNotFoundMessage(string discriminator) => $"Unable to extract tag using discriminator '{discriminator}'";

    /// <summary>The message for an enum value that is not one of <paramref name="expected"/>.</summary>
    public static string EnumMessage(string expected) => $"Input should be {expected}";
}
