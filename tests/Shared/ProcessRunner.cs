using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NUnit.Framework;

namespace FastEndpointsGen.Testing;

/// <summary>
/// Runs an external program for a test (the dotnet CLI, npm, npx, PostgreSQL's tools, a built app): to its end, keeping what
/// it printed for the failure message, or as a server that runs until disposed and whose output is kept for the failure
/// message too. Linked into the test projects that start programs (<c>&lt;Compile Include="..\Shared\ProcessRunner.cs" Link=… /&gt;</c>).
/// </summary>
/// <remarks>
/// Arguments come either as one command line (<c>string</c>, split by the usual rules) or as a list whose items reach the
/// program as they are (<see cref="ProcessStartInfo.ArgumentList"/>: no quoting needed for paths with spaces).
/// An environment maps a variable to its value, or to <see langword="null"/> to remove a variable the tests' own
/// environment would otherwise pass on.
/// </remarks>
internal static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="command"/> in <paramref name="directory"/> to its end and returns its standard output followed
    /// by its standard error; with <paramref name="mustSucceed"/> a non-zero exit code fails the test with that text.
    /// </summary>
    public static async Task<string> RunAsync(
        string directory, string command, string arguments, IReadOnlyDictionary<string, string?>? environment = null, bool mustSucceed = true)
    {
        var result = await ExecuteAsync(Info(directory, command, arguments, environment));
        if (mustSucceed)
        {
            Assert.That(result.ExitCode, Is.Zero, $"{command} {arguments} failed:\n{result.Output}");
        }

        return result.Output;
    }

    /// <summary>
    /// Runs <paramref name="command"/> in <paramref name="directory"/> to its end and returns its exit code and output, failing
    /// nothing: for callers that report a failure their own way (an exception, say, where a caught assertion would still
    /// count as a failed test).
    /// </summary>
    public static Task<ProcessResult> ExecuteAsync(
        string directory, string command, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        ExecuteAsync(Info(directory, command, arguments, environment));

    /// <summary>Starts a server; <see cref="RunningProcess.Log"/> holds what it printed so far, and disposing it ends it.</summary>
    public static RunningProcess Start(string directory, string command, string arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        Start(Info(directory, command, arguments, environment));

    /// <inheritdoc cref="Start(string, string, string, IReadOnlyDictionary{string, string?}?)"/>
    public static RunningProcess Start(
        string directory, string command, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        Start(Info(directory, command, arguments, environment));

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Waits until <paramref name="url"/> answers at all (any status), for at most 60 seconds; fails the test with the
    /// server's output when the server stops first or the time runs out (and then ends the server).
    /// </summary>
    public static Task WaitUntilAnsweringAsync(Uri url, RunningProcess server) =>
        WaitAsync(url, server, _ => true, "answered", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));

    /// <summary>
    /// Waits until GET <paramref name="url"/> answers with a 2xx status, asking every <paramref name="interval"/> for at most
    /// <paramref name="limit"/>; fails the test with the server's output when the server stops first or the time runs out
    /// (and then ends the server).
    /// </summary>
    public static Task WaitUntilSucceedingAsync(Uri url, RunningProcess server, TimeSpan limit, TimeSpan interval) =>
        WaitAsync(url, server, response => response.IsSuccessStatusCode, "answered 2xx", limit, interval);

    private static async Task WaitAsync(
        Uri url, RunningProcess server, Func<HttpResponseMessage, bool> done, string what, TimeSpan limit, TimeSpan interval)
    {
        // No request outlives the time limit, however long one takes to answer.
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = new CancellationTokenSource(limit);
        while (!deadline.IsCancellationRequested)
        {
            if (server.HasExited)
            {
                Assert.Fail($"{server.CommandLine} exited with code {server.ExitCode} before {url} {what}:\n{server.Log}");
            }

            try
            {
                using var response = await http.GetAsync(url, deadline.Token);
                if (done(response))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            try
            {
                await Task.Delay(interval, deadline.Token);
            }
            catch (TaskCanceledException)
            {
            }
        }

        var log = server.Log;
        server.Dispose();
        Assert.Fail($"{url} was not {what} within {limit.TotalSeconds:F0} seconds ({server.CommandLine}):\n{log}");
    }

    private static async Task<ProcessResult> ExecuteAsync(ProcessStartInfo info)
    {
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProcessResult(process.ExitCode, await output + await error);
    }

    private static RunningProcess Start(ProcessStartInfo info)
    {
        var started = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        var arguments = info.ArgumentList.Count > 0 ? string.Join(' ', info.ArgumentList) : info.Arguments;
        return new RunningProcess(process, $"{info.FileName} {arguments}", started);
    }

    private static ProcessStartInfo Info(string directory, string command, string arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var info = Info(directory, command, [], environment);
        info.Arguments = arguments;
        return info;
    }

    private static ProcessStartInfo Info(
        string directory, string command, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var info = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }
}

/// <summary>How a program run by <see cref="ProcessRunner.ExecuteAsync(string, string, IEnumerable{string}, IReadOnlyDictionary{string, string?}?)"/> ended: its exit code, and its standard output followed by its standard error.</summary>
internal sealed record ProcessResult(int ExitCode, string Output);

/// <summary>A server started by <see cref="ProcessRunner.Start(string, string, string, IReadOnlyDictionary{string, string?}?)"/>: its output is kept as it comes, and disposing it ends its whole process tree.</summary>
internal sealed class RunningProcess : IDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _started;
    private readonly StringBuilder _log = new();
    private bool _disposed;

    public RunningProcess(Process process, string commandLine, Stopwatch started)
    {
        _process = process;
        _started = started;
        CommandLine = commandLine;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The program and its arguments, for failure messages.</summary>
    public string CommandLine { get; }

    /// <summary>The operating system's id of the process (for <c>/proc/{id}/…</c>).</summary>
    public int Id => _process.Id;

    /// <summary>Time since the process was started.</summary>
    public TimeSpan Uptime => _started.Elapsed;

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

    /// <summary>Ends the process and everything it started; a second call does nothing.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
