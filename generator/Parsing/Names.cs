using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using FastEndpointsGen.Generator.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>Turns symbols into the strings the model holds: type names, JSON names, C# literals.</summary>
internal static class Names
{
    private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary><c>global::Ns.Type</c>, with <c>?</c> on nullable references inside and out.</summary>
    public static string Type(ITypeSymbol type) => type.ToDisplayString(FullyQualified);

    private static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary><c>global::Ns.Type</c> with no nullable reference annotation anywhere: valid inside <c>typeof(...)</c>.</summary>
    public static string TypeOfName(ITypeSymbol type) => type.ToDisplayString(TypeOfFormat);

    /// <summary><c>global::Ns.Type</c> without a top-level nullable reference annotation.</summary>
    public static string TypeWithoutAnnotation(ITypeSymbol type) =>
        type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FullyQualified) : Type(type);

    /// <summary>The type as the model holds it (docs/architecture.md#the-model).</summary>
    public static TypeRef TypeRef(ITypeSymbol type)
    {
        var isNullableValue = type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol { TypeArguments.Length: 1 };
        var named = isNullableValue ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        return new TypeRef
        {
            Name = TypeWithoutAnnotation(named),
            Kind = isNullableValue ? TypeRefKind.NullableValue : type.IsValueType ? TypeRefKind.Value : TypeRefKind.Reference,
            IsNullable = isNullableValue || type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated,
            SimpleName = named.Name,
            IsConstructed = IsConstructed(named),
        };
    }

    private static bool IsConstructed(ITypeSymbol type) =>
        type is IArrayTypeSymbol or IPointerTypeSymbol
        || type is INamedTypeSymbol { TypeArguments.Length: > 0 }
        || type.ContainingType is { } outer && IsConstructed(outer);

    /// <summary>A C# expression for a constant of the given type (a parameter's default value).</summary>
    public static string Literal(object? value, ITypeSymbol type)
    {
        if (value is null)
        {
            return type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? "null" : "default";
        }

        var target = TypeWithoutAnnotation(type);
        return value switch
        {
            double.NaN or float.NaN => $"({target})double.NaN",
            double.PositiveInfinity or float.PositiveInfinity => $"({target})double.PositiveInfinity",
            double.NegativeInfinity or float.NegativeInfinity => $"({target})double.NegativeInfinity",
            string text => SymbolDisplay.FormatLiteral(text, quote: true),
            bool flag => flag ? "true" : "false",
            char ch => SymbolDisplay.FormatLiteral(ch, quote: true),
            float number => $"({target}){number.ToString("R", CultureInfo.InvariantCulture)}F",
            double number => $"({target}){number.ToString("R", CultureInfo.InvariantCulture)}D",
            decimal number => $"({target}){number.ToString(CultureInfo.InvariantCulture)}M",
            int number when type.SpecialType == SpecialType.System_Int32 => number.ToString(CultureInfo.InvariantCulture),
            long number when type.SpecialType == SpecialType.System_Int64 => number.ToString(CultureInfo.InvariantCulture) + "L",
            _ => $"({target})({System.Convert.ToString(value, CultureInfo.InvariantCulture)})",
        };
    }

    /// <summary>A readable C# identifier for a type, unique per type: <c>TaskApi_TaskItem</c>, <c>ListOfInt32</c>.</summary>
    public static string Identifier(string text)
    {
        // '_' is doubled so that Demo.Order_Line and Demo.Order.Line stay apart.
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            builder.Append(ch == '_' ? "__" : char.IsLetterOrDigit(ch) ? ch.ToString() : "_");
        }

        return builder.ToString();
    }
}
