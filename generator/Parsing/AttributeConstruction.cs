using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Writes an attribute as written in source back out as a C# construction expression,
/// <c>new global::X(1, "a") { Named = true }</c>, so generated code re-creates it without reflection:
/// custom validation attributes (docs/validation.md) and endpoint metadata (docs/composition.md).
/// </summary>
internal static class AttributeConstruction
{
    /// <summary>
    /// The expression, or null when code in <paramref name="within"/> cannot construct the attribute: its type,
    /// constructor or a named member is not accessible there, or an argument did not bind.
    /// </summary>
    public static string? Expression(AttributeData attribute, IAssemblySymbol within)
    {
        if (attribute.AttributeClass is not { TypeKind: not TypeKind.Error } type
            || attribute.AttributeConstructor is not { } constructor
            || !IsAccessible(type, within) || !IsAccessible(constructor, within)
            || attribute.ConstructorArguments.Any(a => !IsWritable(a, within))
            || attribute.NamedArguments.Any(a => !IsWritable(a.Value, within) || !IsSettable(type, a.Key, within)))
        {
            return null;
        }

        return Expression(attribute);
    }

    /// <summary>The expression for an attribute already known to be constructible.</summary>
    public static string Expression(AttributeData attribute)
    {
        var typeName = Names.Type(attribute.AttributeClass!);
        var arguments = string.Join(", ", attribute.ConstructorArguments.Select(Constant));
        var named = attribute.NamedArguments.Select(a => $"{a.Key} = {Constant(a.Value)}").ToList();
        return $"new {typeName}({arguments})" + (named.Count == 0 ? "" : " { " + string.Join(", ", named) + " }");
    }

    /// <summary>An attribute argument as C#: literals, enums, <c>typeof</c> and arrays of them.</summary>
    public static string Constant(TypedConstant constant) => constant.Kind switch
    {
        _ when constant.IsNull => constant.Type is { IsValueType: true } ? "default" : "null",
        TypedConstantKind.Array => $"new {Names.Type(constant.Type!)} {{ {string.Join(", ", constant.Values.Select(Constant))} }}",
        TypedConstantKind.Type => $"typeof({Names.TypeWithoutAnnotation((ITypeSymbol)constant.Value!)})",
        _ => Names.Literal(constant.Value, constant.Type!),
    };

    private static bool IsWritable(TypedConstant constant, IAssemblySymbol within) => constant.Kind switch
    {
        TypedConstantKind.Error => false,
        _ when constant.IsNull => true,
        TypedConstantKind.Array => constant.Values.All(v => IsWritable(v, within)),
        TypedConstantKind.Type => constant.Value is ITypeSymbol { TypeKind: not TypeKind.Error } type && IsAccessible(type, within),
        TypedConstantKind.Enum => constant.Type is { } enumType && IsAccessible(enumType, within),
        _ => constant.Type is not null,
    };

    private static bool IsSettable(INamedTypeSymbol type, string name, IAssemblySymbol within)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(name))
            {
                switch (member)
                {
                    case IPropertySymbol { SetMethod: { } setter }:
                        return IsAccessible(setter, within);
                    case IFieldSymbol { IsReadOnly: false, IsConst: false } field:
                        return IsAccessible(field, within);
                }
            }
        }

        return false;
    }

    private static bool IsAccessible(ISymbol symbol, IAssemblySymbol within)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            var visible = current.DeclaredAccessibility switch
            {
                Accessibility.Public => true,
                Accessibility.Internal or Accessibility.ProtectedOrInternal => SymbolEqualityComparer.Default.Equals(current.ContainingAssembly, within)
                    || current.ContainingAssembly.GivesAccessTo(within),
                Accessibility.NotApplicable => true,
                _ => false,
            };
            if (!visible)
            {
                return false;
            }

            if (current is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Any(t => t is INamedTypeSymbol && !IsAccessible(t, within)))
            {
                return false;
            }
        }

        return true;
    }
}
