using FastEndpointsGen.Generator.Tests.Infrastructure;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// What the generator writes for small, focused handlers: routing, binding and responses. Each test
/// also compiles the output and checks the caching (<see cref="GeneratorAssert"/>); the snapshots
/// show reviewers what changed.
/// </summary>
public class EndpointSnapshotTests
{
    [Test]
    public void GetWithRouteAndQueryParameters()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Shop;

            public sealed record Product(int Id, string Name, decimal Price);

            public static class Products
            {
                [Get("/products/{id:int}")]
                public static Product Get(int id) => new(id, "Pen", 1.5m);

                [Get("/shops/{shop}/products")]
                public static Product[] Search(string shop, string? q, int page = 1, int? size = null, bool inStock = false, Guid? vendor = null, DateOnly? since = null) => [];
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void QueryCollectionsAndEnums()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Shop;

            public enum Sort { Name, Price }

            public static class Catalog
            {
                [Get("/catalog")]
                public static string Browse(int[] ids, List<string> tags, IEnumerable<Guid> vendors, Sort sort = Sort.Price, Sort? then = null, IReadOnlyList<Sort>? also = null, long[]? pages = null) => "";
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void PostWithPositionalRecordBody()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Shop;

            public sealed record NewOrder(string Customer, int Quantity, string? Note = null, bool Express = false);

            public sealed record Order(int Id, string Customer, int Quantity);

            public static class Orders
            {
                [Post("/orders")]
                public static Order Create(NewOrder order) => new(1, order.Customer, order.Quantity);

                [Put("/orders/{id}")]
                public static Order Replace(int id, NewOrder order) => new(id, order.Customer, order.Quantity);
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void HostileInputDefences()
    {
        // Disposable handler classes, secrets that are never echoed, integer and date parsing, a self-written response.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Mvc;

            namespace Guarded;

            public sealed class Session : IDisposable
            {
                public void Dispose() { }
            }

            public sealed class Vault(Session session) : IAsyncDisposable
            {
                [Get("/vault/{id}")]
                public string Open(long id, [DataType(DataType.Password), RegularExpression("[0-9]{4}")] string pin,
                    [FromHeader(Name = "X-Token"), DataType(DataType.Password)] int token, DateTime since, DateTimeOffset? until = null) =>
                    $"{id} {session}";

                [Get("/vault/raw")]
                public async Task Raw(HttpResponse response) => await response.WriteAsync("raw");

                public ValueTask DisposeAsync() => ValueTask.CompletedTask;
            }

            public sealed record Credentials([DataType(DataType.Password)] string Password, [property: Compare(nameof(Credentials.Password))] string Confirm, string User);

            public static class Accounts
            {
                [Post("/accounts")]
                public static IResult Create(Credentials credentials) => TypedResults.Created("/accounts/1");
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void InstanceHandler()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;

            namespace Greetings;

            public interface IClock
            {
                DateTimeOffset Now { get; }
            }

            public interface IAudit
            {
                void Record(string text);
            }

            public sealed class Greeter(IClock clock, ILogger<Greeter> logger, [FromKeyedServices("audit")] IAudit audit, IAudit? fallback = null)
            {
                [Get("/hello/{name}")]
                public string Hello(string name)
                {
                    logger.LogInformation("Greeting {Name}", name);
                    (fallback ?? audit).Record(name);
                    return $"Hello {name}, it is {clock.Now:t}";
                }
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void EndpointGroupWithTagsAndAuthorization()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Authorization;

            namespace Admin;

            [EndpointGroup("/admin", Tags = ["Admin", "Internal"])]
            [Authorize(Roles = "admin")]
            public static class AdminEndpoints
            {
                [Get("/stats", Tags = ["Stats"])]
                public static string Stats() => "ok";

                [Get("/health")]
                [AllowAnonymous]
                public static string Health() => "healthy";

                [Delete("/cache")]
                [Authorize("CachePolicy", AuthenticationSchemes = "Bearer")]
                public static void ClearCache()
                {
                }
            }

            [EndpointGroup("/public/")]
            public static class PublicEndpoints
            {
                [Get("/")]
                public static string Index() => "hi";

                [Get("about")]
                public static string About() => "about";
            }

            public static class Ungrouped
            {
                [Get("/ping", Name = "Ping")]
                [Authorize]
                public static string Ping() => "pong";
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void AsParameters()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Mvc;

            namespace Paging;

            public sealed record PageRequest(int Id, int Page = 1, [FromHeader(Name = "X-Trace")] string? Trace = null);

            public sealed class Filter
            {
                public string? Q { get; set; }

                public int? Limit { get; set; }

                public required string Sort { get; init; }
            }

            public static class Pages
            {
                [Get("/pages/{id}")]
                public static string List([AsParameters] PageRequest request, [AsParameters] Filter filter) =>
                    $"{request.Id} {request.Page} {request.Trace} {filter.Q} {filter.Limit} {filter.Sort}";
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void Cookies()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;

            namespace Sessions;

            public enum Theme { Light, Dark }

            public sealed record Preferences([FromCookie(Name = "theme")] Theme? Theme, [FromCookie] int Visits = 0);

            public static class SessionEndpoints
            {
                [Get("/session")]
                public static string Get([FromCookie(Name = "session_id")][MinLength(4)] string session, [FromCookie] int? count,
                    [AsParameters] Preferences preferences) => session;
            }
            """);

        Snapshot.VerifyGenerated(result);
        var document = OpenApiSnapshotTests.AssertValid(result);
        Assert.That(document, Does.Contain("\"in\": \"cookie\""));
    }

    [Test]
    public void BodyMembers()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;

            namespace Shop;

            public sealed record Item(string Name, double Price);

            public sealed record User(string Username);

            public static class Items
            {
                /// <param name="id">The item.</param>
                /// <param name="item">The new values.</param>
                /// <param name="user">Who changes it.</param>
                /// <param name="importance">How much the change matters.</param>
                /// <param name="note">Why.</param>
                [Put("/items/{id}")]
                public static string Update(int id, [BodyMember] Item item, [BodyMember(Name = "owner")] User? user,
                    [BodyMember][Range(1, 5)] int importance, [BodyMember] string note = "none") => item.Name;

                [Post("/items")]
                public static string Create([BodyMember] Item item) => item.Name;
            }
            """);

        Snapshot.VerifyGenerated(result);
        var document = OpenApiSnapshotTests.AssertValid(result);
        Assert.Multiple(() =>
        {
            Assert.That(document, Does.Contain("\"Body_Update\""));
            Assert.That(document, Does.Contain("\"Body_Create\""));
            Assert.That(document, Does.Contain("How much the change matters."));
        });
    }

    [Test]
    public void FormModel()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.ComponentModel.DataAnnotations;
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Mvc;

            namespace Accounts;

            public sealed record Signup([MinLength(3)] string Username, [Range(13, 120)] int Age, bool Newsletter = false)
            {
                public IFormFile? Avatar { get; set; }
            }

            public static class AccountEndpoints
            {
                [Post("/signup")]
                public static string Create([FromForm] Signup signup) => signup.Username;
            }
            """);

        Snapshot.VerifyGenerated(result);
        var document = OpenApiSnapshotTests.AssertValid(result);
        Assert.That(document, Does.Contain("\"multipart/form-data\"").And.Contain("\"username\""));
    }

    [Test]
    public void KeyedServicesAndSpecialTypes()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.IO.Pipelines;
            using System.Security.Claims;
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Mvc;

            namespace Special;

            public interface ICache
            {
                string? Get(string key);
            }

            public sealed class Clock
            {
                public DateTimeOffset Now => DateTimeOffset.UtcNow;
            }

            public static class SpecialEndpoints
            {
                [Get("/special/{id}")]
                public static async Task<string> Everything(
                    int id,
                    HttpContext context,
                    HttpRequest request,
                    HttpResponse response,
                    CancellationToken cancellationToken,
                    ClaimsPrincipal user,
                    [FromKeyedServices("primary")] ICache primary,
                    [FromKeyedServices(42)] ICache? secondary,
                    [FromServices] Clock clock,
                    ILogger<Clock> logger,
                    TimeProvider time)
                {
                    await Task.Delay(0, cancellationToken);
                    logger.LogDebug("{Path}", request.Path);
                    response.Headers["X-Id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return $"{context.TraceIdentifier} {user.Identity?.Name} {primary.Get("k")} {secondary?.Get("k")} {clock.Now} {time.GetUtcNow()}";
                }

                [Post("/upload/raw")]
                public static async Task<long> Raw(Stream body, PipeReader reader, CancellationToken cancellationToken)
                {
                    await reader.CompleteAsync();
                    return await body.ReadAsync(new byte[16], cancellationToken);
                }
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void HeadersAndForms()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Mvc;

            namespace Uploads;

            public static class UploadEndpoints
            {
                [Post("/upload")]
                public static string Upload(
                    IFormFile file,
                    IFormFile? thumbnail,
                    [FromForm] string title,
                    [FromForm(Name = "tag")] string[] tags,
                    [FromHeader(Name = "X-Request-Id")] Guid requestId,
                    [FromHeader] string? userAgent) =>
                    $"{file.FileName} {thumbnail?.FileName} {title} {tags.Length} {requestId} {userAgent}";

                [Post("/upload/many")]
                public static int UploadMany(IFormFileCollection files, IFormCollection fields) => files.Count + fields.Count;
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void EveryResponseKind()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Http.HttpResults;

            namespace Kinds;

            public sealed record Item(int Id);

            public static class Responses
            {
                [Get("/value")]
                public static Item Value() => new(1);

                [Get("/task")]
                public static Task<Item> TaskOfValue() => Task.FromResult(new Item(1));

                [Get("/value-task")]
                public static ValueTask<Item> ValueTaskOfValue() => ValueTask.FromResult(new Item(1));

                [Get("/text")]
                public static string Text() => "hello";

                [Get("/text-async")]
                public static async Task<string> TextAsync()
                {
                    await Task.Yield();
                    return "hello";
                }

                [Post("/void")]
                public static void Nothing()
                {
                }

                [Post("/task")]
                public static Task NothingAsync() => Task.CompletedTask;

                [Post("/value-task")]
                public static ValueTask NothingValueTask() => ValueTask.CompletedTask;

                [Get("/result")]
                public static IResult Result() => Results.Ok();

                [Get("/typed/{id}")]
                public static Results<Ok<Item>, NotFound> Typed(int id) =>
                    id > 0 ? TypedResults.Ok(new Item(id)) : TypedResults.NotFound();

                [Get("/typed-async/{id}")]
                public static async Task<Results<Ok<Item>, NotFound>> TypedAsync(int id)
                {
                    await Task.Yield();
                    return id > 0 ? TypedResults.Ok(new Item(id)) : TypedResults.NotFound();
                }

                [Post("/created", StatusCode = 201)]
                public static Item Created() => new(2);

                [Delete("/accepted", StatusCode = 202)]
                public static void Accepted()
                {
                }

                [Get("/list")]
                public static IReadOnlyList<Item> List() => [new(1), new(2)];

                [Get("/number")]
                public static int Number() => 42;

                [Get("/maybe")]
                public static Item? Maybe() => null;
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void StreamedResponses()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.Runtime.CompilerServices;
            using FastEndpointsGen;

            namespace Streams;

            public sealed record Tick(int Sequence, string Label);

            public static class Feeds
            {
                [Get("/numbers")]
                public static async IAsyncEnumerable<int> Numbers([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Delay(1, cancellationToken);
                    yield return 1;
                }

                [Get("/ticks/{count}")]
                public static IAsyncEnumerable<Tick?> Ticks(int count) => Produce(count);

                [Get("/batches")]
                public static Task<IAsyncEnumerable<List<Tick>>> Batches() => Task.FromResult(Produce(1).Select(t => new List<Tick> { t! }));

                [Get("/words", StatusCode = 203)]
                public static ValueTask<IAsyncEnumerable<string>> Words() => ValueTask.FromResult(AsyncEnumerable.Empty<string>());

                private static async IAsyncEnumerable<Tick?> Produce(int count)
                {
                    for (var i = 0; i < count; i++)
                    {
                        await Task.Yield();
                        yield return new Tick(i, "tick");
                    }
                }
            }
            """);

        Snapshot.VerifyGenerated(result);
    }

    [Test]
    public void ServerSentEventsAndJsonLines()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using System.Net.ServerSentEvents;
            using System.Runtime.CompilerServices;
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Http.HttpResults;

            namespace Streams;

            public sealed record Tick(int Sequence, string Label);

            public static class Feeds
            {
                [Get("/ticks/events")]
                public static async IAsyncEnumerable<SseItem<Tick>> TickEvents([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await Task.Delay(1, cancellationToken);
                    yield return new SseItem<Tick>(new Tick(1, "tick"), "tick") { EventId = "1" };
                }

                [Get("/words/events")]
                public static Task<IAsyncEnumerable<SseItem<string?>>> WordEvents() => Task.FromResult(AsyncEnumerable.Empty<SseItem<string?>>());

                [Get("/ticks/lines", Stream = StreamFormat.JsonLines)]
                public static IAsyncEnumerable<Tick?> TickLines() => AsyncEnumerable.Empty<Tick?>();

                [Get("/typed")]
                public static ServerSentEventsResult<Tick> Typed() => TypedResults.ServerSentEvents(AsyncEnumerable.Empty<Tick>());
            }
            """);

        Snapshot.VerifyGenerated(result);
    }
}
