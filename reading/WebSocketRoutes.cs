using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// Recognises WebSocket endpoints (docs/websockets.md): the <c>[WebSocketRoute]</c> attribute and the socket parameter,
/// a <c>WebSocket</c> or a <c>JsonWebSocket&lt;TReceive, TSend&gt;</c> whose two types the generator writes JSON for.
/// Shared so the generator and the analyzers agree on what a socket handler is.
/// </summary>
internal static class WebSocketRoutes
{
    public const string RouteAttribute = "FastEndpointsGen.WebSocketRouteAttribute";
    public const string WebSocket = "System.Net.WebSockets.WebSocket";
    private const string JsonWebSocketName = "JsonWebSocket";

    /// <summary>The HTTP method a WebSocket route binds like, and matches for duplicates: an upgrade is a GET.</summary>
    public const string HttpMethod = "GET";

    /// <summary>True for <c>[WebSocketRoute(...)]</c>.</summary>
    public static bool IsRouteAttribute(INamedTypeSymbol? attributeClass) =>
        attributeClass is { Name: "WebSocketRouteAttribute", ContainingType: null }
        && TypeClassifier.NamespaceName(attributeClass.ContainingNamespace) == "FastEndpointsGen";

    /// <summary>True for <c>FastEndpointsGen.JsonWebSocket&lt;TReceive, TSend&gt;</c>.</summary>
    public static bool IsJsonWebSocket(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: JsonWebSocketName, TypeArguments.Length: 2, ContainingType: null } named
        && TypeClassifier.NamespaceName(named.ContainingNamespace) == "FastEndpointsGen";

    /// <summary>The message types of a <c>JsonWebSocket&lt;TReceive, TSend&gt;</c>.</summary>
    public static (ITypeSymbol Receive, ITypeSymbol Send) MessageTypes(ITypeSymbol type)
    {
        var arguments = ((INamedTypeSymbol)type).TypeArguments;
        return (arguments[0], arguments[1]);
    }

    /// <summary>True for a parameter that receives the accepted socket.</summary>
    public static bool IsSocketParameter(IParameterSymbol parameter) =>
        TypeClassifier.GetSpecialKind(TypeClassifier.Unwrap(parameter.Type, out _)) is SpecialKind.WebSocket or SpecialKind.JsonWebSocket;

    /// <summary>The number of socket parameters a handler declares.</summary>
    public static int SocketParameterCount(IMethodSymbol method) => method.Parameters.Count(IsSocketParameter);

    /// <summary>
    /// True when a WebSocket handler's return type is one the endpoint can wait for: <c>void</c>, <c>Task</c> or
    /// <c>ValueTask</c>. A value returned after the conversation has nowhere to go.
    /// </summary>
    public static bool ReturnsNothing(IMethodSymbol method) =>
        method.ReturnsVoid
        || method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 0 } task
            && TypeClassifier.NamespaceName(task.ContainingNamespace) == "System.Threading.Tasks";
}
