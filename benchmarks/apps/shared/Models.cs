using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;

namespace Bench;

// The same models in every .NET app of the comparison: compiled into each app (not a shared assembly),
// the way each framework's users would declare them. FastEndpoints ignores the attributes and uses the
// FluentValidation rules in its app instead; the raw app checks the same rules by hand.

/// <summary>The ~300-byte model of the GET scenarios.</summary>
public sealed class Item
{
    public int Id { get; init; }

    public required string Sku { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public decimal Price { get; init; }

    public required string Currency { get; init; }

    public int Stock { get; init; }

    public required string[] Tags { get; init; }

    public DateTime CreatedAt { get; init; }

    public bool Active { get; init; }
}

/// <summary>The nested model of the POST scenarios: 11 validation rules over 8 members.</summary>
public sealed class Order
{
    [Required]
    public Customer? Customer { get; set; }

    [Required]
    public Address? Shipping { get; set; }

    [Required]
    [MinLength(1)]
    public List<OrderLine>? Lines { get; set; }

    public string? Note { get; set; }
}

public sealed class Customer
{
    [Required]
    [StringLength(100)]
    public string? Name { get; set; }

    [Required]
    [EmailAddress]
    public string? Email { get; set; }
}

public sealed class Address
{
    [Required]
    public string? Street { get; set; }

    [Required]
    public string? City { get; set; }

    [RegularExpression("^[A-Z0-9 ]{3,10}$")]
    public string? Postcode { get; set; }

    [StringLength(2, MinimumLength = 2)]
    public string? Country { get; set; }
}

public sealed class OrderLine
{
    [RegularExpression(@"^SKU-\d{6}$")]
    public string? Sku { get; set; }

    [Range(1, 100)]
    public int Quantity { get; set; }
}

/// <summary>The POST scenarios' 201 body.</summary>
public sealed class OrderAccepted
{
    public int Id { get; init; }

    public int Lines { get; init; }

    public int Quantity { get; init; }

    public static OrderAccepted For(Order order)
    {
        var quantity = 0;
        foreach (var line in order.Lines!)
        {
            quantity += line.Quantity;
        }

        return new OrderAccepted { Id = 1001, Lines = order.Lines.Count, Quantity = quantity };
    }
}
