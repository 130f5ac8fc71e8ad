using System.Net.Http.Json;

namespace TaskApi.Tests;

/// <summary>
/// Two TaskApi processes on one PostgreSQL database, as behind a load balancer: writes through either are
/// seen by both, nothing is lost, and both ride out a database restart without being restarted themselves.
/// </summary>
/// <remarks>The fixture has a cluster of its own, because it stops and starts it.</remarks>
[TestFixture]
[NonParallelizable]
public sealed class TwoInstancesTests
{
    private const int Count = 100;   // the most one list request returns, so each instance can list them all

    private PostgresCluster _cluster = null!;
    private TaskApiProcess _first = null!;
    private TaskApiProcess _second = null!;

    [OneTimeSetUp]
    public async Task StartDatabaseAndInstances()
    {
        _cluster = await PostgresCluster.StartNewAsync();
        var connectionString = await _cluster.CreateDatabaseAsync();
        var setting = $"--ConnectionStrings:Tasks={connectionString};Timeout=5";
        var instances = await Task.WhenAll(TaskApiProcess.StartAsync(setting), TaskApiProcess.StartAsync(setting));
        (_first, _second) = (instances[0], instances[1]);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _first?.Dispose();
        _second?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Test]
    public async Task Both_instances_see_every_task_and_recover_from_a_database_restart()
    {
        var instances = new[] { _first.Client, _second.Client };
        using var inFlight = new SemaphoreSlim(16);

        async Task<T> Limited<T>(Func<Task<T>> send)
        {
            await inFlight.WaitAsync();
            try
            {
                return await send();
            }
            finally
            {
                inFlight.Release();
            }
        }

        // Create through alternate instances, all at once; complete each through the other instance.
        var created = await Task.WhenAll(Enumerable.Range(0, Count).Select(i =>
            Limited(() => Api.CreateAsync(instances[i % 2], $"instance {i % 2} task {i}"))));
        var completed = await Task.WhenAll(created.Select((task, i) => Limited(async () =>
        {
            using var response = await instances[(i + 1) % 2].PostAsync(new Uri($"/tasks/{task.Id}/complete", UriKind.Relative), null);
            return (int)response.StatusCode;
        })));

        Assert.That(created.Select(t => t.Id), Is.Unique);
        Assert.That(completed, Has.All.EqualTo(200));
        foreach (var client in instances)
        {
            var all = await Api.ListAsync(client, $"?limit={Count}");
            Assert.That(all.Select(t => t.Id), Is.EquivalentTo(created.Select(t => t.Id)));
            Assert.That(all, Has.All.Matches<TaskItem>(t => t.Completed));
        }

        // The database goes away: both instances answer a clean 503, and /healthz says so.
        await _cluster.StopAsync();
        foreach (var client in instances)
        {
            using var list = await client.GetAsync(new Uri("/tasks/", UriKind.Relative));
            using var create = await Api.PostJsonAsync(client, "/tasks/", """{"title":"during the outage"}""");
            using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            foreach (var response in new[] { list, create })
            {
                var problem = await Api.AssertProblemAsync(response, 503);
                Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("The database is unavailable"));
            }

            Assert.That((int)health.StatusCode, Is.EqualTo(503));
        }

        // It comes back: without restarting either app, both are healthy again and writes work.
        await _cluster.StartAsync();
        foreach (var client in instances)
        {
            await WaitUntilHealthyAsync(client);
        }

        var afterFirst = await Api.CreateAsync(_first.Client, "after the restart, first");
        var afterSecond = await Api.CreateAsync(_second.Client, "after the restart, second");
        Assert.That(await _second.Client.GetFromJsonAsync<TaskItem>(new Uri($"/tasks/{afterFirst.Id}", UriKind.Relative)), Is.EqualTo(afterFirst));
        Assert.That(await _first.Client.GetFromJsonAsync<TaskItem>(new Uri($"/tasks/{afterSecond.Id}", UriKind.Relative)), Is.EqualTo(afterSecond));
        Assert.That(await _second.Client.GetFromJsonAsync<TaskItem>(new Uri($"/tasks/{created[0].Id}", UriKind.Relative)),
            Is.EqualTo(created[0] with { Completed = true }));
        Assert.That(_first.Log + _second.Log, Does.Not.Contain("Unhandled exception"));
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            if ((int)response.StatusCode == 200)
            {
                return;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "not healthy 30 s after the database came back");
            await Task.Delay(100);
        }
    }
}
