using FastEndpointsGen.Analyzers.Tests.Infrastructure;

namespace FastEndpointsGen.Analyzers.Tests;

public class ValidationAnalyzerTests
{
    [Test]
    public Task AttributesOnTheirTypesReportNothing() => Verify<ValidationAnalyzer>.AnalyzerAsync("""
        using System.ComponentModel.DataAnnotations;

        public sealed record NewTask(
            [Required, StringLength(200, MinimumLength = 1)] string Title,
            [Range(1, 5)] int Priority,
            [Range(0.5, 9.5)] double? Weight,
            [Length(1, 10)] List<string> Tags,
            [RegularExpression("^[a-z]+$")] string Slug,
            [Range(typeof(DateOnly), "2020-01-01", "2030-12-31")] DateOnly Due)
        {
            [EmailAddress]
            public string? Owner { get; init; }

            public string Password { get; init; } = "";

            [Compare(nameof(Password))]
            public string Confirm { get; init; } = "";
        }

        public static class Handlers
        {
            [Get("/items")]
            public static string List([Range(1, 100)] int limit = 50, [MaxLength(3)] string? code = null) => "";
        }
        """);

    [Test]
    public Task FEG3001_AttributeOnWrongType() => Verify<ValidationAnalyzer>.AnalyzerAsync("""
        using System.ComponentModel.DataAnnotations;

        public sealed class Model
        {
            [{|FEG3001:StringLength(10)|}]
            public int Count { get; set; }

            [{|FEG3001:Range(1, 10)|}]
            public string Code { get; set; } = "";

            [{|FEG3001:EmailAddress|}]
            public Guid Id { get; set; }

            [{|FEG3001:MinLength(1)|}]
            public int Total { get; set; }
        }

        public sealed record Positional([property: {|FEG3001:StringLength(5)|}] int Count, [{|FEG3001:Range(1, 2)|}] string Code);

        public static class Handlers
        {
            [Get("/items")]
            public static string List([{|FEG3001:RegularExpression("^[0-9]+$")|}] int limit = 50) => "";
        }
        """);

    [Test]
    public Task FEG3002_InvalidRegularExpression() => Verify<ValidationAnalyzer>.AnalyzerAsync("""
        using System.ComponentModel.DataAnnotations;

        public sealed record Model([RegularExpression({|FEG3002:"^[a-z+$"|})] string Slug, [RegularExpression("^(a|b)+$")] string Ok);
        """);

    [Test]
    public Task FEG3005_PatternCanBacktrackCatastrophically() => Verify<ValidationAnalyzer>.AnalyzerAsync("""
        using System.ComponentModel.DataAnnotations;

        public sealed record Model(
            [RegularExpression({|FEG3005:@"^(\w+\s?)*$"|})] string Words,
            [RegularExpression({|FEG3005:"(a+)+b"|})] string Nested,
            [RegularExpression({|FEG3005:@"^((\d*)|x)*$"|})] string Alternative,
            [RegularExpression({|FEG3005:@"^(?:[a-z]{1,}\.?)+$"|})] string Braces,
            [RegularExpression(@"^\w+(\s\w+)*$")] string Separated,
            [RegularExpression(@"^([a-z0-9]+\.)*[a-z]+$")] string Domain,
            [RegularExpression(@"^(?>\w+\s?)*$")] string Atomic,
            [RegularExpression(@"^[(+*]+(a|b)+$")] string Literals,
            [RegularExpression(@"^(\w+){2,3}$")] string Bounded);
        """);

    [Test]
    public Task FEG3003_MinimumAboveMaximum() => Verify<ValidationAnalyzer>.AnalyzerAsync("""
        using System.ComponentModel.DataAnnotations;

        public sealed class Model
        {
            [{|FEG3003:Range(10, 1)|}]
            public int Priority { get; set; }

            [{|FEG3003:Range(9.5, 0.5)|}]
            public double Weight { get; set; }

            [{|FEG3003:Length(5, 2)|}]
            public string Code { get; set; } = "";

            [{|FEG3003:StringLength(2, MinimumLength = 5)|}]
            public string Name { get; set; } = "";

            [Range(1, 1)]
            public int One { get; set; }
        }
        """);

    [Test]
    public Task FEG3004_CompareNamesNoMember() => Verify<ValidationAnalyzer>.AnalyzerAsync("""
        using System.ComponentModel.DataAnnotations;

        public sealed class Model
        {
            public string Password { get; set; } = "";

            [Compare({|FEG3004:"Pasword"|})]
            public string Confirm { get; set; } = "";
        }

        public sealed record Positional(string Email, [property: Compare({|FEG3004:"Mail"|})] string Repeat, [property: Compare("Email")] string Again);
        """);

    [Test]
    public Task FEG3006_ValidationAttributeNotConstructible() => Verify<ValidationAnalyzer>.AnalyzerAsync("""
        using System.ComponentModel.DataAnnotations;

        public sealed class DivisibleByAttribute(int divisor) : ValidationAttribute
        {
            public bool AllowZero { get; set; }

            public override bool IsValid(object? value) => value is not int n || n % divisor == 0 || n == 0 && AllowZero;
        }

        public static class Handlers
        {
            private sealed class EvenAttribute : ValidationAttribute
            {
                public override bool IsValid(object? value) => value is not int n || n % 2 == 0;
            }

            private static class Rules
            {
                public static ValidationResult? Check(object? value) => ValidationResult.Success;
            }

            [{|FEG3006:Even|}]
            private sealed record Hidden(int N);

            [Get("/numbers")]
            public static int Get([{|FEG3006:Even|}] int n, [DivisibleBy(5, AllowZero = true)] int m,
                [{|FEG3006:CustomValidation(typeof(Rules), "Check")|}] int k, [CreditCard] string? card = null) => n;

            public sealed record Body([property: {|FEG3006:Even|}] int First, [property: DivisibleBy(2)] int Second);
        }
        """);
}
