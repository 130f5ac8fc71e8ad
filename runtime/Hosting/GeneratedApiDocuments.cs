using System;
using System.Collections.Generic;
using System.ComponentModel;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// The OpenAPI documents the generator built at compile time, registered by the generated
/// <c>MapGeneratedEndpoints()</c> (one per assembly that has endpoints) and read by <c>MapApiDocs()</c>
/// and the Microsoft.AspNetCore.OpenApi document transformer. No reflection finds them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedApiDocuments
{
    // Apps that skip AddFastEndpointsGen still get their docs; one process rarely hosts two such apps.
    private static readonly GeneratedApiDocuments Shared = new();

    private readonly object _gate = new();
    private readonly List<string> _documents = [];

    /// <summary>Called by the generated <c>MapGeneratedEndpoints()</c> with <c>GeneratedOpenApi.Json</c>.</summary>
    public static void Register(IEndpointRouteBuilder endpoints, string json)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(json);
        var registry = For(endpoints.ServiceProvider);
        lock (registry._gate)
        {
            if (!registry._documents.Contains(json))
            {
                registry._documents.Add(json);
            }
        }
    }

    /// <summary>The registry in the app's services (added by <c>AddFastEndpointsGen</c>), else the process-wide one.</summary>
    internal static GeneratedApiDocuments For(IServiceProvider services) => services.GetService<GeneratedApiDocuments>() ?? Shared;

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
