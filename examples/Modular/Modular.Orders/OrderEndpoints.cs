using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using FastEndpointsGen;
using Modular.Catalog;
using Modular.Contracts;

namespace Modular.Orders;

/// <summary>A placed order.</summary>
/// <param name="Id">The order's number.</param>
/// <param name="Product">What was ordered.</param>
/// <param name="Quantity">How many.</param>
/// <param name="Total">Price times quantity.</param>
public sealed record Order(int Id, Product Product, int Quantity, decimal Total);

/// <summary>The orders placed since the app started.</summary>
public sealed class OrderBook
{
    private readonly ConcurrentDictionary<int, Order> _orders = new();
    private int _lastId;

    /// <summary>Places an order for <paramref name="product"/>.</summary>
    public Order Place(Product product, int quantity)
    {
        var order = new Order(Interlocked.Increment(ref _lastId), product, quantity, product.Price * quantity);
        _orders[order.Id] = order;
        return order;
    }

    /// <summary>The order with this number, or null.</summary>
    public Order? Find(int id) => _orders.GetValueOrDefault(id);
}

/// <summary>Place and look up orders.</summary>
[EndpointGroup("/orders", Tags = ["Orders"])]
public static class OrderEndpoints
{
    /// <summary>Place an order</summary>
    /// <param name="order">The product and quantity.</param>
    /// <param name="catalog">Where the product is looked up (a service).</param>
    /// <param name="book">Where the order is kept (a service).</param>
    /// <response code="404">No product has this number.</response>
    [Post("/", Name = "PlaceOrder", StatusCode = 201)]
    public static Order Place(NewOrder order, ProductCatalog catalog, OrderBook book) =>
        book.Place(catalog.Find(order.ProductId) ?? throw new HttpError(404, "Product not found"), order.Quantity);

    /// <summary>Get an order</summary>
    /// <param name="id">The order's number.</param>
    /// <param name="book">Where the order is kept (a service).</param>
    /// <response code="404">No order has this number.</response>
    [Get("/{id:int}", Name = "GetOrder")]
    public static Order Get(int id, OrderBook book) =>
        book.Find(id) ?? throw new HttpError(404, "Order not found");
}
