using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace FastEndpointsGen.TestApp;

// Deliberately hostile patterns: the tests prove the server is safe from them anyway (docs/reliability.md).
#pragma warning disable FEG3005

/// <summary>A pattern that backtracks catastrophically in a backtracking engine, and one that needs that engine.</summary>
/// <param name="Words">Words separated by single spaces.</param>
/// <param name="Twice">A word written twice (a backreference).</param>
public sealed record Patterned(
    [RegularExpression(@"^(\w+\s?)*$")] string Words,
    [RegularExpression(@"(\w+\s?)*-\1", MatchTimeoutInMilliseconds = 200)] string? Twice = null);
#pragma warning restore FEG3005

/// <summary>A model with many required members, to see what a missing-member flood costs.</summary>
public sealed record Wide(
    string A, string B, string C, string D, string E, string F, string G, string H,
    string I, string J, string K, string L, string M, string N, string O, string? Filler = null);

/// <summary>A login: the password and its confirmation are never echoed in an error.</summary>
public sealed record Login(
    [Required, StringLength(20, MinimumLength = 3)] string User,
    [DataType(DataType.Password), StringLength(64, MinimumLength = 8)] string Password,
    [property: Compare(nameof(Login.Password)), StringLength(64, MinimumLength = 8)] string Confirm,
    int Attempts);

/// <summary>Integers of every width, to prove overflow is refused rather than saturated.</summary>
public sealed record Widths(byte U8, short I16, int I32, long I64, ulong U64, uint U32);

/// <summary>Tracks the instance handlers the app disposed.</summary>
public sealed class DisposalLog
{
    private int _disposed;

    public int Disposed => Volatile.Read(ref _disposed);

    public void Record() => Interlocked.Increment(ref _disposed);
}

/// <summary>Endpoints for the hostile-input tests (docs/reliability.md).</summary>
[EndpointGroup("/hostile", Tags = ["Hostile"])]
public static class HostileEndpoints
{
    [Post("/pattern")]
    public static Patterned Pattern(Patterned body) => body;

    [Get("/pattern")]
    public static string PatternQuery([RegularExpression("[A-Z]{3}-[0-9]{2}")] string code) => code;

    [Post("/wide")]
    public static int Wide(List<Wide> items) => items.Count;

    [Post("/login")]
    public static string Login(Login login) => login.User;

    [Get("/login")]
    public static string LoginQuery([DataType(DataType.Password), StringLength(64, MinimumLength = 8)] string password,
        [FromHeader(Name = "X-Pin"), DataType(DataType.Password)] int pin) => "ok";

    [Post("/login-form")]
    public static string LoginForm([FromForm, DataType(DataType.Password), StringLength(64, MinimumLength = 8)] string password,
        [FromForm(Name = "pin"), DataType(DataType.Password)] int pin) => "ok";

    [Get("/vault/{code}")]
    public static string Vault([DataType(DataType.Password), RegularExpression("[0-9]{6}")] string code) => "open";

    [Post("/widths")]
    public static Widths Numbers(Widths widths) => widths;

    [Get("/widths")]
    public static string NumbersQuery(long value, byte small = 0) => $"{value}/{small}";

    /// <summary>Echoes how a route/query value was parsed: the UTC-normalised text and its kind.</summary>
    [Get("/when")]
    public static string When(DateTime at, DateTimeOffset? offset = null) =>
        $"{at:O}|{at.Kind}|{offset?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Writes the response itself and returns nothing: the generated code must not touch it afterwards.</summary>
    [Get("/self-written")]
    public static async Task SelfWritten(HttpResponse response)
    {
        response.StatusCode = 202;
        response.ContentType = "text/plain";
        await response.WriteAsync("written by the handler");
    }

    /// <summary>Chooses its own status without a body.</summary>
    [Get("/own-status")]
    public static void OwnStatus(HttpResponse response) => response.StatusCode = 304;

    /// <summary>Returns a model whose getter throws while the response is written.</summary>
    [Get("/throwing-getter")]
    public static Fragile ThrowingGetter() => new();

    /// <summary>Returns a result that fails while it executes.</summary>
    [Get("/throwing-result")]
    public static IResult ThrowingResult() => new FailingResult();

    [Get("/crash/{name}")]
    public static string Crash(string name) => throw new InvalidOperationException("crashed for " + name);
}

/// <summary>An instance handler class that owns a resource; the app disposes it after each request.</summary>
[EndpointGroup("/disposable")]
public sealed class DisposableEndpoints(DisposalLog log) : IDisposable
{
    [Get("/")]
    public int Get() => log.Disposed;

    public void Dispose() => log.Record();
}

/// <summary>A response model whose getter fails.</summary>
public sealed class Fragile
{
    public string Name => throw new InvalidOperationException("getter failed");
}

/// <summary>An <see cref="IResult"/> that fails after an await.</summary>
public sealed class FailingResult : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await Task.Yield();
        throw new InvalidOperationException("result failed");
    }
}
