using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using FastEndpointsGen.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests.Infrastructure;

/// <summary>
/// The generated code of a run, emitted and loaded into a collectible load context, so a test can
/// call one request delegate against a <see cref="DefaultHttpContext"/> (the way ASP.NET Core's
/// Request Delegate Generator tests its output). The HTTP-level behaviour tests live elsewhere;
/// this is for facts that only show when the code runs.
/// </summary>
internal sealed class GeneratedApp : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private readonly ServiceProvider _services;
    private readonly IReadOnlyList<object> _endpoints;

    private GeneratedApp(AssemblyLoadContext context, ServiceProvider services, IReadOnlyList<object> endpoints)
    {
        _context = context;
        _services = services;
        _endpoints = endpoints;
    }

    public static GeneratedApp Load(GeneratorResult result, Action<IServiceCollection>? configureServices = null)
    {
        using var image = new MemoryStream();
        var emit = result.Output.Emit(image);
        Assert.That(emit.Success, Is.True, GeneratorAssert.Format(emit.Diagnostics));
        image.Position = 0;

        var context = new AssemblyLoadContext("FastEndpointsGen.Generator.Tests.GeneratedApp", isCollectible: true);
        var assembly = context.LoadFromStream(image);
        var services = new ServiceCollection().AddLogging();
        configureServices?.Invoke(services);
        var provider = services.BuildServiceProvider();
        // One generated class per handler class (docs/architecture.md#generated-files), all sharing one runtime.
        var runtime = EndpointRuntime.Create(provider);
        var endpoints = assembly.GetTypes()
            .Where(t => t.Namespace == "FastEndpointsGen.Generated" && t.Name.EndsWith("_Endpoints", StringComparison.Ordinal))
            .Select(t => Activator.CreateInstance(t, runtime)!)
            .ToList();
        Assert.That(endpoints, Is.Not.Empty, "No generated endpoints class.");
        return new GeneratedApp(context, provider, endpoints);
    }

    /// <summary>Calls the request delegate <paramref name="name"/> (e.g. <c>Items_Get</c>) and returns the response.</summary>
    public async Task<(int Status, string Body)> InvokeAsync(string name, Action<HttpContext>? configureRequest = null)
    {
        var httpContext = new DefaultHttpContext { RequestServices = _services };
        httpContext.Response.Body = new MemoryStream();
        configureRequest?.Invoke(httpContext);

        var (target, method) = _endpoints
            .Select(e => (Target: e, Method: e.GetType().GetMethod(name, BindingFlags.Public | BindingFlags.Instance)))
            .FirstOrDefault(e => e.Method is not null);
        if (method is null)
        {
            throw new MissingMethodException($"No request delegate '{name}'.");
        }

        await (Task)method.Invoke(target, [httpContext])!;
        await httpContext.Response.BodyWriter.FlushAsync();
        return (httpContext.Response.StatusCode, Encoding.UTF8.GetString(((MemoryStream)httpContext.Response.Body).ToArray()));
    }

    /// <summary>Sets a JSON request body.</summary>
    public static Action<HttpContext> Json(string json) => httpContext =>
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        httpContext.Request.Method = "POST";
        httpContext.Request.ContentType = "application/json";
        httpContext.Request.ContentLength = bytes.Length;
        httpContext.Request.Body = new MemoryStream(bytes);
    };

    public void Dispose()
    {
        _services.Dispose();
        _context.Unload();
    }
}
