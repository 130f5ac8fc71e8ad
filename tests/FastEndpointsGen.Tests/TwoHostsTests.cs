using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FastEndpointsGen.Tests.Support;
using Microsoft.AspNetCore.Builder;
using NUnit.Framework;

namespace FastEndpointsGen.Tests;

/// <summary>
/// Two hosts of the feature app running in one process at the same time, as a test and a second
/// <c>WebApplicationFactory</c> do: each answers with its own JSON options and its own document, whichever
/// started first (docs/design-decisions.md, "No process-wide state").
/// </summary>
public sealed class TwoHostsTests
{
    private const string SecondTitle = "Second host";

    /// <summary>Starts both hosts, in the given order, before either answers; then runs the test with their clients.</summary>
    private static async Task WithBothHostsAsync(bool snakeCaseFirst, Func<HttpClient, HttpClient, Task> test)
    {
        using var web = new TestAppFactory();
        using var snakeCase = new TestAppFactory(
            configure: o => o.Title = SecondTitle,
            configureJson: o =>
            {
                o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
                o.SerializerOptions.UnknownTypeHandling = JsonUnknownTypeHandling.JsonNode;
            });

        // CreateClient starts a host and maps its endpoints; the last one mapped used to configure both.
        using var first = snakeCaseFirst ? snakeCase.CreateClient() : web.CreateClient();
        using var second = snakeCaseFirst ? web.CreateClient() : snakeCase.CreateClient();
        var (webClient, snakeCaseClient) = snakeCaseFirst ? (second, first) : (first, second);
        await test(webClient, snakeCaseClient);
    }

    [TestCase(false, TestName = "Fallback members are written with each host's options (web host started first)")]
    [TestCase(true, TestName = "Fallback members are written with each host's options (snake_case host started first)")]
    public Task Fallback_members_are_written_with_each_hosts_options(bool snakeCaseFirst) =>
        WithBothHostsAsync(snakeCaseFirst, async (web, snakeCase) =>
        {
            // Generated members keep their generated names; only the fallback payload follows the app's policy.
            using var fromSnakeCase = await snakeCase.GetAsync(new Uri("/more/envelope/shipment", UriKind.Relative));
            await fromSnakeCase.ShouldBeJson("""{"kind":"shipment","payload":{"item_count":2}}""");
            using var fromWeb = await web.GetAsync(new Uri("/more/envelope/shipment", UriKind.Relative));
            await fromWeb.ShouldBeJson("""{"kind":"shipment","payload":{"itemCount":2}}""");
        });

    [TestCase(false, TestName = "Fallback members are read with each host's options (web host started first)")]
    [TestCase(true, TestName = "Fallback members are read with each host's options (snake_case host started first)")]
    public Task Fallback_members_are_read_with_each_hosts_options(bool snakeCaseFirst) =>
        WithBothHostsAsync(snakeCaseFirst, async (web, snakeCase) =>
        {
            const string Body = """{"kind":"x","payload":{"a":1}}""";
            using var fromWeb = await web.PostAsync(new Uri("/more/envelope/payload-type", UriKind.Relative), Http.Json(Body));
            await fromWeb.ShouldBeText(nameof(JsonElement));
            using var fromSnakeCase = await snakeCase.PostAsync(new Uri("/more/envelope/payload-type", UriKind.Relative), Http.Json(Body));
            await fromSnakeCase.ShouldBeText(nameof(JsonObject));
        });

    [TestCase(false, TestName = "TypedResults write fallback members with each host's options (web host started first)")]
    [TestCase(true, TestName = "TypedResults write fallback members with each host's options (snake_case host started first)")]
    public Task TypedResults_write_fallback_members_with_each_hosts_options(bool snakeCaseFirst) =>
        WithBothHostsAsync(snakeCaseFirst, async (web, snakeCase) =>
        {
            // Through the generated contracts in each app's JsonSerializerOptions: the calling options write the fallback.
            using var fromWeb = await web.GetAsync(new Uri("/more/envelope/typed", UriKind.Relative));
            await fromWeb.ShouldBeJson("""{"kind":"shipment","payload":{"itemCount":2}}""");
            using var fromSnakeCase = await snakeCase.GetAsync(new Uri("/more/envelope/typed", UriKind.Relative));
            await fromSnakeCase.ShouldBeJson("""{"kind":"shipment","payload":{"item_count":2}}""");
        });

    [TestCase(false, TestName = "Each host serves its own document (web host started first)")]
    [TestCase(true, TestName = "Each host serves its own document (snake_case host started first)")]
    public Task Each_host_serves_its_own_document(bool snakeCaseFirst) =>
        WithBothHostsAsync(snakeCaseFirst, async (web, snakeCase) =>
        {
            var fromWeb = await DocumentAsync(web);
            var fromSecond = await DocumentAsync(snakeCase);
            Assert.Multiple(() =>
            {
                Assert.That(fromWeb["info"]!["title"]!.GetValue<string>(), Is.EqualTo("Feature test app"));
                Assert.That(fromSecond["info"]!["title"]!.GetValue<string>(), Is.EqualTo(SecondTitle));
            });

            // Apart from the title the documents are the same: each app registered its assembly's document once.
            fromSecond["info"]!["title"] = "Feature test app";
            Assert.That(JsonNode.DeepEquals(fromWeb, fromSecond), Is.True);
        });

    [Test]
    public void MapApiDocs_without_AddFastEndpointsGen_says_what_to_add()
    {
        // Never started: mapping is where the check happens.
        using var app = WebApplication.CreateSlimBuilder().Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.MapApiDocs());
        Assert.That(exception!.Message, Does.Contain("AddFastEndpointsGen()"));
    }

    private static async Task<JsonNode> DocumentAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/openapi.json", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
