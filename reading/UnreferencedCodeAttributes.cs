using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// Attributes whose constructor is marked <c>RequiresUnreferencedCode</c> — in .NET 10 DataAnnotations'
/// <c>[MinLength]</c>, <c>[MaxLength]</c>, <c>[Length]</c>, <c>[Compare]</c> and <c>[Range(typeof(T), …)]</c>, whose
/// <c>IsValid</c> reflects. The generator compiles those rules and never creates the instances, so their usages are
/// not a trimming risk (the analyzers' suppressor), as long as no reflection over the handler reaches them: endpoint
/// filters and metadata providers then get a signature without them (docs/aot.md#handler-parameters).
/// </summary>
internal static class UnreferencedCodeAttributes
{
    private const string RequiresUnreferencedCodeAttribute = "System.Diagnostics.CodeAnalysis.RequiresUnreferencedCodeAttribute";

    /// <summary>Whether creating an instance through this constructor requires unreferenced code.</summary>
    public static bool Requires(IMethodSymbol? constructor) =>
        constructor is not null
        && (constructor.GetAttributes().Any(IsRequiresUnreferencedCode) || constructor.ContainingType.GetAttributes().Any(IsRequiresUnreferencedCode));

    /// <summary>Whether the attribute, as applied, requires unreferenced code to be created.</summary>
    public static bool Requires(AttributeData attribute) => Requires(attribute.AttributeConstructor);

    /// <summary>Whether the method or one of its parameters carries such an attribute.</summary>
    public static bool AnyOn(IMethodSymbol method) =>
        method.GetAttributes().Any(Requires) || method.Parameters.Any(p => p.GetAttributes().Any(Requires));

    private static bool IsRequiresUnreferencedCode(AttributeData attribute) =>
        TypeClassifier.IsNamed(attribute.AttributeClass, RequiresUnreferencedCodeAttribute);
}
