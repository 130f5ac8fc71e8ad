using System.Linq;
using FastEndpointsGen.Reading;
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
    public static string? Expression(AttributeData attribute, IAssemblySymbol within) =>
        EndpointMetadata.IsConstructible(attribute, within) ? Expression(attribute) : null;

    /// <summary>The expression for an attribute already known to be constructible.</summary>
    public static string Expression(AttributeData attribute)
    {
        var typeName = Names.Type(attribute.AttributeClass!);
        var arguments = string.Join(", ", attribute.ConstructorArguments.Select(Constant));
        var named = attribute.NamedArguments.Select(a => $"{a.Key} = {Constant(a.Value)}").ToList();
        return $"new {typeName}({arguments})" + (named.Count == 0 ? "" : " { " + string.Join(", ", named) + " }");
    }

    /// <summary>The attribute as an attribute usage, <c>global::X(1, "a", Named = true)</c>, for a generated declaration.</summary>
    public static string Usage(AttributeData attribute)
    {
        var typeName = Names.Type(attribute.AttributeClass!);
        var arguments = attribute.ConstructorArguments.Select(Constant)
            .Concat(attribute.NamedArguments.Select(a => $"{a.Key} = {Constant(a.Value)}"));
        var list = string.Join(", ", arguments);
        return list.Length == 0 ? typeName : $"{typeName}({list})";
    }

    /// <summary>An attribute argument as C#: literals, enums, <c>typeof</c> and arrays of them.</summary>
    public static string Constant(TypedConstant constant) => constant.Kind switch
    {
        _ when constant.IsNull => constant.Type is { IsValueType: true } ? "default" : "null",
        TypedConstantKind.Array => $"new {Names.Type(constant.Type!)} {{ {string.Join(", ", constant.Values.Select(Constant))} }}",
        TypedConstantKind.Type => $"typeof({Names.TypeWithoutAnnotation((ITypeSymbol)constant.Value!)})",
        _ => Names.Constant(constant.Value, constant.Type!).CSharp,
    };
}
