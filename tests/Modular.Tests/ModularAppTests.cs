using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Modular.Catalog;
using Modular.Orders;

namespace Modular.Tests;

/// <summary>
/// examples/Modular over HTTP (docs/projects.md): the host's <c>MapGeneratedEndpoints()</c> serves its own endpoints and
/// both feature libraries', validates the contracts library's models, and serves one document.
/// </summary>
public sealed class ModularAppTests
{
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new WebApplicationFactory<Program>();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Host_serves_its_own_endpoint_and_both_libraries()
    {
        Assert.That(await _client.GetStringAsync("/health"), Is.EqualTo("ok"));
        Assert.That(await _client.GetStringAsync("/catalog/products/2"), Is.EqualTo("""{"id":2,"name":"Notebook","price":4.20}"""));

        using var placed = await _client.PostAsync("/orders", JsonContent.Create(new { productId = 1, quantity = 3 }));
        var body = await placed.Content.ReadAsStringAsync();
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        using var order = JsonDocument.Parse(body);
        Assert.That(order.RootElement.GetProperty("total").GetDecimal(), Is.EqualTo(4.50m));
        Assert.That(order.RootElement.GetProperty("product").GetProperty("name").GetString(), Is.EqualTo("Pen"));

        var id = order.RootElement.GetProperty("id").GetInt32();
        Assert.That(await _client.GetStringAsync($"/orders/{id}"), Is.EqualTo(body));
    }

    [Test]
    public async Task A_library_endpoint_validates_the_contracts_model_and_reports_its_errors()
    {
        using var response = await _client.PostAsync("/orders", JsonContent.Create(new { productId = 1, quantity = 300 }));

        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"body.quantity\":[\"Input should be less than or equal to 100\"]"));
    }

    [Test]
    public async Task A_library_endpoint_answers_HttpError_like_the_host()
    {
        using var response = await _client.GetAsync("/catalog/products/99");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"detail\":\"Product not found\""));
    }

    [Test]
    public async Task The_document_is_the_union_of_the_host_and_its_libraries()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi.json"));
        var root = document.RootElement;
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        var operationIds = root.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value.GetProperty("operationId").GetString()).ToList();
        var schemas = root.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("info").GetProperty("title").GetString(), Is.EqualTo("Modular shop"));
            Assert.That(paths, Is.EquivalentTo(new[] { "/health", "/catalog/products", "/catalog/products/{id}", "/orders", "/orders/{id}" }));
            Assert.That(operationIds, Is.EquivalentTo(new[] { "Health", "ListProducts", "GetProduct", "PlaceOrder", "GetOrder" }));
            Assert.That(schemas, Does.Contain("Product").And.Contain("NewOrder").And.Contain("Order"));
            Assert.That(root.GetProperty("paths").GetProperty("/orders").GetProperty("post").GetProperty("summary").GetString(), Is.EqualTo("Place an order"));
            Assert.That(root.GetProperty("components").GetProperty("schemas").GetProperty("NewOrder").GetProperty("properties")
                .GetProperty("quantity").GetProperty("maximum").GetInt32(), Is.EqualTo(100));
        });
    }

    /// <summary>
    /// The build artifact (docs/openapi.md#the-document-as-a-build-artifact) of the host is the same union: the host's
    /// build reads the libraries' documents from their assemblies, so a client generator needs no running server.
    /// </summary>
    [Test]
    public async Task The_hosts_build_writes_the_union_document_it_serves()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "FastEndpointsGen.sln")))
        {
            root = root.Parent!;
        }

        var artifact = Path.Combine(root.FullName, "examples", "Modular", "Modular.Host", "obj", configuration, "net10.0", "openapi.json");
        var written = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(artifact))!;
        var served = System.Text.Json.Nodes.JsonNode.Parse(await _client.GetStringAsync("/openapi.json"))!;

        Assert.That(written["paths"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "/health", "/catalog/products", "/catalog/products/{id}", "/orders", "/orders/{id}" }));
        Assert.That(System.Text.Json.Nodes.JsonNode.DeepEquals(written["paths"], served["paths"]), Is.True, "paths");
        Assert.That(System.Text.Json.Nodes.JsonNode.DeepEquals(written["components"], served["components"]), Is.True, "components");
    }

    [Test]
    public async Task Only_the_hosts_own_endpoints_when_referenced_assemblies_are_left_out()
    {
        using var factory = _factory.WithWebHostBuilder(host => host.UseSetting("Shop:HostOnly", "true"));
        using var client = factory.CreateClient();

        Assert.That(await client.GetStringAsync("/health"), Is.EqualTo("ok"));
        Assert.That((await client.GetAsync("/catalog/products")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_library_can_be_mapped_on_its_own_under_a_prefix()
    {
        await using var app = await StartAsync(app =>
        {
            app.MapGroup("/v1").MapModularCatalogEndpoints();
            app.MapGroup("/v2").MapModularOrdersEndpoints();
        });
        using var client = app.GetTestClient();

        Assert.That((await client.GetAsync("/v1/catalog/products/1")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/catalog/products/1")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var placed = await client.PostAsync("/v2/orders", JsonContent.Create(new { productId = 2, quantity = 1 }));
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await placed.Content.ReadAsStringAsync());
        Assert.That((await client.GetAsync("/v2/catalog/products")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "A library's entry point maps only its own endpoints, not those of the libraries it references.");
    }

    [Test]
    public async Task The_document_describes_the_contracts_models_from_their_doc_comments()
    {
        // Modular.Contracts is a plain library: its <summary> and <param> texts reach the document through its
        // documentation file, which the build hands to the generators of Catalog and Orders (docs/projects.md).
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        Assert.Multiple(() =>
        {
            Assert.That(schemas.GetProperty("Product").GetProperty("description").GetString(), Is.EqualTo("A product the shop sells."));
            Assert.That(schemas.GetProperty("Product").GetProperty("properties").GetProperty("name").GetProperty("description").GetString(),
                Is.EqualTo("What the product is called."));
            Assert.That(schemas.GetProperty("NewOrder").GetProperty("description").GetString(), Is.EqualTo("An order to place."));
            Assert.That(schemas.GetProperty("NewOrder").GetProperty("properties").GetProperty("quantity").GetProperty("description").GetString(),
                Is.EqualTo("How many, from 1 to 100."));
        });
    }

    [Test]
    public async Task The_document_lists_a_library_mapped_under_a_prefix_at_its_prefixed_routes()
    {
        await using var app = await StartAsync(app =>
        {
            app.MapGroup("/v1").MapModularCatalogEndpoints();
            app.MapGroup("/shops/{shop}").MapModularOrdersEndpoints();
            app.MapApiDocs();
        });
        using var client = app.GetTestClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi.json"));
        var paths = document.RootElement.GetProperty("paths");
        var placeOrder = paths.GetProperty("/shops/{shop}/orders").GetProperty("post");

        Assert.Multiple(() =>
        {
            Assert.That(paths.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
            {
                "/v1/catalog/products", "/v1/catalog/products/{id}", "/shops/{shop}/orders", "/shops/{shop}/orders/{id}",
            }));
            Assert.That(paths.GetProperty("/v1/catalog/products/{id}").GetProperty("get").GetProperty("operationId").GetString(), Is.EqualTo("GetProduct"));
            Assert.That(placeOrder.GetProperty("parameters").EnumerateArray().Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString())),
                Does.Contain(("shop", "path")), "A prefix's route parameter is a path parameter of every operation under it.");
            Assert.That(placeOrder.GetProperty("summary").GetString(), Is.EqualTo("Place an order"));
        });
    }

    [Test]
    public async Task The_document_lists_one_module_under_its_prefix_and_the_others_at_their_own_routes()
    {
        // The pattern docs/projects.md shows: the host's own endpoints, one module under a prefix, the other as declared.
        await using var app = await StartAsync(app =>
        {
            app.MapModularHostEndpoints();
            app.MapGroup("/v1").MapModularCatalogEndpoints();
            app.MapModularOrdersEndpoints();
            app.MapApiDocs();
        });
        using var client = app.GetTestClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi.json"));
        var paths = document.RootElement.GetProperty("paths");

        Assert.That((await client.GetAsync("/v1/catalog/products/1")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(paths.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[]
        {
            "/health", "/v1/catalog/products", "/v1/catalog/products/{id}", "/orders", "/orders/{id}",
        }));
        Assert.That(paths.GetProperty("/orders/{id}").GetProperty("get").GetProperty("parameters").GetArrayLength(), Is.EqualTo(1));
    }

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddFastEndpointsGen();
        builder.Services.AddSingleton<ProductCatalog>();
        builder.Services.AddSingleton<OrderBook>();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
