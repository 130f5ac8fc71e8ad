using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>One <c>[JsonDerivedType]</c> of a polymorphic base: the type and its discriminator (a string, an int, or none).</summary>
internal sealed class DerivedType(ITypeSymbol type, object? discriminator)
{
    public ITypeSymbol Type { get; } = type;

    /// <summary>A <see cref="string"/>, an <see cref="int"/>, or null when the type is written without one.</summary>
    public object? Discriminator { get; } = discriminator;
}

/// <summary>
/// A type declared polymorphic with <c>[JsonDerivedType]</c> (and optionally <c>[JsonPolymorphic]</c>), read the
/// way System.Text.Json reads it, for the generator and the analyzers alike (docs/json.md#polymorphism).
/// </summary>
internal sealed class Polymorphism
{
    private const string JsonDerivedTypeAttribute = "System.Text.Json.Serialization.JsonDerivedTypeAttribute";
    private const string JsonPolymorphicAttribute = "System.Text.Json.Serialization.JsonPolymorphicAttribute";

    /// <summary>System.Text.Json's default discriminator property name.</summary>
    public const string DefaultPropertyName = "$type";

    private Polymorphism(string propertyName, bool ignoreUnrecognized, List<DerivedType> derived)
    {
        PropertyName = propertyName;
        IgnoreUnrecognized = ignoreUnrecognized;
        Derived = derived;
    }

    /// <summary><c>[JsonPolymorphic(TypeDiscriminatorPropertyName = ...)]</c>, else <c>$type</c>.</summary>
    public string PropertyName { get; }

    /// <summary><c>[JsonPolymorphic(IgnoreUnrecognizedTypeDiscriminators = true)]</c>.</summary>
    public bool IgnoreUnrecognized { get; }

    /// <summary>The declared derived types, in declaration order.</summary>
    public List<DerivedType> Derived { get; }

    /// <summary>The polymorphism <paramref name="type"/> declares with <c>[JsonDerivedType]</c>, or null when it declares none.</summary>
    public static Polymorphism? Of(ITypeSymbol type)
    {
        var derived = new List<DerivedType>();
        string? propertyName = null;
        var ignoreUnrecognized = false;
        foreach (var attribute in type.GetAttributes())
        {
            var name = attribute.AttributeClass is null ? null : TypeClassifier.FullName(attribute.AttributeClass);
            if (name == JsonDerivedTypeAttribute && attribute.ConstructorArguments.Length >= 1
                && attribute.ConstructorArguments[0].Value is ITypeSymbol derivedType)
            {
                var discriminator = attribute.ConstructorArguments.Length >= 2 ? attribute.ConstructorArguments[1].Value : null;
                derived.Add(new DerivedType(derivedType, discriminator));
            }
            else if (name == JsonPolymorphicAttribute)
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "TypeDiscriminatorPropertyName" && argument.Value.Value is string text && text.Length > 0)
                    {
                        propertyName = text;
                    }
                    else if (argument.Key == "IgnoreUnrecognizedTypeDiscriminators" && argument.Value.Value is true)
                    {
                        ignoreUnrecognized = true;
                    }
                }
            }
        }

        return derived.Count == 0 ? null : new Polymorphism(propertyName ?? DefaultPropertyName, ignoreUnrecognized, derived);
    }

    /// <summary>
    /// Each declared derived type with why the generated code leaves it out (FEG4005), or null when it uses it: its own
    /// <see cref="Problem"/>, a repeat, a discriminator another uses, or a member named like the discriminator.
    /// </summary>
    public List<(DerivedType Derived, string? Problem)> Check(INamedTypeSymbol type)
    {
        var checkedTypes = new List<(DerivedType, string?)>();
        var types = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var derived in Derived)
        {
            var tag = derived.Discriminator switch
            {
                string text => "\"" + text + "\"",
                int number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            var problem = Problem(type, derived.Type)
                ?? (!types.Add(derived.Type) ? "it is listed twice" : null)
                ?? (tag is not null && !tags.Add(tag) ? $"its discriminator {tag} is used by another derived type" : null)
                ?? CollidingMember(derived.Type, PropertyName);
            checkedTypes.Add((derived, problem));
        }

        return checkedTypes;
    }

    private static string? CollidingMember(ITypeSymbol type, string discriminator) =>
        type is INamedTypeSymbol named && JsonMembers.Of(named, out _).FirstOrDefault(m => m.IsWritten && m.JsonName == discriminator) is { } member
            ? $"its member '{member.Name}' is named \"{discriminator}\" in JSON, like the discriminator"
            : null;

    /// <summary>
    /// Why a declared derived type cannot be generated, or null when it can: it must be a concrete class or record that
    /// derives from (or implements) the base, or the base itself.
    /// </summary>
    public static string? Problem(ITypeSymbol baseType, ITypeSymbol derived)
    {
        if (SymbolEqualityComparer.Default.Equals(baseType, derived))
        {
            return baseType.IsAbstract || baseType.TypeKind == TypeKind.Interface ? "it is the abstract base itself" : null;
        }

        if (derived.TypeKind is not TypeKind.Class || derived.IsAbstract || derived is INamedTypeSymbol { IsUnboundGenericType: true }
            || derived is INamedTypeSymbol named && named.TypeArguments.Any(t => t.TypeKind == TypeKind.TypeParameter))
        {
            return "it is not a concrete class or record";
        }

        if (Of(derived) is not null)
        {
            return "it declares [JsonDerivedType] types of its own; list them on the base";
        }

        if (!DerivesFrom(derived, baseType))
        {
            return $"it does not derive from '{baseType.ToDisplayString()}'";
        }

        return JsonSupport.FallbackReason(derived) is { } reason ? reason : null;
    }

    /// <summary>The inheritance depth of <paramref name="type"/>: derived types are matched most derived first.</summary>
    public static int Depth(ITypeSymbol type)
    {
        var depth = 0;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            depth++;
        }

        return depth;
    }

    private static bool DerivesFrom(ITypeSymbol derived, ITypeSymbol baseType)
    {
        if (baseType.TypeKind == TypeKind.Interface)
        {
            return derived.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, baseType));
        }

        for (var current = derived.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
