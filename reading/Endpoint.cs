using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Reading;

/// <summary>
/// One route attribute of a handler method, read: its HTTP method and templates, every value it binds
/// (<see cref="Values"/>) and the rules it breaks (<see cref="Problems"/>, filled in by <see cref="HandlerReader"/>).
/// </summary>
internal sealed class Endpoint
{
    private List<BoundValue>? _values;

    public const string EndpointGroupAttribute = "FastEndpointsGen.EndpointGroupAttribute";

    private Endpoint(IMethodSymbol method, AttributeData attribute, string httpMethod, string template, string? groupPrefix)
    {
        Method = method;
        Attribute = attribute;
        HttpMethod = httpMethod;
        Template = template;
        GroupPrefix = groupPrefix;
        Route = RouteTemplate.Parse(template);
        FullRoute = RouteTemplate.Parse(RouteTemplate.Combine(groupPrefix, template));
    }

    public IMethodSymbol Method { get; }

    public AttributeData Attribute { get; }

    /// <summary><c>GET</c>, <c>POST</c>, ... (<c>GET</c> for a WebSocket route).</summary>
    public string HttpMethod { get; }

    /// <summary>Declared with <c>[WebSocketRoute]</c>.</summary>
    public bool IsWebSocket => WebSocketRoutes.IsRouteAttribute(Attribute.AttributeClass);

    /// <summary>The template as written on the method.</summary>
    public string Template { get; }

    public string? GroupPrefix { get; }

    /// <summary>The method's own template.</summary>
    public RouteTemplate Route { get; }

    /// <summary>The template with the class's group prefix applied: what binding sees.</summary>
    public RouteTemplate FullRoute { get; }

    /// <summary>Every parameter's binding decision, with the members of <c>[AsParameters]</c> types after their parameter.</summary>
    public List<BoundValue> Values => _values ??= Bindings.Classify(this);

    /// <summary>What this route attribute's endpoint breaks (the method's own problems are on <see cref="Handler"/>).</summary>
    public List<Problem> Problems { get; } = [];

    /// <summary>The response the handler's return type makes, or null when the route is not read further.</summary>
    public ResponseShape? Response { get; internal set; }

    /// <summary>
    /// The name the user gave the endpoint: the route attribute's <c>Name</c>, else the last <c>[EndpointName]</c> on the
    /// method or its classes. It is the endpoint name and the OpenAPI operationId (docs/openapi.md), unique or FEG5001.
    /// </summary>
    public string? ExplicitName => NamedName(Attribute) ?? LastEndpointName()?.ConstructorArguments.FirstOrDefault().Value as string;

    /// <summary>Where the explicit name is written: the <c>Name</c> argument or the <c>[EndpointName]</c> attribute.</summary>
    public Location ExplicitNameLocation(CancellationToken cancellationToken) => NamedName(Attribute) is not null
        ? Locations.ArgumentOrAttribute(Attribute, 0, "Name", cancellationToken) ?? MethodLocation
        : LastEndpointName() is { } attribute ? Locations.OfAttribute(attribute, cancellationToken) ?? MethodLocation : MethodLocation;

    private static string? NamedName(AttributeData attribute) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string;

    private AttributeData? LastEndpointName() => EndpointMetadata.AttributesOf(Method).LastOrDefault(a => TypeClassifier.IsNamed(a.AttributeClass, "Microsoft.AspNetCore.Routing.EndpointNameAttribute"));

    /// <summary>The first endpoint a method declares, or null when it has no route attribute (or no template yet).</summary>
    public static Endpoint? From(IMethodSymbol method) => All(method).FirstOrDefault();

    /// <summary>
    /// Every endpoint a method declares, one per route attribute (<c>[Get("/a")] [Post("/b")]</c> is two): the generator
    /// serves each on its own, so each is checked on its own.
    /// </summary>
    public static IEnumerable<Endpoint> All(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            var httpMethod = HttpMethodOf(attribute.AttributeClass);
            if (httpMethod is not null && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string template)
            {
                yield return new Endpoint(method, attribute, httpMethod, template, GroupPrefixOf(method.ContainingType));
            }
        }
    }

    /// <summary><c>FastEndpointsGen.GetAttribute</c> → <c>GET</c>, and so on for the five route attributes and <c>[WebSocketRoute]</c>.</summary>
    private static string? HttpMethodOf(INamedTypeSymbol? attributeClass) =>
        attributeClass is null || TypeClassifier.NamespaceName(attributeClass.ContainingNamespace) != "FastEndpointsGen"
            ? null
            : attributeClass.Name switch
            {
                // An upgrade is a GET: a WebSocket route binds like one and collides with a [Get] on the same route.
                "WebSocketRouteAttribute" => WebSocketRoutes.HttpMethod,
                "GetAttribute" => "GET",
                "PostAttribute" => "POST",
                "PutAttribute" => "PUT",
                "PatchAttribute" => "PATCH",
                "DeleteAttribute" => "DELETE",
                _ => null,
            };

    public static string? GroupPrefixOf(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (TypeClassifier.IsNamed(attribute.AttributeClass, EndpointGroupAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string prefix)
            {
                return prefix;
            }
        }

        return null;
    }

    /// <summary>The route attribute as written.</summary>
    public AttributeSyntax? AttributeSyntax(CancellationToken cancellationToken) =>
        Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

    /// <summary>Where the template argument is written, else the method's name.</summary>
    public Location TemplateLocation(CancellationToken cancellationToken) =>
        Locations.ArgumentOrAttribute(Attribute, 0, null, cancellationToken) ?? MethodLocation;

    /// <summary>The method's name.</summary>
    public Location MethodLocation => Method.Locations.Length > 0 ? Method.Locations[0] : Location.None;

    /// <summary><c>Class.Method</c>, for messages.</summary>
    public string DisplayName => Method.ContainingType.Name + "." + Method.Name;
}
