using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// Which attributes on a handler and its classes become endpoint metadata, and whether generated code can
/// construct each one: the generator writes the construction, the analyzers report what it has to leave out (FEG1006).
/// </summary>
internal static class EndpointMetadata
{
    private static readonly Memo<IMethodSymbol, IReadOnlyList<AttributeData>> Attributes = new(static method =>
    {
        var classes = new List<INamedTypeSymbol>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            classes.Add(type);
        }

        var attributes = new List<AttributeData>();
        for (var i = classes.Count - 1; i >= 0; i--)
        {
            attributes.AddRange(classes[i].GetAttributes());
        }

        attributes.AddRange(method.GetAttributes());
        return attributes;
    });

    /// <summary>
    /// The attributes on the handler's classes, outermost first, then on the method: the order minimal APIs add them
    /// to an endpoint's metadata. <c>GetAttributes()</c> already leaves out pseudo-attributes. Read once per method: the
    /// reader, the endpoint's name, its security and the generator's metadata all ask.
    /// </summary>
    public static IReadOnlyList<AttributeData> AttributesOf(IMethodSymbol method) => Attributes[method];

    /// <summary>
    /// Every attribute is metadata except FastEndpointsGen's own route and group attributes and the compiler's
    /// (<c>System.Runtime.CompilerServices</c>); of ours, <c>[RequiredScopes]</c> is metadata.
    /// </summary>
    public static bool IsMetadata(AttributeData attribute)
    {
        var ns = TypeClassifier.NamespaceName(attribute.AttributeClass?.ContainingNamespace);
        // [RequiredScopes] is ours but is read by the authorization middleware at run time (docs/security.md).
        return ns is not null and not "FastEndpointsGen" and not "System.Runtime.CompilerServices"
            || ns == "FastEndpointsGen" && attribute.AttributeClass!.Name == "RequiredScopesAttribute";
    }

    /// <summary>
    /// Whether code in <paramref name="within"/> can construct the attribute as written: its type, constructor and
    /// named members are accessible there and every argument bound.
    /// </summary>
    public static bool IsConstructible(AttributeData attribute, IAssemblySymbol within) =>
        attribute.AttributeClass is { TypeKind: not TypeKind.Error } type
        && attribute.AttributeConstructor is { } constructor
        && IsAccessible(type, within) && IsAccessible(constructor, within)
        && attribute.ConstructorArguments.All(a => IsWritable(a, within))
        && attribute.NamedArguments.All(a => IsWritable(a.Value, within) && IsSettable(type, a.Key, within));

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
