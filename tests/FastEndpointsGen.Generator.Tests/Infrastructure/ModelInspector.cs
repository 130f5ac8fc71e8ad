using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Generator.Tests.Infrastructure;

/// <summary>
/// Finds what must never sit in a pipeline value (STYLE habit 3): symbols, syntax, locations,
/// compilations, semantic models and attribute data. Pipeline values are cached across edits, so
/// holding any of these keeps whole compilations alive and defeats the caching.
/// </summary>
internal static class ModelInspector
{
    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol),
        typeof(SyntaxNode),
        typeof(SyntaxToken),
        typeof(SyntaxTree),
        typeof(Location),
        typeof(Compilation),
        typeof(SemanticModel),
        typeof(AttributeData),
        typeof(TypedConstant),
    ];

    /// <summary>True for a type that is, or derives from, one of the forbidden Roslyn types.</summary>
    public static bool IsForbidden(Type type) => Forbidden.Any(f => f.IsAssignableFrom(type));

    /// <summary>
    /// Walks a value through its fields, collections and tuples and returns the path of everything
    /// forbidden it holds, e.g. <c>value[0].Handler.Parameters._items[1]: SourceMethodSymbol</c>.
    /// </summary>
    public static IReadOnlyList<string> FindForbiddenValues(object? value, string path = "value")
    {
        var found = new List<string>();
        Walk(value, path, found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return found;
    }

    /// <summary>
    /// Checks the declared shape of a model type: no field may be able to hold a forbidden type, even
    /// one that is null in every test input. Follows fields whose types are declared in the generator.
    /// </summary>
    public static IReadOnlyList<string> FindForbiddenFields(Type root)
    {
        var found = new List<string>();
        var seen = new HashSet<Type>();
        var pending = new Queue<Type>([root]);
        while (pending.Count > 0)
        {
            var type = pending.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var field in InstanceFields(type))
            {
                foreach (var reachable in TypesIn(field.FieldType))
                {
                    if (IsForbidden(reachable) || reachable == typeof(object))
                    {
                        found.Add($"{type.Name}.{field.Name}: {Describe(field.FieldType)}");
                    }
                    else if (reachable.Assembly == root.Assembly)
                    {
                        pending.Enqueue(reachable);
                    }
                }
            }
        }

        return found;
    }

    private static void Walk(object? value, string path, List<string> found, HashSet<object> visited)
    {
        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        if (IsForbidden(type))
        {
            found.Add($"{path}: {type.Name}");
            return;
        }

        if (IsLeaf(type) || !type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{index++}]", found, visited);
            }

            // A collection (EquatableArray included) is fully described by its items.
            return;
        }

        foreach (var field in InstanceFields(type))
        {
            Walk(field.GetValue(value), $"{path}.{MemberName(field)}", found, visited);
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid);

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (var current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    /// <summary>The type itself plus its element and generic argument types, recursively.</summary>
    private static IEnumerable<Type> TypesIn(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in TypesIn(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var inner in TypesIn(argument))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>A record's backing field <c>&lt;Route&gt;k__BackingField</c> reads better as <c>Route</c>.</summary>
    private static string MemberName(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.Contains(">k__BackingField", StringComparison.Ordinal)
            ? field.Name[1..field.Name.IndexOf('>', StringComparison.Ordinal)]
            : field.Name;

    internal static string Describe(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
            : type.Name;
}
