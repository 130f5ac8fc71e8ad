using System.ComponentModel.DataAnnotations;

namespace FastEndpointsGen.TestApp;

/// <summary>A user's own rule with no arguments.</summary>
public sealed class EvenAttribute : ValidationAttribute
{
    public EvenAttribute()
        : base("The field {0} must be even.")
    {
    }

    public override bool IsValid(object? value) => value is not int number || number % 2 == 0;
}

/// <summary>A user's own rule with a constructor argument and a named property.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DivisibleByAttribute(int divisor) : ValidationAttribute
{
    public int Divisor { get; } = divisor;

    public bool AllowZero { get; set; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) => value switch
    {
        0 when !AllowZero => new ValidationResult($"{validationContext.DisplayName} must not be zero."),
        int number when number % Divisor != 0 => new ValidationResult($"{validationContext.DisplayName} must be divisible by {Divisor}."),
        _ => ValidationResult.Success,
    };
}

/// <summary>Numbers checked by the user's own rules.</summary>
public sealed record Counts([property: DivisibleBy(5, AllowZero = true)] int First, [property: Even] int Second, [property: CreditCard] string? Card = null);

/// <summary>Custom <c>ValidationAttribute</c>s run as DataAnnotations would, on every source.</summary>
[EndpointGroup("/custom-rules", Tags = ["Custom rules"])]
public static class CustomValidationEndpoints
{
    [Get("/")]
    public static int Query([Even] int n, [DivisibleBy(3)] int m = 3) => n + m;

    [Post("/")]
    public static Counts Body(Counts counts) => counts;

    /// <summary>Parameters named like each other's generated locals (x_local, x_raw).</summary>
    [Get("/names")]
    public static string Names(int x_local, int x, int x_raw) => $"{x_local}/{x}/{x_raw}";
}

/// <summary>A model that checks its own values in its constructor, as a value object does.</summary>
public sealed class Percentage
{
    public Percentage(int value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 100);
        if (value == 42)
        {
            throw new ValidationException("42 is reserved");
        }

        Value = value;
    }

    public int Value { get; }
}

/// <summary>A model whose setter fails for a reason that is not the client's.</summary>
public sealed class Broken
{
    private string _name = "";

    public string Name
    {
        get => _name;
        set => _name = value == "boom" ? throw new InvalidOperationException("internal state exposed") : value;
    }
}

/// <summary>Models that refuse values while they are built.</summary>
[EndpointGroup("/model-errors", Tags = ["Model errors"])]
public static class ModelErrorEndpoints
{
    [Post("/percentage")]
    public static int Percentage(Percentage percentage) => percentage.Value;

    [Post("/percentages")]
    public static int Percentages(List<Percentage> percentages) => percentages.Count;

    [Post("/broken")]
    public static string Broken(Broken broken) => broken.Name;
}

/// <summary>Dictionaries keyed by numbers, GUIDs and enums, read and written by generated code.</summary>
public sealed record Keyed(Dictionary<int, string> ByNumber, Dictionary<Guid, int>? ById = null, Dictionary<Priority, long>? ByPriority = null);

/// <summary>Non-string dictionary keys.</summary>
[EndpointGroup("/keyed", Tags = ["Keyed"])]
public static class KeyedEndpoints
{
    [Post("/")]
    public static Keyed Echo(Keyed keyed) => keyed;

    [Post("/numbers")]
    public static int Sum(Dictionary<long, int> values) => values.Sum(pair => pair.Value);
}
