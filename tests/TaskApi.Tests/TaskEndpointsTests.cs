using System.Net.Http.Json;
using System.Text.Json;

namespace TaskApi.Tests;

/// <summary>
/// The task endpoints over HTTP: one behaviour suite, run once against each store (a SQLite file, and a
/// fresh database on a private PostgreSQL cluster), one database for the whole fixture.
/// </summary>
/// <remarks>Tests share the database, so each one creates the tasks it asserts on.</remarks>
[TestFixture(StoreKind.Sqlite)]
[TestFixture(StoreKind.PostgreSql)]
public sealed class TaskEndpointsTests(StoreKind store)
{
    private TestDatabase _database = null!;
    private TaskApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _database = await TestDatabase.CreateAsync(store);
        _factory = new TaskApiFactory(_database);
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _client?.Dispose();
        _factory?.Dispose();
        _database?.Dispose();
    }

    [Test]
    public async Task Create_returns_201_with_the_stored_task()
    {
        using var response = await _client.PostAsJsonAsync("/tasks/", new { title = "Buy milk", completed = true });

        Assert.That((int)response.StatusCode, Is.EqualTo(201));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var task = await response.Content.ReadFromJsonAsync<TaskItem>();
        Assert.That(task!.Id, Is.Positive);
        Assert.That(task.Title, Is.EqualTo("Buy milk"));
        Assert.That(task.Completed, Is.True);
    }

    [Test]
    public async Task Create_defaults_completed_to_false_and_assigns_increasing_ids()
    {
        var first = await Api.CreateAsync(_client, "first");
        var second = await Api.CreateAsync(_client, "second");

        Assert.That(first.Completed, Is.False);
        Assert.That(second.Id, Is.GreaterThan(first.Id));
    }

    [Test]
    public async Task Create_writes_camelCase_json()
    {
        using var response = await _client.PostAsJsonAsync("/tasks/", new { title = "shape" });
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var names = document.RootElement.EnumerateObject().Select(p => p.Name);
        Assert.That(names, Is.EqualTo(new[] { "id", "title", "completed" }));
    }

    [Test]
    public async Task Get_returns_the_task()
    {
        var created = await Api.CreateAsync(_client, "read me");

        var task = await _client.GetFromJsonAsync<TaskItem>(new Uri($"/tasks/{created.Id}", UriKind.Relative));

        Assert.That(task, Is.EqualTo(created));
    }

    [Test]
    public async Task Get_of_a_missing_task_is_404_problem_details()
    {
        using var response = await _client.GetAsync(new Uri("/tasks/999999", UriKind.Relative));

        await Api.AssertNotFoundAsync(response);
    }

    [Test]
    public async Task Get_with_a_non_integer_id_is_422_at_path_id()
    {
        using var response = await _client.GetAsync(new Uri("/tasks/abc", UriKind.Relative));

        await Api.AssertValidationErrorAsync(response, "path.id");
    }

    [Test]
    public async Task List_returns_tasks_in_creation_order()
    {
        var a = await Api.CreateAsync(_client, "order a");
        var b = await Api.CreateAsync(_client, "order b");

        var ids = (await Api.ListAsync(_client, "?limit=100")).Select(t => t.Id).ToList();

        Assert.That(ids, Is.Ordered);
        Assert.That(ids, Does.Contain(a.Id).And.Contain(b.Id));
    }

    [TestCase("/tasks")]
    [TestCase("/tasks/")]
    public async Task List_answers_with_and_without_a_trailing_slash(string url)
    {
        await Api.CreateAsync(_client, "slash");

        var tasks = await _client.GetFromJsonAsync<TaskItem[]>(new Uri(url, UriKind.Relative));

        Assert.That(tasks, Is.Not.Empty);
    }

    [Test]
    public async Task List_filters_by_completed()
    {
        var done = await Api.CreateAsync(_client, "filter done", completed: true);
        var open = await Api.CreateAsync(_client, "filter open", completed: false);

        var completed = await Api.ListAsync(_client, "?completed=true&limit=100");
        var pending = await Api.ListAsync(_client, "?completed=false&limit=100");

        Assert.That(completed, Has.All.Matches<TaskItem>(t => t.Completed));
        Assert.That(completed, Does.Contain(done).And.Not.Contain(open));
        Assert.That(pending, Has.None.Matches<TaskItem>(t => t.Completed));
        Assert.That(pending, Does.Contain(open).And.Not.Contain(done));
    }

    [Test]
    public async Task List_honours_limit()
    {
        await Api.CreateAsync(_client, "limit 1");
        await Api.CreateAsync(_client, "limit 2");

        var tasks = await Api.ListAsync(_client, "?limit=1");

        Assert.That(tasks, Has.Length.EqualTo(1));
    }

    [Test]
    public async Task List_with_an_invalid_query_value_is_422_at_query()
    {
        using var response = await _client.GetAsync(new Uri("/tasks/?completed=maybe&limit=ten", UriKind.Relative));

        await Api.AssertValidationErrorAsync(response, "query.completed", "query.limit");
    }

    [Test]
    public async Task Complete_marks_the_task_completed_and_stores_it()
    {
        var created = await Api.CreateAsync(_client, "to finish");

        using var response = await _client.PostAsync(new Uri($"/tasks/{created.Id}/complete", UriKind.Relative), null);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(await response.Content.ReadFromJsonAsync<TaskItem>(), Is.EqualTo(created with { Completed = true }));
        var stored = await _client.GetFromJsonAsync<TaskItem>(new Uri($"/tasks/{created.Id}", UriKind.Relative));
        Assert.That(stored!.Completed, Is.True);
    }

    [Test]
    public async Task Complete_is_idempotent()
    {
        var created = await Api.CreateAsync(_client, "already done", completed: true);

        using var response = await _client.PostAsync(new Uri($"/tasks/{created.Id}/complete", UriKind.Relative), null);

        Assert.That(await response.Content.ReadFromJsonAsync<TaskItem>(), Is.EqualTo(created));
    }

    [Test]
    public async Task Complete_of_a_missing_task_is_404()
    {
        using var response = await _client.PostAsync(new Uri("/tasks/999999/complete", UriKind.Relative), null);

        await Api.AssertNotFoundAsync(response);
    }

    [Test]
    public async Task Patch_changes_only_the_members_given()
    {
        var created = await Api.CreateAsync(_client, "old title");

        using var retitled = await _client.PatchAsJsonAsync($"/tasks/{created.Id}", new { title = "new title" });
        using var completed = await _client.PatchAsJsonAsync($"/tasks/{created.Id}", new { completed = true });

        Assert.That(await retitled.Content.ReadFromJsonAsync<TaskItem>(), Is.EqualTo(created with { Title = "new title" }));
        Assert.That(await completed.Content.ReadFromJsonAsync<TaskItem>(), Is.EqualTo(new TaskItem(created.Id, "new title", true)));
    }

    [Test]
    public async Task Patch_of_a_missing_task_is_404()
    {
        using var response = await _client.PatchAsJsonAsync("/tasks/999999", new { completed = true });

        await Api.AssertNotFoundAsync(response);
    }

    [Test]
    public async Task Delete_returns_204_and_the_task_is_gone()
    {
        var created = await Api.CreateAsync(_client, "to delete");
        var url = new Uri($"/tasks/{created.Id}", UriKind.Relative);

        using var response = await _client.DeleteAsync(url);
        using var after = await _client.GetAsync(url);

        Assert.That((int)response.StatusCode, Is.EqualTo(204));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
        await Api.AssertNotFoundAsync(after);
    }

    [Test]
    public async Task Delete_of_a_missing_task_is_404()
    {
        using var response = await _client.DeleteAsync(new Uri("/tasks/999999", UriKind.Relative));

        await Api.AssertNotFoundAsync(response);
    }

    [Test]
    public async Task Create_with_malformed_json_is_422_at_body()
    {
        using var response = await Api.PostJsonAsync(_client, "/tasks/", """{"title": """);

        await Api.AssertValidationErrorAsync(response, "body");
    }

    [Test]
    public async Task Create_without_a_title_is_422_at_body_title()
    {
        using var response = await Api.PostJsonAsync(_client, "/tasks/", """{"completed": true}""");

        var problem = await Api.AssertProblemAsync(response, 422);
        Assert.That(problem.GetProperty("errors").GetProperty("body.title")[0].GetString(), Is.EqualTo("Field required"));
    }

    [Test]
    public async Task Create_with_a_wrongly_typed_member_is_422_at_that_member()
    {
        using var response = await Api.PostJsonAsync(_client, "/tasks/", """{"title": 42, "completed": "yes"}""");

        await Api.AssertValidationErrorAsync(response, "body.title", "body.completed");
    }

    [Test]
    public async Task Api_docs_are_served()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi.json", UriKind.Relative)));
        using var docs = await _client.GetAsync(new Uri("/docs/", UriKind.Relative));

        Assert.That(document.RootElement.GetProperty("info").GetProperty("title").GetString(), Is.EqualTo("Tasks API"));
        Assert.That((int)docs.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Healthz_is_200_while_the_database_answers()
    {
        using var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }
}
