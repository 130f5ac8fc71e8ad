using System;
using System.Collections.Generic;
using FastEndpointsGen;
using FastEndpointsGen.Runtime;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FastEndpointsGen with the app's services.</summary>
public static class FastEndpointsGenServiceCollectionExtensions
{
    /// <summary>
    /// Adds FastEndpointsGen's options and plugs the compile-time OpenAPI document into
    /// Microsoft.AspNetCore.OpenApi. Endpoints are mapped with the generated
    /// <c>app.MapGeneratedEndpoints()</c>; docs with <c>app.MapApiDocs()</c>.
    /// </summary>
    /// <remarks>
    /// <c>app.MapOpenApi()</c> (Microsoft's endpoint, <c>/openapi/v1.json</c>) then serves Microsoft's document
    /// with the generated paths, schemas and security schemes merged in by a document transformer, so
    /// the app's own <c>AddOpenApi</c> transformers, YAML output and other tooling keep working.
    /// </remarks>
    public static IServiceCollection AddFastEndpointsGen(this IServiceCollection services, Action<FastEndpointsGenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<FastEndpointsGenOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton<GeneratedApiDocuments>();

        // Handler exceptions reach the app's exception handling, with today's 500 problem as the fallback (docs/errors.md).
        services.TryAddSingleton<UnhandledExceptionFallback>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Hosting.IStartupFilter, UnhandledExceptionFallback>(
            static provider => provider.GetRequiredService<UnhandledExceptionFallback>()));
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, context, _) =>
        {
            var options = context.ApplicationServices.GetRequiredService<IOptions<FastEndpointsGenOptions>>().Value;
            var generated = context.ApplicationServices.GetRequiredService<GeneratedApiDocuments>().Documents;
            if (generated.Count > 0)
            {
                MergeInto(document, ApiDocument.Build(generated, options, routes: MappedRoute.Of(context.ApplicationServices)));
            }

            document.Info.Title = options.Title;
            document.Info.Version = options.Version;
            document.Info.Description = options.Description;
            if (options.Contact is { } contact)
            {
                document.Info.Contact = new OpenApiContact { Name = contact.Name, Email = contact.Email, Url = contact.Url };
            }

            if (options.License is { } license)
            {
                document.Info.License = new OpenApiLicense { Name = license.Name, Url = license.Identifier is null ? license.Url : null, Identifier = license.Identifier };
            }
            return System.Threading.Tasks.Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// Adds the generated paths, component schemas, security schemes and tags to Microsoft's document,
    /// parsed with Microsoft.OpenApi's own reader; what Microsoft's document already has wins.
    /// </summary>
    private static void MergeInto(OpenApiDocument document, string json)
    {
        var generated = OpenApiDocument.Parse(json, "json").Document;
        if (generated is null)
        {
            return;
        }

        document.Paths ??= [];
        foreach (var (path, item) in generated.Paths)
        {
            document.Paths.TryAdd(path, item);
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, schema) in generated.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            document.Components.Schemas.TryAdd(name, schema);
        }

        if (generated.Components?.SecuritySchemes is { Count: > 0 } schemes)
        {
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            foreach (var (name, scheme) in schemes)
            {
                document.Components.SecuritySchemes.TryAdd(name, scheme);
            }
        }

        if (generated.Tags is { Count: > 0 } tags)
        {
            document.Tags ??= new HashSet<OpenApiTag>();
            foreach (var tag in tags)
            {
                document.Tags.Add(tag);
            }
        }

        // The merged references now live in Microsoft's document: point them at it.
        document.SetReferenceHostDocument();
    }
}
