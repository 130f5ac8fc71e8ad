using FastEndpointsGen.Analyzers.Tests.Infrastructure;

namespace FastEndpointsGen.Analyzers.Tests;

/// <summary>FEG2007 and FEG2008, and WebSocket routes in the duplicate-route check (docs/websockets.md).</summary>
public class WebSocketAnalyzerTests
{
    private const string Models = """
        public sealed record Note(string Text);
        """;

    [Test]
    public Task WellFormedSocketHandlersReportNothing() => Verify<WebSocketAnalyzer>.AnalyzerAsync(Models + """

        public static class Sockets
        {
            [WebSocketRoute("/ws/raw/{id:int}")]
            public static Task Raw(int id, System.Net.WebSockets.WebSocket socket, CancellationToken cancellationToken) => Task.CompletedTask;

            [WebSocketRoute("/ws/notes")]
            public static async ValueTask Notes(JsonWebSocket<Note, Note> socket, string? room = null) => await socket.SendAsync(new Note(room ?? ""));

            [WebSocketRoute("/ws/sync")]
            public static void Sync(System.Net.WebSockets.WebSocket socket) { }
        }
        """);

    [Test]
    public Task FEG2007_NoSocketOrTwo() => Verify<WebSocketAnalyzer>.AnalyzerAsync(Models + """

        public static class Sockets
        {
            [WebSocketRoute("/ws/none")]
            public static Task {|FEG2007:None|}(string room) => Task.CompletedTask;

            [WebSocketRoute("/ws/two")]
            public static Task Two(System.Net.WebSockets.WebSocket first, JsonWebSocket<Note, Note> {|FEG2007:second|}) => Task.CompletedTask;
        }
        """);

    [Test]
    public Task FEG2007_SocketOnAnHttpRoute() => Verify<WebSocketAnalyzer>.AnalyzerAsync(Models + """

        public static class Handlers
        {
            [Get("/not-a-socket")]
            public static string Get(System.Net.WebSockets.WebSocket {|FEG2007:socket|}) => "";
        }
        """);

    [Test]
    public Task FEG2007_SocketInsideAsParameters() => Verify<WebSocketAnalyzer>.AnalyzerAsync(Models + """

        public sealed record Connection(string Room, System.Net.WebSockets.WebSocket Socket);

        public static class Sockets
        {
            [WebSocketRoute("/ws/wrapped")]
            public static Task Wrapped(System.Net.WebSockets.WebSocket socket, [Microsoft.AspNetCore.Http.AsParameters] Connection {|FEG2007:connection|}) => Task.CompletedTask;
        }
        """);

    [Test]
    public Task FEG2008_ReturnsAValue() => Verify<WebSocketAnalyzer>.AnalyzerAsync(Models + """

        public static class Sockets
        {
            [WebSocketRoute("/ws/hello")]
            public static {|FEG2008:Task<string>|} Hello(System.Net.WebSockets.WebSocket socket) => Task.FromResult("hi");
        }
        """);

    [Test]
    public Task FEG1003_WebSocketRouteCollidesWithGet() => Verify<RoutingAnalyzer>.AnalyzerAsync(Models + """

        public static class Handlers
        {
            [Get({|FEG1003:"/live/{room}"|})]
            public static string Page(string room) => room;

            [WebSocketRoute({|FEG1003:"/live/{name}"|})]
            public static Task Live(string name, System.Net.WebSockets.WebSocket socket) => Task.CompletedTask;

            [WebSocketRoute("/live/{room}/feed")]
            public static Task Feed(string room, JsonWebSocket<Note, Note> socket) => Task.CompletedTask;
        }
        """);
}
