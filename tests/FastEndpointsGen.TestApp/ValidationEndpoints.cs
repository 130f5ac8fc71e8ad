using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace FastEndpointsGen.TestApp;

/// <summary>A model that uses every compiled validation rule.</summary>
/// <param name="Username">The login name, 3 to 20 characters.</param>
/// <param name="Email">Where the confirmation goes.</param>
public sealed record Signup(
    [Required, StringLength(20, MinimumLength = 3)] string Username,
    [EmailAddress] string Email,
    [Range(18, 130)] int Age,
    [Range(0.5, 99.5)] double Score,
    [Range(typeof(decimal), "0.01", "999.99")] decimal Fee,
    [Range(typeof(DateOnly), "2020-01-01", "2030-12-31")] DateOnly Start,
    [RegularExpression(@"[A-Z]{3}-\d{2}")] string Code,
    [Url] string? Homepage,
    [Phone] string? Phone,
    [AllowedValues("red", "green")] string Color,
    [DeniedValues("root", "admin")] string Nickname,
    [Base64String] string? Avatar,
    [MinLength(1), MaxLength(3)] List<string> Tags,
    [Length(1, 2)] string[] Roles,
    [MaxLength(5)] string? Bio,
    [DataType(DataType.Password)] string Password,
    [property: Compare(nameof(Signup.Password))] string Confirm,
    Address Address,
    List<Address>? Previous = null);

/// <summary>A postal address.</summary>
public sealed record Address([Required] string Street, [Range(1, 99999)] int Zip) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Street.Equals("nowhere", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("Street must be a real place", [nameof(Street)]);
        }
    }
}

public sealed class Window(int From, int To)
{
    [Range(0, 100, MaximumIsExclusive = true)]
    public int From { get; } = From;

    [Range(0, 100, MinimumIsExclusive = true)]
    public int To { get; } = To;
}

/// <summary>Validation on bodies and on route, query and header parameters.</summary>
[EndpointGroup("/validation", Tags = ["Validation"])]
public static class ValidationEndpoints
{
    /// <summary>Sign up</summary>
    /// <remarks>Every DataAnnotations rule is checked, and <b>all</b> errors are reported at once.</remarks>
    /// <param name="signup">The new account.</param>
    /// <returns>A greeting.</returns>
    [Post("/signup")]
    public static string Signup(Signup signup) => $"welcome {signup.Username}";

    [Post("/range")]
    public static string Exclusive(Window range) => $"{range.From}-{range.To}";

    /// <summary>Get a validated item</summary>
    /// <param name="id">The item's identifier (1 to 1000).</param>
    /// <param name="limit">How many to return.</param>
    /// <response code="404">No item has this identifier.</response>
    [Get("/items/{id}")]
    public static string Item([Range(1, 1000)] int id, [Range(1, 100)] int limit = 50,
        [StringLength(10, MinimumLength = 2)] string? search = null,
        [FromHeader(Name = "X-Request-Id"), RegularExpression("[a-z0-9-]+")] string? requestId = null) =>
        $"{id}|{limit}|{search}|{requestId}";
}
