using System.ComponentModel.DataAnnotations;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace FastEndpointsGen.TestApp;

/// <summary>A chat message a client sends over a WebSocket: validated like a body.</summary>
public sealed record ChatMessage([property: Required, StringLength(200, MinimumLength = 1)] string Text, int? ReplyTo = null);

/// <summary>What the server sends back for each message.</summary>
public sealed record ChatEcho(string Room, string User, int Sequence, string Text, string? Client);

/// <summary><c>[WebSocketRoute]</c> handlers (docs/websockets.md). They are not HTTP operations, so not in the document or the fuzz suite.</summary>
[EndpointGroup("/ws")]
public static class WebSocketEndpoints
{
    /// <summary>Echoes each typed message with the room, user and a sequence number; route, query and header bind before the upgrade.</summary>
    [WebSocketRoute("/echo/{room:minlength(2)}")]
    public static async Task Echo(string room, [Required, StringLength(20, MinimumLength = 1)] string user, [Range(1, 3)] int times,
        [FromHeader(Name = "X-Client")] string? client, JsonWebSocket<ChatMessage, ChatEcho> socket, CancellationToken cancellationToken)
    {
        var sequence = 0;
        await foreach (var message in socket.ReceiveAllAsync(cancellationToken))
        {
            for (var i = 0; i < times; i++)
            {
                await socket.SendAsync(new ChatEcho(room, user, ++sequence, message.Text, client), cancellationToken);
            }
        }
    }

    /// <summary>A raw socket: each text frame comes back upper-cased; the id is route-bound and must be an integer.</summary>
    [WebSocketRoute("/raw/{id:int}")]
    public static async Task Raw(int id, WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var reply = Encoding.UTF8.GetBytes($"{id}:{Encoding.UTF8.GetString(buffer, 0, received.Count).ToUpperInvariant()}");
            await socket.SendAsync(reply, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
    }

    /// <summary>Fails after the upgrade: <c>http</c> throws an <see cref="HttpError"/> (close 1008), anything else a crash (1011).</summary>
    [WebSocketRoute("/fail/{kind}")]
    public static void Fail(string kind, WebSocket socket)
    {
        if (kind == "http")
        {
            throw new HttpError(403, "Not in this room");
        }

        throw new InvalidOperationException("socket handler crashed");
    }

    /// <summary>Echoes JSON strings until the client goes; then tells the test through the gate named by <paramref name="key"/>.</summary>
    [WebSocketRoute("/listen/{key}")]
    public static async Task Listen(string key, StreamGates gates, JsonWebSocket<string, string> socket, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var text in socket.ReceiveAllAsync(cancellationToken))
            {
                await socket.SendAsync(text + "!", cancellationToken);
            }
        }
        finally
        {
            gates.For(key).Cancelled.TrySetResult();
        }
    }
}
