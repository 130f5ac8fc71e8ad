using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace FastEndpointsGen.TestApp;

/// <summary>How urgent something is.</summary>
public enum Priority
{
    Low,
    Medium,
    High,
}

public enum Shade
{
    [JsonStringEnumMemberName("light-grey")]
    LightGrey,
    Dark,
}

/// <summary>A positional record with a nested model, collections, a dictionary and defaults.</summary>
public sealed record Product(
    string Name,
    decimal Price,
    Priority Priority,
    Dimensions? Size,
    List<string> Tags,
    Dictionary<string, int>? Stock = null,
    bool Active = true);

public sealed record Dimensions(double Width, double Height);

/// <summary>A nominal class with settable, init-only and required members and the STJ attributes.</summary>
public sealed class Order
{
    public required Guid Id { get; init; }

    [JsonPropertyName("customer_name")]
    public string Customer { get; set; } = "";

    [JsonPropertyOrder(-1)]
    public int Quantity { get; set; }

    public DateOnly Due { get; init; }

    public TimeOnly? At { get; set; }

    public DateTimeOffset Created { get; set; }

    public string? Note { get; set; }

    [JsonIgnore]
    public string Secret { get; set; } = "hidden";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Coupon { get; set; }

    public Shade Shade { get; init; } = Shade.Dark;

    public int[] Scores { get; set; } = [];

    public IReadOnlyList<Line> Lines { get; init; } = [];

    public HashSet<Priority> Flags { get; set; } = [];

    [JsonRequired]
    public long Version { get; set; }

    public Uri? Link { get; set; }

    public TimeSpan Duration { get; set; }

    public char Grade { get; set; } = 'A';

    /// <summary>Computed: written, never read.</summary>
    public int LineCount => Lines.Count;
}

public sealed record Line(string Sku, int Count, decimal? Discount);

/// <summary>A struct model.</summary>
public readonly record struct Point(int X, int Y);

/// <summary>Recursive: a tree of nodes.</summary>
public sealed class Node
{
    public string Name { get; set; } = "";

    public List<Node>? Children { get; set; }
}

public sealed record Created(int Id, string Name);

/// <summary>Query parameters gathered with [AsParameters].</summary>
public sealed record Paging(int Page = 1, int Size = 10, Priority? Priority = null)
{
    public string? Sort { get; set; }
}

public interface IGreeter
{
    string Greet(string name);
}

public sealed class FormalGreeter : IGreeter
{
    public string Greet(string name) => $"Good day, {name}.";
}

public interface IClock
{
    DateTimeOffset Now { get; }
}

public sealed class FixedClock(DateTimeOffset now) : IClock
{
    public DateTimeOffset Now { get; } = now;
}

/// <summary>An in-memory service (a concrete class with no data members binds from DI).</summary>
public sealed class Catalog
{
    private readonly List<Product> _products = [new("Lamp", 19.99m, Priority.Low, new(10, 20), ["home"])];

    public IReadOnlyList<Product> All => _products;

    public Product? Find(int index) => index >= 0 && index < _products.Count ? _products[index] : null;

    public int Add(Product product)
    {
        _products.Add(product);
        return _products.Count - 1;
    }
}
