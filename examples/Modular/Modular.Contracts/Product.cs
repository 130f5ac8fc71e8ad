using System.ComponentModel.DataAnnotations;

namespace Modular.Contracts;

/// <summary>A product the shop sells.</summary>
/// <param name="Id">The product's number.</param>
/// <param name="Name">What the product is called.</param>
/// <param name="Price">Its unit price, in euros.</param>
public sealed record Product(int Id, [property: Required, StringLength(100, MinimumLength = 1)] string Name, [property: Range(0.01, 100000)] decimal Price);

/// <summary>An order to place.</summary>
/// <param name="ProductId">The product to order.</param>
/// <param name="Quantity">How many, from 1 to 100.</param>
public sealed record NewOrder(int ProductId, [property: Range(1, 100)] int Quantity);
