using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TaskApi.Tests;

/// <summary>
/// The built TaskApi running as a real <c>dotnet TaskApi.dll</c> process on 127.0.0.1 and a free port,
/// as one instance of a deployment would run. Killed on dispose.
/// </summary>
public sealed class TaskApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private TaskApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client whose base address is this instance.</summary>
    public HttpClient Client { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts TaskApi with the given configuration (<c>--key=value</c>) and waits until <c>/healthz</c> answers 200.</summary>
    public static async Task<TaskApiProcess> StartAsync(params string[] settings)
    {
        // TaskApi.dll and its runtimeconfig are copied next to the tests by the project reference.
        var directory = Path.GetDirectoryName(typeof(TaskApiProcess).Assembly.Location)!;
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(directory, "TaskApi.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var app = new TaskApiProcess(Process.Start(start)!, baseAddress);
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (app._process.HasExited)
            {
                Assert.Fail($"TaskApi exited with code {app._process.ExitCode} before it was healthy:\n{app.Log}");
            }

            try
            {
                using var response = await app.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        app.Dispose();
        Assert.Fail("TaskApi did not become healthy within 60 seconds.");
        return app;
    }

    public void Dispose()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
