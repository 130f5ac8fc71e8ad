using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using FastEndpointsGen;

namespace Bench.FastEndpointsGenApp;

/// <summary>The benchmark endpoints as a FastEndpointsGen user writes them.</summary>
public static class BenchApp
{
    /// <summary>Builds the app with its endpoints mapped, not yet running.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddFastEndpointsGen();

        var app = builder.Build();
        app.MapGeneratedEndpoints();
        return app;
    }
}

public static class CatalogEndpoints
{
    [Get("/items/{id}")]
    public static Item GetItem(int id) => Catalog.Find(id) ?? throw new HttpError(404, "Item not found");

    [Get("/items")]
    public static Item[] ListItems() => Catalog.All;

    [Post("/orders", StatusCode = 201)]
    public static OrderAccepted PlaceOrder(Order order) => OrderAccepted.For(order);
}

/// <summary>The stream of benchmarks/stream/sse.sh: <paramref name="count"/> catalog items as server-sent events, <paramref name="interval"/> ms apart.</summary>
public static class StreamEndpoints
{
    [Get("/events")]
    public static async IAsyncEnumerable<SseItem<Item>> Events(int count = 10, int interval = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
