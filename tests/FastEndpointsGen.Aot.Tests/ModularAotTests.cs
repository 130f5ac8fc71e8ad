using System.Net;

namespace FastEndpointsGen.Aot.Tests;

/// <summary>
/// examples/Modular (a host, two feature libraries and a contracts library, docs/projects.md) published as Native AOT
/// with zero warnings, answering the endpoints of every assembly from the native binary.
/// </summary>
[TestFixture]
[Category("Aot")]
[NonParallelizable]
public sealed class ModularAotTests
{
    private NativeServer _server = null!;

    [OneTimeSetUp]
    public async Task PublishAndStart()
    {
        var output = Path.Combine(AotWorkspace.Work, "modular");
        await AotWorkspace.PublishAot(Path.Combine(AotWorkspace.Root, "examples", "Modular", "Modular.Host", "Modular.Host.csproj"), output);
        _server = await NativeServer.Start(Path.Combine(output, "Modular.Host"), "/health");
    }

    [OneTimeTearDown]
    public void Stop() => _server?.Dispose();

    [Test]
    public async Task Native_binary_serves_the_host_and_both_libraries()
    {
        using var health = await _server.GetAsync("/health");
        using var product = await _server.GetAsync("/catalog/products/1");
        using var order = await _server.PostJsonAsync("/orders", """{"productId":2,"quantity":2}""");

        Assert.That(await health.Content.ReadAsStringAsync(), Is.EqualTo("ok"));
        Assert.That(await product.Content.ReadAsStringAsync(), Is.EqualTo("""{"id":1,"name":"Pen","price":1.50}"""));
        Assert.That(order.StatusCode, Is.EqualTo(HttpStatusCode.Created), _server.Log);
        Assert.That(await order.Content.ReadAsStringAsync(), Does.Contain("\"quantity\":2,\"total\":8.40"));
    }

    [Test]
    public async Task Native_binary_validates_the_contracts_model_and_serves_one_document()
    {
        using var invalid = await _server.PostJsonAsync("/orders", """{"productId":2,"quantity":0}""");
        using var document = await _server.GetAsync("/openapi.json");
        var text = await document.Content.ReadAsStringAsync();

        Assert.That((int)invalid.StatusCode, Is.EqualTo(422));
        Assert.That(await invalid.Content.ReadAsStringAsync(), Does.Contain("body.quantity"));
        Assert.That(text, Does.Contain("\"/health\"").And.Contain("\"/catalog/products/{id}\"").And.Contain("\"/orders/{id}\""));
        // The contracts library's doc comments, from its documentation file in a command-line publish (docs/projects.md).
        Assert.That(text, Does.Contain("\"description\": \"A product the shop sells.\""));
    }
}
