using System.Text.Json.Serialization;
using FastEndpointsGen;

namespace FastEndpointsGen.TestApp;

// [JsonDerivedType] hierarchies read and written by generated code (docs/json.md#polymorphism).

/// <summary>A pet: the <c>$type</c> member says which kind.</summary>
[JsonDerivedType(typeof(CatPet), "cat")]
[JsonDerivedType(typeof(DogPet), "dog")]
[JsonDerivedType(typeof(PuppyPet), "puppy")]
public abstract record Pet(string Name);

public sealed record CatPet(string Name, int Lives) : Pet(Name);

public record DogPet(string Name, bool GoodBoy) : Pet(Name);

public sealed record PuppyPet(string Name, bool GoodBoy, int Weeks) : DogPet(Name, GoodBoy);

/// <summary>A shape, told apart by a numeric <c>kind</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(CircleShape), 1)]
[JsonDerivedType(typeof(SquareShape), 2)]
public interface IShape
{
    double Area { get; }
}

public sealed class CircleShape : IShape
{
    public double Radius { get; set; }

    public double Area => Math.Round(Math.PI * Radius * Radius, 2);
}

public sealed class SquareShape : IShape
{
    public double Side { get; set; }

    public double Area => Side * Side;
}

/// <summary>A concrete base: read as itself without a discriminator or with one it does not know.</summary>
[JsonPolymorphic(IgnoreUnrecognizedTypeDiscriminators = true)]
[JsonDerivedType(typeof(Notice), "notice")]
[JsonDerivedType(typeof(Alarm), "alarm")]
public class Notice
{
    public string Title { get; set; } = "";
}

public sealed class Alarm : Notice
{
    public int Level { get; set; }
}

public sealed record Enclosure(Pet Resident, List<Pet> Visitors, IShape[] Shapes, Notice? Sign);

public static class PolymorphicEndpoints
{
    [Post("/poly/pet")]
    public static Pet Pet(Pet pet) => pet;

    [Post("/poly/pet/kind")]
    public static string PetKind(Pet pet) => pet.GetType().Name;

    [Post("/poly/enclosure")]
    public static Enclosure Enclosure(Enclosure enclosure) => enclosure;

    [Post("/poly/notice")]
    public static Notice Notice(Notice notice) => notice;

    [Get("/poly/shapes")]
    public static IShape[] Shapes() => [new CircleShape { Radius = 1 }, new SquareShape { Side = 2 }];
}
