namespace FastEndpointsGen.Generator.Model;

/// <summary>What generated code must know about a type to declare, default and test it.</summary>
internal enum TypeRefKind
{
    /// <summary>A class, interface, delegate, array or type parameter: null is its default.</summary>
    Reference,

    /// <summary>A struct or enum other than <c>Nullable&lt;T&gt;</c>: never null.</summary>
    Value,

    /// <summary><c>Nullable&lt;T&gt;</c>; <see cref="TypeRef.Name"/> names the <c>T</c>.</summary>
    NullableValue,
}

/// <summary>
/// A type as generated code names it, read once from the symbol: emitters ask this record instead of taking a
/// name apart (docs/architecture.md#the-model).
/// </summary>
internal sealed record TypeRef
{
    /// <summary>
    /// <c>global::Ns.Type</c> without a top-level <c>?</c> (for <c>Nullable&lt;T&gt;</c>, the <c>T</c>); nullable
    /// references inside it (<c>List&lt;string?&gt;</c>) keep theirs.
    /// </summary>
    public required string Name { get; init; }

    public required TypeRefKind Kind { get; init; }

    /// <summary>Declared nullable: <c>string?</c> or <c>int?</c>.</summary>
    public required bool IsNullable { get; init; }

    /// <summary>The type's own name without namespace, containing types or type arguments (<c>Item</c>, <c>DivisibleByAttribute</c>).</summary>
    public required string SimpleName { get; init; }

    /// <summary>The type or one of its containing types has type arguments, or it is an array.</summary>
    public bool IsConstructed { get; init; }

    /// <summary>The type as declared: <see cref="Name"/> with <c>?</c> when nullable.</summary>
    public string Declared => IsNullable ? Name + "?" : Name;

    /// <summary>The same type without its top-level nullability: what <c>GetService&lt;T&gt;</c> or a pattern takes.</summary>
    public TypeRef NonNullable => IsNullable ? this with { IsNullable = false, Kind = Kind == TypeRefKind.NullableValue ? TypeRefKind.Value : Kind } : this;

    /// <summary>
    /// The default for a local of this type that is assigned before it is read: <c>default</c>, or <c>default!</c> for a
    /// non-nullable reference, the one case the compiler cannot see through.
    /// </summary>
    public string DefaultValue => Kind == TypeRefKind.Reference && !IsNullable ? "default!" : "default";

    /// <summary>The declared name: what interpolating a type into generated code writes.</summary>
    public override string ToString() => Declared;
}
