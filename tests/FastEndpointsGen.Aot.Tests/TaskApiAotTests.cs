using System.Net;
using TaskApi.Tests;

namespace FastEndpointsGen.Aot.Tests;

/// <summary>examples/TaskApi published as Native AOT, with SQLite and with PostgreSQL, answering over HTTP from the native binary.</summary>
[TestFixture]
[Category("Aot")]
[NonParallelizable]
public sealed class TaskApiAotTests
{
    private NativeServer _server = null!;
    private string _binary = null!;

    [OneTimeSetUp]
    public async Task PublishAndStart()
    {
        var output = Path.Combine(AotWorkspace.Work, "taskapi");
        await AotWorkspace.PublishAot(Path.Combine(AotWorkspace.Root, "examples", "TaskApi", "TaskApi.csproj"), output);
        _binary = Path.Combine(output, "TaskApi");
        var database = Path.Combine(AotWorkspace.Work, "tasks.db");
        _server = await NativeServer.Start(_binary, "/tasks/", $"--TaskApi:Database={database}");
    }

    [Test]
    public async Task Native_binary_stores_tasks_in_postgresql_and_reports_health()
    {
        await using var cluster = await PostgresCluster.StartNewAsync();
        using var server = await NativeServer.Start(_binary, "/healthz", $"--ConnectionStrings:Tasks={await cluster.CreateDatabaseAsync()}");

        using var created = await server.PostJsonAsync("/tasks/", """{"title":"Native on PostgreSQL"}""");
        var body = await created.Content.ReadAsStringAsync();
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), body + server.Log);
        Assert.That(body, Does.Match("""^\{"id":1,"title":"Native on PostgreSQL","completed":false\}$"""));
        using var completed = await server.PostJsonAsync("/tasks/1/complete", "");
        Assert.That(await completed.Content.ReadAsStringAsync(), Is.EqualTo("""{"id":1,"title":"Native on PostgreSQL","completed":true}"""));

        await cluster.StopAsync();
        using var down = await server.GetAsync("/tasks/1");
        using var unhealthy = await server.GetAsync("/healthz");
        Assert.That((int)down.StatusCode, Is.EqualTo(503));
        Assert.That(await down.Content.ReadAsStringAsync(), Does.Contain("\"detail\":\"The database is unavailable\""));
        Assert.That((int)unhealthy.StatusCode, Is.EqualTo(503));
    }

    [OneTimeTearDown]
    public void Stop() => _server?.Dispose();

    [Test]
    public async Task Created_task_round_trips_in_camelCase_through_sqlite()
    {
        using var created = await _server.PostJsonAsync("/tasks/", """{"title":"Ship the native build","completed":true}""");
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await created.Content.ReadAsStringAsync();
        Assert.That(body, Does.Match("""^\{"id":(\d+),"title":"Ship the native build","completed":true\}$"""));
        var id = System.Text.RegularExpressions.Regex.Match(body, @"\d+").Value;

        using var one = await _server.GetAsync($"/tasks/{id}");
        Assert.That(await one.Content.ReadAsStringAsync(), Is.EqualTo(body));

        using var list = await _server.GetAsync("/tasks/?completed=true&limit=10");
        Assert.That(await list.Content.ReadAsStringAsync(), Does.StartWith("[{\"id\":").And.Contain(body));
    }

    [Test]
    public async Task Invalid_body_is_422_at_its_location()
    {
        using var response = await _server.PostJsonAsync("/tasks/", """{"title":""}""");
        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"body.title\":[\"String should have at least 1 character\""));
    }

    [Test]
    public async Task Unparsable_route_and_query_values_are_422_at_their_locations()
    {
        using var route = await _server.GetAsync("/tasks/abc");
        Assert.That((int)route.StatusCode, Is.EqualTo(422));
        Assert.That(await route.Content.ReadAsStringAsync(),
            Does.Contain("\"path.id\":[\"Input should be a valid integer, unable to parse string as an integer\"]"));

        using var query = await _server.GetAsync("/tasks/?limit=many");
        Assert.That((int)query.StatusCode, Is.EqualTo(422));
        Assert.That(await query.Content.ReadAsStringAsync(), Does.Contain("\"query.limit\":["));
    }

    [Test]
    public async Task Missing_task_is_an_HttpError_problem()
    {
        using var response = await _server.GetAsync("/tasks/999999");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"status\":404").And.Contain("\"detail\":\"Task not found\""));
    }

    [Test]
    public async Task OpenApi_document_is_served()
    {
        using var response = await _server.GetAsync("/openapi.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = await response.Content.ReadAsStringAsync();
        Assert.That(document, Does.Contain("\"openapi\"").And.Contain("\"paths\"").And.Contain("\"title\": \"Tasks API\""));
    }

    [Test]
    public async Task Docs_page_is_served()
    {
        using var response = await _server.GetAsync("/docs/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
    }
}
