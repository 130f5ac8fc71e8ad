using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace TaskApi.Tests;

/// <summary>Hosts the TaskApi example in memory on <paramref name="database"/>.</summary>
public sealed class TaskApiFactory(TestDatabase database, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    /// <summary>Hosts the TaskApi example on the SQLite database at <paramref name="sqlite"/> (a file or <c>:memory:</c>).</summary>
    public TaskApiFactory(string sqlite)
        : this(TestDatabase.Sqlite(sqlite))
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(database.Key, database.Value);
        configure?.Invoke(builder);
    }
}

/// <summary>The two stores TaskApi can run on; the behaviour suite runs against each.</summary>
public enum StoreKind
{
    Sqlite,
    PostgreSql,
}

/// <summary>A database for one fixture: a SQLite file in a temporary folder, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempFolder? _folder;

    private TestDatabase(StoreKind kind, string key, string value, TempFolder? folder = null)
    {
        Kind = kind;
        Key = key;
        Value = value;
        _folder = folder;
    }

    public StoreKind Kind { get; }

    /// <summary>The configuration key that selects this database.</summary>
    public string Key { get; }

    /// <summary>Its value: the SQLite path or the PostgreSQL connection string.</summary>
    public string Value { get; }

    public static TestDatabase Sqlite(string path) => new(StoreKind.Sqlite, SqliteTaskStore.DatabaseKey, path);

    public static TestDatabase Postgres(string connectionString) =>
        new(StoreKind.PostgreSql, "ConnectionStrings:" + PostgresTaskStore.ConnectionStringName, connectionString);

    /// <summary>A new, empty database of the given kind (PostgreSQL: on the shared test cluster).</summary>
    public static async Task<TestDatabase> CreateAsync(StoreKind kind)
    {
        if (kind == StoreKind.PostgreSql)
        {
            var cluster = await PostgresCluster.SharedAsync();
            return Postgres(await cluster.CreateDatabaseAsync());
        }

        var folder = new TempFolder();
        return new TestDatabase(StoreKind.Sqlite, SqliteTaskStore.DatabaseKey, folder.File("tasks.db"), folder);
    }

    /// <summary>Counts the rows of the <c>tasks</c> table straight from the database, not through the API.</summary>
    public async Task<long> CountRowsAsync()
    {
        if (Kind == StoreKind.PostgreSql)
        {
            await using var connection = new Npgsql.NpgsqlConnection(Value);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM tasks", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Value }.ToString());
        await sqlite.OpenAsync();
        await using var count = sqlite.CreateCommand();
        count.CommandText = "SELECT count(*) FROM tasks";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public void Dispose() => _folder?.Dispose();
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
