using System.Net.Http.Json;

namespace TaskApi.Tests;

/// <summary>Where the data lives: files that outlive the app, and private in-memory databases.</summary>
[TestFixture]
public sealed class StorageTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void The_database_file_and_table_are_created_at_startup()
    {
        var path = _folder.File("nested/startup.db");

        using (var factory = new TaskApiFactory(path))
        {
            _ = factory.Server;   // start the app without sending a request
            Assert.That(File.Exists(path), Is.True);
        }
    }

    [Test]
    public async Task Data_persists_when_a_second_app_opens_the_same_file()
    {
        var path = _folder.File("shared.db");
        TaskItem created;
        using (var first = new TaskApiFactory(path))
        {
            using var client = first.CreateClient();
            created = await Api.CreateAsync(client, "survives a restart");
            using var _ = await client.PostAsync(new Uri($"/tasks/{created.Id}/complete", UriKind.Relative), null);
        }

        using var second = new TaskApiFactory(path);
        using var secondClient = second.CreateClient();
        var tasks = await Api.ListAsync(secondClient);

        Assert.That(tasks, Is.EqualTo(new[] { created with { Completed = true } }));
        Assert.That((await Api.CreateAsync(secondClient, "next")).Id, Is.GreaterThan(created.Id));
    }

    [Test]
    public async Task An_in_memory_database_works()
    {
        using var factory = new TaskApiFactory(":memory:");
        using var client = factory.CreateClient();

        var created = await Api.CreateAsync(client, "in memory");
        var found = await client.GetFromJsonAsync<TaskItem>(new Uri($"/tasks/{created.Id}", UriKind.Relative));
        using var deleted = await client.DeleteAsync(new Uri($"/tasks/{created.Id}", UriKind.Relative));

        Assert.That(found, Is.EqualTo(created));
        Assert.That((int)deleted.StatusCode, Is.EqualTo(204));
        Assert.That(await Api.ListAsync(client), Is.Empty);
    }

    [Test]
    public async Task In_memory_databases_are_private_to_each_app()
    {
        using var first = new TaskApiFactory(":memory:");
        using var second = new TaskApiFactory(":memory:");
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        await Api.CreateAsync(firstClient, "only in the first");

        Assert.That(await Api.ListAsync(firstClient), Has.Length.EqualTo(1));
        Assert.That(await Api.ListAsync(secondClient), Is.Empty);
    }

    [Test]
    public async Task An_in_memory_database_serves_concurrent_requests()
    {
        using var factory = new TaskApiFactory(":memory:");
        using var client = factory.CreateClient();

        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Api.CreateAsync(client, $"parallel {i}")));

        Assert.That(created.Select(t => t.Id), Is.Unique);
        Assert.That(await Api.ListAsync(client, "?limit=100"), Has.Length.EqualTo(20));
    }
}
