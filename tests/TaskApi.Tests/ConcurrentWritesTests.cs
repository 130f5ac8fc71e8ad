using System.Net.Http.Json;

namespace TaskApi.Tests;

/// <summary>
/// Hundreds of writes at once, against each store, on a database of their own: none answers an error and
/// every row is in the database afterwards. (SQLite used to answer 500 "database is locked" to some.)
/// </summary>
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.PostgreSql)]
public sealed class ConcurrentWritesTests(StoreKind store)
{
    [Test]
    public async Task Hundreds_of_concurrent_creates_and_completes_all_succeed_and_every_row_is_stored()
    {
        const int Count = 400;
        using var database = await TestDatabase.CreateAsync(store);
        using var factory = new TaskApiFactory(database);
        using var client = factory.CreateClient();
        using var inFlight = new SemaphoreSlim(16);   // 16 requests at a time, as in the report of the lost write

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

        var created = await Task.WhenAll(Enumerable.Range(0, Count).Select(i => Limited(async () =>
        {
            using var response = await client.PostAsJsonAsync("/tasks/", new { title = $"concurrent {i}" });
            return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<TaskItem>());
        })));
        Assert.That(created.Select(c => c.Item1), Has.All.EqualTo(201));
        var tasks = created.Select(c => c.Item2!).ToList();

        var completed = await Task.WhenAll(tasks.Select(task => Limited(async () =>
        {
            using var response = await client.PostAsync(new Uri($"/tasks/{task.Id}/complete", UriKind.Relative), null);
            return (int)response.StatusCode;
        })));

        var rows = await database.CountRowsAsync();
        var open = await Api.ListAsync(client, "?completed=false");
        Assert.Multiple(() =>
        {
            Assert.That(tasks.Select(t => t.Id), Is.Unique);
            Assert.That(completed, Has.All.EqualTo(200));
            Assert.That(rows, Is.EqualTo(Count));
            Assert.That(open, Is.Empty);
        });
    }
}
