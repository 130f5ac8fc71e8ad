using FastEndpoints;
using FluentValidation;

namespace Bench.FastEndpointsApp;

/// <summary>The benchmark endpoints as a FastEndpoints user writes them, validation by FluentValidation.</summary>
public static class BenchApp
{
    /// <summary>Builds the app with its endpoints mapped, not yet running.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddFastEndpoints(options =>
        {
            options.DisableAutoDiscovery = true;
            options.Assemblies = [typeof(BenchApp).Assembly];
        });

        var app = builder.Build();
        app.UseFastEndpoints();
        return app;
    }
}

public sealed class GetItemRequest
{
    public int Id { get; set; }
}

public sealed class GetItemEndpoint : Endpoint<GetItemRequest, Item>
{
    public override void Configure()
    {
        Get("/items/{id}");
        AllowAnonymous();
    }

    public override Task HandleAsync(GetItemRequest req, CancellationToken ct) =>
        Catalog.Find(req.Id) is { } item ? Send.OkAsync(item, ct) : Send.NotFoundAsync(ct);
}

public sealed class ListItemsEndpoint : EndpointWithoutRequest<Item[]>
{
    public override void Configure()
    {
        Get("/items");
        AllowAnonymous();
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(Catalog.All, ct);
}

public sealed class PlaceOrderEndpoint : Endpoint<Order, OrderAccepted>
{
    public override void Configure()
    {
        Post("/orders");
        AllowAnonymous();
    }

    public override Task HandleAsync(Order req, CancellationToken ct) =>
        Send.ResponseAsync(OrderAccepted.For(req), StatusCodes.Status201Created, ct);
}

/// <summary>The rules of the shared models' attributes, written the FluentValidation way.</summary>
public sealed class OrderValidator : Validator<Order>
{
    public OrderValidator()
    {
        RuleFor(o => o.Customer).NotNull();
        RuleFor(o => o.Shipping).NotNull();
        RuleFor(o => o.Lines).NotEmpty();
        RuleFor(o => o.Customer!.Name).NotEmpty().MaximumLength(100).When(o => o.Customer is not null);
        RuleFor(o => o.Customer!.Email).NotEmpty().EmailAddress().When(o => o.Customer is not null);
        RuleFor(o => o.Shipping!.Street).NotEmpty().When(o => o.Shipping is not null);
        RuleFor(o => o.Shipping!.City).NotEmpty().When(o => o.Shipping is not null);
        RuleFor(o => o.Shipping!.Postcode).Matches("^[A-Z0-9 ]{3,10}$").When(o => o.Shipping is not null);
        RuleFor(o => o.Shipping!.Country).Length(2).When(o => o.Shipping is not null);
        RuleForEach(o => o.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).Matches(@"^SKU-\d{6}$");
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 100);
        });
    }
}
