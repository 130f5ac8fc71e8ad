namespace FastEndpointsGen.Generator.Model;

/// <summary>A DataAnnotations rule, compiled into the reader or binder instead of checked by reflection.</summary>
internal enum RuleKind
{
    /// <summary><c>[Required]</c>: present (handled by <see cref="JsonMemberModel.IsRequired"/>) and, for strings, not empty.</summary>
    Required,

    /// <summary><c>[Range]</c>, in any of its forms.</summary>
    Range,

    /// <summary><c>[StringLength]</c>, <c>[MinLength]</c>, <c>[MaxLength]</c>, <c>[Length]</c>: on strings or collections.</summary>
    Length,

    RegularExpression,
    EmailAddress,
    Url,
    Phone,
    AllowedValues,
    DeniedValues,
    Base64String,
    Compare,

    /// <summary>
    /// Any other <c>ValidationAttribute</c> (a user's own, or a DataAnnotations one not compiled inline): constructed
    /// once in generated code with the attribute's own arguments, and its <c>GetValidationResult</c> run.
    /// </summary>
    Custom,
}

/// <summary>What a rule compares: decided from the member's type.</summary>
internal enum RuleTarget
{
    /// <summary>A string: lengths count characters.</summary>
    String,

    /// <summary>An array or collection: lengths count items.</summary>
    Collection,

    /// <summary>A number or other comparable value (<c>DateOnly</c>, <c>TimeSpan</c>, ...).</summary>
    Comparable,

    Other,
}

/// <summary>
/// One validation rule on a member or parameter. Bounds and values are constants in the member's own type, so
/// the generated check is a plain comparison.
/// </summary>
internal sealed record ValidationRule
{
    public required RuleKind Kind { get; init; }

    public required RuleTarget Target { get; init; }

    /// <summary>
    /// <c>[Range]</c>'s lower bound, or null; its <see cref="Constant.Text"/> is the bound as written, for messages
    /// (<c>100</c>, <c>2020-01-01</c>).
    /// </summary>
    public Constant? Minimum { get; init; }

    /// <summary><c>[Range]</c>'s upper bound, or null.</summary>
    public Constant? Maximum { get; init; }

    /// <summary>The least length (characters or items) of <see cref="RuleKind.Length"/>, or null.</summary>
    public int? MinimumLength { get; init; }

    /// <summary>The greatest length of <see cref="RuleKind.Length"/>, or null.</summary>
    public int? MaximumLength { get; init; }

    public bool MinimumIsExclusive { get; init; }

    public bool MaximumIsExclusive { get; init; }

    /// <summary>The regular expression of <c>[RegularExpression]</c>.</summary>
    public string? Pattern { get; init; }

    /// <summary>
    /// The pattern's match timeout: the attribute's <c>MatchTimeoutInMilliseconds</c>, else DataAnnotations' own
    /// default of 2 s. A match that runs longer fails the check instead of holding the thread (docs/reliability.md).
    /// </summary>
    public int MatchTimeoutMilliseconds { get; init; } = 2000;

    /// <summary>The values of <c>[AllowedValues]</c>/<c>[DeniedValues]</c>, in the member's type.</summary>
    public EquatableArray<Constant> Values { get; init; } = EquatableArray<Constant>.Empty;

    /// <summary>For <c>[Compare]</c>: the C# name of the other member.</summary>
    public string? OtherMember { get; init; }

    /// <summary>For <see cref="RuleKind.Custom"/>: the attribute's type and the C# expression that constructs it as written.</summary>
    public TypeRef? AttributeType { get; init; }

    public string? Construction { get; init; }

    /// <summary>The attribute's <c>ErrorMessage</c>, which replaces the default message when set.</summary>
    public string? ErrorMessage { get; init; }
}
