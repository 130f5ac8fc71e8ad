using System;
using FastEndpointsGen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FastEndpointsGen with the app's services.</summary>
public static class FastEndpointsGenServiceCollectionExtensions
{
    /// <summary>
    /// Adds FastEndpointsGen's options. Endpoints are mapped with the generated
    /// <c>app.MapGeneratedEndpoints()</c>; docs with <c>app.MapApiDocs()</c>.
    /// </summary>
    public static IServiceCollection AddFastEndpointsGen(this IServiceCollection services, Action<FastEndpointsGenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<FastEndpointsGenOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        // The document served by MapApiDocs; AddOpenApi's own transformers keep working on it.
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, context, _) =>
        {
            var options = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<FastEndpointsGenOptions>>().Value;
            document.Info.Title = options.Title;
            document.Info.Version = options.Version;
            document.Info.Description = options.Description;
            return System.Threading.Tasks.Task.CompletedTask;
        }));
        return services;
    }
}
