using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// Which object types the generated JSON readers and writers handle. A type they do not handle is
/// serialized with the app's <c>JsonSerializerOptions</c> instead (the fallback).
/// </summary>
internal static class JsonSupport
{
    /// <summary>
    /// Why an object-like type (not simple, not a recognised collection or string dictionary) falls
    /// back to the app's options, or null when the generated code handles it.
    /// </summary>
    public static string? FallbackReason(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Interface or TypeKind.Class } declared && !IsOpenGeneric(declared)
            && (declared.TypeKind == TypeKind.Interface || declared.IsAbstract) && Polymorphism.Of(declared) is not null)
        {
            return null; // [JsonDerivedType]: generated as a polymorphic reader and writer.
        }

        if (type is not INamedTypeSymbol named
            || type.SpecialType == SpecialType.System_Object
            || type.TypeKind is TypeKind.Interface or TypeKind.Delegate or TypeKind.TypeParameter or TypeKind.Error
            || type.IsAbstract
            || IsOpenGeneric(named))
        {
            return $"'{type.ToDisplayString()}' is not a concrete class, record or struct";
        }

        if (named.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
        {
            return $"'{type.ToDisplayString()}' is a collection type the generated JSON does not handle";
        }

        return null;
    }

    private static bool IsOpenGeneric(INamedTypeSymbol type) =>
        type.IsGenericType && type.TypeArguments.Any(t => t.TypeKind == TypeKind.TypeParameter);

    private const string JsonConstructor = "System.Text.Json.Serialization.JsonConstructorAttribute";

    /// <summary>
    /// The constructor a generated reader builds the type with: [JsonConstructor], else the public parameterless one,
    /// else the public one with the most parameters. Null when there is none, so the type cannot be read (FEG4003).
    /// </summary>
    public static IMethodSymbol? ReadConstructor(INamedTypeSymbol type)
    {
        var candidates = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(c, type))
            .ToList();
        return candidates.FirstOrDefault(c => c.GetAttributes().Any(a => a.AttributeClass is not null && TypeClassifier.FullName(a.AttributeClass) == JsonConstructor))
            ?? candidates.FirstOrDefault(c => c.Parameters.Length == 0 && !c.IsImplicitlyDeclared || c.Parameters.Length == 0 && !type.IsValueType)
            ?? candidates.Where(c => c.Parameters.Length > 0).OrderByDescending(c => c.Parameters.Length).FirstOrDefault()
            ?? candidates.FirstOrDefault();
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    /// <summary>The default JSON name: camelCase the way System.Text.Json's <c>JsonNamingPolicy.CamelCase</c> does.</summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }
}
