using FastEndpointsGen.Testing;

namespace TaskApi.Tests;

/// <summary>
/// The built TaskApi running as a real <c>dotnet TaskApi.dll</c> process on 127.0.0.1 and a free port,
/// as one instance of a deployment would run. Killed on dispose.
/// </summary>
public sealed class TaskApiProcess : IDisposable
{
    private readonly RunningProcess _process;

    private TaskApiProcess(RunningProcess process, Uri baseAddress)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client whose base address is this instance.</summary>
    public HttpClient Client { get; }

    /// <summary>What the instance printed so far.</summary>
    public string Log => _process.Log;

    /// <summary>Starts TaskApi with the given configuration (<c>--key=value</c>) and waits until <c>/healthz</c> answers 200.</summary>
    public static async Task<TaskApiProcess> StartAsync(params string[] settings)
    {
        // TaskApi.dll and its runtimeconfig are copied next to the tests by the project reference.
        var directory = Path.GetDirectoryName(typeof(TaskApiProcess).Assembly.Location)!;
        var baseAddress = new Uri($"http://127.0.0.1:{ProcessRunner.FreePort()}");
        var process = ProcessRunner.Start(directory, "dotnet", [Path.Combine(directory, "TaskApi.dll"), "--urls", baseAddress.ToString(), .. settings],
            new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null });
        await ProcessRunner.WaitUntilSucceedingAsync(new Uri(baseAddress, "/healthz"), process, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));
        return new TaskApiProcess(process, baseAddress);
    }

    public void Dispose()
    {
        Client.Dispose();
        _process.Dispose();
    }
}
