using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;

namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>The feature test app in memory, as production runs it (no developer exception details).</summary>
internal sealed class FuzzAppFactory(ErrorFormat format) : WebApplicationFactory<Program>
{
    public ErrorFormat Format { get; } = format;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureServices(services => services.Configure<FastEndpointsGenOptions>(o => o.ErrorFormat = Format));
    }
}

/// <summary>One running app per error format, shared by every fuzz test and stopped once at the end.</summary>
[SetUpFixture]
public sealed class FuzzApps
{
    private static readonly ConcurrentDictionary<ErrorFormat, Lazy<FuzzAppFactory>> Apps = new();
    private static readonly Lazy<ApiDocument> LazyDocument = new(LoadDocument);

    /// <summary>The operations to fuzz: the app's own OpenAPI document, so a new endpoint is fuzzed without a test change.</summary>
    internal static ApiDocument Document => LazyDocument.Value;

    internal static FuzzAppFactory For(ErrorFormat format) =>
        Apps.GetOrAdd(format, f => new Lazy<FuzzAppFactory>(() => new FuzzAppFactory(f))).Value;

    [OneTimeTearDown]
    public void StopApps()
    {
        foreach (var app in Apps.Values.Where(a => a.IsValueCreated))
        {
            app.Value.Dispose();
        }
    }

    private static ApiDocument LoadDocument()
    {
        using var client = For(ErrorFormat.ProblemDetails).CreateClient();
        var json = client.GetStringAsync(new Uri("/openapi.json", UriKind.Relative)).GetAwaiter().GetResult();
        return new ApiDocument(JsonNode.Parse(json)!);
    }
}
