namespace FastEndpointsGen.Generator.Model;

/// <summary>
/// What only the OpenAPI document needs from a handler: its XML doc comments, the attribute's
/// <c>Summary</c>, <c>[Obsolete]</c>, the <c>Results&lt;...&gt;</c> arms and the docs of the models it
/// reaches. Kept apart from the route and binding models so that editing a doc comment re-emits the
/// document and nothing else.
/// </summary>
internal sealed record EndpointDocs
{
    public static readonly EndpointDocs Empty = new();

    /// <summary>The route attribute's <c>Summary</c>, else <c>[EndpointSummary]</c>, else the XML <c>&lt;summary&gt;</c>.</summary>
    public string? Summary { get; init; }

    /// <summary><c>[EndpointDescription]</c>, else the XML <c>&lt;remarks&gt;</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The XML <c>&lt;returns&gt;</c>: the success response's description.</summary>
    public string? Returns { get; init; }

    /// <summary>The handler (or its class) is <c>[Obsolete]</c>.</summary>
    public bool Deprecated { get; init; }

    /// <summary>The XML <c>&lt;summary&gt;</c> of the handler's class, the description of its group's tags.</summary>
    public string? GroupDescription { get; init; }

    /// <summary>The XML <c>&lt;param&gt;</c> texts, by C# parameter name.</summary>
    public EquatableArray<NamedDoc> Parameters { get; init; } = EquatableArray<NamedDoc>.Empty;

    /// <summary>The XML <c>&lt;response code="..."&gt;</c> texts.</summary>
    public EquatableArray<ResponseDoc> Responses { get; init; } = EquatableArray<ResponseDoc>.Empty;

    /// <summary>The responses a <c>Results&lt;Ok&lt;T&gt;, NotFound&gt;</c> (or one typed result) declares.</summary>
    public EquatableArray<ResultArm> ResultArms { get; init; } = EquatableArray<ResultArm>.Empty;

    /// <summary>Tags from ASP.NET's <c>[Tags]</c> on the class or the method, after the route attribute's.</summary>
    public EquatableArray<string> Tags { get; init; } = EquatableArray<string>.Empty;

    /// <summary><c>[ExcludeFromDescription]</c> on the class or the method: the operation is left out of the document.</summary>
    public bool Excluded { get; init; }

    /// <summary>The responses <c>[ProducesResponseType]</c> declares (status, and the JSON type when one is given).</summary>
    public EquatableArray<ResultArm> Produces { get; init; } = EquatableArray<ResultArm>.Empty;

    /// <summary>The media types <c>[Produces]</c> lists: the success response is documented with each (docs/openapi.md).</summary>
    public EquatableArray<string> ProducesContentTypes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The media types <c>[Consumes]</c> lists: the request body is documented with each.</summary>
    public EquatableArray<string> ConsumesContentTypes { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// The statuses of the <c>HttpError</c>s the handler (or a method it calls in the same project) creates with a
    /// constant status: answers the document lists as problems.
    /// </summary>
    public EquatableArray<int> Thrown { get; init; } = EquatableArray<int>.Empty;

    /// <summary>The XML docs of the JSON types the endpoint reaches (only those that have any).</summary>
    public EquatableArray<TypeDocs> Types { get; init; } = EquatableArray<TypeDocs>.Empty;

    /// <summary>The <c>[OpenApiExample]</c>s of the handler's parameters, by C# parameter name (docs/openapi.md#examples).</summary>
    public EquatableArray<NamedExamples> ParameterExamples { get; init; } = EquatableArray<NamedExamples>.Empty;
}

/// <summary>
/// One example: JSON text as is (<see cref="IsJson"/>: a typed attribute argument), or text the emitter types against
/// the schema it lands in (<c>&lt;example&gt;42&lt;/example&gt;</c> on an <c>int</c> is the number 42).
/// </summary>
internal sealed record ExampleValue(string Text, bool IsJson);

/// <summary>The examples of a named thing (a parameter, a property).</summary>
internal sealed record NamedExamples(string Name, EquatableArray<ExampleValue> Values);

/// <summary>A doc text for a named thing (a parameter, a property).</summary>
internal sealed record NamedDoc(string Name, string Text);

/// <summary>One <c>&lt;response code="404"&gt;No task has this identifier.&lt;/response&gt;</c>.</summary>
internal sealed record ResponseDoc(int StatusCode, string Text);

/// <summary>One arm of an <c>IResult</c> return type: its status and the JSON type of its value, if any.</summary>
internal sealed record ResultArm(int StatusCode, string? JsonTypeId)
{
    /// <summary>
    /// <c>ServerSentEventsResult&lt;T&gt;</c>: a <c>text/event-stream</c> whose events carry <see cref="JsonTypeId"/>'s
    /// JSON, or text when it is null.
    /// </summary>
    public bool IsEventStream { get; init; }
}

/// <summary>The XML docs of one JSON type: its summary and its members' (by C# member name).</summary>
internal sealed record TypeDocs
{
    public required string TypeId { get; init; }

    public string? Summary { get; init; }

    public bool Deprecated { get; init; }

    public EquatableArray<NamedDoc> Members { get; init; } = EquatableArray<NamedDoc>.Empty;

    /// <summary>Members marked <c>[Obsolete]</c>, by C# member name.</summary>
    public EquatableArray<string> DeprecatedMembers { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The type's own examples (<c>[OpenApiExample]</c>, <c>&lt;example&gt;</c>).</summary>
    public EquatableArray<ExampleValue> Examples { get; init; } = EquatableArray<ExampleValue>.Empty;

    /// <summary>The members' examples, by C# member name.</summary>
    public EquatableArray<NamedExamples> MemberExamples { get; init; } = EquatableArray<NamedExamples>.Empty;
    /// <summary>
    /// Set for a type declared in another assembly: where its docs are in that assembly's documentation file, for the
    /// builds whose compiler does not attach that file to the reference (docs/projects.md#doc-comments-of-referenced-models).
    /// </summary>
    public ReferencedDocs? Referenced { get; init; }
}

/// <summary>The documentation comment IDs of a referenced type (<c>T:Contracts.Product</c>) and of its members, and the assemblies that declare them.</summary>
internal sealed record ReferencedDocs
{
    public required EquatableArray<string> Assemblies { get; init; }

    public required string TypeCommentId { get; init; }

    /// <summary>Each member's C# name (<see cref="NamedDoc.Name"/>) with its comment ID (<see cref="NamedDoc.Text"/>: <c>P:Contracts.Product.Name</c>).</summary>
    public EquatableArray<NamedDoc> MemberCommentIds { get; init; } = EquatableArray<NamedDoc>.Empty;
}

/// <summary>What the generator asks of the referenced documentation files: the assemblies to read and the comment IDs to keep.</summary>
internal sealed record ReferencedDocsRequest(EquatableArray<string> Assemblies, EquatableArray<string> CommentIds)
{
    public static readonly ReferencedDocsRequest None = new(EquatableArray<string>.Empty, EquatableArray<string>.Empty);
}

/// <summary>One <c>&lt;member name="..."&gt;</c> of a referenced documentation file, as XML text.</summary>
internal sealed record DocumentationMember(string CommentId, string Xml);


/// <summary>
/// The slice the OpenAPI emitter reads: every endpoint with its docs, the JSON type graph once, and the security schemes
/// the assembly declares (none: protected operations refer to a default <c>bearer</c> scheme, docs/security.md).
/// </summary>
internal sealed record OpenApiModel(EquatableArray<EndpointModel> Endpoints, EquatableArray<JsonTypeModel> Types)
{
    public EquatableArray<SecuritySchemeModel> SecuritySchemes { get; init; } = EquatableArray<SecuritySchemeModel>.Empty;
}
