using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Clients.Tests;

/// <summary>
/// TaskApi in process, on a SQLite database file of its own that disposing removes: the host the generated C# clients
/// (Kiota, NSwag) drive through <see cref="Http"/>, whose base address is the host's. Prism needs a real port to proxy to,
/// so <see cref="PrismProxyTests"/> runs the built TaskApi.dll as a process instead.
/// </summary>
internal sealed class TaskApiHost : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "feg-clients-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly WebApplicationFactory<Program> _factory;

    public TaskApiHost()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting(global::TaskApi.SqliteTaskStore.DatabaseKey, _database));
        Http = _factory.CreateClient();
    }

    public HttpClient Http { get; }

    public void Dispose()
    {
        Http.Dispose();
        _factory.Dispose();
        File.Delete(_database);
    }
}
