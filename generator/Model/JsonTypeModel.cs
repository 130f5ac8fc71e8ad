using FastEndpointsGen.Reading;

namespace FastEndpointsGen.Generator.Model;

/// <summary>What kind of JSON value a type is, which decides how its reader and writer look.</summary>
internal enum JsonTypeKind
{
    /// <summary>A scalar read and written inline (numbers, strings, dates, ...).</summary>
    Simple,

    /// <summary>An enum written as its member names.</summary>
    Enum,

    /// <summary>A class, record or struct written as a JSON object of its properties.</summary>
    Object,

    /// <summary>An array, list or set.</summary>
    Collection,

    /// <summary>A dictionary with string keys.</summary>
    Dictionary,

    /// <summary><c>Nullable&lt;T&gt;</c> of another JSON type.</summary>
    Nullable,

    /// <summary>
    /// An interface, abstract or concrete class with <c>[JsonDerivedType]</c>: a discriminator member says which
    /// derived type's reader and writer handle the object (docs/json.md#polymorphism).
    /// </summary>
    Polymorphic,

    /// <summary>A type the generator cannot handle: delegated to the app's <c>JsonSerializerOptions</c>.</summary>
    Fallback,
}

/// <summary>
/// One type that crosses the wire as JSON, described well enough to emit its reader and writer.
/// Types are referred to by <see cref="Id"/>, a stable identifier that names the generated methods.
/// </summary>
internal sealed record JsonTypeModel
{
    /// <summary>A C# identifier naming this type's reader and writer, e.g. <c>TaskItem</c> or <c>ListOfTaskItem</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The type, without a nullable annotation.</summary>
    public required TypeRef TypeName { get; init; }

    public required JsonTypeKind Kind { get; init; }

    public required bool IsValueType { get; init; }

    public SimpleKind Simple { get; init; }

    /// <summary>The element (collections), value (dictionaries) or underlying (nullable) type id.</summary>
    public string? ElementId { get; init; }

    /// <summary>The element type name, with <c>?</c> when the element is a nullable reference.</summary>
    public TypeRef? ElementType { get; init; }

    /// <summary>Whether the element may be null.</summary>
    public bool ElementIsNullable { get; init; }

    /// <summary>For dictionaries: how a key is read from and written as a property name (string, integers, Guid, enum).</summary>
    public SimpleKind KeyKind { get; init; } = SimpleKind.String;

    /// <summary>For dictionaries: the key type's name.</summary>
    public string KeyType { get; init; } = "string";

    /// <summary>For dictionaries with enum keys: the enum's JSON type id, whose generated names the keys use.</summary>
    public string? KeyEnumId { get; init; }

    public CollectionKind Collection { get; init; }

    /// <summary>True when the declared collection type has a fast indexer (arrays, lists).</summary>
    public bool IsIndexable { get; init; }

    public EquatableArray<JsonMemberModel> Members { get; init; } = EquatableArray<JsonMemberModel>.Empty;

    public EquatableArray<EnumMemberModel> EnumMembers { get; init; } = EquatableArray<EnumMemberModel>.Empty;

    /// <summary>False when the type can only be written (no usable constructor); reading it is refused.</summary>
    public bool CanRead { get; init; } = true;

    /// <summary>An endpoint reads or writes this type whole (a body or a response), not only as a member.</summary>
    public bool IsRoot { get; init; }

    /// <summary>The type implements <c>IValidatableObject</c>: its <c>Validate</c> runs after the member rules pass.</summary>
    public bool IsValidatable { get; init; }

    /// <summary>
    /// The <c>ValidationAttribute</c>s on the class itself: constructed as written and run on the built object, before
    /// <c>IValidatableObject.Validate</c> (docs/validation.md#your-own-validation-attributes).
    /// </summary>
    public EquatableArray<ValidationRule> TypeRules { get; init; } = EquatableArray<ValidationRule>.Empty;

    /// <summary>The C# type name without namespace (<c>Order</c>): the validation context's display name for class rules.</summary>
    public string? DisplayName { get; init; }

    /// <summary>For polymorphic types: the declared derived types, in declaration order.</summary>
    public EquatableArray<DerivedTypeModel> DerivedTypes { get; init; } = EquatableArray<DerivedTypeModel>.Empty;

    /// <summary>For polymorphic types: the discriminator member's name (<c>$type</c> unless <c>[JsonPolymorphic]</c> names another).</summary>
    public string? DiscriminatorName { get; init; }

    /// <summary>For polymorphic types: <c>IgnoreUnrecognizedTypeDiscriminators</c>, so an unknown tag reads the base.</summary>
    public bool IgnoreUnrecognizedDiscriminators { get; init; }

    /// <summary>For a polymorphic concrete class: the id of the class read and written as itself (no or unknown discriminator).</summary>
    public string? BaseObjectId { get; init; }

    /// <summary>The object model of a polymorphic concrete class as itself: never a root, named by its polymorphic type.</summary>
    public bool IsPolymorphicBase { get; init; }

    /// <summary>
    /// The generated class holding a handler's <c>[BodyMember]</c> parameters, one member each: emitted with the JSON
    /// code, read but never written, its missing members reported without echoing the object, as FastAPI does for
    /// embedded body parameters (docs/binding.md#several-body-members).
    /// </summary>
    public bool IsBodyObject { get; init; }

    /// <summary>Why the type falls back to the app's serializer options (for the warning diagnostic).</summary>
    public string? FallbackReason { get; init; }
}

// MemberAssignment and IgnoreCondition are decided where the members are: reading/JsonMembers.cs.

/// <summary>One property of an object type as it appears in JSON.</summary>
internal sealed record JsonMemberModel
{
    /// <summary>The C# property name.</summary>
    public required string Name { get; init; }

    /// <summary>The JSON name: <c>[JsonPropertyName]</c>, else the camelCase of <see cref="Name"/>.</summary>
    public required string JsonName { get; init; }

    /// <summary>
    /// The generated reader's local for the value (<c>titleValue</c>) and its flag for "the JSON had it"
    /// (<c>hasTitle</c>), unique among the type's members and the reader's own variables (the parser's <c>LocalNames</c>).
    /// </summary>
    public string Local { get; init; } = "";

    public string PresenceLocal { get; init; } = "";

    /// <summary>The member type's JSON type id.</summary>
    public required string TypeId { get; init; }

    /// <summary>The member's declared type.</summary>
    public required TypeRef Type { get; init; }

    /// <summary>Null is a valid value (nullable reference, <c>Nullable&lt;T&gt;</c>, or nullable-oblivious).</summary>
    public required bool IsNullable { get; init; }

    /// <summary>Absence from the JSON is an error: no default, not nullable, or marked required.</summary>
    public required bool IsRequired { get; init; }

    public required bool CanWrite { get; init; }

    public required MemberAssignment Assignment { get; init; }

    /// <summary>For <see cref="MemberAssignment.Constructor"/>: the parameter's position.</summary>
    public int ConstructorIndex { get; init; } = -1;

    /// <summary>The constructor parameter's default value, when it has one.</summary>
    public Constant? DefaultValue { get; init; }

    /// <summary>
    /// A property's initializer when it is a constant (<c>= 1</c>, <c>= 0m</c>, <c>= "NL"</c>): only the document reads
    /// it (its <c>default</c>); the generated reader leaves an absent member to the initializer.
    /// </summary>
    public Constant? InitializerValue { get; init; }

    public IgnoreCondition Ignore { get; init; }

    /// <summary>
    /// A constructor parameter whose property is <c>[JsonIgnore]</c>d: passed its default, never read from JSON, written
    /// or documented, as System.Text.Json does (reading/JsonMembers.cs).
    /// </summary>
    public bool IsIgnored { get; init; }

    /// <summary>Marked <c>[DataType(DataType.Password)]</c>: errors never echo its input.</summary>
    public bool IsSecret { get; init; }

    /// <summary>The DataAnnotations rules checked as the member is read.</summary>
    public EquatableArray<ValidationRule> Rules { get; init; } = EquatableArray<ValidationRule>.Empty;
}

/// <summary>
/// One <c>[JsonDerivedType]</c>: the derived type's JSON type id and name, and its discriminator as it appears in JSON
/// (a string, or an integer when <see cref="IsNumber"/>), or null for a type written without one and never read.
/// <see cref="Depth"/> orders the writer's type switch, most derived first (the base itself is -1, the default case).
/// </summary>
internal sealed record DerivedTypeModel(string TypeId, string TypeName, string? Discriminator, bool IsNumber, bool IsBase, int Depth);

/// <summary>One enum member: its C# name, its JSON name, and its value.</summary>
internal sealed record EnumMemberModel(string Name, string JsonName);
