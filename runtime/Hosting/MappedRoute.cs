using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Where a named endpoint is actually served, read from the app's endpoints when the document is built. The
/// compile-time document lists each library's routes as declared; a library mapped under a group
/// (<c>app.MapGroup("/v1").MapOrdersEndpoints()</c>) is served under the group's prefix, and the served document
/// follows the endpoints (docs/projects.md).
/// </summary>
/// <param name="Name">The endpoint name, the operation's <c>operationId</c>.</param>
/// <param name="Methods">The HTTP methods it answers.</param>
/// <param name="Path">The route as an OpenAPI path: <c>/v1/orders/{id}</c>.</param>
/// <param name="PathParameters">The names of the route's parameters, the group prefix's included.</param>
internal sealed record MappedRoute(string Name, IReadOnlyList<string> Methods, string Path, IReadOnlyList<string> PathParameters)
{
    /// <summary>A route parameter with its constraints, default and optional or catch-all marks, as the document's paths write it.</summary>
    private static readonly Regex RouteParameter = new(@"\{\*{0,2}([^}:=?]+)[^}]*\}", RegexOptions.CultureInvariant);

    /// <summary>The named route endpoints of the app (every data source, groups included), or none without routing.</summary>
    public static IReadOnlyList<MappedRoute> Of(IServiceProvider services) =>
        services.GetService<EndpointDataSource>() is { } source ? From(source.Endpoints) : [];

    public static IReadOnlyList<MappedRoute> From(IEnumerable<Endpoint> endpoints)
    {
        var routes = new List<MappedRoute>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is not { } name
                || endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods)
            {
                continue;
            }

            var pattern = endpoint.RoutePattern;
            var raw = pattern.RawText ?? "/" + string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(Text))));
            var path = RouteParameter.Replace(raw, "{$1}");
            routes.Add(new MappedRoute(
                name.EndpointName,
                [.. methods.HttpMethods],
                path.StartsWith('/') ? path : "/" + path,
                [.. pattern.Parameters.Select(p => p.Name)]));
        }

        return routes;
    }

    /// <summary>
    /// Whether this is where the operation declared at <paramref name="declaredPath"/> is served: at that path, or at it
    /// under a group prefix. Trailing slashes are ignored: a group joins <c>/orders</c> and <c>/</c> as <c>/orders/</c>.
    /// </summary>
    public bool Serves(string operationId, string method, string declaredPath) =>
        Name == operationId
        && Methods.Contains(method, StringComparer.OrdinalIgnoreCase)
        && Path.TrimEnd('/').EndsWith(declaredPath.TrimEnd('/'), StringComparison.Ordinal);

    /// <summary>The path the document lists for the operation declared at <paramref name="declaredPath"/>: the group prefix, then the declared path.</summary>
    public string PathFor(string declaredPath)
    {
        var trimmed = Path.TrimEnd('/');
        var prefix = trimmed[..^declaredPath.TrimEnd('/').Length];
        return prefix.Length == 0 ? declaredPath : declaredPath == "/" ? prefix : prefix + declaredPath;
    }

    private static string Text(Microsoft.AspNetCore.Routing.Patterns.RoutePatternPart part) => part switch
    {
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
        Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        _ => "",
    };
}
