using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Shared;

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
        if (type is not INamedTypeSymbol named
            || type.SpecialType == SpecialType.System_Object
            || type.TypeKind is TypeKind.Interface or TypeKind.Delegate or TypeKind.TypeParameter or TypeKind.Error
            || type.IsAbstract
            || named.IsGenericType && named.TypeArguments.Any(t => t.TypeKind == TypeKind.TypeParameter))
        {
            return $"'{type.ToDisplayString()}' is not a concrete class, record or struct";
        }

        if (named.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
        {
            return $"'{type.ToDisplayString()}' is a collection type the generated JSON does not handle";
        }

        return null;
    }
}
