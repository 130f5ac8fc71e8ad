using FastEndpointsGen;
using Modular.Catalog;
using Modular.Orders;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddFastEndpointsGen(o => o.Title = "Modular shop");
builder.Services.AddSingleton<ProductCatalog>();
builder.Services.AddSingleton<OrderBook>();

var app = builder.Build();
// This assembly's endpoints and those of Modular.Catalog and Modular.Orders, found at compile time.
// Shop:HostOnly=true shows the overload that maps only this assembly's own endpoints.
var hostOnly = bool.TryParse(app.Configuration["Shop:HostOnly"], out var only) && only;
app.MapGeneratedEndpoints(includeReferencedAssemblies: !hostOnly);
app.MapApiDocs();
app.Run();

/// <summary>About the app itself.</summary>
public static class HostEndpoints
{
    /// <summary>Check the app is up</summary>
    [Get("/health", Name = "Health")]
    public static string Health() => "ok";
}

/// <summary>Lets <c>WebApplicationFactory&lt;Program&gt;</c> find the app.</summary>
public partial class Program;
