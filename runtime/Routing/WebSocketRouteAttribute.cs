using System;

namespace FastEndpointsGen;

/// <summary>
/// Marks a method as a WebSocket endpoint. The method takes one socket parameter — a
/// <see cref="System.Net.WebSockets.WebSocket"/>, or a <see cref="JsonWebSocket{TReceive, TSend}"/> for typed JSON
/// messages — and its other parameters bind and validate like a GET's before the upgrade is accepted
/// (docs/websockets.md).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class WebSocketRouteAttribute(string template) : Attribute
{
    /// <summary>The route template, relative to the class's <see cref="EndpointGroupAttribute"/> prefix.</summary>
    public string Template { get; } = template;

    /// <summary>The endpoint name (for link generation). Defaults to the method name.</summary>
    public string? Name { get; set; }
}
