using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace FastEndpointsGen.Runtime;

/// <summary>Writers for the leaf types <see cref="Utf8JsonWriter"/> has no direct method for, formatted without allocating.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
{
    /// <summary>Writes a dictionary key (a number or a <see cref="Guid"/>) as a property name, formatted invariantly.</summary>
    public static void PropertyName<T>(Utf8JsonWriter writer, T key)
        where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[40];
        key.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        writer.WritePropertyName(buffer[..written]);
    }

    /// <summary>Writes a <see cref="System.DateOnly"/> as <c>yyyy-MM-dd</c>.</summary>
    public static void DateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> buffer = stackalloc char[16];
        value.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>Writes a <see cref="System.TimeOnly"/> as <c>HH:mm:ss[.fffffff]</c>.</summary>
    public static void TimeOnly(Utf8JsonWriter writer, TimeOnly value)
    {
        Span<char> buffer = stackalloc char[32];
        value.ToTimeSpan().TryFormat(buffer, out var written, "c", CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>Writes a <see cref="System.Uri"/> as its original string.</summary>
    public static void Uri(Utf8JsonWriter writer, Uri? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.OriginalString);
        }
    }

    /// <summary>Writes a <see cref="char"/> as a one-character string.</summary>
    public static void Char(Utf8JsonWriter writer, char value)
    {
        Span<char> buffer = [value];
        writer.WriteStringValue(buffer);
    }

    /// <summary>The error a polymorphic writer throws for a value whose runtime type no <c>[JsonDerivedType]</c> lists, as System.Text.Json does.</summary>
    public static NotSupportedException UnknownDerivedType(Type runtimeType, Type declaredType) =>
        new($"Runtime type '{runtimeType}' is not supported by polymorphic type '{declaredType}': declare it with [JsonDerivedType] on '{declaredType}'.");
}
