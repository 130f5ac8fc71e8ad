using System;
using FastEndpointsGen.Runtime;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Conventions for one generated endpoint, from <c>Program.cs</c> (docs/composition.md#conventions-from-programcs).</summary>
public static class GeneratedEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Applies <paramref name="configure"/> to the generated endpoint named <paramref name="endpointName"/> (its
    /// <c>Name =</c>, <c>[EndpointName]</c> or method name, the name <c>WithName</c> gives it) among those under
    /// <paramref name="builder"/>, usually the group <c>MapGeneratedEndpoints()</c> returned:
    /// <c>app.MapGeneratedEndpoints().ForEndpoint("GetTask", e =&gt; e.AddEndpointFilter(...).RequireRateLimiting("one"))</c>.
    /// The conventions run while the endpoint is built, after its attributes and before its filters are chained.
    /// </summary>
    public static TBuilder ForEndpoint<TBuilder>(this TBuilder builder, string endpointName, Action<IEndpointConventionBuilder> configure)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(endpointName);
        ArgumentNullException.ThrowIfNull(configure);
        var conventions = new EndpointFilters.NamedEndpointConventions(endpointName, configure);
        builder.Add(endpoint => endpoint.Metadata.Add(conventions));
        return builder;
    }
}
