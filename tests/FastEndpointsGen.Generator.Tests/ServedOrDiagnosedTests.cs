using System.Collections.Immutable;
using System.Text.RegularExpressions;
using FastEndpointsGen.Analyzers;
using FastEndpointsGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// The invariant, over a corpus of handler shapes: every method with a route attribute is either served (each of its
/// route attributes mapped, the generated code compiling cleanly) or reported with at least one FEG error at the
/// user's code. Nothing in between. Each case names its handler <c>Target</c>; add every new shape found here.
/// </summary>
public partial class ServedOrDiagnosedTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        [new RoutingAnalyzer(), new BindingAnalyzer(), new ValidationAnalyzer(), new JsonAnalyzer(), new OpenApiAnalyzer(),
         new WebSocketAnalyzer()];

    /// <summary>What a case is expected to get; the invariant is checked either way, this only pins today's answer.</summary>
    public enum Outcome
    {
        Served,
        Diagnosed,
    }

    private static readonly object[] Corpus =
    [
        // ---- served ----
        Case(Outcome.Served, "parameters named like each other's locals", """
            public static class Handlers
            {
                [Get("/names")]
                public static string Target(int x_local, int x, int x_raw) => $"{x_local}{x}{x_raw}";
            }
            """),
        Case(Outcome.Served, "a custom validation attribute", """
            public sealed class EvenAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
            {
                public override bool IsValid(object? value) => value is int n && n % 2 == 0;
            }

            public sealed record Pair([property: Even] int First);

            public static class Handlers
            {
                [Post("/pairs")]
                public static int Target([Even] int n, Pair pair) => n + pair.First;
            }
            """),
        Case(Outcome.Served, "a model whose constructor validates", """
            public sealed class Percentage
            {
                public Percentage(int value) => Value = value <= 100 ? value : throw new ArgumentOutOfRangeException(nameof(value));
                public int Value { get; }
            }

            public static class Handlers
            {
                [Post("/percentages")]
                public static int Target(Percentage percentage) => percentage.Value;
            }
            """),
        Case(Outcome.Served, "an IAsyncEnumerable<int> return", """
            public static class Handlers
            {
                [Get("/numbers")]
                public static async IAsyncEnumerable<int> Target()
                {
                    await Task.Yield();
                    yield return 1;
                }
            }
            """),
        Case(Outcome.Served, "an IAsyncEnumerable<SseItem<T>> return (server-sent events)", """
            public sealed record Tick(int Sequence);

            public static class Handlers
            {
                [Get("/ticks")]
                public static async IAsyncEnumerable<System.Net.ServerSentEvents.SseItem<Tick>> Target(
                    [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Last-Event-ID")] string? lastEventId)
                {
                    await Task.Yield();
                    yield return new(new Tick(1), "tick");
                }
            }
            """),
        Case(Outcome.Served, "an IAsyncEnumerable<T> streamed as JSON Lines", """
            public static class Handlers
            {
                [Get("/numbers", Stream = StreamFormat.JsonLines)]
                public static async IAsyncEnumerable<int> Target()
                {
                    await Task.Yield();
                    yield return 1;
                }
            }
            """),
        Case(Outcome.Served, "two route attributes, both valid", """
            public static class Handlers
            {
                [Get("/either")]
                [Post("/either")]
                public static string Target() => "";
            }
            """),
        Case(Outcome.Served, "an in parameter", """
            public static class Handlers
            {
                [Get("/read")]
                public static string Target(in int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            """),
        Case(Outcome.Served, "a WebSocket route with value-type and string messages", """
            public static class Handlers
            {
                [WebSocketRoute("/ws/count")]
                public static async ValueTask Target(JsonWebSocket<int, string> socket, System.Threading.CancellationToken cancellationToken)
                {
                    await foreach (var number in socket.ReceiveAllAsync(cancellationToken))
                    {
                        await socket.SendAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
                    }
                }
            }
            """),
        Case(Outcome.Served, "a WebSocket route with a typed socket", """
            public sealed record Note(string Text);

            public static class Handlers
            {
                [WebSocketRoute("/ws/{room}")]
                public static async Task Target(string room, JsonWebSocket<Note, Note> socket)
                {
                    await foreach (var note in socket.ReceiveAllAsync())
                    {
                        await socket.SendAsync(note with { Text = room + note.Text });
                    }
                }
            }
            """),

        // ---- diagnosed: routing ----
        Case(Outcome.Diagnosed, "invalid route template", """
            public static class Handlers
            {
                [Get("/items/{id")]
                public static string Target(int id) => "";
            }
            """),
        Case(Outcome.Diagnosed, "a second route attribute with a broken template", """
            public static class Handlers
            {
                [Get("/ok")]
                [Post("/bad/{id")]
                public static string Target() => "";
            }
            """),
        Case(Outcome.Diagnosed, "duplicate route parameter", """
            public static class Handlers
            {
                [Get("/items/{id}/{ID}")]
                public static string Target(int id) => "";
            }
            """),
        Case(Outcome.Diagnosed, "private method", """
            public static class Handlers
            {
                [Get("/private")]
                private static string Target() => "";

                internal static string UseIt() => Target();
            }
            """),
        Case(Outcome.Diagnosed, "protected method", """
            public class Handlers
            {
                [Get("/protected")]
                protected static string Target() => "";
            }
            """),
        Case(Outcome.Diagnosed, "generic method", """
            public static class Handlers
            {
                [Get("/generic")]
                public static string Target<T>() => typeof(T).Name;
            }
            """),
        Case(Outcome.Diagnosed, "method in a generic class", """
            public static class Handlers<T>
            {
                [Get("/generic-class")]
                public static string Target() => typeof(T).Name;
            }
            """),
        Case(Outcome.Diagnosed, "method in a private nested class", """
            public static class Outer
            {
                private static class Handlers
                {
                    [Get("/hidden")]
                    public static string Target() => "";
                }
            }
            """),
        Case(Outcome.Diagnosed, "instance method of an abstract class", """
            public abstract class Handlers
            {
                [Get("/abstract")]
                public string Target() => "";
            }
            """),
        Case(Outcome.Diagnosed, "instance method of a class with no accessible constructor", """
            public sealed class Handlers
            {
                private Handlers()
                {
                }

                [Get("/no-constructor")]
                public string Target() => "";

                internal static Handlers Create() => new();
            }
            """),

        Case(Outcome.Diagnosed, "JSON Lines asked for on a handler that does not stream", """
            public static class Handlers
            {
                [Get("/lines", Stream = StreamFormat.JsonLines)]
                public static int[] Target() => [];
            }
            """),
        Case(Outcome.Diagnosed, "a WebSocket route without a socket parameter", """
            public static class Handlers
            {
                [WebSocketRoute("/ws")]
                public static Task Target(string room) => Task.CompletedTask;
            }
            """),
        Case(Outcome.Diagnosed, "a WebSocket route with two socket parameters", """
            public static class Handlers
            {
                [WebSocketRoute("/ws")]
                public static Task Target(System.Net.WebSockets.WebSocket one, System.Net.WebSockets.WebSocket two) => Task.CompletedTask;
            }
            """),
        Case(Outcome.Diagnosed, "a socket parameter on an HTTP route", """
            public static class Handlers
            {
                [Get("/ws")]
                public static string Target(System.Net.WebSockets.WebSocket socket) => "";
            }
            """),
        Case(Outcome.Diagnosed, "a socket inside an [AsParameters] type", """
            public sealed record Connection(string Room, System.Net.WebSockets.WebSocket Socket);

            public static class Handlers
            {
                [WebSocketRoute("/ws/{room}")]
                public static Task Target(System.Net.WebSockets.WebSocket socket, [Microsoft.AspNetCore.Http.AsParameters] Connection connection) => Task.CompletedTask;
            }
            """),
        Case(Outcome.Diagnosed, "a WebSocket handler that returns a value", """
            public static class Handlers
            {
                [WebSocketRoute("/ws")]
                public static Task<string> Target(System.Net.WebSockets.WebSocket socket) => Task.FromResult("");
            }
            """),

        Case(Outcome.Diagnosed, "an async void handler", """
            public static class Handlers
            {
                [Post("/fire")]
                public static async void Target() => await Task.Yield();
            }
            """),
        Case(Outcome.Diagnosed, "a ref struct return", """
            public static class Handlers
            {
                [Get("/span")]
                public static System.ReadOnlySpan<int> Target() => default;
            }
            """),
        Case(Outcome.Diagnosed, "a group prefix that is not a valid template", """
            [EndpointGroup("/bad/{id")]
            public static class Handlers
            {
                [Get("/items")]
                public static string Target() => "";
            }
            """),

        Case(Outcome.Diagnosed, "one [EndpointName] on a method with two route attributes", """
            public static class Handlers
            {
                [Get("/either")]
                [Post("/either")]
                [Microsoft.AspNetCore.Routing.EndpointName("Either")]
                public static string Target() => "";
            }
            """),

        // ---- diagnosed: binding ----
        Case(Outcome.Diagnosed, "two body candidates", """
            public sealed record First(string A);

            public sealed record Second(string B);

            public static class Handlers
            {
                [Post("/two-bodies")]
                public static string Target(First first, Second second) => first.A + second.B;
            }
            """),
        Case(Outcome.Diagnosed, "route parameter of a complex type", """
            public sealed record Key(int A, int B);

            public static class Handlers
            {
                [Get("/items/{key}")]
                public static string Target(Key key) => "";
            }
            """),
        Case(Outcome.Diagnosed, "an out parameter", """
            public static class Handlers
            {
                [Get("/next")]
                public static void Target(int after, out int next) => next = after + 1;
            }
            """),
        Case(Outcome.Diagnosed, "a ref parameter", """
            public static class Handlers
            {
                [Get("/bump")]
                public static string Target(ref int value) => (value++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            """),
        Case(Outcome.Served, "a type with BindAsync(HttpContext, ParameterInfo) and one with TryParse", """
            public sealed record Paging(int Page)
            {
                public static System.Threading.Tasks.ValueTask<Paging?> BindAsync(Microsoft.AspNetCore.Http.HttpContext context, System.Reflection.ParameterInfo parameter) => new(new Paging(1));
            }
            public readonly record struct Cursor(int At)
            {
                public static bool TryParse(string? text, System.IFormatProvider? provider, out Cursor cursor) { cursor = default; return text is not null; }
            }
            public static class Handlers
            {
                [Get("/items")]
                public static string Target(Paging paging, Cursor cursor) => "";
            }
            """),
        Case(Outcome.Diagnosed, "a TryParse with another signature", """
            public sealed class Cursor
            {
                public static Cursor? TryParse(string text) => null;
            }
            public static class Handlers
            {
                [Get("/items")]
                public static string Target([Microsoft.AspNetCore.Mvc.FromQuery] Cursor cursor) => "";
            }
            """),
        Case(Outcome.Diagnosed, "a BindAsync with another signature", """
            public sealed class CurrentUser
            {
                public static System.Threading.Tasks.Task<CurrentUser> BindAsync(Microsoft.AspNetCore.Http.HttpContext context) => null!;
            }
            public static class Handlers
            {
                [Get("/me")]
                public static string Target(CurrentUser user) => "";
            }
            """),
        Case(Outcome.Diagnosed, "an [AsParameters] member bound by BindAsync(HttpContext, ParameterInfo)", """
            public sealed record Paging(int Page)
            {
                public static System.Threading.Tasks.ValueTask<Paging?> BindAsync(Microsoft.AspNetCore.Http.HttpContext context, System.Reflection.ParameterInfo parameter) => new(new Paging(1));
            }
            public sealed record Query(Paging Paging);
            public static class Handlers
            {
                [Get("/items")]
                public static string Target([Microsoft.AspNetCore.Http.AsParameters] Query query) => "";
            }
            """),

        Case(Outcome.Diagnosed, "two bodies only under the second route attribute", """
            public sealed record First(string A);

            public sealed record Second(string B);

            public static class Handlers
            {
                [Get("/pair")]
                [Post("/pair")]
                public static string Target(First first, Second second) => first.A + second.B;
            }
            """),
        Case(Outcome.Diagnosed, "an [AsParameters] member that is itself [AsParameters]", """
            public sealed record Paging(int Page, int Size);

            public sealed class Query
            {
                [Microsoft.AspNetCore.Http.AsParameters]
                public Paging Paging { get; set; } = new(1, 10);
            }

            public static class Handlers
            {
                [Get("/items")]
                public static string Target([Microsoft.AspNetCore.Http.AsParameters] Query query) => "";
            }
            """),

        // ---- diagnosed: JSON ----
        Case(Outcome.Diagnosed, "a body type with only a private constructor", """
            public sealed class Ticket
            {
                private Ticket()
                {
                }

                public string Title { get; set; } = "";
            }

            public static class Handlers
            {
                [Post("/tickets")]
                public static string Target(Ticket ticket) => ticket.Title;
            }
            """),
        Case(Outcome.Diagnosed, "a body without a usable constructor only under the second route attribute", """
            public sealed class Ticket
            {
                private Ticket()
                {
                }

                public string Title { get; set; } = "";
            }

            public static class Handlers
            {
                [Get("/tickets")]
                [Post("/tickets")]
                public static string Target(Ticket ticket) => ticket.Title;
            }
            """),
        Case(Outcome.Diagnosed, "two members with the same JSON name", """
            public sealed record Item(int Id, [property: System.Text.Json.Serialization.JsonPropertyName("id")] int Key);

            public static class Handlers
            {
                [Post("/items")]
                public static Item Target(Item item) => item;
            }
            """),
        Case(Outcome.Diagnosed, "a [JsonDerivedType] that is abstract", """
            [System.Text.Json.Serialization.JsonDerivedType(typeof(Wild), "wild")]
            public abstract class Pet { public string Name { get; set; } = ""; }

            public abstract class Wild : Pet { }

            public static class Handlers
            {
                [Post("/pets")]
                public static string Target(Pet pet) => pet.Name;
            }
            """),
        Case(Outcome.Diagnosed, "two [JsonDerivedType]s with one discriminator", """
            [System.Text.Json.Serialization.JsonDerivedType(typeof(Cat), "cat")]
            [System.Text.Json.Serialization.JsonDerivedType(typeof(Dog), "cat")]
            public abstract record Pet(string Name);

            public sealed record Cat(string Name) : Pet(Name);

            public sealed record Dog(string Name) : Pet(Name);

            public static class Handlers
            {
                [Get("/pets")]
                public static Pet Target() => new Cat("Tom");
            }
            """),
        Case(Outcome.Diagnosed, "a [FromForm] model with a member that is itself a model", """
            public sealed record Address(string Street);

            public sealed class Signup
            {
                public string Name { get; set; } = "";

                public Address Home { get; set; } = new("");
            }

            public static class Handlers
            {
                [Post("/signup")]
                public static string Target([Microsoft.AspNetCore.Mvc.FromForm] Signup signup) => signup.Name;
            }
            """),
        Case(Outcome.Served, "a [FromForm] model", """
            public sealed record Signup(string Name, int Age)
            {
                public IFormFile? Avatar { get; set; }
            }

            public static class Handlers
            {
                [Post("/signup")]
                public static string Target([Microsoft.AspNetCore.Mvc.FromForm] Signup signup) => signup.Name;
            }
            """),
        Case(Outcome.Diagnosed, "a custom validation attribute generated code cannot construct", """
            public static class Handlers
            {
                private sealed class EvenAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
                {
                    public override bool IsValid(object? value) => value is int n && n % 2 == 0;
                }

                [Get("/numbers")]
                public static int Target([Even] int n) => n;
            }
            """),
        Case(Outcome.Served, "a validation attribute on a model class", """
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class OrderedAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
            {
                public override bool IsValid(object? value) => value is not Interval i || i.From <= i.To;
            }

            [Ordered]
            public sealed record Interval(int From, int To);

            public static class Handlers
            {
                [Post("/intervals")]
                public static int Target(Interval interval) => interval.To - interval.From;
            }
            """),
        Case(Outcome.Served, "a validation attribute and IValidatableObject on an [AsParameters] model", """
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class OrderedAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
            {
                public override bool IsValid(object? value) => value is not Interval i || i.From <= i.To;
            }

            [Ordered]
            public sealed record Interval(int From, int To) : System.ComponentModel.DataAnnotations.IValidatableObject
            {
                public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(
                    System.ComponentModel.DataAnnotations.ValidationContext context) => [];
            }

            public static class Handlers
            {
                [Get("/intervals")]
                public static int Target([Microsoft.AspNetCore.Http.AsParameters] Interval interval) => interval.To - interval.From;
            }
            """),
        Case(Outcome.Served, "a validation attribute and IValidatableObject on a [FromForm] model", """
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class OrderedAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
            {
                public override bool IsValid(object? value) => value is not Interval i || i.From <= i.To;
            }

            [Ordered]
            public sealed class Interval : System.ComponentModel.DataAnnotations.IValidatableObject
            {
                public int From { get; set; }

                public int To { get; set; }

                public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(
                    System.ComponentModel.DataAnnotations.ValidationContext context) => [];
            }

            public static class Handlers
            {
                [Post("/intervals")]
                public static int Target([Microsoft.AspNetCore.Mvc.FromForm] Interval interval) => interval.To - interval.From;
            }
            """),
        Case(Outcome.Diagnosed, "a class-level validation attribute on an [AsParameters] model that generated code cannot construct", """
            public static class Handlers
            {
                [AttributeUsage(AttributeTargets.Class)]
                private sealed class OrderedAttribute : System.ComponentModel.DataAnnotations.ValidationAttribute
                {
                    public override bool IsValid(object? value) => true;
                }

                [Ordered]
                public sealed record Interval(int From, int To);

                [Get("/intervals")]
                public static int Target([Microsoft.AspNetCore.Http.AsParameters] Interval interval) => interval.To - interval.From;
            }
            """),
        Case(Outcome.Served, "a dictionary body with integer keys", """
            public static class Handlers
            {
                [Post("/sums")]
                public static int Target(Dictionary<int, string> names) => names.Count;
            }
            """),
        Case(Outcome.Diagnosed, "a collection from a cookie", """
            public static class Handlers
            {
                [Get("/tags")]
                public static string Target([FromCookie] string[] tags) => string.Join(",", tags);
            }
            """),
        Case(Outcome.Served, "an interface body with [JsonDerivedType] (no attribute: the body, not a service)", """
            [System.Text.Json.Serialization.JsonDerivedType(typeof(Circle), 1)]
            public interface IShape { }

            public sealed record Circle(double Radius) : IShape;

            public static class Handlers
            {
                [Post("/shapes")]
                public static IShape Target(IShape shape) => shape;
            }
            """),
    ];

    [TestCaseSource(nameof(Corpus))]
    public async Task Every_handler_is_served_or_reported(Outcome expected, string description, string handlers)
    {
        var source = $$"""
            using FastEndpointsGen;

            namespace Demo;

            {{handlers}}
            """;
        var result = TestGeneratorDriver.Run(source);
        Assert.That(result.Run.Exception, Is.Null, $"{description}: the generator threw");

        var input = result.Input;
        var errors = (await input.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id.StartsWith("FEG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error)
            .ToList();
        var reportedInUserCode = errors.Any(d => d.Location.IsInSource && d.Location.SourceTree!.FilePath.StartsWith("Source", StringComparison.Ordinal));

        var routeAttributes = RouteAttributeCount(input);
        var mapped = MappedTarget().Count(string.Concat(result.EndpointClassFiles.Values));
        var generatedErrors = result.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.Contains("FastEndpointsGen.", StringComparison.Ordinal) == true)
            .ToList();
        var served = routeAttributes > 0 && mapped == routeAttributes && generatedErrors.Count == 0;
        TestContext.Out.WriteLine($"{description}: {(served ? "served" : "not served")}; FEG errors: {string.Join(", ", errors.Select(d => d.Id).Distinct())}");

        Assert.Multiple(() =>
        {
            Assert.That(generatedErrors, Is.Empty, $"{description}: the generated code does not compile:\n{string.Join("\n", generatedErrors)}");
            Assert.That(served || reportedInUserCode, Is.True,
                $"{description}: neither served ({mapped} of {routeAttributes} route attributes mapped) nor reported with an FEG error");
            Assert.That(expected == Outcome.Served ? served && errors.Count == 0 : reportedInUserCode, Is.True,
                $"{description}: expected {expected}; mapped {mapped} of {routeAttributes}, FEG errors: {string.Join("; ", errors)}");
        });
    }

    private static object[] Case(Outcome expected, string description, string handlers) => [expected, description, handlers];

    private static int RouteAttributeCount(Compilation compilation) => compilation.SyntaxTrees
        .Where(tree => tree.FilePath.StartsWith("Source", StringComparison.Ordinal))
        .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
        .Where(method => method.Identifier.Text == "Target")
        .SelectMany(method => method.AttributeLists.SelectMany(list => list.Attributes))
        .Count(attribute => attribute.Name.ToString() is "Get" or "Post" or "Put" or "Patch" or "Delete" or "WebSocketRoute");

    // One mapping line per served route attribute: root.MapGet("/x", new RequestDelegate(handlers.Handlers_Target)), or for a
    // WebSocket route root.MapMethods("/x", ["GET", "CONNECT"], new RequestDelegate(...)).
    [GeneratedRegex(@"\.Map\w+\(""[^""]*"", (\[[^\]]*\], )?new [\w.:]+RequestDelegate\(handlers\.\w*Target\w*\)\)")]
    private static partial Regex MappedTarget();
}
