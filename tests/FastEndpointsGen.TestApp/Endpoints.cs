using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FastEndpointsGen.TestApp;

/// <summary>Route values of every simple type.</summary>
[EndpointGroup("/route", Tags = ["Route"])]
public static class RouteEndpoints
{
    [Get("/int/{id}")]
    public static int Int(int id) => id;

    [Get("/long/{id:long}")]
    public static long Long(long id) => id;

    [Get("/guid/{id:guid}")]
    public static Guid Guid(Guid id) => id;

    [Get("/date/{day}")]
    public static DateOnly Date(DateOnly day) => day;

    [Get("/decimal/{amount}")]
    public static decimal Decimal(decimal amount) => amount;

    [Get("/bool/{flag}")]
    public static bool Bool(bool flag) => flag;

    [Get("/enum/{priority}")]
    public static Priority Enum(Priority priority) => priority;

    [Get("/string/{name}")]
    public static string String(string name) => name;

    [Get("/datetime/{at}")]
    public static DateTimeOffset DateTime(DateTimeOffset at) => at;

    [Get("/timespan/{span}")]
    public static TimeSpan TimeSpan(TimeSpan span) => span;

    [Get("/two/{a}/{b}")]
    public static int[] Two(int a, int b) => [a, b];

    [Get("/explicit/{value}")]
    public static string Explicit([FromRoute(Name = "value")] string other) => other;

    [Get("/optional/{id?}")]
    public static int Optional(int? id) => id ?? -1;
}

/// <summary>Query strings: required, optional, defaulted, nullable, collections.</summary>
[EndpointGroup("/query", Tags = ["Query"])]
public static class QueryEndpoints
{
    [Get("/required")]
    public static int Required(int limit) => limit;

    [Get("/defaulted")]
    public static int Defaulted(int limit = 50) => limit;

    [Get("/nullable")]
    public static string Nullable(int? limit, string? name) => $"{limit?.ToString() ?? "none"}|{name ?? "none"}";

    [Get("/array")]
    public static int[] Array(int[] ids) => ids;

    [Get("/list")]
    public static List<Priority> List(List<Priority> priorities) => priorities;

    [Get("/strings")]
    public static IReadOnlyList<string> Strings(string[] tag) => tag;

    [Get("/renamed")]
    public static string Renamed([FromQuery(Name = "q")] string query) => query;

    [Get("/many")]
    public static string Many(int a, double b, bool c, Guid d, DateOnly e, Priority f) => $"{a}|{b}|{c}|{d}|{e:yyyy-MM-dd}|{f}";

    [Get("/paging")]
    public static Paging Paging([AsParameters] Paging paging) => paging;
}

/// <summary>Headers, services, keyed services and special types.</summary>
[EndpointGroup("/context")]
public static class ContextEndpoints
{
    [Get("/header")]
    public static string Header([FromHeader(Name = "X-Request-Id")] string requestId) => requestId;

    [Get("/header/int")]
    public static int HeaderInt([FromHeader(Name = "X-Count")] int count = 3) => count;

    [Get("/service")]
    public static DateTimeOffset Service(IClock clock) => clock.Now;

    [Get("/keyed/{name}")]
    public static string Keyed(string name, [FromKeyedServices("formal")] IGreeter greeter) => greeter.Greet(name);

    [Get("/special")]
    public static string Special(HttpContext context, HttpRequest request, HttpResponse response, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        response.Headers["X-Seen"] = "yes";
        return $"{context.Request.Path}|{request.Method}|{cancellationToken.CanBeCanceled}|{user.Identity?.IsAuthenticated ?? false}";
    }

    [Post("/stream")]
    public static async Task<string> Stream(Stream body)
    {
        using var reader = new StreamReader(body);
        return (await reader.ReadToEndAsync()).ToUpperInvariant();
    }

    [Post("/form")]
    public static string Form([FromForm] string title, IFormFile? file) => $"{title}|{file?.FileName ?? "none"}|{file?.Length ?? 0}";

    /// <summary>Issues an anti-forgery token (and its cookie) for the form endpoints, as a page with a form would.</summary>
    [Get("/antiforgery-token")]
    public static string AntiforgeryToken(HttpContext context, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(context).RequestToken!;
}

/// <summary>JSON bodies of every shape.</summary>
[EndpointGroup("/json", Tags = ["Json"])]
public static class JsonEndpoints
{
    [Post("/product")]
    public static Product Product(Product product) => product;

    [Post("/order")]
    public static Order Order(Order order) => order;

    [Put("/point")]
    public static Point Point(Point point) => point with { X = point.X + 1 };

    [Post("/tree")]
    public static Node Tree(Node node) => node;

    [Post("/list")]
    public static List<Line> List(List<Line> lines) => lines;

    [Patch("/dictionary")]
    public static Dictionary<string, Dimensions> Dictionary(Dictionary<string, Dimensions> items) => items;

    [Post("/optional")]
    public static string OptionalBody(Dimensions? size) => size is null ? "no body" : $"{size.Width}x{size.Height}";

    [Post("/with-route/{id}")]
    public static Created WithRoute(int id, Product product) => new(id, product.Name);
}

/// <summary>Every response kind.</summary>
[EndpointGroup("/responses", Tags = ["Responses"])]
public static class ResponseEndpoints
{
    [Get("/model")]
    public static Product Model(Catalog catalog) => catalog.All[0];

    [Get("/task")]
    public static async Task<Product> TaskModel(Catalog catalog)
    {
        await Task.Yield();
        return catalog.All[0];
    }

    [Get("/valuetask")]
    public static ValueTask<Dimensions> ValueTaskModel() => ValueTask.FromResult(new Dimensions(1.5, 2));

    [Get("/text")]
    public static string Text() => "plain text";

    [Delete("/void")]
    public static void Void()
    {
    }

    [Delete("/task-void")]
    public static Task TaskVoid() => Task.CompletedTask;

    [Post("/created", StatusCode = 201)]
    public static Created Create(Product product, Catalog catalog) => new(catalog.Add(product), product.Name);

    /// <summary>Find a product</summary>
    /// <param name="id">The product's identifier.</param>
    /// <returns>The product.</returns>
    [Get("/result/{id}")]
    public static Results<Ok<Product>, NotFound> Result(int id, Catalog catalog) =>
        catalog.Find(id) is { } product ? TypedResults.Ok(product) : TypedResults.NotFound();

    [Get("/iresult")]
    public static IResult PlainResult() => Results.Text("from IResult", statusCode: 202);

    [Get("/error/{status}")]
    public static string Error(int status) => throw new HttpError(status, $"Failed with {status}");

    [Get("/crash")]
    public static string Crash() => throw new InvalidOperationException("secret internals");

    [Get("/null")]
    public static Product? Null() => null;

    [Get("/nodes")]
    public static Node Nodes() => new() { Name = "root", Children = [new() { Name = "leaf" }] };

    [Get("/list")]
    public static IEnumerable<Dimensions> Sizes() => Enumerable.Range(1, 3).Select(i => new Dimensions(i, i * 2));
}

/// <summary>An instance handler: the class is constructed per request from DI.</summary>
[EndpointGroup("/instance")]
public sealed class InstanceEndpoints(IClock clock, Catalog catalog)
{
    [Get("/now")]
    public DateTimeOffset Now() => clock.Now;

    [Get("/count")]
    public int Count() => catalog.All.Count;
}

/// <summary>Authorization metadata.</summary>
[EndpointGroup("/secure")]
[Authorize]
public static class SecureEndpoints
{
    [Get("/me")]
    public static string Me(ClaimsPrincipal user) => user.Identity!.Name!;

    [Get("/admin")]
    [Authorize(Policy = "admins")]
    public static string Admin() => "admin";

    [Get("/public")]
    [AllowAnonymous]
    public static string Public() => "public";
}

/// <summary>Endpoints outside any group.</summary>
public static class UngroupedEndpoints
{
    /// <summary>Health check (use <c>/health</c> instead)</summary>
    [Get("/ping", Name = "Ping")]
    [Obsolete("Use /health.")]
    public static string Ping() => "pong";
}
