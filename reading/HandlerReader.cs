using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Reading;

/// <summary>
/// A handler method, read once: one <see cref="Endpoint"/> per route attribute (each with its route, bound values,
/// response and problems) and the problems of the method itself. The analyzers report <see cref="AllProblems"/>; the
/// generator serves an endpoint unless <see cref="HasError"/> (docs/architecture.md#the-handler-reader).
/// </summary>
internal sealed class Handler
{
    internal Handler(IMethodSymbol method, List<Endpoint> endpoints, List<Problem> problems, bool isCallable, List<ITypeSymbol> modelTypes)
    {
        Method = method;
        ModelTypes = modelTypes;
        Endpoints = endpoints;
        Problems = problems;
        IsCallable = isCallable;
    }

    public IMethodSymbol Method { get; }

    /// <summary>One per route attribute, in declaration order.</summary>
    public List<Endpoint> Endpoints { get; }

    /// <summary>
    /// The method's own problems: access (FEG1004), return type (FEG1005), metadata (FEG1006), and those of the model
    /// types its endpoints reach (FEG4xxx): a type is read or written the same way by every endpoint.
    /// </summary>
    public List<Problem> Problems { get; }

    /// <summary>The model types the endpoints read and write as JSON, each once (none when the method cannot be called).</summary>
    public List<ITypeSymbol> ModelTypes { get; }

    /// <summary>The generated code can call the method (no FEG1004).</summary>
    public bool IsCallable { get; }

    /// <summary>The endpoint cannot be served as written: the method or the endpoint breaks an error rule, or the class's group prefix is invalid (reported on the class).</summary>
    public bool HasError(Endpoint endpoint) =>
        Problems.Any(p => p.IsError) || endpoint.Problems.Any(p => p.IsError) || endpoint.FullRoute.Error is not null;

    /// <summary>The endpoint read from <paramref name="attribute"/>, or null when it is not a route attribute with a template.</summary>
    public Endpoint? EndpointOf(AttributeData attribute) => Endpoints.FirstOrDefault(e => ReferenceEquals(e.Attribute, attribute)
        || e.Attribute.ApplicationSyntaxReference is { } a && attribute.ApplicationSyntaxReference is { } b && a.SyntaxTree == b.SyntaxTree && a.Span == b.Span);

    /// <summary>Every problem once: two route attributes can find the same one.</summary>
    public IEnumerable<Problem> AllProblems()
    {
        var seen = new HashSet<string>();
        return Problems.Concat(Endpoints.SelectMany(e => e.Problems)).Where(p => seen.Add(p.Key));
    }
}

/// <summary>
/// Reads a handler: the one place the routing (FEG1xxx), binding (FEG2xxx) and model type (FEG4xxx, through
/// <see cref="ModelTypes"/>) rules of a handler are decided. Each
/// rule adds a <see cref="Problem"/>; nothing here reports or generates.
/// </summary>
internal static class HandlerReader
{
    /// <summary>Reads the method; <paramref name="assembly"/> is where the generated code lives.</summary>
    public static Handler Read(IMethodSymbol method, IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var endpoints = Endpoint.All(method).ToList();
        var problems = new List<Problem>();
        var isCallable = true;
        if (endpoints.Count > 0)
        {
            isCallable = CheckAccess(endpoints[0], problems);
            CheckReturnType(endpoints[0], problems, cancellationToken);
            CheckMetadata(endpoints[0], assembly, problems, cancellationToken);
        }

        var models = new ModelTypes(assembly, cancellationToken);
        foreach (var endpoint in endpoints)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ReadEndpoint(endpoint, cancellationToken);
            if (isCallable && endpoint.Response is not null)
            {
                models.Walk(endpoint, problems);
            }
        }

        return new Handler(method, endpoints, problems, isCallable, models.Reached);
    }

    private static void ReadEndpoint(Endpoint endpoint, CancellationToken cancellationToken)
    {
        var problems = endpoint.Problems;
        if (endpoint.Route.Error is not null)
        {
            problems.Add(new Problem(DiagnosticIds.FEG1001InvalidRouteTemplate, endpoint.TemplateLocation(cancellationToken), [endpoint.Template, endpoint.Route.Error]));
            return;
        }

        if (endpoint.FullRoute.Error is not null)
        {
            return; // The group prefix is reported once, on the class.
        }

        endpoint.Response = ResponseShape.Read(endpoint.Method, StatusCodeOf(endpoint.Attribute), AsyncStreams.RequestsJsonLines(endpoint.Attribute));
        CheckRouteParameters(endpoint, cancellationToken);
        CheckStreamFormat(endpoint, cancellationToken);
        CheckSockets(endpoint, cancellationToken);
        CheckBindings(endpoint);
    }

    private static int StatusCodeOf(AttributeData attribute) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == "StatusCode").Value.Value is int status ? status : 0;

    /// <summary>FEG1004: the generated code must be able to call the handler.</summary>
    private static bool CheckAccess(Endpoint endpoint, List<Problem> problems)
    {
        var problem = HandlerAccess.Check(endpoint.Method, out var type);
        var reason = problem switch
        {
            HandlerAccessProblem.MethodNotAccessible => $"it is {Describe(endpoint.Method.DeclaredAccessibility)}; make it public or internal",
            HandlerAccessProblem.GenericMethod => "it is generic; the generated code cannot choose its type arguments",
            HandlerAccessProblem.ClassNotAccessible => $"its class '{type?.Name}' is {Describe(type?.DeclaredAccessibility ?? Accessibility.Private)}; make it public or internal",
            HandlerAccessProblem.GenericClass => $"its class '{type?.Name}' is generic; the generated code cannot choose its type arguments",
            HandlerAccessProblem.AbstractClass => $"it is an instance method of the abstract class '{type?.Name}'; make it static",
            HandlerAccessProblem.NoConstructor => $"it is an instance method and '{type?.Name}' has no public or internal constructor to create it with",
            _ => null,
        };

        if (reason is null)
        {
            return true;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(HandlerAccessProperties.Problem, problem.ToString());
        problems.Add(new Problem(DiagnosticIds.FEG1004HandlerNotAccessible, endpoint.MethodLocation, [endpoint.DisplayName, reason], properties));
        return false;
    }

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    /// <summary>FEG1005: return types a response cannot be made from.</summary>
    private static void CheckReturnType(Endpoint endpoint, List<Problem> problems, CancellationToken cancellationToken)
    {
        var method = endpoint.Method;
        string? reason = null;
        if (method.IsAsync && method.ReturnsVoid)
        {
            reason = "it is async void; return Task so the response waits for it";
        }
        else if (method.ReturnType.IsRefLikeType)
        {
            reason = $"it returns the ref struct '{method.ReturnType.ToDisplayString()}', which cannot outlive the call";
        }
        else if (method.ReturnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            reason = $"it returns the pointer type '{method.ReturnType.ToDisplayString()}'";
        }

        if (reason is not null)
        {
            problems.Add(new Problem(DiagnosticIds.FEG1005UnsupportedReturnType, ReturnTypeLocation(endpoint, cancellationToken), [endpoint.DisplayName, reason]));
        }
    }

    /// <summary>Where the method's return type is written, else its name.</summary>
    public static Location ReturnTypeLocation(Endpoint endpoint, CancellationToken cancellationToken) =>
        endpoint.Method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax
            ? syntax.ReturnType.GetLocation()
            : endpoint.MethodLocation;

    /// <summary>FEG1006: every attribute on the handler and its classes can be re-created as endpoint metadata.</summary>
    private static void CheckMetadata(Endpoint endpoint, IAssemblySymbol assembly, List<Problem> problems, CancellationToken cancellationToken)
    {
        foreach (var attribute in EndpointMetadata.AttributesOf(endpoint.Method))
        {
            if (EndpointMetadata.IsMetadata(attribute) && !EndpointMetadata.IsConstructible(attribute, assembly))
            {
                var location = Locations.OfAttribute(attribute, cancellationToken) ?? endpoint.MethodLocation;
                problems.Add(new Problem(DiagnosticIds.FEG1006MetadataNotConstructible, location, [attribute.AttributeClass?.Name ?? "attribute", endpoint.DisplayName]));
            }
        }
    }

    /// <summary>FEG1007: JSON Lines asked for on a handler that returns no stream of JSON values.</summary>
    private static void CheckStreamFormat(Endpoint endpoint, CancellationToken cancellationToken)
    {
        if (AsyncStreams.RequestsJsonLines(endpoint.Attribute) && endpoint.Response?.Kind != ResponseKind.JsonLines)
        {
            var location = endpoint.AttributeSyntax(cancellationToken)?.GetLocation() ?? endpoint.MethodLocation;
            endpoint.Problems.Add(new Problem(DiagnosticIds.FEG1007StreamFormatWithoutStream, location, [endpoint.DisplayName, endpoint.Method.ReturnType.ToDisplayString()]));
        }
    }

    /// <summary>FEG1002: every route parameter reaches the handler, and every [FromRoute] parameter is in the route.</summary>
    private static void CheckRouteParameters(Endpoint endpoint, CancellationToken cancellationToken)
    {
        var values = endpoint.Values;
        foreach (var value in values)
        {
            if (value.Decision is { Source: BindingSource.Route, IsExplicit: true } decision && endpoint.FullRoute.Find(decision.WireName) is null)
            {
                endpoint.Problems.Add(new Problem(DiagnosticIds.FEG1002RouteParameterMismatch, Locations.Of(value.Parameter),
                    [$"'{value.DisplayName}' is marked [FromRoute], but the route '{endpoint.FullRoute.Text}' has no parameter '{{{decision.WireName}}}'"]));
            }
        }

        // A handler that takes the HttpContext or HttpRequest may read route values itself.
        if (values.Any(v => v.Decision.Special is SpecialKind.HttpContext or SpecialKind.HttpRequest))
        {
            return;
        }

        foreach (var parameter in endpoint.FullRoute.Parameters)
        {
            if (values.Any(v => v.Decision.Source == BindingSource.Route && BindingClassifier.NameEquals(v.Decision.WireName, parameter.Name)))
            {
                continue;
            }

            var inTemplate = endpoint.Route.Find(parameter.Name) is not null;
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(RouteParameterProperties.Name, parameter.Name)
                .Add(RouteParameterProperties.Constraint, parameter.Constraints.Count > 0 ? parameter.Constraints[0] : null)
                .Add(RouteParameterProperties.IsOptional, parameter.IsOptional ? "true" : null);
            endpoint.Problems.Add(new Problem(DiagnosticIds.FEG1002RouteParameterMismatch,
                inTemplate ? endpoint.TemplateLocation(cancellationToken) : endpoint.MethodLocation,
                [$"The route parameter '{{{parameter.Name}}}' of '{endpoint.FullRoute.Text}' has no parameter on '{endpoint.DisplayName}' to receive it"],
                properties));
        }
    }

    /// <summary>
    /// FEG2007 and FEG2008: a <c>[WebSocketRoute]</c> handler takes exactly one socket and returns nothing, and no other
    /// handler takes a socket (docs/websockets.md).
    /// </summary>
    private static void CheckSockets(Endpoint endpoint, CancellationToken cancellationToken)
    {
        var sockets = endpoint.Method.Parameters.Where(WebSocketRoutes.IsSocketParameter).ToList();
        if (endpoint.IsWebSocket && sockets.Count == 0)
        {
            SocketProblem(endpoint, endpoint.MethodLocation,
                "a [WebSocketRoute] handler needs one WebSocket or JsonWebSocket<TReceive, TSend> parameter to receive the connection");
        }
        else if (endpoint.IsWebSocket && sockets.Count > 1)
        {
            foreach (var extra in sockets.Skip(1))
            {
                SocketProblem(endpoint, Locations.Of(extra), $"it takes {sockets.Count} socket parameters; a WebSocket route accepts one connection");
            }
        }
        else if (!endpoint.IsWebSocket)
        {
            foreach (var socket in sockets)
            {
                SocketProblem(endpoint, Locations.Of(socket),
                    $"'{socket.Name}' is a socket, and only a [WebSocketRoute] handler has one to give; use [WebSocketRoute] instead of [{endpoint.Attribute.AttributeClass?.Name.Replace("Attribute", "")}]");
            }
        }

        // A socket inside an [AsParameters] type would be bound before the upgrade that creates it.
        foreach (var member in endpoint.Values.Where(v => v.IsMember && v.Decision.Special is SpecialKind.WebSocket or SpecialKind.JsonWebSocket))
        {
            SocketProblem(endpoint, Locations.Of(member.Parameter),
                $"'{member.DisplayName}' is a socket inside an [AsParameters] type; take the socket as the handler's own parameter");
        }

        if (endpoint.IsWebSocket && !WebSocketRoutes.ReturnsNothing(endpoint.Method))
        {
            endpoint.Problems.Add(new Problem(DiagnosticIds.FEG2008WebSocketHandlerReturnsValue, ReturnTypeLocation(endpoint, cancellationToken),
                [endpoint.DisplayName, endpoint.Method.ReturnType.ToDisplayString()]));
        }
    }

    private static void SocketProblem(Endpoint endpoint, Location location, string reason) =>
        endpoint.Problems.Add(new Problem(DiagnosticIds.FEG2007WebSocketParameter, location, [endpoint.DisplayName, reason]));

    /// <summary>FEG2001–FEG2006, FEG2009–FEG2011: where each value binds from, and whether it can (docs/binding.md).</summary>
    private static void CheckBindings(Endpoint endpoint)
    {
        foreach (var value in endpoint.Values)
        {
            CheckValue(endpoint, value);
        }

        // Only the handler's own parameters count as body candidates.
        var bodies = endpoint.Values.Where(v => !v.IsMember && v.Decision.Source == BindingSource.Body).ToList();
        if (bodies.Count > 1)
        {
            foreach (var body in bodies)
            {
                var others = string.Join(", ", bodies.Where(b => !ReferenceEquals(b, body)).Select(b => "'" + b.Parameter.Name + "'"));
                endpoint.Problems.Add(new Problem(DiagnosticIds.FEG2001AmbiguousBody, Locations.Of(body.Parameter), [body.Parameter.Name, others]));
            }
        }

        CheckBodyMembers(endpoint);
    }

    /// <summary>FEG2017: <c>[BodyMember]</c> parameters are the members of one JSON object, so nothing else may read the body (docs/binding.md#several-body-members).</summary>
    private static void CheckBodyMembers(Endpoint endpoint)
    {
        var values = endpoint.Values;
        var members = values.Where(v => v.Decision.Source == BindingSource.BodyMember).ToList();
        if (members.Count == 0)
        {
            return;
        }

        var whole = values.FirstOrDefault(v => !v.IsMember && v.Decision.Source == BindingSource.Body);
        var form = values.FirstOrDefault(v => v.Decision.Source == BindingSource.Form || v.Decision.IsFormModel
            || v.Decision.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection or SpecialKind.FormCollection);
        foreach (var member in members)
        {
            var problem = member.IsMember ? "only a handler's own parameters are members of its body, not an [AsParameters] type's"
                : whole is not null ? $"'{whole.DisplayName}' binds the whole body; mark it [BodyMember] too, or bind it from services with [FromServices]"
                : form is not null ? $"'{form.DisplayName}' reads a form, and a request has one body"
                : members.Any(other => !ReferenceEquals(other, member) && !other.IsMember && other.Decision.WireName == member.Decision.WireName)
                    ? $"another [BodyMember] also has the JSON name '{member.Decision.WireName}'"
                : null;
            if (problem is not null)
            {
                endpoint.Problems.Add(new Problem(DiagnosticIds.FEG2017BodyMemberConflict, Locations.Of(member.Parameter), [member.DisplayName, problem]));
            }
        }
    }

    // Formatted only for a message: most values have no problem to report.
    private static string TypeName(BoundValue value) => value.Type.ToDisplayString();

    private static void CheckValue(Endpoint endpoint, BoundValue value)
    {
        var decision = value.Decision;
        var location = Locations.Of(value.Parameter);
        if (value.Type.TypeKind == TypeKind.Error)
        {
            return;
        }

        void Add(string id, params object?[] arguments) => endpoint.Problems.Add(new Problem(id, location, arguments));

        var valueType = TypeClassifier.Unwrap(value.Type, out _);
        if (CustomBinding.HasMisshapenBindAsync(valueType))
        {
            Add(DiagnosticIds.FEG2010MisshapenBindAsync, value.DisplayName, TypeName(value),
                "its BindAsync is not 'public static ValueTask<T?> BindAsync(HttpContext)' or 'BindAsync(HttpContext, ParameterInfo)'");
            return;
        }

        if (decision.Source == BindingSource.Custom && value.IsMember && decision.BindAsync != BindAsyncKind.Context)
        {
            Add(DiagnosticIds.FEG2010MisshapenBindAsync, value.DisplayName, TypeName(value),
                "an [AsParameters] member has no ParameterInfo of its own; use BindAsync(HttpContext) there, or bind it as a handler parameter");
            return;
        }

        if (decision.Source is BindingSource.Route or BindingSource.Query or BindingSource.Header or BindingSource.Form
            && decision.Simple == SimpleKind.None && decision.ValueType is { } scalar && CustomBinding.HasMisshapenTryParse(scalar))
        {
            Add(DiagnosticIds.FEG2009MisshapenTryParse, value.DisplayName, scalar.ToDisplayString(), Bindings.Describe(decision.Source));
            return;
        }

        switch (decision.Source)
        {
            case BindingSource.Body or BindingSource.BodyMember when decision.IsExplicit && endpoint.HttpMethod is "GET" or "HEAD" or "DELETE":
                Add(DiagnosticIds.FEG2002BodyOnBodilessMethod, value.DisplayName, endpoint.HttpMethod);
                break;

            case BindingSource.Route or BindingSource.Query or BindingSource.Header or BindingSource.Cookie or BindingSource.Form
                when decision.Simple == SimpleKind.None || decision.ValueType is null:
                Add(DiagnosticIds.FEG2003UnbindableParameter, value.DisplayName, TypeName(value), Bindings.Describe(decision.Source));
                break;

            case BindingSource.Route:
                CheckConstraints(endpoint, value, location);
                break;

            case BindingSource.Cookie when decision.Collection != CollectionKind.None:
                Add(DiagnosticIds.FEG2011CookieCollection, value.DisplayName, TypeName(value));
                break;

            case BindingSource.AsParameters when value.IsMember || value.Type is not INamedTypeSymbol:
                Add(DiagnosticIds.FEG2003UnbindableParameter, value.DisplayName, TypeName(value), "[AsParameters] here");
                break;

            case BindingSource.Unbindable when decision.IsByReference:
                Add(DiagnosticIds.FEG2006ParameterByReference, value.DisplayName, value.Parameter.RefKind == RefKind.Out ? "an out" : "a ref");
                break;

            case BindingSource.Unbindable:
                Add(DiagnosticIds.FEG2003UnbindableParameter, value.DisplayName, TypeName(value), "the request");
                break;

            case BindingSource.Services or BindingSource.KeyedServices
                when decision.IsExplicit && TypeClassifier.GetSimpleKind(TypeClassifier.Unwrap(value.Type, out _)) != SimpleKind.None:
                Add(DiagnosticIds.FEG2005ServiceOfSimpleType, value.DisplayName, TypeName(value));
                break;
        }
    }

    /// <summary>FEG2004: <c>{id:int}</c> bound to a <c>Guid</c> never matches.</summary>
    private static void CheckConstraints(Endpoint endpoint, BoundValue value, Location location)
    {
        if (endpoint.FullRoute.Find(value.Decision.WireName) is not { } parameter)
        {
            return;
        }

        foreach (var constraint in parameter.Constraints)
        {
            if (!BindingClassifier.ConstraintAgrees(constraint, value.Decision.Simple))
            {
                endpoint.Problems.Add(new Problem(DiagnosticIds.FEG2004RouteConstraintMismatch, location,
                    [constraint, parameter.Name, value.DisplayName, value.Type.ToDisplayString()]));
            }
        }
    }
}

/// <summary>The diagnostic properties FEG1002 passes to its code fix.</summary>
internal static class RouteParameterProperties
{
    public const string Name = "RouteParameter";
    public const string Constraint = "Constraint";
    public const string IsOptional = "IsOptional";
}

/// <summary>The diagnostic property FEG1004 passes to its code fix: a <see cref="HandlerAccessProblem"/> name.</summary>
internal static class HandlerAccessProperties
{
    public const string Problem = "Problem";
}
