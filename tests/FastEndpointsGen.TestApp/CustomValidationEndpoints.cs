using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

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

/// <summary>A rule on a whole model: runs on the built object and names the members it blames.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SumAtMostAttribute(int limit) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is Interval interval && interval.From + interval.To > limit
            ? new ValidationResult($"{validationContext.DisplayName}: from + to must be at most {limit}.", [nameof(Interval.To)])
            : ValidationResult.Success;
}

/// <summary>A rule on a whole model that blames no member in particular.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OrderedAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is Interval { From: var from, To: var to } && from > to
            ? new ValidationResult($"{validationContext.DisplayName} must not run backwards.")
            : ValidationResult.Success;
}

/// <summary>Class-level rules, with a member rule that runs first.</summary>
[SumAtMost(100), Ordered]
public sealed record Interval([property: Even] int From, int To);

/// <summary>Anything with a start and an end, so one class-level rule serves several models.</summary>
public interface ISpan
{
    int From { get; }

    int To { get; }
}

/// <summary>A rule on a whole model that blames its <c>To</c> member.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SpanAtMostAttribute(int limit) : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is ISpan span && span.To - span.From > limit
            ? new ValidationResult($"{validationContext.DisplayName}: the span must be at most {limit}.", [nameof(ISpan.To)])
            : ValidationResult.Success;
}

/// <summary>An <c>[AsParameters]</c> query model with a class-level rule and its own <c>Validate</c>, which blames no member.</summary>
[SpanAtMost(10)]
public sealed record Slot(int From, int To) : ISpan, IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From == To)
        {
            yield return new ValidationResult("from and to must differ");
        }
    }
}

/// <summary>A <c>[FromForm]</c> model with a class-level rule and its own <c>Validate</c>, which blames <c>To</c>.</summary>
[SpanAtMost(10)]
public sealed class Stay : ISpan, IValidatableObject
{
    public int From { get; set; }

    public int To { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (To < From)
        {
            yield return new ValidationResult("to must not come before from", [nameof(To)]);
        }
    }
}

/// <summary>Query and header members of an <c>[AsParameters]</c> model checked by the user's own rules.</summary>
public sealed class Batch
{
    [Even]
    public int Size { get; set; } = 2;

    [FromHeader(Name = "X-Step")]
    [DivisibleBy(5)]
    public int Step { get; set; } = 5;
}

/// <summary>A form model member checked by the user's own rule.</summary>
public sealed record EvenForm([Even] int Count, string Label = "");

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

    [Get("/route/{n}")]
    public static int Route([Even] int n) => n;

    [Get("/header")]
    public static int Header([FromHeader(Name = "X-Count")][DivisibleBy(3)] int count) => count;

    [Get("/cookie")]
    public static int Cookie([FromCookie(Name = "count")][Even] int count) => count;

    [Get("/batch")]
    public static string AsParameters([AsParameters] Batch batch) => $"{batch.Size}/{batch.Step}";

    [Post("/form")]
    public static string Form([FromForm] EvenForm form) => $"{form.Count}{form.Label}";

    [Post("/interval")]
    public static string Interval(Interval interval) => $"{interval.From}..{interval.To}";

    [Get("/slot")]
    public static string Slot([AsParameters] Slot slot) => $"{slot.From}..{slot.To}";

    [Post("/stay")]
    public static string Stay([FromForm] Stay stay) => $"{stay.From}..{stay.To}";

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

/// <summary>A model whose setter refuses a value, nested in another model.</summary>
public sealed class Temperature
{
    private double _celsius;

    public double Celsius
    {
        get => _celsius;
        set => _celsius = value >= -273.15 ? value : throw new ArgumentOutOfRangeException(nameof(value), "below absolute zero");
    }
}

/// <summary>Holds a <see cref="Temperature"/>, so the setter's error lands at <c>body.reading</c>.</summary>
public sealed record Thermometer(string Name, Temperature Reading);

/// <summary>A query model that checks its values in its constructor.</summary>
public sealed record Stretch(int From, int To)
{
    public int From { get; } = From >= 0 ? From : throw new ArgumentOutOfRangeException(nameof(From), "from must not be negative");

    public int To { get; } = To >= From ? To : throw new ValidationException("to must not come before from");
}

/// <summary>A form model whose setter fails for a reason that is not the client's.</summary>
public sealed class BrokenForm
{
    private string _name = "";

    public string Name
    {
        get => _name;
        set => _name = value == "boom" ? throw new InvalidOperationException("internal state exposed") : value;
    }
}

/// <summary>A query model whose constructor fails for a reason that is not the client's.</summary>
public sealed record BrokenQuery(int N)
{
    public int N { get; } = N != 13 ? N : throw new InvalidOperationException("internal state exposed");
}

/// <summary>A body model whose constructor fails for a reason that is not the client's.</summary>
public sealed record BrokenRecord(string Name)
{
    public string Name { get; } = Name != "boom" ? Name : throw new InvalidOperationException("internal state exposed");
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

    [Post("/thermometer")]
    public static double Thermometer(Thermometer thermometer) => thermometer.Reading.Celsius;

    [Get("/stretch")]
    public static string Stretch([AsParameters] Stretch stretch) => $"{stretch.From}-{stretch.To}";

    [Post("/broken-form")]
    public static string BrokenForm([FromForm] BrokenForm form) => form.Name;

    [Get("/broken-query")]
    public static int BrokenQuery([AsParameters] BrokenQuery query) => query.N;

    [Post("/broken-record")]
    public static string BrokenRecord(BrokenRecord record) => record.Name;
}

/// <summary>Dictionaries keyed by numbers, GUIDs and enums, read and written by generated code.</summary>
public sealed record Keyed(Dictionary<int, string> ByNumber, Dictionary<Guid, int>? ById = null, Dictionary<Priority, long>? ByPriority = null);

/// <summary>Non-string dictionary keys.</summary>
[EndpointGroup("/keyed", Tags = ["Keyed"])]
public static class KeyedEndpoints
{
    [Post("/")]
    public static Keyed Echo(Keyed keyed) => keyed;

    [Post("/names")]
    public static Dictionary<int, string> Names(Dictionary<int, string> names) => names;

    [Post("/numbers")]
    public static int Sum(Dictionary<long, int> values) => values.Sum(pair => pair.Value);

    [Post("/prices")]
    public static Dictionary<decimal, double> Prices(Dictionary<double, decimal> prices) =>
        prices.ToDictionary(pair => pair.Value, pair => pair.Key);
}
