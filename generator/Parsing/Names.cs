using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;
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
    public static string TypeOfName(ITypeSymbol type) => IsPlain(type) ? PlainNames[type] : type.ToDisplayString(TypeOfFormat);

    /// <summary><c>global::Ns.Type</c> without a top-level nullable reference annotation.</summary>
    public static string TypeWithoutAnnotation(ITypeSymbol type) =>
        IsPlain(type) ? PlainNames[type]
        : type.IsReferenceType ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FullyQualified)
        : Type(type);

    /// <summary>
    /// A named type with no type arguments (none of its own or its containing types'): the one annotation its name can
    /// carry is the top-level one, which <see cref="TypeOfName"/> and <see cref="TypeWithoutAnnotation"/> both leave
    /// out, so both write it alike, kept per type: every handler naming a model type or <c>string</c> asks.
    /// </summary>
    private static bool IsPlain(ITypeSymbol type) => type is INamedTypeSymbol { IsGenericType: false };

    private static readonly TypeMemo<ITypeSymbol, string> PlainNames = new(static type => type.ToDisplayString(TypeOfFormat));

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

    /// <summary>A constant of the given type (a parameter's default value, an attribute argument).</summary>
    public static Constant Constant(object? value, ITypeSymbol type)
    {
        if (value is null)
        {
            return type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? Model.Constant.Null : Model.Constant.Default;
        }

        var target = TypeWithoutAnnotation(type);
        return value switch
        {
            double.NaN or float.NaN => new(ConstantKind.NotFinite, "NaN", target),
            double.PositiveInfinity or float.PositiveInfinity => new(ConstantKind.NotFinite, "PositiveInfinity", target),
            double.NegativeInfinity or float.NegativeInfinity => new(ConstantKind.NotFinite, "NegativeInfinity", target),
            string text => new(ConstantKind.String, text),
            bool flag => new(ConstantKind.Boolean, flag ? "true" : "false"),
            char ch => new(ConstantKind.Char, ch.ToString()),
            float number => new(ConstantKind.Single, number.ToString("R", CultureInfo.InvariantCulture), target),
            double number => new(ConstantKind.Double, number.ToString("R", CultureInfo.InvariantCulture), target),
            decimal number => new(ConstantKind.Decimal, number.ToString(CultureInfo.InvariantCulture), target),
            int number when type.SpecialType == SpecialType.System_Int32 => new(ConstantKind.Int32, number.ToString(CultureInfo.InvariantCulture)),
            long number when type.SpecialType == SpecialType.System_Int64 => new(ConstantKind.Int64, number.ToString(CultureInfo.InvariantCulture)),
            _ => new(ConstantKind.Converted, System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", target),
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
