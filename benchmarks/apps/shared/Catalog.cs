using System;

namespace Bench;

/// <summary>The 100 items every app serves, built the same way in each (and in the FastAPI app).</summary>
public static class Catalog
{
    private static readonly string[][] TagSets =
    [
        ["outdoor", "camping", "lighting"],
        ["kitchen", "steel"],
        ["garden", "tools", "hand"],
        ["office"],
    ];

    /// <summary>All items, ids 1 to 100: the list scenario's response.</summary>
    public static readonly Item[] All = Create(100);

    /// <summary>The item with this id, or <see langword="null"/>.</summary>
    public static Item? Find(int id) => (uint)(id - 1) < (uint)All.Length ? All[id - 1] : null;

    private static Item[] Create(int count)
    {
        var items = new Item[count];
        for (var i = 0; i < count; i++)
        {
            var id = i + 1;
            items[i] = new Item
            {
                Id = id,
                Sku = $"SKU-{id:D6}",
                Name = $"Trail Lantern {id}",
                Description = "Rechargeable LED lantern with three brightness levels, a magnetic base and a fold-away hook for tents.",
                Price = 9.99m + id,
                Currency = "EUR",
                Stock = id * 7 % 120,
                Tags = TagSets[i % TagSets.Length],
                CreatedAt = new DateTime(2026, 3, 14, 9, 26, 53, DateTimeKind.Utc).AddDays(i),
                Active = id % 5 != 0,
            };
        }

        return items;
    }
}
