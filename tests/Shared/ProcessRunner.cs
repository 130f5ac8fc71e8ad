using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NUnit.Framework;

namespace FastEndpointsGen.Testing;

/// <summary>
/// Runs an external program for a test (the dotnet CLI, npm, npx, a built app): to its end, keeping what it printed for the
/// failure message, or as a server that runs until disposed and whose output is kept for the failure message too.
/// Linked into the test projects that start programs (<c>&lt;Compile Include="..\Shared\ProcessRunner.cs" Link=… /&gt;</c>).
/// </summary>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="command"/> in <paramref name="directory"/> to its end and returns its standard output followed
    /// by its standard error; with <paramref name="mustSucceed"/> a non-zero exit code fails the test with that text.
    /// </summary>
    public static async Task<string> RunAsync(
        string directory, string command, string arguments, IReadOnlyDictionary<string, string>? environment = null, bool mustSucceed = true)
    {
        using var process = Process.Start(Info(directory, command, arguments, environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        if (mustSucceed)
        {
            Assert.That(process.ExitCode, Is.Zero, $"{command} {arguments} failed:\n{text}");
        }

        return text;
    }

    /// <summary>Starts a server; <see cref="RunningProcess.Log"/> holds what it printed so far, and disposing it ends it.</summary>
    public static RunningProcess Start(string directory, string command, string arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        new(Process.Start(Info(directory, command, arguments, environment))!, $"{command} {arguments}");

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until <paramref name="url"/> answers at all (any status), for at most 60 seconds; fails the test with the
    /// server's output when the server stops first or the time runs out.
    /// </summary>
    public static async Task WaitUntilAnsweringAsync(Uri url, RunningProcess server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                Assert.Fail($"{server.CommandLine} exited with code {server.ExitCode} before {url} answered:\n{server.Log}");
            }

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

        Assert.Fail($"{url} did not answer within 60 seconds ({server.CommandLine}):\n{server.Log}");
    }

    private static ProcessStartInfo Info(string directory, string command, string arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }
}

/// <summary>A server started by <see cref="ProcessRunner.Start"/>: its output is kept as it comes, and disposing it ends its whole process tree.</summary>
internal sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public RunningProcess(Process process, string commandLine)
    {
        _process = process;
        CommandLine = commandLine;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The program and its arguments, for failure messages.</summary>
    public string CommandLine { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and standard error so far, line by line in the order they arrived.</summary>
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
