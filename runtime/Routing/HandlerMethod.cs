using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Finds a handler's <see cref="MethodInfo"/> for what asks for it while an endpoint is built: endpoint filter factories,
/// metadata providers, a <c>BindAsync</c> that takes its parameter's <see cref="ParameterInfo"/>
/// (docs/composition.md#endpoint-filters). Generated code names the parameter types only when the class declares
/// another method of the handler's name; a unique name is enough to find it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerMethod
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private const DynamicallyAccessedMemberTypes Methods =
        DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods;

    /// <summary>The only method named <paramref name="name"/> that <paramref name="type"/> declares.</summary>
    public static MethodInfo Find([DynamicallyAccessedMembers(Methods)] Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetMethod(name, Declared) ?? throw NotFound(type, name);
    }

    /// <summary>The method named <paramref name="name"/> that <paramref name="type"/> declares with these parameter types.</summary>
    public static MethodInfo Find([DynamicallyAccessedMembers(Methods)] Type type, string name, Type[] parameterTypes)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetMethod(name, Declared, parameterTypes) ?? throw NotFound(type, name);
    }

    private static MissingMethodException NotFound(Type type, string name) => new(type.FullName, name);
}
