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

        return services;
    }
}
