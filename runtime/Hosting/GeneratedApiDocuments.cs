using System;
using System.Collections.Generic;
using System.ComponentModel;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// The OpenAPI documents the generator built at compile time, registered by the generated
/// <c>MapGeneratedEndpoints()</c> (one per assembly that has endpoints) and read by <c>MapApiDocs()</c>
/// and the Microsoft.AspNetCore.OpenApi document transformer. No reflection finds them. It is a singleton of
/// the app's services (added by <c>AddFastEndpointsGen</c>), so two hosts in one process never see each other's.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedApiDocuments
{
    private readonly object _gate = new();
    private readonly List<string> _documents = [];

    /// <summary>
    /// Called by the generated <c>MapGeneratedEndpoints()</c> with <c>GeneratedOpenApi.Json</c>. Without
    /// <c>AddFastEndpointsGen</c> the endpoints still work but nothing could serve their document, so there is nothing to do.
    /// </summary>
    public static void Register(IEndpointRouteBuilder endpoints, string json)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(json);
        if (endpoints.ServiceProvider.GetService<GeneratedApiDocuments>() is not { } registry)
        {
            return;
        }

        lock (registry._gate)
        {
            if (!registry._documents.Contains(json))
            {
                registry._documents.Add(json);
            }
        }
    }

    /// <summary>
    /// The app's registry. Like <c>MapOpenApi()</c> without <c>AddOpenApi()</c>, serving docs from an app that did not
    /// call <c>AddFastEndpointsGen</c> fails at startup with a message that says what to add.
    /// </summary>
    internal static GeneratedApiDocuments For(IServiceProvider services, string caller) =>
        services.GetService<GeneratedApiDocuments>() ?? throw new InvalidOperationException(
            $"Unable to find the required services. {caller} needs the services added by calling " +
            "'builder.Services.AddFastEndpointsGen()' in the application startup code, before 'builder.Build()'.");

    /// <summary>The registered documents' JSON texts, in registration order.</summary>
    internal IReadOnlyList<string> Documents
    {
        get
        {
            lock (_gate)
            {
                return _documents.ToArray();
            }
        }
    }
}
