using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Reading;

/// <summary>How a JSON member gets into the object being read.</summary>
internal enum MemberAssignment
{
    /// <summary>Read-only: written, never read.</summary>
    None,

    /// <summary>Passed to the constructor.</summary>
    Constructor,

    /// <summary>Set in the object initializer (init-only or <c>required</c>).</summary>
    Initializer,

    /// <summary>Init-only with its own initializer: set only when present, through an <c>[UnsafeAccessor]</c>.</summary>
    InitAccessor,

    /// <summary>Settable: assigned after construction when present.</summary>
    Setter,
}

/// <summary>When a member is left out of the written JSON (<c>[JsonIgnore(Condition = ...)]</c>).</summary>
internal enum IgnoreCondition
{
    Never,
    WhenWritingNull,
    WhenWritingDefault,
}

/// <summary>
/// One member of an object type as the generated JSON reads and writes it: a read-constructor parameter (with the
/// property of the same name, when there is one) or a public property.
/// </summary>
internal sealed record JsonMember
{
    /// <summary>The C# name: the property's, else the constructor parameter's.</summary>
    public required string Name { get; init; }

    /// <summary>Its name in JSON: <c>[JsonPropertyName]</c>, else the camelCase of <see cref="Name"/>.</summary>
    public required string JsonName { get; init; }

    /// <summary>The constructor parameter's type for a constructor member, else the property's.</summary>
    public required ITypeSymbol Type { get; init; }

    /// <summary>The property, or null for a constructor parameter no property matches.</summary>
    public IPropertySymbol? Property { get; init; }

    /// <summary>For <see cref="MemberAssignment.Constructor"/>: the read constructor's parameter.</summary>
    public IParameterSymbol? Parameter { get; init; }

    /// <summary>For <see cref="MemberAssignment.Constructor"/>: the parameter's position.</summary>
    public int ConstructorIndex { get; init; } = -1;

    /// <summary>The attributes that describe it: the property's, then the constructor parameter's.</summary>
    public required ImmutableArray<AttributeData> Attributes { get; init; }

    public required MemberAssignment Assignment { get; init; }

    public required IgnoreCondition Ignore { get; init; }

    /// <summary>
    /// <c>[JsonIgnore]</c> without a condition (or <c>Always</c>): never written. A property so marked is no member at
    /// all; a constructor parameter's property so marked still leaves the parameter to read.
    /// </summary>
    public required bool IsAlwaysIgnored { get; init; }

    /// <summary>The member is written: it has a property with a public getter that is not always ignored.</summary>
    public bool IsWritten => Property?.GetMethod is { DeclaredAccessibility: Accessibility.Public } && !IsAlwaysIgnored;

    /// <summary><c>[JsonPropertyOrder]</c>, 0 without one.</summary>
    public required int Order { get; init; }
}

/// <summary>
/// Which members of an object type are JSON members, with their names, ignore conditions, order and how each is
/// assigned — decided once, here: the generator's JSON readers, writers and schemas and the analyzers' checks
/// (FEG4003, FEG4004, a discriminator's clash with a member) read the same list (docs/json.md).
/// </summary>
internal static class JsonMembers
{
    private const string JsonPropertyName = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    private const string JsonIgnore = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    private const string JsonPropertyOrder = "System.Text.Json.Serialization.JsonPropertyOrderAttribute";

    /// <summary>
    /// The JSON members of <paramref name="type"/>, in the order they are written: by <c>[JsonPropertyOrder]</c>, then
    /// the read constructor's parameters, then the other public properties (base types first). <paramref name="constructor"/>
    /// is the constructor a reader builds it with (<see cref="JsonSupport.ReadConstructor"/>), or null when it cannot be read.
    /// </summary>
    public static IReadOnlyList<JsonMember> Of(INamedTypeSymbol type, out IMethodSymbol? constructor)
    {
        var read = Read[type];
        constructor = read.Constructor;
        return read.Members;
    }

    /// <summary>
    /// Each type's members, decided once while the type symbol lives (as long as its compilation): the reader and the
    /// generator's JSON types ask for the same model types, and many handlers share them (docs/performance.md#generator-cost).
    /// </summary>
    private static readonly TypeMemo<INamedTypeSymbol, MembersOf> Read = new(static t => new MembersOf(Decide(t, out var c), c));

    private sealed class MembersOf(IReadOnlyList<JsonMember> members, IMethodSymbol? constructor)
    {
        public IReadOnlyList<JsonMember> Members { get; } = members;

        public IMethodSymbol? Constructor { get; } = constructor;
    }

    private static List<JsonMember> Decide(INamedTypeSymbol type, out IMethodSymbol? constructor)
    {
        var read = constructor = JsonSupport.ReadConstructor(type);
        var properties = PublicProperties(type);
        var members = new List<JsonMember>();
        var mapped = new HashSet<IPropertySymbol>(SymbolEqualityComparer.Default);

        if (read is not null)
        {
            for (var i = 0; i < read.Parameters.Length; i++)
            {
                var parameter = read.Parameters[i];
                // The property of the same name, else one whose name differs only in case (a camelCase parameter).
                var property = properties.FirstOrDefault(p => p.Name == parameter.Name)
                    ?? properties.FirstOrDefault(p => !mapped.Contains(p) && string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
                        && !read.Parameters.Any(other => other.Name == p.Name));
                if (property is not null)
                {
                    mapped.Add(property);
                }

                var attributes = property is null ? parameter.GetAttributes() : property.GetAttributes().AddRange(parameter.GetAttributes());
                members.Add(Member(property?.Name ?? parameter.Name, parameter.Type, attributes, MemberAssignment.Constructor) with
                {
                    Property = property,
                    Parameter = parameter,
                    ConstructorIndex = i,
                });
            }
        }

        foreach (var property in properties)
        {
            var attributes = property.GetAttributes();
            if (mapped.Contains(property) || IgnoredAlways(attributes))
            {
                continue;
            }

            members.Add(Member(property.Name, property.Type, attributes, AssignmentOf(property, constructor)) with { Property = property });
        }

        // A stable sort: equal orders keep their place.
        return members.Select((m, position) => (Member: m, Position: position))
            .OrderBy(m => m.Member.Order).ThenBy(m => m.Position)
            .Select(m => m.Member)
            .ToList();
    }

    /// <summary>Public instance properties with a public getter, base types first, an overridden one once (where it is first declared).</summary>
    public static List<IPropertySymbol> PublicProperties(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var byName = new Dictionary<string, IPropertySymbol>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var current in chain)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public } || property.Name == "EqualityContract")
                {
                    continue;
                }

                if (!byName.ContainsKey(property.Name))
                {
                    order.Add(property.Name);
                }

                byName[property.Name] = property;
            }
        }

        return order.Select(n => byName[n]).ToList();
    }

    /// <summary>The property has an initializer (<c>= 1</c>): an init-only one is then set only when present.</summary>
    public static bool HasInitializer(IPropertySymbol property) =>
        property.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is PropertyDeclarationSyntax { Initializer: not null });

    /// <summary>Whether an attribute of <paramref name="name"/> (a full metadata name) is among <paramref name="attributes"/>.</summary>
    public static AttributeData? Find(IEnumerable<AttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeClass is not null && TypeClassifier.FullName(a.AttributeClass) == name);

    private static JsonMember Member(string name, ITypeSymbol type, ImmutableArray<AttributeData> attributes, MemberAssignment assignment) => new()
    {
        Name = name,
        JsonName = Find(attributes, JsonPropertyName)?.ConstructorArguments.FirstOrDefault().Value as string ?? JsonSupport.CamelCase(name),
        Type = type,
        Attributes = attributes,
        Assignment = assignment,
        Ignore = IgnoreOf(attributes),
        IsAlwaysIgnored = IgnoredAlways(attributes),
        Order = Find(attributes, JsonPropertyOrder)?.ConstructorArguments.FirstOrDefault().Value is int order ? order : 0,
    };

    private static MemberAssignment AssignmentOf(IPropertySymbol property, IMethodSymbol? constructor)
    {
        if (property.SetMethod is not { DeclaredAccessibility: Accessibility.Public } setter || constructor is null && !property.ContainingType.IsValueType)
        {
            return MemberAssignment.None;
        }

        if (property.IsRequired)
        {
            return MemberAssignment.Initializer;
        }

        if (setter.IsInitOnly)
        {
            return HasInitializer(property) ? MemberAssignment.InitAccessor : MemberAssignment.Initializer;
        }

        return MemberAssignment.Setter;
    }

    // JsonIgnoreCondition: Never = 0, Always = 1, WhenWritingDefault = 2, WhenWritingNull = 3.
    private static object? ConditionOf(IEnumerable<AttributeData> attributes, out bool present)
    {
        var attribute = Find(attributes, JsonIgnore);
        present = attribute is not null;
        return attribute?.NamedArguments.FirstOrDefault(a => a.Key == "Condition").Value.Value;
    }

    private static bool IgnoredAlways(IEnumerable<AttributeData> attributes)
    {
        var condition = ConditionOf(attributes, out var present);
        return present && condition is null or 1;
    }

    private static IgnoreCondition IgnoreOf(IEnumerable<AttributeData> attributes) => ConditionOf(attributes, out _) switch
    {
        2 => IgnoreCondition.WhenWritingDefault,
        3 => IgnoreCondition.WhenWritingNull,
        _ => IgnoreCondition.Never,
    };
}
