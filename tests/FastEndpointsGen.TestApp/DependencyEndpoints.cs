using System.Globalization;
using System.Reflection;

namespace FastEndpointsGen.TestApp;

/// <summary>
/// FastAPI's <c>Depends</c> patterns written with ASP.NET Core's own conventions (docs/dependencies.md), and the
/// minimal-API custom binding conventions (docs/binding.md#custom-binding).
/// </summary>
[EndpointGroup("/deps")]
public static class DependencyEndpoints
{
    /// <summary>The current user: a type that binds itself, answering 401 when there is none.</summary>
    [Get("/me")]
    public static string Me(CurrentUser user) => user.Name;

    /// <summary>Shared paging parameters through BindAsync with the parameter's name as the key prefix.</summary>
    [Get("/page")]
    public static string Page(PageRequest page) => $"{page.Page}/{page.Size}";

    /// <summary>An optional self-binding parameter: absent, the handler gets null.</summary>
    [Get("/tenant")]
    public static string Tenant(Tenant? tenant) => tenant?.Id ?? "none";

    /// <summary>A required IBindableFromHttpContext parameter that binds to null is a missing-value error.</summary>
    [Get("/tenant/required")]
    public static string RequiredTenant(Tenant tenant) => tenant.Id;

    /// <summary>A database session with cleanup, and a dependency of a dependency sharing it.</summary>
    [Get("/session")]
    public static string Session(OrderQueries queries, DbSession session) =>
        $"{queries.Count()} same={ReferenceEquals(queries.Session, session)} id={session.Id}";

    /// <summary>TryParse(string, IFormatProvider?, out T) from the query; TryParse(string, out T) from a header.</summary>
    [Get("/parse")]
    public static string Parse(Cursor cursor, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "X-Version")] ApiVersion version, Cursor[]? more = null) =>
        $"{cursor.After}+{cursor.Take} v{version.Major} more={more?.Length ?? 0}";
}

/// <summary>The signed-in user, bound from the request by <c>BindAsync(HttpContext)</c>.</summary>
public sealed record CurrentUser(string Name)
{
    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) =>
        context.User.Identity?.Name is { } name
            ? ValueTask.FromResult<CurrentUser?>(new CurrentUser(name))
            : throw new HttpError(401, "Sign in first.") { Headers = { ["WWW-Authenticate"] = "Header" } };
}

/// <summary>Paging shared by many endpoints: <c>?page=2&amp;size=5</c>, bounded, with defaults.</summary>
public sealed record PageRequest(int Page, int Size)
{
    public static ValueTask<PageRequest?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        // The ParameterInfo is the handler's own parameter (docs/binding.md#custom-binding).
        var query = context.Request.Query;
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var size = int.TryParse(query["size"], CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, 100) : 10;
        return ValueTask.FromResult<PageRequest?>(parameter.Name == "page" ? new PageRequest(page, size) : null);
    }
}

/// <summary>A tenant from the <c>X-Tenant</c> header, through <see cref="IBindableFromHttpContext{TSelf}"/>.</summary>
public sealed class Tenant(string id) : IBindableFromHttpContext<Tenant>
{
    public string Id { get; } = id;

    static ValueTask<Tenant?> IBindableFromHttpContext<Tenant>.BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(context.Request.Headers["X-Tenant"] is [{ Length: > 0 } id] ? new Tenant(id) : null);
}

/// <summary>A per-request database session: scoped, disposed (asynchronously) when the request ends.</summary>
public sealed class DbSession(SessionLog log) : IAsyncDisposable
{
    private static int s_next;

    public int Id { get; } = Interlocked.Increment(ref s_next);

    public ValueTask DisposeAsync()
    {
        log.Record();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Counts the sessions disposed.</summary>
public sealed class SessionLog
{
    private int _disposed;

    public int Disposed => Volatile.Read(ref _disposed);

    public void Record() => Interlocked.Increment(ref _disposed);
}

/// <summary>A dependency of a dependency: DI gives it the request's one <see cref="DbSession"/>.</summary>
public sealed class OrderQueries(DbSession session)
{
    public DbSession Session { get; } = session;

    public int Count() => 3;
}

/// <summary>A cursor <c>after:take</c> with the minimal-API <c>TryParse(string, IFormatProvider?, out T)</c>.</summary>
public readonly record struct Cursor(int After, int Take)
{
    public static bool TryParse(string? text, IFormatProvider? provider, out Cursor cursor)
    {
        cursor = default;
        var parts = text?.Split(':');
        if (parts is not [var after, var take] || !int.TryParse(after, provider, out var a) || !int.TryParse(take, provider, out var t))
        {
            return false;
        }

        cursor = new Cursor(a, t);
        return true;
    }
}

/// <summary>A version <c>v2</c> with <c>TryParse(string, out T)</c>.</summary>
public sealed class ApiVersion
{
    public int Major { get; private init; }

    public static bool TryParse(string? text, out ApiVersion version)
    {
        version = null!;
        if (text is ['v', .. var digits] && int.TryParse(digits, CultureInfo.InvariantCulture, out var major))
        {
            version = new ApiVersion { Major = major };
            return true;
        }

        return false;
    }
}
