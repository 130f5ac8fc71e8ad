using FastEndpointsGen.Generator.Tests.Infrastructure;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// The validation checks the generator compiles into readers and binders (docs/validation.md): every rule
/// appears inline as a comparison, with its FastAPI type code and message fixed at compile time.
/// </summary>
public class ValidationSnapshotTests
{
    [Test]
    public void BodyRules()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;

            namespace Accounts;

            public sealed record Signup(
                [Required, StringLength(20, MinimumLength = 3)] string Username,
                [EmailAddress] string Email,
                [Range(18, 130)] int Age,
                [Range(0.5, 9.5, MaximumIsExclusive = true)] double Score,
                [Range(typeof(DateOnly), "2020-01-01", "2030-12-31")] DateOnly Start,
                [RegularExpression(@"[A-Z]{3}-\d{2}")] string Code,
                [Url] string? Homepage,
                [Phone] string? Phone,
                [AllowedValues("red", "green")] string Color,
                [DeniedValues("root")] string Nickname,
                [Base64String] string? Avatar,
                [MinLength(1), MaxLength(3)] List<string> Tags,
                [DataType(DataType.Password)] string Password,
                [property: Compare(nameof(Signup.Password), ErrorMessage = "{0} must repeat the password")] string Confirm);

            public sealed record Address([Required] string Street) : IValidatableObject
            {
                public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
                {
                    yield break;
                }
            }

            public static class AccountEndpoints
            {
                [Post("/signup")]
                public static string Create(Signup signup) => signup.Username;

                [Post("/addresses")]
                public static string Add(Address address) => address.Street;
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void ParameterRules()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Mvc;

            namespace Search;

            public static class SearchEndpoints
            {
                [Get("/items/{id}")]
                public static string Find([Range(1, 1000)] int id, [Range(1, 100)] int limit = 50,
                    [StringLength(10, MinimumLength = 2)] string? q = null,
                    [FromHeader(Name = "X-Request-Id"), RegularExpression("[a-z0-9-]+")] string? requestId = null) => $"{id}{limit}{q}{requestId}";
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void CustomValidationAttributes()
    {
        // Constructed once as written (arguments, named properties, typeof, arrays, enums) and run at the value's location.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;

            namespace Rules;

            public enum Mode { Strict, Lenient }

            public sealed class DivisibleByAttribute(int divisor) : ValidationAttribute
            {
                public bool AllowZero { get; set; }
                public Mode Mode { get; set; }
                public Type? Hint { get; set; }
                public string[] Tags { get; set; } = [];
                public override bool IsValid(object? value) => value is not int n || n % divisor == 0 && (AllowZero || n != 0);
            }

            public sealed record Order([property: DivisibleBy(5, AllowZero = true, Mode = Mode.Lenient, Hint = typeof(int), Tags = new[] { "a", "b" })] int Quantity,
                [property: CreditCard] string? Card = null);

            public static class Orders
            {
                [Post("/orders")]
                public static int Create(Order order, [DivisibleBy(2)] int batch = 2) => order.Quantity;
            }
            """);

        Snapshot.VerifyGenerated(result);
        Assert.That(result.Sources["FastEndpointsGen.Json.g.cs"],
            Does.Contain("new global::Rules.DivisibleByAttribute(5) { AllowZero = true, Mode = (global::Rules.Mode)(1), Hint = typeof(int), Tags = new string[] { \"a\", \"b\" } }"));
    }

    [Test]
    public void ClassLevelValidationAttributes()
    {
        // Run on the built object after the member rules, before IValidatableObject; inherited from base classes too.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;

            namespace Rules;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class OrderedAttribute : ValidationAttribute
            {
                public override bool IsValid(object? value) => value is not Interval i || i.From <= i.To;
            }

            [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
            public sealed class SumAtMostAttribute(int limit) : ValidationAttribute
            {
                public int Limit => limit;
                public override bool IsValid(object? value) => value is not Interval i || i.From + i.To <= limit;
            }

            [SumAtMost(100)]
            public abstract class Bounded;

            [Ordered]
            public sealed class Interval : Bounded, IValidatableObject
            {
                [Range(0, 50)]
                public int From { get; set; }

                public int To { get; set; }

                public IEnumerable<ValidationResult> Validate(ValidationContext context) => [];
            }

            public static class Intervals
            {
                [Post("/intervals")]
                public static int Create(Interval interval) => interval.To - interval.From;
            }
            """);

        Snapshot.VerifyGenerated(result);
        var json = result.Sources["FastEndpointsGen.Json.g.cs"];
        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("= new global::Rules.OrderedAttribute();"));
            Assert.That(json, Does.Contain("= new global::Rules.SumAtMostAttribute(100);"));
            Assert.That(json.IndexOf("ValidationChecks.Validate(Rules_Interval_Ordered, result, \"Interval\"", StringComparison.Ordinal),
                Is.LessThan(json.IndexOf("ValidationChecks.Validate(result, context", StringComparison.Ordinal)));
        });
    }

    [Test]
    public void ClassLevelRulesOnQueryAndFormModels()
    {
        // An [AsParameters] or [FromForm] model's class rules, then IValidatableObject, run once it is built; their
        // failures land at the members they name (query.to, header.x-limit, body.to), else at the model's location.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Mvc;

            namespace Rules;

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class OrderedAttribute : ValidationAttribute
            {
                public override bool IsValid(object? value) => value is not Range r || r.From <= r.To;
            }

            [Ordered]
            public sealed record Range(int From, int To, [property: FromHeader(Name = "X-Limit")] int Limit = 10) : IValidatableObject
            {
                public IEnumerable<ValidationResult> Validate(ValidationContext context) => [];
            }

            public sealed class Stay : IValidatableObject
            {
                public int Nights { get; set; }

                public IEnumerable<ValidationResult> Validate(ValidationContext context) => [];
            }

            public static class Ranges
            {
                [Get("/ranges")]
                public static int List([Microsoft.AspNetCore.Http.AsParameters] Range range) => range.To - range.From;

                [Post("/stays")]
                public static int Book([FromForm] Stay stay) => stay.Nights;
            }
            """);

        Snapshot.VerifyGenerated(result);
        var endpoints = result.Endpoints;
        Assert.Multiple(() =>
        {
            Assert.That(endpoints, Does.Contain("errors = ValidationChecks.Validate(Range_Ordered, range_local, \"Range\", errors, \"request\", Range_Members);"));
            Assert.That(endpoints, Does.Contain("[\"Limit\"] = new[] { \"header\", \"x-limit\" }"));
            Assert.That(endpoints, Does.Contain("errors = ValidationChecks.Validate(stay_local, errors, \"body\", Stay_Members);"));
        });
    }

    [Test]
    public void AValidationAttributeGeneratedCodeCannotConstructIsLeftToFEG3006()
    {
        // The analyzers report FEG3006 at the attribute; the generator writes no code that would not compile.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;

            namespace Rules;

            public static class Numbers
            {
                private sealed class EvenAttribute : ValidationAttribute
                {
                    public override bool IsValid(object? value) => value is not int n || n % 2 == 0;
                }

                [Get("/numbers")]
                public static int Get([Even] int n) => n;
            }
            """);

        Assert.That(string.Concat(result.Sources.Values), Does.Not.Contain("EvenAttribute"));
    }

    [Test]
    public void NoAttributeIsReadAtRuntime()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;

            namespace Accounts;

            public sealed record Signup([Required, StringLength(20)] string Username, [Range(1, 9)] int Level);

            public static class AccountEndpoints
            {
                [Post("/signup")]
                public static string Create(Signup signup) => signup.Username;
            }
            """);

        var json = result.Sources["FastEndpointsGen.Json.g.cs"];
        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Not.Contain("Validator."));
            Assert.That(json, Does.Not.Contain("GetCustomAttributes"));
            Assert.That(json, Does.Contain("if (ValidationChecks.TextLength(checkedValue) > 20)"));
            Assert.That(json, Does.Contain("if (checkedValue < 1)"));
        });
    }
}
