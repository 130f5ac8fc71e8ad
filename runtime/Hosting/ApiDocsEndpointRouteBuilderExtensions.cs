using System;
using System.Text;
using System.Threading;
using FastEndpointsGen;
using FastEndpointsGen.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves the OpenAPI document and the interactive docs page.</summary>
public static class ApiDocsEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /openapi.json</c> (the OpenAPI document the generator built at compile time) and
    /// <c>GET /docs</c> (Scalar, served from the package's embedded assets), at the routes set in
    /// <see cref="FastEndpointsGenOptions"/>; maps nothing when <see cref="FastEndpointsGenOptions.EnableDocs"/> is false.
    /// </summary>
    /// <exception cref="InvalidOperationException">The app did not call <c>builder.Services.AddFastEndpointsGen()</c>.</exception>
    /// <remarks>
    /// The document's bytes are built once, on the first request (so <c>MapApiDocs()</c> may come before or
    /// after <c>MapGeneratedEndpoints()</c>), with <c>info</c> and the error format taken from the options.
    /// </remarks>
    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var registry = GeneratedApiDocuments.For(endpoints.ServiceProvider, "MapApiDocs()");
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<FastEndpointsGenOptions>>().Value;
        if (!options.EnableDocs)
        {
            return endpoints;
        }

        // Built on the first request, when the server is listening and knows its addresses (the document's servers).
        var server = endpoints.ServiceProvider.GetService<IServer>();
        var document = new Lazy<byte[]>(
            () => Encoding.UTF8.GetBytes(ApiDocument.Build(registry.Documents, options, server?.Features.Get<IServerAddressesFeature>()?.Addresses, MappedRoute.Of(endpoints.ServiceProvider))),
            LazyThreadSafetyMode.ExecutionAndPublication);
        endpoints.MapGet(options.OpenApiRoute, new RequestDelegate(async context =>
        {
            var bytes = document.Value;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        })).ExcludeFromDescription();

        endpoints.MapScalarApiReference(options.DocsRoute, scalar =>
        {
            scalar.Title = options.Title;
            scalar.OpenApiRoutePattern = options.OpenApiRoute;
            // Scalar's default fonts come from its CDN; the page must work offline, on the app's own assets.
            scalar.DefaultFonts = false;
            if (!options.DocsExternalServices)
            {
                // The page of an internal service must not offer to send its contract elsewhere (docs/openapi.md):
                // no "Ask AI" agent, no MCP integration, no developer toolbar (share, deploy, generate SDK), no telemetry.
                scalar.DisableAgent();
                scalar.DisableMcp();
                scalar.DisableTelemetry();
                scalar.ShowDeveloperTools = DeveloperToolsVisibility.Never;
                // Scalar shows "Generate SDK" (a dialog selling its hosted SDK service) on pages served from localhost,
                // 127.0.0.1 and *.test hosts, and has no option for it: a style rule hides both of its buttons.
                scalar.CustomCss = HideGenerateSdk;
            }
        });
        return endpoints;
    }

    private const string HideGenerateSdk =
        ".generate-sdk-button, .selected-client-row .selected-client-action[aria-haspopup=\"dialog\"] { display: none !important; }";
}
