using System;
using System.Buffers;
using System.ComponentModel;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// What a generated <c>[WebSocketRoute]</c> endpoint does around its handler (docs/websockets.md): refuse a request
/// that is not an upgrade, accept the socket once binding and validation passed, close it when the handler returns,
/// and turn a handler exception into a close status, since after the upgrade there is no HTTP response to write.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class WebSocketEndpoint
{
    /// <summary>The source under which errors in a received message are located (<c>message.text</c>).</summary>
    public const string MessageSource = "message";

    /// <summary>The detail of the 400 answered to a request that is not a WebSocket upgrade.</summary>
    public const string UpgradeRequired = "This endpoint accepts WebSocket connections only: send a WebSocket upgrade request.";

    // A close frame's reason: at most 123 UTF-8 bytes (RFC 6455 §5.5).
    private const int MaxReasonBytes = 123;

    /// <summary>
    /// True for a WebSocket upgrade (HTTP/1.1 <c>Upgrade: websocket</c>, or HTTP/2 extended CONNECT). Otherwise
    /// answers 400 in the app's error format and returns false. Without <c>app.UseWebSockets()</c> no request is
    /// an upgrade: that is logged once, as a warning, so the cause is not a mystery.
    /// </summary>
    public static bool IsUpgradeOrReject(HttpContext httpContext, EndpointRuntime runtime, out Task rejection)
    {
        if (httpContext.WebSockets.IsWebSocketRequest)
        {
            rejection = Task.CompletedTask;
            return true;
        }

        if (httpContext.Features.Get<IHttpWebSocketFeature>() is null && !runtime.WebSocketsMissingLogged)
        {
            runtime.WebSocketsMissingLogged = true;
            LogWebSocketsMissing(runtime.Logger, httpContext.Request.Path.ToUriComponent());
        }

        rejection = ErrorResponses.WriteProblemAsync(httpContext, runtime, StatusCodes.Status400BadRequest, UpgradeRequired);
        return false;
    }

    /// <summary>Accepts the upgrade, answering 101: from here on the endpoint talks over the socket only.</summary>
    public static Task<WebSocket> AcceptAsync(HttpContext httpContext) => httpContext.WebSockets.AcceptWebSocketAsync();

    /// <summary>After the handler returned: close what it left open, as a normal closure.</summary>
    public static async Task CloseAsync(WebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client has gone, or does not answer the close: nothing more to do.
        }
    }

    /// <summary>
    /// A handler exception after the upgrade: an <see cref="HttpError"/> closes with 1008 (policy violation) and its detail
    /// as the reason; anything else is logged and closes with 1011 (internal error), its text never sent. A client that
    /// went away (the request aborted, the socket broken) is not an error.
    /// </summary>
    public static async Task HandleExceptionAsync(HttpContext httpContext, EndpointRuntime runtime, WebSocket socket, Exception exception)
    {
        // The client went away: the request was aborted, the connection broke, or a send found the socket closed.
        if (httpContext.RequestAborted.IsCancellationRequested || socket.State is WebSocketState.Aborted
            || exception is WebSocketException { WebSocketErrorCode: WebSocketError.ConnectionClosedPrematurely }
            || (exception is WebSocketException or OperationCanceledException && socket.State is WebSocketState.Closed or WebSocketState.CloseSent))
        {
            return;
        }

        var status = WebSocketCloseStatus.InternalServerError;
        string? reason = "Internal server error";
        if (exception is HttpError error)
        {
            status = WebSocketCloseStatus.PolicyViolation;
            reason = error.Detail ?? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(error.StatusCode);
        }
        else
        {
            LogUnhandled(runtime.Logger, exception, httpContext.Request.Path.ToUriComponent());
        }

        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseAsync(status, Reason(reason), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception closing) when (closing is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client has gone.
        }
    }

    /// <summary>The validation response's body (422 in the app's error format) for a message that failed to read.</summary>
    internal static ReadOnlyMemory<byte> ValidationMessage(EndpointRuntime runtime, RequestErrors errors)
    {
        var options = runtime.Options;
        var reported = ErrorResponses.Reported(errors, options.MaxValidationErrors);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, PooledJsonWriter.ErrorOptions))
        {
            if (options.ErrorFormat == ErrorFormat.FastApi)
            {
                ErrorResponses.WriteFastApiDetail(writer, reported);
            }
            else
            {
                ErrorResponses.WriteValidationProblem(writer, options.ValidationStatusCode, reported);
            }
        }

        return buffer.WrittenMemory;
    }

    /// <summary>A close reason cut to the 123 bytes a close frame can carry, never inside a character.</summary>
    internal static string? Reason(string? reason)
    {
        if (reason is null || Encoding.UTF8.GetByteCount(reason) <= MaxReasonBytes)
        {
            return reason;
        }

        var length = reason.Length;
        while (length > 0 && Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxReasonBytes - 3)
        {
            length--;
        }

        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "…");
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning,
        Message = "WebSocket endpoint {Path} was requested, but the app has no WebSocket middleware: call app.UseWebSockets() before mapping the endpoints")]
    private static partial void LogWebSocketsMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "Unhandled exception in WebSocket endpoint {Path}; the socket was closed with 1011")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
