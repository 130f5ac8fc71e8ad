using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;

namespace FastEndpointsGen.TestApp;

/// <summary>
/// ASP.NET Core's own attributes and hooks on generated endpoints, each with its middleware in the pipeline
/// (Program.cs): they must take effect exactly as on a minimal API (docs/composition.md).
/// </summary>
public static class CompositionEndpoints
{
    /// <summary>Policy "one" allows one call per hour.</summary>
    [Get("/composition/limited")]
    [EnableRateLimiting("one")]
    public static string Limited() => "ok";

    /// <summary>Each call that reaches the handler counts; a cached answer repeats the count.</summary>
    [Get("/composition/cached")]
    [OutputCache(Duration = 60)]
    public static int Cached(CallCounter counter) => counter.Next();

    [Get("/composition/cors")]
    [EnableCors("site")]
    public static string Cors() => "ok";

    /// <summary>Waits longer than its timeout allows; the timeout cancels the token and the middleware answers 504.</summary>
    [Get("/composition/slow")]
    [RequestTimeout(200)]
    public static async Task<string> Slow(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        return "late";
    }

    /// <summary>Accepts at most 32 bytes of body.</summary>
    [Post("/composition/small")]
    [RequestSizeLimit(32)]
    public static string Small(SmallNote note) => note.Text;

    /// <summary>Accepts a body over MaxRequestBodySize: the endpoint lifts the limit.</summary>
    [Post("/composition/unlimited")]
    [DisableRequestSizeLimit]
    public static int Unlimited(SmallNote note) => note.Text.Length;

    /// <summary>A form of at most 64 bytes.</summary>
    [Post("/composition/small-form")]
    [RequestSizeLimit(64)]
    public static string SmallForm([FromForm] string text) => text;

    /// <summary>Limited by a convention the app adds by name (Program.cs), not by an attribute.</summary>
    [Post("/composition/limited-by-convention", Name = "LimitedByConvention")]
    public static string LimitedByConvention(SmallNote note) => note.Text;

    [Get("/composition/crash")]
    public static string Crash() => throw new InvalidOperationException("composition crash");

    [Get("/composition/unauthorized")]
    public static string Unauthorized() => throw new HttpError(401, "The token expired.")
    {
        Headers = { ["WWW-Authenticate"] = "Bearer error=\"invalid_token\"" },
        Extensions = { ["code"] = "token_expired", ["retryable"] = false },
    };

    /// <summary>The XML summary, which [EndpointSummary] replaces.</summary>
    [Get("/composition/documented")]
    [Tags("Extra"), EndpointSummary("Documented by attributes"), EndpointDescription("Summary, description, tags and a 404 from ASP.NET's attributes.")]
    [ProducesResponseType(404)]
    public static string Documented() => "ok";

    [Get("/composition/hidden"), ExcludeFromDescription]
    public static string Hidden() => "ok";
}

public sealed record SmallNote(string Text);

/// <summary>Counts the calls that reach a handler.</summary>
public sealed class CallCounter
{
    private int _count;

    public int Next() => Interlocked.Increment(ref _count);
}

/// <summary>The app's own <see cref="IExceptionHandler"/>: answers 500 with a plain-text body that names it.</summary>
public sealed class AppExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        httpContext.Response.ContentType = "text/plain";
        await httpContext.Response.WriteAsync("handled by the app: " + exception.Message, cancellationToken);
        return true;
    }
}
