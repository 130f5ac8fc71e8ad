using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// Which <c>ValidationAttribute</c>s the generated code compiles into plain checks and which it constructs and runs as
/// themselves (docs/validation.md#your-own-validation-attributes). Read by the generator and by the analyzers (FEG3006).
/// </summary>
internal static class ValidationAttributes
{
    public const string Namespace = "System.ComponentModel.DataAnnotations.";

    /// <summary>The DataAnnotations attributes compiled into plain checks on a member (short names).</summary>
    public static readonly HashSet<string> Compiled =
    [
        "RequiredAttribute", "RangeAttribute", "StringLengthAttribute", "MinLengthAttribute", "MaxLengthAttribute", "LengthAttribute",
        "RegularExpressionAttribute", "EmailAddressAttribute", "UrlAttribute", "PhoneAttribute", "AllowedValuesAttribute",
        "DeniedValuesAttribute", "Base64StringAttribute", "CompareAttribute",
    ];

    /// <summary>
    /// True for a <c>ValidationAttribute</c> that generated code constructs as written and runs with its own
    /// <c>GetValidationResult</c>: every one on a class (<paramref name="typeLevel"/>), and on a member every one not
    /// compiled inline. <c>[DataType]</c> only describes.
    /// </summary>
    public static bool RunsAsItself(AttributeData attribute, bool typeLevel)
    {
        if (attribute.AttributeClass is not { } type || !DerivesFrom(type, Namespace + "ValidationAttribute"))
        {
            return false;
        }

        var name = TypeClassifier.FullName(type);
        if (name == Namespace + "DataTypeAttribute")
        {
            return false;
        }

        return typeLevel || !(name.StartsWith(Namespace, System.StringComparison.Ordinal) && Compiled.Contains(name.Substring(Namespace.Length)));
    }

    /// <summary>The type implements <c>IValidatableObject</c>: its <c>Validate</c> runs on the built model after every other rule passed.</summary>
    public static bool IsValidatable(ITypeSymbol type) =>
        TypeClassifier.Implements(type, Namespace + "IValidatableObject");

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (TypeClassifier.FullName(current) == baseName)
            {
                return true;
            }
        }

        return false;
    }
}
