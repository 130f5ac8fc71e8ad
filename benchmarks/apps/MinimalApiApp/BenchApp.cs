using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bench.MinimalApiApp;

/// <summary>
/// The benchmark endpoints as a hand-written minimal API: the Request Delegate Generator,
/// System.Text.Json source generation and .NET 10 <c>AddValidation</c>.
/// </summary>
public static class BenchApp
{
    /// <summary>Builds the app with its endpoints mapped, not yet running.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, MinimalJsonContext.Default));
        builder.Services.AddValidation();

        var app = builder.Build();
        app.MapGet("/items/{id}", Results<Ok<Item>, NotFound> (int id) =>
            Catalog.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound());
        app.MapGet("/items", () => TypedResults.Ok(Catalog.All));
        app.MapPost("/orders", (Order order) => TypedResults.Created((string?)null, OrderAccepted.For(order)));
        app.MapGet("/events", (CancellationToken cancellationToken, int count = 10, int interval = 0) =>
            TypedResults.ServerSentEvents(Events(count, interval, cancellationToken)));
        return app;
    }

    /// <summary>The stream of benchmarks/stream/sse.sh, as FastEndpointsGenApp's: catalog items <paramref name="interval"/> ms apart.</summary>
    private static async IAsyncEnumerable<SseItem<Item>> Events(int count, int interval, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            if (interval > 0 && i > 0)
            {
                await Task.Delay(interval, cancellationToken);
            }

            yield return new SseItem<Item>(Catalog.All[i % Catalog.All.Length], "item");
        }
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(Item[]))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(OrderAccepted))]
internal sealed partial class MinimalJsonContext : JsonSerializerContext;
