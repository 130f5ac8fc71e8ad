using FastEndpointsGen.Analyzers.Tests.Infrastructure;

namespace FastEndpointsGen.Analyzers.Tests;

public class JsonAnalyzerTests
{
    [Test]
    public Task GeneratedJsonTypesReportNothing() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        using Microsoft.AspNetCore.Http.HttpResults;

        public enum Priority { Low, High }

        public sealed record Line(string Sku, int Quantity);

        public sealed record Order(Guid Id, List<Line> Lines, Dictionary<string, int> Counts, Priority Priority, DateOnly? Due, int[] Scores)
        {
            public HashSet<string> Tags { get; init; } = [];
        }

        public static class Handlers
        {
            [Post("/orders")]
            public static Order Create(Order order) => order;

            [Get("/orders/{id}")]
            public static Results<Ok<Order>, NotFound> Get(Guid id) => TypedResults.NotFound();

            [Get("/lines")]
            public static Task<IReadOnlyList<Line>> Lines() => Task.FromResult<IReadOnlyList<Line>>([]);

            [Get("/text")]
            public static string Text() => "";
        }
        """);

    [Test]
    public Task StreamsOfGeneratedTypesReportNothing() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        public sealed record Line(string Sku, int Quantity);

        public static class Handlers
        {
            [Get("/numbers")]
            public static async IAsyncEnumerable<int> Numbers()
            {
                await Task.Yield();
                yield return 1;
            }

            [Get("/lines")]
            public static IAsyncEnumerable<Line?> Lines() => null!;

            [Get("/batches")]
            public static Task<IAsyncEnumerable<List<Line>>> Batches() => null!;

            [Get("/words")]
            public static ValueTask<IAsyncEnumerable<string>> Words() => default;
        }
        """);

    [Test]
    public Task ServerSentEventsOfHandledDataReportNothing() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        using System.Net.ServerSentEvents;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;

        public sealed record Line(int Number, string Text);

        public static class Handlers
        {
            [Get("/lines")]
            public static IAsyncEnumerable<SseItem<Line>> Lines() => null!;

            [Get("/words")]
            public static Task<IAsyncEnumerable<SseItem<string?>>> Words() => null!;

            [Get("/typed")]
            public static ServerSentEventsResult<Line> Typed() => null!;
        }
        """);

    [Test]
    public Task ServerSentEventsOfFallbackDataReportTheDataType() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        using System.Net.ServerSentEvents;

        public static class Handlers
        {
            [Get("/anything")]
            public static {|FEG4001:IAsyncEnumerable<SseItem<object>>|} Anything() => null!;
        }
        """);

    [Test]
    public Task StreamOfFallbackItemsReportsTheItemType() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        public static class Handlers
        {
            [Get("/anything")]
            public static {|FEG4001:IAsyncEnumerable<object>|} Anything() => null!;
        }
        """);

    [Test]
    public Task FEG4001_FallbackTypes() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        using System.Collections.Generic;

        public sealed record Envelope(object Payload, Queue<int> Pending);

        public static class Handlers
        {
            [Post("/envelopes")]
            public static string Create(Envelope {|FEG4001:{|FEG4001:envelope|}|}) => "";

            [Get("/anything")]
            public static {|FEG4001:object|} Anything() => 1;
        }
        """);

    [Test]
    public Task FEG4002_PolymorphicWithoutDerivedTypes() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        using System.Text.Json.Serialization;

        public abstract class Shape
        {
            public string Name { get; set; } = "";
        }

        public interface IAnimal
        {
            string Name { get; }
        }

        [JsonDerivedType(typeof(Square), "square")]
        public abstract class Declared
        {
        }

        public sealed class Square : Declared
        {
            public int Side { get; set; }
        }

        public sealed record Zoo(List<IAnimal> Animals);

        public static class Handlers
        {
            [Get("/shape")]
            public static {|FEG4002:Shape|} Get() => null!;

            [Post("/zoo")]
            public static string Create(Zoo {|FEG4002:zoo|}) => "";

            [Get("/declared")]
            public static Declared Declared() => new Square();
        }
        """);

    [Test]
    public Task FEG4005_DerivedTypesTheGeneratedCodeCannotUse() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        using System.Text.Json.Serialization;

        [JsonDerivedType(typeof(Cat), "cat")]
        [JsonDerivedType(typeof(Dog), "cat")]
        [JsonDerivedType(typeof(Cat), "again")]
        [JsonDerivedType(typeof(Wild), "wild")]
        [JsonDerivedType(typeof(Tagged), "tagged")]
        [JsonDerivedType(typeof(string), "text")]
        public abstract class Pet
        {
            public string Name { get; set; } = "";
        }

        public sealed class Cat : Pet { }

        public sealed class Dog : Pet { }

        public abstract class Wild : Pet { }

        public sealed class Tagged : Pet
        {
            [JsonPropertyName("$type")]
            public string Kind { get; set; } = "";
        }

        public static class Handlers
        {
            [Post("/pets")]
            public static string Adopt(Pet {|FEG4005:{|FEG4005:{|FEG4005:{|FEG4005:{|FEG4005:pet|}|}|}|}|}) => "";
        }
        """);

    [Test]
    public Task FEG4005_NotReported_ForAWellFormedHierarchy() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        using System.Collections.Generic;
        using System.Text.Json.Serialization;

        [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
        [JsonDerivedType(typeof(Circle), 1)]
        [JsonDerivedType(typeof(Square), 2)]
        public interface IShape { }

        public sealed record Circle(double Radius) : IShape;

        public sealed record Square(double Side) : IShape;

        [JsonDerivedType(typeof(Notice), "notice")]
        [JsonDerivedType(typeof(Alarm), "alarm")]
        public class Notice { public string Title { get; set; } = ""; }

        public sealed class Alarm : Notice { public int Level { get; set; } }

        public static class Handlers
        {
            [Post("/shapes")]
            public static List<IShape> Shapes(List<IShape> shapes) => shapes;

            [Post("/notices")]
            public static Notice Notice(Notice notice) => notice;
        }
        """);

    [Test]
    public Task FEG4003_NoConstructorToRead() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        public sealed class Ticket
        {
            private Ticket()
            {
            }

            public string Title { get; set; } = "";

            public static Ticket Create(string title) => new() { Title = title };
        }

        public sealed record Wrapper(Ticket Inner);

        public static class Handlers
        {
            [Post("/tickets")]
            public static string Create(Ticket {|FEG4003:ticket|}) => ticket.Title;

            [Post("/wrapped")]
            public static string Wrapped(Wrapper {|FEG4003:wrapper|}) => wrapper.Inner.Title;

            [Get("/tickets")]
            public static Ticket Get() => Ticket.Create("written, never read: fine");
        }
        """);

    [Test]
    public Task FEG4004_DuplicateJsonName() => Verify<JsonAnalyzer>.AnalyzerAsync("""
        using System.Text.Json.Serialization;

        public sealed record Renamed(int Id, [property: JsonPropertyName("id")] int Key);

        public sealed class Cased
        {
            public int Id { get; set; }

            public int ID { get; set; }
        }

        public sealed record Distinct(int Id, [property: JsonPropertyName("key")] int Key, [property: JsonIgnore] int ID);

        public static class Handlers
        {
            [Post("/renamed")]
            public static string Renamed(Renamed {|FEG4004:item|}) => "";

            [Get("/cased")]
            public static {|FEG4004:Cased|} Cased() => new();

            [Post("/distinct")]
            public static Distinct Fine(Distinct item) => item;
        }
        """);
}
