using System;
using System.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// The parts of a <c>[WebSocketRoute]</c> request delegate that differ from an HTTP endpoint's (docs/websockets.md):
/// a request that is not an upgrade is refused first; binding and validation run as for a GET and answer 4xx before
/// anything is accepted; then the socket is accepted, the handler called, and the socket closed when it returns.
/// <code>
/// var webSocket = await WebSocketEndpoint.AcceptAsync(httpContext);
/// var socket_local = new global::FastEndpointsGen.JsonWebSocket&lt;In, Out&gt;(webSocket, runtime, GeneratedJson.ReadIn, GeneratedJson.WriteOut);
/// try { await global::Chat.Join(room_local, socket_local); }
/// catch (global::System.Exception exception) { await WebSocketEndpoint.HandleExceptionAsync(httpContext, runtime, webSocket, exception); return; }
/// await WebSocketEndpoint.CloseAsync(webSocket);
/// </code>
/// </summary>
internal static class WebSocketEmitter
{
    private const string WebSocketEndpoint = "WebSocketEndpoint";

    /// <summary>The first lines of the delegate: a plain request gets a 400 problem and no socket.</summary>
    public static void EmitUpgradeCheck(SourceWriter writer)
    {
        writer.WriteLine($"if (!{WebSocketEndpoint}.IsUpgradeOrReject(httpContext, runtime, out var rejection))");
        using (writer.Block())
        {
            writer.WriteLine("await rejection;");
            writer.WriteLine("return;");
        }

        writer.WriteLine();
    }

    /// <summary>After validation passed: create the handler, accept the socket, call the handler, close.</summary>
    public static void EmitConversation(SourceWriter writer, EndpointModel endpoint)
    {
        var handler = endpoint.Handler;
        var socket = handler.Parameters.Single(p => p.Special is SpecialKind.WebSocket or SpecialKind.JsonWebSocket);
        var target = handler.ContainingType;
        if (!handler.IsStatic)
        {
            // Built before the upgrade, so a service that cannot be resolved is still an HTTP 500, not a broken socket.
            writer.WriteLine($"{target} handler;");
            writer.WriteLine("try");
            using (writer.Block())
            {
                var services = string.Join(", ", handler.ConstructorParameters.Select(BindingEmitter.ServiceExpression));
                writer.WriteLine($"handler = new {target}({services});");
            }

            writer.WriteLine($"catch ({KnownTypes.Exception} exception)");
            using (writer.Block())
            {
                writer.WriteLine("await ErrorResponses.HandleExceptionAsync(httpContext, runtime, exception);");
                writer.WriteLine("return;");
            }

            switch (handler.Disposal)
            {
                case HandlerDisposal.DisposeAsync:
                    writer.WriteLine("httpContext.Response.RegisterForDisposeAsync(handler);");
                    break;
                case HandlerDisposal.Dispose:
                    writer.WriteLine("httpContext.Response.RegisterForDispose(handler);");
                    break;
            }

            target = "handler";
            writer.WriteLine();
        }

        writer.WriteLine($"var webSocket = await {WebSocketEndpoint}.AcceptAsync(httpContext);");
        var socketLocal = socket.Local;
        writer.WriteLine(socket.Messages is { } messages
            ? $"var {socketLocal} = new global::FastEndpointsGen.JsonWebSocket<{messages.ReceiveType}, {messages.SendType}>(webSocket, runtime, "
                + $"{JsonEmitter.ClassName}.Read{messages.ReceiveTypeId}!, {JsonEmitter.ClassName}.Write{messages.SendTypeId});"
            : $"var {socketLocal} = webSocket;");

        var arguments = string.Join(", ", handler.Parameters.Select(p => p.Local));
        var await = handler.Response.Async == AsyncKind.None ? "" : "await ";
        writer.WriteLine("try");
        using (writer.Block())
        {
            writer.WriteLine($"{await}{target}.{handler.MethodName}({arguments});");
        }

        writer.WriteLine($"catch ({KnownTypes.Exception} exception)");
        using (writer.Block())
        {
            writer.WriteLine($"await {WebSocketEndpoint}.HandleExceptionAsync(httpContext, runtime, webSocket, exception);");
            writer.WriteLine("return;");
        }

        writer.WriteLine();
        writer.WriteLine($"await {WebSocketEndpoint}.CloseAsync(webSocket);");
    }
}
