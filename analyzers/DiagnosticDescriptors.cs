using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// The descriptor of every rule. Each has a help link to its page, <c>docs/diagnostics/FEGnnnn.md</c>;
/// <c>AnalyzerReleases.Unshipped.md</c> lists them all.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string RoutingCategory = "FastEndpointsGen.Routing";
    public const string BindingCategory = "FastEndpointsGen.Binding";
    public const string ValidationCategory = "FastEndpointsGen.Validation";
    public const string JsonCategory = "FastEndpointsGen.Json";
    public const string OpenApiCategory = "FastEndpointsGen.OpenApi";

    private const string HelpLinkBase = "https://github.com/fastendpointsgen/fastendpointsgen/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor InvalidRouteTemplate = Create(
        DiagnosticIds.FEG1001InvalidRouteTemplate,
        "Invalid route template",
        "The route template '{0}' {1}",
        "A route template must follow ASP.NET Core's syntax: balanced braces, named parameters, each name once, no empty constraints. The generator skips an endpoint whose template is invalid.",
        RoutingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RouteParameterMismatch = Create(
        DiagnosticIds.FEG1002RouteParameterMismatch,
        "Route parameter and handler parameter do not match",
        "{0}",
        "Every route parameter should have a handler parameter that receives it, and a parameter marked [FromRoute] must name a parameter of the route template (group prefix included).",
        RoutingCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateRoute = Create(
        DiagnosticIds.FEG1003DuplicateRoute,
        "Duplicate HTTP method and route",
        "{0} '{1}' is also handled by '{2}'",
        "Two endpoints match the same requests: the same HTTP method and the same route once group prefixes are applied, parameter names are ignored and constraints are compared. ASP.NET Core rejects such requests with an ambiguous match error.",
        RoutingCategory, DiagnosticSeverity.Error, WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor HandlerNotAccessible = Create(
        DiagnosticIds.FEG1004HandlerNotAccessible,
        "Handler cannot be called by the generated code",
        "'{0}' is not mapped: {1}",
        "The generated code calls the handler from a class in the same assembly: the method and every class around it must be public or internal and not generic, and an instance handler needs a non-abstract class with a public or internal constructor. The generator skips any other handler.",
        RoutingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        DiagnosticIds.FEG1005UnsupportedReturnType,
        "Unsupported handler return type",
        "'{0}' cannot be a handler: {1}",
        "A handler returns a value, void, Task, ValueTask, Task<T> or ValueTask<T>. A ref struct or pointer cannot be written as a response, and an async void handler cannot be awaited, so its response would be sent before it finishes.",
        RoutingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MetadataNotConstructible = Create(
        DiagnosticIds.FEG1006MetadataNotConstructible,
        "Attribute cannot become endpoint metadata",
        "'{0}' on '{1}' is not added to the endpoint's metadata: the generated code cannot construct it",
        "Every attribute on a handler and its classes is re-created in generated code as endpoint metadata, as minimal APIs add them. An attribute whose type, constructor or named member is not accessible from the rest of the assembly (for example a private nested attribute class) cannot be, so the middleware that reads it never sees it on this endpoint.",
        RoutingCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateNameAcrossAssemblies = Create(
        DiagnosticIds.FEG1008DuplicateNameAcrossAssemblies,
        "Endpoint name used in two assemblies of the app",
        "The endpoint name '{0}' of '{1}' is also the name of '{2}'",
        "An endpoint's name is its OpenAPI operationId and ASP.NET Core's endpoint name; both must be unique across the app, and MapGeneratedEndpoints() maps the endpoints of every referenced library built with FastEndpointsGen. Give one of them another Name.",
        RoutingCategory, DiagnosticSeverity.Error, WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor DuplicateSchemaAcrossAssemblies = Create(
        DiagnosticIds.FEG1009DuplicateSchemaAcrossAssemblies,
        "Schema name used for two types in the app's document",
        "The OpenAPI schema name '{0}' describes '{1}' and also '{2}'",
        "The served OpenAPI document merges the documents of the app and of every referenced library built with FastEndpointsGen; a schema name given to two different types would describe only one of them. Rename one of the types.",
        RoutingCategory, DiagnosticSeverity.Error, WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor StreamFormatWithoutStream = Create(
        DiagnosticIds.FEG1007StreamFormatWithoutStream,
        "Stream format on a handler that does not stream JSON values",
        "'{0}' asks for JSON Lines (Stream = StreamFormat.JsonLines) but returns '{1}': only an IAsyncEnumerable<T> of JSON values streams as JSON Lines",
        "Stream = StreamFormat.JsonLines changes how an IAsyncEnumerable<T> return is written. On any other return type, or a stream of SseItem<T> (always server-sent events), it would have no effect. Remove it, or return IAsyncEnumerable<T>.",
        RoutingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor WebSocketParameter = Create(
        DiagnosticIds.FEG2007WebSocketParameter,
        "WebSocket handler without exactly one socket parameter",
        "'{0}' is not mapped: {1}",
        "A [WebSocketRoute] handler takes exactly one socket parameter, a System.Net.WebSockets.WebSocket or a JsonWebSocket<TReceive, TSend>, which receives the accepted connection. Only a WebSocket route has a socket to give, so a socket parameter on any other handler, or inside an [AsParameters] type, cannot be bound. The generator skips the endpoint.",
        BindingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor WebSocketHandlerReturnsValue = Create(
        DiagnosticIds.FEG2008WebSocketHandlerReturnsValue,
        "WebSocket handler returns a value",
        "'{0}' is not mapped: a WebSocket handler returns void, Task or ValueTask, not '{1}'",
        "After the upgrade there is no HTTP response to write a value into: a WebSocket handler sends messages over its socket and returns void, Task or ValueTask. A returned value would be silently dropped, so the generator skips the endpoint.",
        BindingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor AmbiguousBody = Create(
        DiagnosticIds.FEG2001AmbiguousBody,
        "More than one body candidate",
        "'{0}' could bind from the request body, and so could {1}: mark the body [FromBody] and the services [FromServices]",
        "At most one parameter binds from the JSON body. When two or more complex parameters could, say which is the body with [FromBody] and which come from dependency injection with [FromServices]. The generator skips the endpoint until then.",
        BindingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BodyOnBodilessMethod = Create(
        DiagnosticIds.FEG2002BodyOnBodilessMethod,
        "Request body on GET, HEAD or DELETE",
        "'{0}' binds from the request body of a {1} request, which has no defined meaning",
        "HTTP gives a body on GET, HEAD and DELETE no meaning: proxies and clients may drop it. Send the data in the route or the query, or use POST, PUT or PATCH.",
        BindingCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnbindableParameter = Create(
        DiagnosticIds.FEG2003UnbindableParameter,
        "Parameter cannot be bound from where it is asked",
        "'{0}' of type '{1}' cannot bind from {2}: only simple types (primitives, string, enums, Guid, dates and times, Uri, IParsable<T>) and collections of them parse from text",
        "Route, query, header and form values are text. The generated binder parses them with TryParse, so the parameter's type must be a simple type or a collection of one. The generator skips the endpoint otherwise.",
        BindingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RouteConstraintMismatch = Create(
        DiagnosticIds.FEG2004RouteConstraintMismatch,
        "Route constraint disagrees with the parameter type",
        "The route constraint '{0}' on '{{{1}}}' does not match '{2}' of type '{3}'",
        "A route constraint limits which URLs reach the handler; the parameter must be able to hold every value the constraint lets through, or the values it needs never match.",
        BindingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ServiceOfSimpleType = Create(
        DiagnosticIds.FEG2005ServiceOfSimpleType,
        "[FromServices] on a simple type",
        "'{0}' of type '{1}' is resolved from dependency injection; a simple type is usually meant to come from the route or the query",
        "Simple types (numbers, strings, dates, ...) are rarely registered as services. Remove [FromServices] to bind the value from the request, or inject a typed options or service class instead.",
        BindingCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ParameterByReference = Create(
        DiagnosticIds.FEG2006ParameterByReference,
        "Parameter passed by reference",
        "'{0}' is {1} parameter: the generated endpoint passes every value in and reads nothing back, so the handler is not served",
        "A request delegate binds each parameter and passes it to the handler; there is nowhere for a ref or out parameter's new value to go. Take the value as a plain parameter and return what the handler produces.",
        BindingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MisshapenTryParse = Create(
        DiagnosticIds.FEG2009MisshapenTryParse,
        "TryParse does not follow the minimal-API convention",
        "'{0}' of type '{1}' cannot bind from {2}: its TryParse is not 'public static bool TryParse(string, IFormatProvider?, out {1})' or 'public static bool TryParse(string, out {1})'",
        "Route, query, header and form values of a user type parse through its TryParse when it has one of the minimal-API signatures. A TryParse with any other signature is not used, so the parameter has no way to bind and the handler is not served.",
        BindingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MisshapenBindAsync = Create(
        DiagnosticIds.FEG2010MisshapenBindAsync,
        "BindAsync does not follow the minimal-API convention",
        "'{0}' of type '{1}' is not served: {2}",
        "A type binds itself through 'public static ValueTask<T?> BindAsync(HttpContext)', 'BindAsync(HttpContext, ParameterInfo)' or IBindableFromHttpContext<T>. A BindAsync with another signature would be silently passed over (and the parameter bound some other way), so the handler is not served until it is fixed.",
        BindingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ValidationAttributeOnWrongType = Create(
        DiagnosticIds.FEG3001ValidationAttributeOnWrongType,
        "Validation attribute does not apply to the member's type",
        "[{0}] does not apply to '{1}' of type '{2}' and is not checked: {3}",
        "The generated validation compiles each DataAnnotations attribute for the member's type. An attribute that cannot apply to that type is left out, so the rule it states is never enforced.",
        ValidationCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidRegularExpression = Create(
        DiagnosticIds.FEG3002InvalidRegularExpression,
        "Invalid regular expression",
        "The pattern '{0}' is not a valid regular expression: {1}",
        "[RegularExpression] patterns are compiled into the generated validation code and built when the app starts; the pattern must parse.",
        ValidationCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MinimumAboveMaximum = Create(
        DiagnosticIds.FEG3003MinimumAboveMaximum,
        "Minimum is greater than maximum",
        "[{0}] has a minimum ({1}) greater than its maximum ({2}): no value can pass",
        "A range or length whose minimum exceeds its maximum rejects every value. Swap the bounds.",
        ValidationCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CompareNamesNoMember = Create(
        DiagnosticIds.FEG3004CompareNamesNoMember,
        "[Compare] names no member",
        "[Compare] names '{0}', but '{1}' has no such member",
        "[Compare(\"Other\")] checks that two members are equal; the named member must exist on the same type (or a base type). Use nameof to keep the name correct.",
        ValidationCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PatternCanBacktrackCatastrophically = Create(
        DiagnosticIds.FEG3005PatternCanBacktrackCatastrophically,
        "Pattern can backtrack catastrophically",
        "The pattern '{0}' repeats a group that is itself an unbounded repetition: a backtracking engine can take exponential time on an input that almost matches",
        "FastEndpointsGen runs patterns with the linear-time engine where it can and always under a match timeout, but the same pattern reaches clients through the OpenAPI document and other validators of the model, which may backtrack. Make the repetitions unambiguous, e.g. (\\w+\\s?)* as \\w+(\\s\\w+)*.",
        ValidationCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ValidationAttributeNotConstructible = Create(
        DiagnosticIds.FEG3006ValidationAttributeNotConstructible,
        "Validation attribute cannot be constructed by the generated code",
        "[{0}] cannot be constructed by the generated validation: its type, the constructor used or a named property is not accessible from this assembly, or an argument does not bind",
        "A ValidationAttribute that is not compiled into a plain check is constructed in generated code with the arguments and named properties written on it, and its GetValidationResult runs at its location. Generated code is ordinary C# in this assembly: it can only call what is public or internal here. Without that the rule would never run.",
        ValidationCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NoConstructorToRead = Create(
        DiagnosticIds.FEG4003NoConstructorToRead,
        "Type read from JSON has no public constructor",
        "'{0}' is read from the request body but has no public constructor, so no request could ever bind it",
        "Generated JSON readers build a model with its [JsonConstructor], its public parameterless constructor or its public constructor with the most parameters. A type whose constructors are all private or internal can be written but never read: every request would answer 422. Make a constructor public.",
        JsonCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateJsonName = Create(
        DiagnosticIds.FEG4004DuplicateJsonName,
        "Two members have the same JSON name",
        "'{0}' has members '{1}' and '{2}' that are both named \"{3}\" in JSON",
        "Each member of a JSON object needs its own name: with two the same, a reader could fill only one of them and a writer would write the name twice. Rename one with [JsonPropertyName] or ignore it with [JsonIgnore].",
        JsonCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DerivedTypeNotGenerated = Create(
        DiagnosticIds.FEG4005DerivedTypeNotGenerated,
        "[JsonDerivedType] cannot be generated",
        "[JsonDerivedType(typeof({0}))] on '{1}' cannot be generated: {2}",
        "The generated polymorphic reader and writer need each derived type to be a concrete class or record deriving from the base, listed once, with its own discriminator value, and with no member named like the discriminator property.",
        JsonCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CookieCollection = Create(
        DiagnosticIds.FEG2011CookieCollection,
        "A cookie holds one value",
        "'{0}' is bound from a cookie but its type '{1}' is a collection: a cookie holds one value",
        "A request sends each cookie name once with one value, so a [FromCookie] parameter is a single simple value (string, number, enum, Guid, date, or any IParsable type). Parse a list yourself from a string cookie if you need one.",
        BindingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BodyMemberConflict = Create(
        DiagnosticIds.FEG2017BodyMemberConflict,
        "[BodyMember] cannot be used here",
        "'{0}' cannot be a member of the JSON body: {1}",
        "[BodyMember] parameters are the top-level members of one JSON object body. They cannot share the request with a parameter that binds the whole body or with form values, cannot be members of an [AsParameters] type, and need distinct JSON names. The generator skips the endpoint until then.",
        BindingCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor JsonFallback = Create(
        DiagnosticIds.FEG4001JsonFallback,
        "Type is serialized with the app's JsonSerializerOptions",
        "{0}, so it is serialized with the app's JsonSerializerOptions: under Native AOT or trimming that fails at run time unless a JsonSerializerContext in those options knows '{1}'",
        "The generated JSON readers and writers handle simple types, enums, collections, dictionaries, concrete classes, records and structs, and [JsonDerivedType] hierarchies. Anything else (object, interfaces and abstract classes without [JsonDerivedType], other collections) falls back to System.Text.Json with the app's options, which needs reflection or a JsonSerializerContext registered for the type.",
        JsonCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PolymorphicWithoutDerivedTypes = Create(
        DiagnosticIds.FEG4002PolymorphicWithoutDerivedTypes,
        "Polymorphic model without [JsonDerivedType]",
        "'{0}' is {1} with no [JsonDerivedType]: a request body cannot be read into it and a response writes only its declared members",
        "An interface or abstract class says nothing about the concrete types behind it. Declare them with [JsonDerivedType(typeof(Derived), \"discriminator\")] on the base type, or use a concrete type.",
        JsonCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateOperationId = Create(
        DiagnosticIds.FEG5001DuplicateOperationId,
        "Duplicate operationId",
        "The endpoint name '{0}' is also used by '{1}'",
        "An endpoint's Name is its OpenAPI operationId and its ASP.NET Core endpoint name, which must be unique: duplicate names make link generation and the OpenAPI document ambiguous.",
        OpenApiCategory, DiagnosticSeverity.Error, WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor ParamDocNamesNoParameter = Create(
        DiagnosticIds.FEG5002ParamDocNamesNoParameter,
        "<param> names no parameter",
        "<param name=\"{0}\"> names no parameter of '{1}' and is left out of the OpenAPI document",
        "Parameter descriptions in the OpenAPI document come from <param> tags; a tag whose name matches no handler parameter describes nothing.",
        OpenApiCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidResponseCode = Create(
        DiagnosticIds.FEG5003InvalidResponseCode,
        "<response code> is not a valid status code",
        "<response code=\"{0}\"> is not an HTTP status code from 100 to 599 and is left out of the OpenAPI document",
        "The OpenAPI responses documented with <response code=\"...\"> are keyed by HTTP status codes from 100 to 599; any other code is left out.",
        OpenApiCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidSecurityScheme = Create(
        DiagnosticIds.FEG5010InvalidSecurityScheme,
        "Invalid security scheme declaration",
        "{0}; it is left out of the OpenAPI document",
        "A security scheme declared with [assembly: OpenApiSecurityScheme] or an OAuth2 flow attribute must carry what OpenAPI requires of its kind (an API key's ParameterName, a flow's TokenUrl or AuthorizationUrl, an OpenID Connect discovery URL), only properties its kind has, and a name used once. An invalid declaration is left out of the document.",
        OpenApiCategory, DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UndeclaredAuthenticationScheme = Create(
        DiagnosticIds.FEG5011UndeclaredAuthenticationScheme,
        "Authentication scheme not declared for the OpenAPI document",
        "The authentication scheme '{0}' is not described by any [assembly: OpenApiSecurityScheme] or OAuth2 flow declaration; the OpenAPI document cannot say how to authenticate with it",
        "When the assembly declares its security schemes, every scheme named by [Authorize(AuthenticationSchemes = ...)] on an endpoint should be described by one (by its name or its AuthenticationScheme property). An operation naming only undeclared schemes refers to the default ones in the document.",
        OpenApiCategory, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UndeclaredScope = Create(
        DiagnosticIds.FEG5012UndeclaredScope,
        "Required scope not granted by any OAuth2 flow",
        "The scope '{0}' is required but no OAuth2 flow of {1} lists it, so no client can obtain it through the documented flows",
        "[RequiredScopes] on an endpoint protected by an OAuth2 scheme should name scopes the scheme's flows declare in their Scopes; otherwise the docs page and generated clients cannot request them.",
        OpenApiCategory, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string description, string category, DiagnosticSeverity severity, params string[] tags) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md", tags);
}
