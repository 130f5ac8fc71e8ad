using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace TaskApi.Tests;

/// <summary>Hosts the TaskApi example in memory with its database at <paramref name="database"/>.</summary>
public sealed class TaskApiFactory(string database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting(TaskStore.DatabaseKey, database);
}

/// <summary>A temporary folder for database files, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("taskapi-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();   // pooled connections keep the file open
        Directory.Delete(Path, recursive: true);
    }
}

/// <summary>Request and assertion helpers shared by the fixtures.</summary>
public static class Api
{
    public static async Task<TaskItem> CreateAsync(HttpClient client, string title, bool? completed = null)
    {
        var body = completed is null ? (object)new { title } : new { title, completed };
        using var response = await client.PostAsJsonAsync("/tasks/", body);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TaskItem>())!;
    }

    public static async Task<TaskItem[]> ListAsync(HttpClient client, string query = "")
    {
        using var response = await client.GetAsync(new Uri("/tasks/" + query, UriKind.Relative));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TaskItem[]>())!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, string json) =>
        client.PostAsync(new Uri(url, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Asserts an RFC 9457 problem response with this status and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement.Clone();
        Assert.That(root.GetProperty("status").GetInt32(), Is.EqualTo(status));
        return root;
    }

    public static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        var problem = await AssertProblemAsync(response, 404);
        Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Not Found"));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("Task not found"));
    }

    /// <summary>Asserts a 422 whose <c>errors</c> map has exactly the given keys.</summary>
    public static async Task AssertValidationErrorAsync(HttpResponseMessage response, params string[] keys)
    {
        var problem = await AssertProblemAsync(response, 422);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name);
        Assert.That(errors, Is.EquivalentTo(keys), problem.ToString());
    }
}
