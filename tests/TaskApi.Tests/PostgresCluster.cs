using System.Diagnostics;
using FastEndpointsGen.Testing;

namespace TaskApi.Tests;

/// <summary>
/// A private PostgreSQL cluster for the tests: <c>initdb</c> in a temporary folder, started with
/// <c>pg_ctl</c> on 127.0.0.1 and a free port, trust authentication, stopped and deleted on dispose.
/// </summary>
/// <remarks>
/// Uses the server binaries of Debian's <c>postgresql</c> package (<c>/usr/lib/postgresql/*/bin</c>), and
/// nothing else: no client library, so the AOT tests compile this file too (with the shared ProcessRunner).
/// PostgreSQL refuses to run as root, so when the tests run as root (as CI does) every server command
/// runs as the <c>postgres</c> user through <c>runuser</c> and the folder is handed to that user.
/// When PostgreSQL is not installed, the tests that need it are ignored with a message, except under
/// CI (<c>CI=true</c>), where that is a failure: <c>.ci/run</c> installs it.
/// </remarks>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static PostgresCluster? _shared;

    private readonly string _bin;
    private readonly string _directory;

    private PostgresCluster(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    /// <summary>The port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>One cluster for all the fixtures that need no cluster of their own; stopped by <see cref="StopSharedAsync"/>.</summary>
    public static async Task<PostgresCluster> SharedAsync()
    {
        await SharedGate.WaitAsync();
        try
        {
            return _shared ??= await StartNewAsync();
        }
        finally
        {
            SharedGate.Release();
        }
    }

    /// <summary>Stops the shared cluster, if a test started it; call from a SetUpFixture's one-time teardown.</summary>
    public static async Task StopSharedAsync()
    {
        if (_shared is { } shared)
        {
            _shared = null;
            await shared.DisposeAsync();
        }
    }

    /// <summary>Creates, starts and returns a new cluster; ignores (or, under CI, fails) the test when PostgreSQL is missing.</summary>
    public static async Task<PostgresCluster> StartNewAsync()
    {
        var bin = FindBinaries();
        var directory = Directory.CreateTempSubdirectory("taskapi-pg-").FullName;   // mode 0700, as initdb wants
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory]);
        }

        var cluster = new PostgresCluster(bin, directory, ProcessRunner.FreePort());
        var watch = Stopwatch.StartNew();
        await cluster.ServerAsync("initdb", ["-D", directory, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--no-sync"]);
        await cluster.StartAsync();
        TestContext.Progress.WriteLine($"PostgreSQL cluster on 127.0.0.1:{cluster.Port} ready after {watch.Elapsed.TotalSeconds:F1} s");
        return cluster;
    }

    /// <summary>A connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres";

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "tasks_" + Guid.NewGuid().ToString("N")[..12];
        await ServerAsync("createdb", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", name]);
        return ConnectionString(name);
    }

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public Task StartAsync() => ServerAsync("pg_ctl",
    [
        "-D", _directory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off",
        "start",
    ]);

    /// <summary>Stops the server (fast shutdown: open sessions are ended) and waits until it is down.</summary>
    public Task StopAsync() => ServerAsync("pg_ctl", ["-D", _directory, "-m", "fast", "-w", "-t", "60", "stop"]);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_directory, "postmaster.pid")))   // still running
        {
            await StopAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(candidate => File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "pg_ctl")))
                .OrderByDescending(candidate => int.TryParse(Path.GetFileName(Path.GetDirectoryName(candidate)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (bin is null)
        {
            const string message = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): `apt-get install -y postgresql`.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(message + " CI must run the PostgreSQL tests; .ci/run installs it.");
            }

            Assert.Ignore(message);
        }

        return bin!;
    }

    private Task ServerAsync(string tool, string[] arguments) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string program, string[] arguments)
    {
        // postgres cannot read root's working directory.
        var result = await ProcessRunner.ExecuteAsync(Path.GetTempPath(), program, arguments);
        if (result.ExitCode != 0)
        {
            // An exception rather than an assertion: NUnit records a failed assertion even when it is caught.
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed:\n{result.Output}");
        }
    }
}
