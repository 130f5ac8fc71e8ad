using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Clients.Tests;

/// <summary>The documents the consumers read: the build artifacts of the examples (docs/openapi.md#the-document-as-a-build-artifact).</summary>
internal static class Documents
{
    public static string TaskApi => Path("TaskApiDocument");

    public static string SecureApi => Path("SecureApiDocument");

    private static string Path(string key) =>
        typeof(Documents).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>
/// The npm tools of tests/Clients.Tests/npm (openapi-typescript, tsc, Redocly, Prism; versions pinned by its
/// package-lock.json), installed with <c>npm ci</c> once per test run into a temporary folder that every test shares.
/// </summary>
[SetUpFixture]
public sealed class NpmTools
{
    private static readonly Lazy<Task<string>> Installed = new(InstallAsync);

    /// <summary>The folder with <c>node_modules</c>, the consumer sources and the Redocly configuration.</summary>
    public static Task<string> DirectoryAsync() => Installed.Value;

    private static async Task<string> InstallAsync()
    {
        var work = Path.Combine(Path.GetTempPath(), "feg-npm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        foreach (var file in Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "npm")))
        {
            File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
        }

        await Tool.RunAsync(work, "npm", "ci --no-audit --no-fund --ignore-scripts");
        return work;
    }

    [OneTimeTearDown]
    public void Remove()
    {
        if (Installed.IsValueCreated && Installed.Value.IsCompletedSuccessfully)
        {
            Directory.Delete(Installed.Value.Result, recursive: true);
        }
    }
}

/// <summary>Runs a command line tool to its end, or starts a server and keeps what it prints for the failure message.</summary>
internal static class Tool
{
    /// <summary>Tools that would otherwise phone home or print banners (Redocly's telemetry and update notice).</summary>
    private static readonly Dictionary<string, string> Quiet = new()
    {
        ["REDOCLY_TELEMETRY"] = "off",
        ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        ["NO_COLOR"] = "1",
    };

    public static async Task<string> RunAsync(string directory, string command, string arguments, bool mustSucceed = true)
    {
        using var process = Process.Start(Info(directory, command, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        if (mustSucceed)
        {
            Assert.That(process.ExitCode, Is.Zero, $"{command} {arguments}:\n{text}");
        }

        return text;
    }

    /// <summary>A server process; <see cref="Server.Log"/> holds what it printed so far.</summary>
    public static Server Start(string directory, string command, string arguments) => new(Process.Start(Info(directory, command, arguments))!);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="url"/> answers at all (any status), for at most 60 seconds.</summary>
    public static async Task WaitUntilAnsweringAsync(Uri url, Server server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Assert.That(server.HasExited, Is.False, $"the server stopped:\n{server.Log}");
            try
            {
                using var response = await http.GetAsync(url);
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        Assert.Fail($"{url} did not answer within 60 seconds:\n{server.Log}");
    }

    private static ProcessStartInfo Info(string directory, string command, string arguments)
    {
        var info = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in Quiet)
        {
            info.Environment[name] = value;
        }

        return info;
    }

    public sealed class Server : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log = new();

        public Server(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

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

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
