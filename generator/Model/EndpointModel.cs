using FastEndpointsGen.Reading;

namespace FastEndpointsGen.Generator.Model;

/// <summary>
/// Everything the generator knows about one handler method, with no symbols in it: the route, the
/// parameters and where each binds from, the response, and the JSON types they reach. Each emitter
/// reads only its slice.
/// </summary>
internal sealed record EndpointModel
{
    public required RouteModel Route { get; init; }

    public required HandlerModel Handler { get; init; }

    /// <summary>Every JSON-serialized type the body and response reach, nested types included.</summary>
    public required EquatableArray<JsonTypeModel> JsonTypes { get; init; }

    /// <summary>Doc comments and the other facts only the OpenAPI document reads; stripped from the other slices.</summary>
    public EndpointDocs Docs { get; init; } = EndpointDocs.Empty;
}

/// <summary>How an endpoint is mapped: method, template, group, name, tags, authorization and metadata.</summary>
internal sealed record RouteModel
{
    /// <summary><c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c> or <c>DELETE</c>; <c>GET</c> for a WebSocket route.</summary>
    public required string HttpMethod { get; init; }

    /// <summary>A <c>[WebSocketRoute]</c>: mapped for upgrades (GET and HTTP/2 CONNECT), left out of the OpenAPI document.</summary>
    public bool IsWebSocket { get; init; }

    /// <summary>The template relative to the group prefix, as written in the attribute.</summary>
    public required string Template { get; init; }

    /// <summary>The <c>[EndpointGroup]</c> of the handler's class, or null.</summary>
    public required GroupModel? Group { get; init; }

    /// <summary>The name from the attribute, or null to derive one from the method name.</summary>
    public required string? ExplicitName { get; init; }

    /// <summary>The handler method's name, for a derived endpoint name.</summary>
    public required string MethodName { get; init; }

    /// <summary>The handler class's simple name, to keep derived names unique.</summary>
    public required string ClassName { get; init; }

    /// <summary>Tags from the route attribute (the group's tags are on <see cref="Group"/>).</summary>
    public required EquatableArray<string> Tags { get; init; }

    /// <summary>
    /// What protects the endpoint (<c>[Authorize]</c>, <c>[RequiredScopes]</c>, <c>[AllowAnonymous]</c> on its classes and
    /// method). The attributes themselves reach the endpoint through <see cref="Metadata"/>; the OpenAPI document reads
    /// this for its security requirements (docs/security.md).
    /// </summary>
    public required OperationSecurityModel Security { get; init; }

    /// <summary>
    /// Every attribute on the handler's classes (outermost first) and then on the method, as a C# construction
    /// expression (<c>new global::X("a") { B = 1 }</c>), added to the endpoint's metadata as minimal APIs do.
    /// </summary>
    public EquatableArray<string> Metadata { get; init; } = EquatableArray<string>.Empty;

    /// <summary>
    /// Parameter and return types implementing <c>IEndpointMetadataProvider</c>/<c>IEndpointParameterMetadataProvider</c>,
    /// in the order the Request Delegate Generator calls them: parameters first, then the return type.
    /// </summary>
    public EquatableArray<MetadataProviderModel> MetadataProviders { get; init; } = EquatableArray<MetadataProviderModel>.Empty;
}

/// <summary>
/// A parameter or return type that contributes endpoint metadata: <c>IEndpointParameterMetadataProvider</c> when
/// <see cref="ParameterIndex"/> is set (the handler parameter it describes), else <c>IEndpointMetadataProvider</c>.
/// </summary>
internal sealed record MetadataProviderModel(string Type, int? ParameterIndex);

/// <summary>An <c>[EndpointGroup]</c>: a prefix and tags shared by a class's endpoints.</summary>
internal sealed record GroupModel(string ClassName, string Prefix, EquatableArray<string> Tags);

/// <summary>
/// An endpoint's protection: whether a caller must be authenticated, whether it can also be refused (403: a policy, roles
/// or scopes), the authentication schemes its <c>[Authorize]</c> attributes name and the scopes it requires.
/// </summary>
internal sealed record OperationSecurityModel(bool IsProtected, bool CanForbid, EquatableArray<string> AuthenticationSchemes, EquatableArray<string> Scopes)
{
    public static OperationSecurityModel None { get; } = new(false, false, EquatableArray<string>.Empty, EquatableArray<string>.Empty);
}

/// <summary>The handler method: how to call it, what it takes, what it returns.</summary>
internal sealed record HandlerModel
{
    /// <summary>The fully qualified class name, with <c>global::</c>.</summary>
    public required string ContainingType { get; init; }

    public required string MethodName { get; init; }

    /// <summary>False for an instance handler, whose class is constructed per request from DI.</summary>
    public required bool IsStatic { get; init; }

    /// <summary>
    /// When the class declares another method of the handler's name: the declared parameter types as <c>typeof</c> can
    /// name them (no nullable reference annotations), which the lookup of the handler's <c>MethodInfo</c> (for filter
    /// factories, metadata providers, <c>BindAsync</c>) needs to tell them apart. Null when the name alone finds it.
    /// </summary>
    public EquatableArray<string>? OverloadParameterTypes { get; init; }

    /// <summary>The services the handler class's constructor takes (instance handlers only).</summary>
    public required EquatableArray<ParameterModel> ConstructorParameters { get; init; }

    public required EquatableArray<ParameterModel> Parameters { get; init; }

    public required ResponseModel Response { get; init; }

    /// <summary>For an instance handler: its class is <c>IDisposable</c> or <c>IAsyncDisposable</c>, disposed after the response.</summary>
    public HandlerDisposal Disposal { get; init; }

    /// <summary>
    /// Set when the handler or a parameter carries an attribute whose constructor requires unreferenced code: the
    /// signature endpoint filters, metadata providers and <c>BindAsync</c> see instead of the handler's own
    /// <c>MethodInfo</c>, so Native AOT never makes the handler reflectable (docs/aot.md#handler-parameters).
    /// </summary>
    public SignatureModel? Signature { get; init; }
}

/// <summary>
/// A copy of a handler's signature — return type, parameter names and types, and every attribute except those whose
/// constructors require unreferenced code — as attribute usages (<c>global::X(1, Name = "a")</c>).
/// </summary>
internal sealed record SignatureModel(
    string ReturnType,
    EquatableArray<string> Attributes,
    EquatableArray<SignatureParameterModel> Parameters);

/// <summary>One parameter of a <see cref="SignatureModel"/>.</summary>
internal sealed record SignatureParameterModel(string Name, string Type, EquatableArray<string> Attributes);

/// <summary>How the per-request instance of a handler class is disposed when the request ends.</summary>
internal enum HandlerDisposal
{
    None,
    Dispose,
    DisposeAsync,
}

/// <summary>One handler parameter and where its value comes from.</summary>
internal sealed record ParameterModel
{
    /// <summary>The C# name (for <c>[AsParameters]</c> members, the member name).</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The stem of the request delegate's locals for this value, unique among the endpoint's values (the parser's
    /// <c>LocalNames</c>). Every local is the stem plus a suffix of its own, so distinct stems never share a local, and
    /// the delegate's own variables (<c>errors</c>, <c>body</c>, <c>result</c>) carry none of the suffixes
    /// (docs/architecture.md#the-model).
    /// </summary>
    public string LocalStem { get; init; } = "";

    /// <summary>The local holding the bound value, passed to the handler: <c>id_local</c>.</summary>
    public string Local => LocalStem + "_local";

    /// <summary>The local holding the text read from the request before it parses: <c>id_raw</c>.</summary>
    public string RawLocal => LocalStem + "_raw";

    /// <summary>The pattern variable of a value a <c>BindAsync</c> returned: <c>id_bound</c>.</summary>
    public string BoundLocal => LocalStem + "_bound";

    /// <summary>The declared type.</summary>
    public required TypeRef Type { get; init; }

    public required BindingSource Source { get; init; }

    /// <summary>The route/query key, header name or form field name.</summary>
    public required string WireName { get; init; }

    /// <summary>Null, nullable or defaulted: absence is not an error.</summary>
    public required bool IsOptional { get; init; }

    /// <summary>The declared default value, when the parameter has one.</summary>
    public Constant? DefaultValue { get; init; }

    /// <summary>How a string from the route, query, header or form becomes the value.</summary>
    public ValueModel? Value { get; init; }

    public SpecialKind Special { get; init; }

    /// <summary>The <c>[FromKeyedServices]</c> key as a C# expression.</summary>
    public string? ServiceKey { get; init; }

    /// <summary>The JSON type id of a body parameter; for a <c>[BodyMember]</c> parameter, of the body object that holds it.</summary>
    public string? JsonTypeId { get; init; }

    /// <summary>
    /// For a <c>[BodyMember]</c> parameter: the property of the generated body object that holds its value
    /// (docs/binding.md#several-body-members).
    /// </summary>
    public string? BodyProperty { get; init; }

    /// <summary>For a <c>[BodyMember]</c> parameter: the generated body class, fully qualified.</summary>
    public string? BodyType { get; init; }

    /// <summary>For <c>[AsParameters]</c>: the members, each bound as a parameter.</summary>
    public EquatableArray<ParameterModel> Members { get; init; } = EquatableArray<ParameterModel>.Empty;

    /// <summary>For an <c>[AsParameters]</c> member: set as a property rather than passed to the constructor.</summary>
    public bool IsProperty { get; init; }

    /// <summary>For an <c>[AsParameters]</c> property that is <c>required</c> or <c>init</c>: set in the object initializer.</summary>
    public bool IsInitOnly { get; init; }

    /// <summary>
    /// The DataAnnotations rules checked after a route, query or header value parses; for an <c>[AsParameters]</c> or
    /// <c>[FromForm]</c> model, the <c>ValidationAttribute</c>s on its class, run on the built object.
    /// </summary>
    public EquatableArray<ValidationRule> Rules { get; init; } = EquatableArray<ValidationRule>.Empty;

    /// <summary>For an <c>[AsParameters]</c> or <c>[FromForm]</c> model: it implements <c>IValidatableObject</c>.</summary>
    public bool IsValidatable { get; init; }

    /// <summary>For an <c>[AsParameters]</c> or <c>[FromForm]</c> model: the class's simple name, the display name its rules see.</summary>
    public string? ClassName { get; init; }

    /// <summary>For <see cref="BindingSource.Custom"/>: which <c>BindAsync</c> convention binds it.</summary>
    public BindAsyncKind BindAsync { get; init; }

    /// <summary>Marked <c>[DataType(DataType.Password)]</c>: errors never echo its input.</summary>
    public bool IsSecret { get; init; }

    /// <summary>For a <c>JsonWebSocket&lt;TReceive, TSend&gt;</c> parameter: the message types the generated JSON reads and writes.</summary>
    public SocketMessagesModel? Messages { get; init; }
}

/// <summary>The JSON message types of a <c>JsonWebSocket&lt;TReceive, TSend&gt;</c> (docs/websockets.md).</summary>
internal sealed record SocketMessagesModel(string ReceiveType, string ReceiveTypeId, string SendType, string SendTypeId);

/// <summary>How a string value parses: its scalar kind and type, and whether it is a collection of them.</summary>
internal sealed record ValueModel
{
    public required SimpleKind Kind { get; init; }

    /// <summary>The scalar type, fully qualified, without <c>Nullable&lt;T&gt;</c> or <c>?</c>.</summary>
    public required string ScalarType { get; init; }

    /// <summary>The scalar is a <c>Nullable&lt;T&gt;</c> value type.</summary>
    public required bool IsNullableValue { get; init; }

    public required CollectionKind Collection { get; init; }

    /// <summary>For enums: the JSON type id whose generated parser reads the names.</summary>
    public string? EnumTypeId { get; init; }
}

/// <summary>What the handler returns and how it becomes a response (docs/responses.md).</summary>
internal sealed record ResponseModel
{
    public required ResponseKind Kind { get; init; }

    /// <summary>Whether the handler returns <c>Task</c>/<c>ValueTask</c> around its value.</summary>
    public required AsyncKind Async { get; init; }

    /// <summary>The value type (after unwrapping the task), fully qualified, or null for no value.</summary>
    public TypeRef? ValueType { get; init; }

    /// <summary>The JSON type id for <see cref="ResponseKind.Json"/>, of the item for a stream, or of an event's data.</summary>
    public string? JsonTypeId { get; init; }

    /// <summary>For a stream: the item type (an event's data type for server-sent events), fully qualified, with <c>?</c> when it is a nullable reference.</summary>
    public TypeRef? ItemType { get; init; }

    /// <summary>The success status code: the attribute's, else 200, or 204 with no value.</summary>
    public required int StatusCode { get; init; }
}
