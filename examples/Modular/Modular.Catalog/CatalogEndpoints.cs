using System.Collections.Generic;
using FastEndpointsGen;
using Modular.Contracts;

namespace Modular.Catalog;

/// <summary>The products on sale.</summary>
public sealed class ProductCatalog
{
    private readonly Dictionary<int, Product> _products = new()
    {
        [1] = new Product(1, "Pen", 1.50m),
        [2] = new Product(2, "Notebook", 4.20m),
    };

    /// <summary>Every product, by number.</summary>
    public IReadOnlyList<Product> All => [.. _products.Values];

    /// <summary>The product with this number, or null.</summary>
    public Product? Find(int id) => _products.GetValueOrDefault(id);
}

/// <summary>Browse the catalog.</summary>
[EndpointGroup("/catalog", Tags = ["Catalog"])]
public static class CatalogEndpoints
{
    /// <summary>List products</summary>
    [Get("/products", Name = "ListProducts")]
    public static IReadOnlyList<Product> List(ProductCatalog catalog) => catalog.All;

    /// <summary>Get a product</summary>
    /// <param name="id">The product's number.</param>
    /// <param name="catalog">The catalog (a service).</param>
    /// <response code="404">No product has this number.</response>
    [Get("/products/{id:int}", Name = "GetProduct")]
    public static Product Get(int id, ProductCatalog catalog) =>
        catalog.Find(id) ?? throw new HttpError(404, "Product not found");
}
