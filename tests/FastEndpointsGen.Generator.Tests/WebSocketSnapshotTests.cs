using FastEndpointsGen.Generator.Tests.Infrastructure;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// What the generator writes for <c>[WebSocketRoute]</c> handlers (docs/websockets.md): the upgrade check first,
/// binding and validation as for a GET, then the socket accepted and the handler called. The OpenAPI document
/// leaves them out.
/// </summary>
public class WebSocketSnapshotTests
{
    [Test]
    public void TypedAndRawSockets()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using System.Net.WebSockets;
            using FastEndpointsGen;

            namespace Chat;

            public sealed record ChatMessage([Required, StringLength(500, MinimumLength = 1)] string Text);

            public sealed record ChatEvent(string Room, string User, string Text);

            public sealed class Rooms;

            [EndpointGroup("/ws")]
            public static class ChatSockets
            {
                [WebSocketRoute("/chat/{room}")]
                public static async Task Chat(string room, [Required, StringLength(20)] string user, Rooms rooms,
                    JsonWebSocket<ChatMessage, ChatEvent> socket, CancellationToken cancellationToken)
                {
                    await foreach (var message in socket.ReceiveAllAsync(cancellationToken))
                    {
                        await socket.SendAsync(new ChatEvent(room, user, message.Text), cancellationToken);
                    }
                }

                [WebSocketRoute("/raw/{id:int}")]
                public static Task Raw(int id, WebSocket socket) => Task.CompletedTask;
            }
            """);

        Snapshot.VerifyGenerated(result);
        var document = result.Sources["FastEndpointsGen.OpenApi.g.cs"];
        Assert.That(document, Does.Not.Contain("/ws/chat"), "a WebSocket route is not an HTTP operation");
    }
}
