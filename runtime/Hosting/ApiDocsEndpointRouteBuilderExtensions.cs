using FastEndpointsGen;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves the OpenAPI document and the interactive docs page.</summary>
public static class ApiDocsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /openapi.json</c> (the OpenAPI document) and <c>GET /docs</c> (Scalar), at the routes
    /// set in <see cref="FastEndpointsGenOptions"/>; maps nothing when <see cref="FastEndpointsGenOptions.EnableDocs"/> is false.
    /// </summary>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder endpoints)
    {
        System.ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetService<IOptions<FastEndpointsGenOptions>>()?.Value ?? new FastEndpointsGenOptions();
        if (!options.EnableDocs)
        {
            return endpoints;
        }

        endpoints.MapOpenApi(options.OpenApiRoute);
        endpoints.MapScalarApiReference(options.DocsRoute, scalar =>
        {
            scalar.Title = options.Title;
            scalar.OpenApiRoutePattern = options.OpenApiRoute;
        });
        return endpoints;
    }
}
