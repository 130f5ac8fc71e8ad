using FastEndpointsGen.Generator.Tests.Infrastructure;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// What the generator writes for model types (docs/json.md): names and attributes, how members are
/// assigned when reading, which are required, collections, enums, cycles and the fallback.
/// </summary>
public class JsonSnapshotTests
{
    [Test]
    public void SystemTextJsonAttributes()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.Text.Json.Serialization;
            using FastEndpointsGen;

            namespace Tickets;

            public enum Priority
            {
                Low,
                [JsonStringEnumMemberName("urgent")]
                High,
            }

            public sealed class Ticket
            {
                [JsonPropertyName("ticket_id")]
                [JsonPropertyOrder(-1)]
                public int Id { get; set; }

                [JsonRequired]
                public string Title { get; set; } = "";

                [JsonIgnore]
                public string Secret { get; set; } = "";

                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
                public string? Note { get; set; }

                [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
                public int Views { get; set; }

                [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
                public bool Archived { get; set; }

                [JsonPropertyOrder(10)]
                public Priority Priority { get; set; }
            }

            public static class TicketEndpoints
            {
                [Post("/tickets")]
                public static Ticket Create(Ticket ticket) => ticket;
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void InitOnlyRequiredAndNullableMembers()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;

            namespace Settings;

            public sealed class AppSettings
            {
                public required string Name { get; init; }

                public int Retries { get; init; } = 3;

                public string Mode { get; init; } = "fast";

                public string? Comment { get; init; }

                public int? Timeout { get; set; }

                public DateTimeOffset? Until { get; init; }

                [Required]
                public string? Owner { get; set; }

                public string Summary => $"{Name} ({Mode})";
            }

            public record struct Point(double X, double Y)
            {
                public double Weight { get; init; } = 1.0;
            }

            public sealed record Shape(string Name, Point Origin, Point? Center, Point[] Corners);

            public static class SettingsEndpoints
            {
                [Put("/settings")]
                public static AppSettings Save(AppSettings settings) => settings;

                [Post("/shapes")]
                public static Shape Draw(Shape shape) => shape;
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void NonStringDictionaryKeys()
    {
        // Integer, GUID and enum keys are parsed from property names (a bad key is an error at name.[key]) and written back.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Inventory;

            public enum Shelf { Top, Bottom }

            public sealed record Stock(Dictionary<int, string> ByBin, IReadOnlyDictionary<Guid, long> ById, Dictionary<Shelf, int>? ByShelf = null);

            public static class StockEndpoints
            {
                [Post("/stock")]
                public static Stock Echo(Stock stock) => stock;
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void NestedTypesAndCollections()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Books;

            public sealed record Author(string Name);

            public sealed record Book(string Title, Author Author, int? Year);

            public static class Shelf
            {
                public sealed record Label(string Text, string? Color);
            }

            public sealed record Library(
                string Name,
                Book[] Books,
                List<string> Tags,
                IReadOnlyList<Author> Authors,
                IEnumerable<int> Ratings,
                HashSet<string> Genres,
                Dictionary<string, Book> ByIsbn,
                Dictionary<string, int?> Counts,
                IReadOnlyList<string?> Notes,
                Shelf.Label? Label);

            public static class LibraryEndpoints
            {
                [Post("/libraries")]
                public static Library Create(Library library) => library;

                [Get("/libraries/labels")]
                public static List<Shelf.Label> Labels() => [];
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void Enums()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.Text.Json.Serialization;
            using FastEndpointsGen;

            namespace Workflow;

            public enum Status
            {
                Pending,
                Active,
                [JsonStringEnumMemberName("on-hold")]
                OnHold,
            }

            public enum Level : byte
            {
                Low = 1,
                High = 10,
            }

            public sealed record Job(string Name, Status Status, Level Level, Status? Previous);

            public static class Jobs
            {
                [Get("/jobs/{status}")]
                public static Job[] ByStatus(Status status, Level? level = null) => [];

                [Patch("/jobs/{name}")]
                public static Status Update(string name, Job job) => job.Status;
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void RecursiveTypes()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Trees;

            public sealed class TreeNode
            {
                public required string Name { get; init; }

                public List<TreeNode> Children { get; init; } = [];

                public TreeNode? Parent { get; set; }
            }

            public sealed record Category(string Name, Category? Parent, IReadOnlyList<Category> Children);

            public static class TreeEndpoints
            {
                [Post("/trees")]
                public static TreeNode Plant(TreeNode root) => root;

                [Get("/categories")]
                public static Category Root() => new("root", null, []);
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void FallbackTypes()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Shapes;

            public interface IShape
            {
                double Area { get; }
            }

            public abstract class Animal
            {
                public string Name { get; set; } = "";
            }

            public sealed record Envelope(object Payload, IShape Shape, Animal? Pet, object? Extra);

            public static class EnvelopeEndpoints
            {
                [Post("/envelopes")]
                public static Envelope Echo(Envelope envelope) => envelope;

                [Get("/shapes")]
                public static IShape[] Shapes() => [];
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void PolymorphicHierarchies()
    {
        // docs/json.md#polymorphism: an abstract base with string tags, an interface with int tags and a custom
        // discriminator name, a concrete base that reads itself without a discriminator; nested and in collections.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            using FastEndpointsGen;

            namespace Zoo;

            [JsonDerivedType(typeof(Cat), "cat")]
            [JsonDerivedType(typeof(Dog), "dog")]
            [JsonDerivedType(typeof(Puppy), "puppy")]
            public abstract record Pet(string Name);

            public sealed record Cat(string Name, int Lives) : Pet(Name);

            public record Dog(string Name, bool GoodBoy) : Pet(Name);

            public sealed record Puppy(string Name, bool GoodBoy, int Weeks) : Dog(Name, GoodBoy);

            [JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
            [JsonDerivedType(typeof(Circle), 1)]
            [JsonDerivedType(typeof(Square), 2)]
            public interface IShape
            {
                double Area { get; }
            }

            public sealed class Circle : IShape
            {
                public double Radius { get; set; }

                public double Area => 3 * Radius * Radius;
            }

            public sealed class Square : IShape
            {
                public double Side { get; set; }

                public double Area => Side * Side;
            }

            [JsonPolymorphic(IgnoreUnrecognizedTypeDiscriminators = true)]
            [JsonDerivedType(typeof(Event), "event")]
            [JsonDerivedType(typeof(Alarm), "alarm")]
            public class Event
            {
                public string Title { get; set; } = "";
            }

            public sealed class Alarm : Event
            {
                public int Level { get; set; }
            }

            public sealed record Enclosure(Pet Resident, List<Pet> Visitors, IShape[] Shapes, Event? Last);

            public static class ZooEndpoints
            {
                [Post("/enclosures")]
                public static Enclosure Create(Enclosure enclosure) => enclosure;

                [Post("/pets")]
                public static Pet Adopt(Pet pet) => pet;
            }
            """);

        Snapshot.VerifyGenerated(result);
        var document = OpenApiSnapshotTests.AssertValid(result);
        Assert.That(document, Does.Contain("\"discriminator\": {").And.Contain("\"propertyName\": \"kind\""));
    }
}
