using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastEndpointsGen.Runtime;

namespace FastEndpointsGen;

/// <summary>
/// An accepted WebSocket that exchanges JSON messages: each message received is read (and validated) into a
/// <typeparamref name="TReceive"/> by the generated reader, each message sent is written from a
/// <typeparamref name="TSend"/> by the generated writer, as one text frame. Take it as a
/// <c>[WebSocketRoute]</c> handler's parameter; the generator sees both types and generates their JSON, so
/// nothing is reflected (docs/websockets.md).
/// </summary>
/// <typeparam name="TReceive">The type of the messages the client sends.</typeparam>
/// <typeparam name="TSend">The type of the messages the server sends.</typeparam>
public sealed class JsonWebSocket<TReceive, TSend>
{
    private readonly EndpointRuntime _runtime;
    private readonly JsonReadFunc<TReceive> _read;
    private readonly JsonWriteAction<TSend> _write;

    // One send at a time (WebSocket allows one pending send): broadcasters may send from many tasks.
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(256);
    private readonly Utf8JsonWriter _sendWriter;

    /// <summary>Wraps an accepted socket; the generated endpoint creates it with the generated reader and writer.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public JsonWebSocket(WebSocket socket, EndpointRuntime runtime, JsonReadFunc<TReceive> read, JsonWriteAction<TSend> write)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(runtime);
        Socket = socket;
        _runtime = runtime;
        _read = read;
        _write = write;
        _sendWriter = new Utf8JsonWriter(_sendBuffer, PooledJsonWriter.ModelOptions);
    }

    /// <summary>The underlying socket, for what the typed helpers do not cover (binary frames, sub-protocols).</summary>
    public WebSocket Socket { get; }

    /// <summary>True while messages can still be sent (the socket is open, or the client has only asked to close).</summary>
    public bool CanSend => Socket.State is WebSocketState.Open or WebSocketState.CloseReceived;

    /// <summary>Sends <paramref name="message"/> as one JSON text frame. Safe to call from several tasks at once.</summary>
    public async ValueTask SendAsync(TSend message, CancellationToken cancellationToken = default)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _sendBuffer.ResetWrittenCount();
            _sendWriter.Reset();
            _write(_sendWriter, message, _runtime.SerializerOptions);
            _sendWriter.Flush();
            await Socket.SendAsync(_sendBuffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// The client's messages, each read and validated as a <typeparamref name="TReceive"/>, until the client closes
    /// (the close is answered) or the token is cancelled. A message that is not valid JSON for the type ends the
    /// stream: the error is sent as one text frame in the app's error format (the 422 body, locations under
    /// <c>message</c>) and the socket is closed with status 1007 (invalid payload). A message longer than
    /// <c>MaxRequestBodySize</c> closes it with 1009 (message too big).
    /// </summary>
    public async IAsyncEnumerable<TReceive> ReceiveAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        var limit = _runtime.Options.MaxRequestBodySize;
        while (Socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult received;
            do
            {
                try
                {
                    received = await Socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
                {
                    yield break; // the client went away or the handler stopped listening
                }

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await CloseQuietlyAsync(WebSocketCloseStatus.NormalClosure, null).ConfigureAwait(false);
                    yield break;
                }

                buffer.Advance(received.Count);
                if (buffer.WrittenCount > limit)
                {
                    await CloseQuietlyAsync(WebSocketCloseStatus.MessageTooBig, "Message too big").ConfigureAwait(false);
                    yield break;
                }
            }
            while (!received.EndOfMessage);

            if (!TryRead(buffer.WrittenMemory, out var message, out var errors))
            {
                await RejectAsync(errors!).ConfigureAwait(false);
                yield break;
            }

            yield return message;
        }
    }

    /// <summary>Closes the socket with a status and an optional reason (at most 123 UTF-8 bytes).</summary>
    public Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? reason = null, CancellationToken cancellationToken = default) =>
        Socket.State is WebSocketState.Open or WebSocketState.CloseReceived
            ? Socket.CloseAsync(status, WebSocketEndpoint.Reason(reason), cancellationToken)
            : Task.CompletedTask;

    private bool TryRead(ReadOnlyMemory<byte> bytes, out TReceive message, out RequestErrors? errors)
    {
        var context = JsonReadContext.Rent(_runtime, null, WebSocketEndpoint.MessageSource);
        try
        {
            message = JsonRead.Document(new ReadOnlySequence<byte>(bytes), context, _read)!;
        }
        finally
        {
            errors = context.Return();
        }

        return errors is null;
    }

    private async Task RejectAsync(RequestErrors errors)
    {
        var problem = WebSocketEndpoint.ValidationMessage(_runtime, errors);
        try
        {
            await _sendLock.WaitAsync().ConfigureAwait(false);
            try
            {
                await Socket.SendAsync(problem, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (WebSocketException)
        {
            // The client has gone; nothing to tell.
        }

        await CloseQuietlyAsync(WebSocketCloseStatus.InvalidPayloadData, "Invalid message").ConfigureAwait(false);
    }

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status, string? reason)
    {
        try
        {
            await CloseAsync(status, reason).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client has gone.
        }
    }
}
