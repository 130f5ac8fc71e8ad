using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>What a validation attribute can check on a value, by its type.</summary>
internal enum ValueShape
{
    /// <summary>Booleans, GUIDs, URIs, enums and models: only type-independent attributes apply.</summary>
    Other,

    /// <summary><c>string</c>: length, pattern and format attributes.</summary>
    String,

    /// <summary>Arrays, lists and sets: length attributes.</summary>
    Collection,

    /// <summary>Numbers, dates, times and other ordered scalars: <c>[Range]</c>.</summary>
    Comparable,
}

/// <summary>Classifies a member's type for validation; shared so the analyzers report exactly what the generator leaves out.</summary>
internal static class ValueShapes
{
    public static ValueShape Of(ITypeSymbol type, out ITypeSymbol valueType)
    {
        valueType = TypeClassifier.Unwrap(type, out _);
        if (valueType.SpecialType == SpecialType.System_String)
        {
            return ValueShape.String;
        }

        if (TypeClassifier.GetCollectionKind(valueType, out _) != CollectionKind.None)
        {
            return ValueShape.Collection;
        }

        return TypeClassifier.GetSimpleKind(valueType) switch
        {
            SimpleKind.None or SimpleKind.Boolean or SimpleKind.Uri or SimpleKind.Guid or SimpleKind.Enum => ValueShape.Other,
            _ => ValueShape.Comparable,
        };
    }

    /// <summary>
    /// True when the generator compiles the DataAnnotations attribute (short name, e.g. <c>RangeAttribute</c>)
    /// for a value of this shape; false when it leaves it out. Attributes not listed apply to any shape.
    /// </summary>
    public static bool Accepts(string attributeName, ValueShape shape) => attributeName switch
    {
        "RangeAttribute" => shape == ValueShape.Comparable,
        "StringLengthAttribute" or "RegularExpressionAttribute" or "EmailAddressAttribute" or "UrlAttribute"
            or "PhoneAttribute" or "Base64StringAttribute" => shape == ValueShape.String,
        "MinLengthAttribute" or "MaxLengthAttribute" or "LengthAttribute" => shape is ValueShape.String or ValueShape.Collection,
        _ => true,
    };
}
