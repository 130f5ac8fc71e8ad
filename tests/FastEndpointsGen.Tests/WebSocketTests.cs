using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using FastEndpointsGen.TestApp;
using FastEndpointsGen.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary><c>[WebSocketRoute]</c> endpoints over a real (in-memory) upgrade (docs/websockets.md).</summary>
public sealed class WebSocketTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private TestAppFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new TestAppFactory();

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task Typed_messages_are_echoed_with_the_values_bound_before_the_upgrade()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var socket = await ConnectAsync("/ws/echo/lobby?user=ann&times=2", timeout.Token, client: "tester");
        await SendTextAsync(socket, """{"text":"hello","replyTo":3}""", timeout.Token);
        var first = await ReceiveTextAsync(socket, timeout.Token);
        var second = await ReceiveTextAsync(socket, timeout.Token);
        await SendTextAsync(socket, """{"Text":"again"}""", timeout.Token);
        var third = await ReceiveTextAsync(socket, timeout.Token);
        Assert.Multiple(() =>
        {
            // Written by the generated writer: camelCase, one text frame per message.
            Assert.That(first, Is.EqualTo("""{"room":"lobby","user":"ann","sequence":1,"text":"hello","client":"tester"}"""));
            Assert.That(second, Is.EqualTo("""{"room":"lobby","user":"ann","sequence":2,"text":"hello","client":"tester"}"""));
            Assert.That(JsonNode.Parse(third)!["text"]!.GetValue<string>(), Is.EqualTo("again"), "names match case-insensitively, as bodies do");
        });

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
        Assert.That(socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.NormalClosure));
    }

    [TestCase("/ws/echo/lobby?user=ann", TestName = "Missing query value")]
    [TestCase("/ws/echo/lobby?user=ann&times=9", TestName = "Query value out of range")]
    [TestCase("/ws/echo/lobby?user=&times=1", TestName = "Query value too short")]
    [TestCase("/ws/echo/lobby?user=ann&times=two", TestName = "Query value that does not parse")]
    public void Bad_values_are_refused_with_422_before_any_upgrade(string url)
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            using var timeout = new CancellationTokenSource(Patience);
            using var socket = await ConnectAsync(url, timeout.Token);
        });
        Assert.That(error!.Message, Does.Contain("422"), "the handshake fails with the validation status; no socket is opened");
    }

    [Test]
    public void A_route_value_the_constraint_refuses_finds_no_endpoint()
    {
        var error = Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            using var timeout = new CancellationTokenSource(Patience);
            using var socket = await ConnectAsync("/ws/raw/abc", timeout.Token);
        });
        Assert.That(error!.Message, Does.Contain("404"));
    }

    [Test]
    public async Task The_refusal_before_the_upgrade_is_the_usual_validation_problem()
    {
        // An upgrade request whose socket is never accepted: the response is an ordinary HTTP response.
        var context = await _factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/ws/echo/lobby";
            c.Request.QueryString = new QueryString("?user=ann&times=0");
            c.Features.Set<IHttpWebSocketFeature>(new UpgradeRequest());
        });

        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Multiple(() =>
        {
            Assert.That(context.Response.StatusCode, Is.EqualTo(422));
            Assert.That(context.Response.ContentType, Is.EqualTo("application/problem+json"));
            Assert.That(JsonNode.Parse(body)!["errors"]!["query.times"]![0]!.GetValue<string>(), Is.EqualTo("Input should be greater than or equal to 1"));
        });
    }

    [Test]
    public async Task A_plain_get_is_a_400_problem_saying_an_upgrade_is_required()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/ws/echo/lobby?user=ann&times=1", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(400));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body["detail"]!.GetValue<string>(), Does.Contain("WebSocket upgrade"));
        });
    }

    [TestCase("""{"text":""}""", "message.text", TestName = "Message that fails validation")]
    [TestCase("""{"replyTo":1}""", "message.text", TestName = "Message missing a required member")]
    [TestCase("""{"text":"hi","replyTo":"x"}""", "message.replyTo", TestName = "Message with a wrong type")]
    [TestCase("""{"text":""", "message", TestName = "Malformed JSON message")]
    public async Task A_bad_message_gets_the_422_details_in_a_frame_then_close_1007(string message, string key)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var socket = await ConnectAsync("/ws/echo/lobby?user=ann&times=1", timeout.Token);
        await SendTextAsync(socket, message, timeout.Token);
        var problem = JsonNode.Parse(await ReceiveTextAsync(socket, timeout.Token))!;
        var close = await socket.ReceiveAsync(new byte[256], timeout.Token);
        Assert.Multiple(() =>
        {
            Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo(422));
            Assert.That(problem["errors"]!.AsObject().Select(e => e.Key), Does.Contain(key));
            Assert.That(close.MessageType, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That(socket.CloseStatus, Is.EqualTo(WebSocketCloseStatus.InvalidPayloadData));
        });
    }

    [Test]
    public async Task A_raw_socket_gets_the_accepted_connection()
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var socket = await ConnectAsync("/ws/raw/7", timeout.Token);
        await SendTextAsync(socket, "abc", timeout.Token);
        Assert.That(await ReceiveTextAsync(socket, timeout.Token), Is.EqualTo("7:ABC"));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    [TestCase("http", WebSocketCloseStatus.PolicyViolation, "Not in this room")]
    [TestCase("crash", WebSocketCloseStatus.InternalServerError, "Internal server error")]
    public async Task A_handler_exception_after_the_upgrade_closes_the_socket(string kind, WebSocketCloseStatus status, string reason)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var socket = await ConnectAsync("/ws/fail/" + kind, timeout.Token);
        var close = await socket.ReceiveAsync(new byte[256], timeout.Token);
        Assert.Multiple(() =>
        {
            Assert.That(close.MessageType, Is.EqualTo(WebSocketMessageType.Close));
            Assert.That(socket.CloseStatus, Is.EqualTo(status));
            Assert.That(socket.CloseStatusDescription, Is.EqualTo(reason), "the exception text is never sent");
        });
    }

    [Test]
    public async Task A_client_that_goes_away_ends_the_handlers_receive_loop()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var key = Guid.NewGuid().ToString("N");
        var gate = _factory.Services.GetRequiredService<StreamGates>().For(key);
        using var socket = await ConnectAsync("/ws/listen/" + key, timeout.Token);
        await SendTextAsync(socket, "\"hi\"", timeout.Token);
        Assert.That(await ReceiveTextAsync(socket, timeout.Token), Is.EqualTo("\"hi!\""), "string messages are JSON strings");

        socket.Abort();
        await gate.Cancelled.Task.WaitAsync(timeout.Token);
    }

    [Test]
    public void WebSocket_routes_are_not_in_the_openapi_document()
    {
        using var client = _factory.CreateClient();
        var document = client.GetStringAsync(new Uri("/openapi.json", UriKind.Relative)).GetAwaiter().GetResult();
        Assert.That(document, Does.Not.Contain("/ws/"));
    }

    private async Task<WebSocket> ConnectAsync(string url, CancellationToken cancellationToken, string? client = null)
    {
        var webSockets = _factory.Server.CreateWebSocketClient();
        if (client is not null)
        {
            webSockets.ConfigureRequest = request => request.Headers["X-Client"] = client;
        }

        return await webSockets.ConnectAsync(new Uri("ws://localhost" + url), cancellationToken);
    }

    private static Task SendTextAsync(WebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task<string> ReceiveTextAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        using var text = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer, cancellationToken);
            Assert.That(received.MessageType, Is.EqualTo(WebSocketMessageType.Text), $"expected a text frame, got {received.MessageType} {socket.CloseStatus} {socket.CloseStatusDescription}");
            text.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        return Encoding.UTF8.GetString(text.ToArray());
    }

    /// <summary>Marks a request as a WebSocket upgrade without a client to accept it, to read the HTTP refusal.</summary>
    private sealed class UpgradeRequest : IHttpWebSocketFeature
    {
        public bool IsWebSocketRequest => true;

        public Task<WebSocket> AcceptAsync(WebSocketAcceptContext context) => throw new InvalidOperationException("not accepted in this test");
    }
}
