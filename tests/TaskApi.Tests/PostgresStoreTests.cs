using System.Net.Http.Json;
using FastEndpointsGen.Testing;

namespace TaskApi.Tests;

/// <summary>What only the PostgreSQL store does: share one database between apps, and answer 503 while it is down.</summary>
[TestFixture]
public sealed class PostgresStoreTests
{
    [Test]
    public async Task Apps_on_one_database_create_the_table_once_and_see_each_others_tasks()
    {
        var cluster = await PostgresCluster.SharedAsync();
        using var database = TestDatabase.Postgres(await cluster.CreateDatabaseAsync());
        using var first = new TaskApiFactory(database);
        using var second = new TaskApiFactory(database);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Api.CreateAsync(i % 2 == 0 ? firstClient : secondClient, $"shared {i}")));

        Assert.That(created.Select(t => t.Id), Is.Unique);
        Assert.That((await Api.ListAsync(firstClient, "?limit=100")).Select(t => t.Id), Is.EquivalentTo(created.Select(t => t.Id)));
        Assert.That(await secondClient.GetFromJsonAsync<TaskItem>(new Uri($"/tasks/{created[0].Id}", UriKind.Relative)), Is.EqualTo(created[0]));
    }

    [Test]
    public async Task While_the_database_is_unreachable_the_api_answers_a_clean_503_and_healthz_503()
    {
        // Nothing listens on this port: every connection attempt is refused, as during an outage.
        var port = ProcessRunner.FreePort();
        using var database = TestDatabase.Postgres($"Host=127.0.0.1;Port={port};Database=tasks;Username=postgres;Timeout=5");
        using var factory = new TaskApiFactory(database);   // starts although the database is down
        using var client = factory.CreateClient();

        using var list = await client.GetAsync(new Uri("/tasks/", UriKind.Relative));
        using var create = await Api.PostJsonAsync(client, "/tasks/", """{"title":"lost?"}""");
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        foreach (var response in new[] { list, create })
        {
            var problem = await Api.AssertProblemAsync(response, 503);
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Service Unavailable"));
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("The database is unavailable"));
            Assert.That(problem.ToString(), Does.Not.Contain("Npgsql").And.Not.Contain("refused").And.Not.Contain(" at "));
        }

        Assert.That((int)health.StatusCode, Is.EqualTo(503));
        Assert.That(await health.Content.ReadAsStringAsync(), Is.EqualTo("Unhealthy"));
    }
}
