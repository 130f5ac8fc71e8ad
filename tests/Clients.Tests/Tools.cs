using System.Reflection;
using FastEndpointsGen.Testing;

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

/// <summary>
/// The shared <see cref="ProcessRunner"/> (tests/Shared) with the environment every tool of these tests runs in: no
/// telemetry, update notices or colours (Redocly's would otherwise phone home and print banners).
/// </summary>
internal static class Tool
{
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["REDOCLY_TELEMETRY"] = "off",
        ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
        ["NO_COLOR"] = "1",
    };

    /// <summary>Runs a command line tool to its end; a non-zero exit code fails the test with what it printed.</summary>
    public static Task<string> RunAsync(string directory, string command, string arguments) =>
        ProcessRunner.RunAsync(directory, command, arguments, Quiet);

    /// <summary>A server process; <see cref="RunningProcess.Log"/> holds what it printed so far.</summary>
    public static RunningProcess Start(string directory, string command, string arguments) =>
        ProcessRunner.Start(directory, command, arguments, Quiet);
}
