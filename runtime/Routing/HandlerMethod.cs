using System.ComponentModel;
using System.Reflection;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// How generated code finds a handler's <see cref="MethodInfo"/> for what asks for it while an endpoint is built:
/// endpoint filter factories, metadata providers, a <c>BindAsync</c> that takes its parameter's
/// <see cref="ParameterInfo"/> (docs/composition.md#endpoint-filters). The lookup is written
/// <c>typeof(Handlers).GetMethod("Name", HandlerMethod.Declared)</c> — the parameter types added only when the class
/// declares another method of that name — so that the trimmer, seeing a constant name and constant flags on a known
/// type, keeps exactly the methods of that name and no other method of the class becomes reflectable.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerMethod
{
    /// <summary>Any method the handler class itself declares: public or not, static or instance.</summary>
    public const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
}
