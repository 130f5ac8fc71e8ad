using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FastEndpointsGen.Testing;

namespace FastEndpointsGen.Aot.Tests;

/// <summary>
/// Copies the sources the AOT publishes need into one temporary folder, once for all fixtures, so the
/// publishes (and the pack) never touch the bin/obj folders the solution build and the other test
/// projects use while they run in parallel.
/// </summary>
[SetUpFixture]
public sealed class AotWorkspace
{
    /// <summary>Set to 1 to skip the AOT tests on a machine that cannot publish native code. Ignored by .ci/run.</summary>
    public const string SkipVariable = "FEG_SKIP_AOT";

    private static readonly string[] Copied =
    [
        "runtime", "generator", "analyzers", "suppressors", "reading", "tasks", "examples/TaskApi", "examples/Modular", "examples/SecureApi", "tests/FastEndpointsGen.TestApp",
        "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "README.md",
    ];

    /// <summary>The dotnet CLI without its telemetry, banner or terminal logger.</summary>
    private static readonly Dictionary<string, string?> DotnetQuiet = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["MSBUILDTERMINALLOGGER"] = "off",
    };

    /// <summary>The copy of the repository.</summary>
    public static string Root { get; private set; } = "";

    /// <summary>Where everything else (publish output, feed, databases) goes.</summary>
    public static string Work { get; private set; } = "";

    [OneTimeSetUp]
    public void CopySources()
    {
        if (Environment.GetEnvironmentVariable(SkipVariable) == "1")
        {
            Assert.Ignore($"{SkipVariable}=1: Native AOT publishing skipped on this machine.");
        }

        Work = Path.Combine(Path.GetTempPath(), "feg-aot-" + Guid.NewGuid().ToString("N"));
        Root = Path.Combine(Work, "repo");
        var repository = RepositoryRoot();
        foreach (var entry in Copied)
        {
            var source = Path.Combine(repository, entry);
            var target = Path.Combine(Root, entry);
            if (Directory.Exists(source))
            {
                CopyDirectory(source, target);
            }
            else if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
        }
    }

    [OneTimeTearDown]
    public void DeleteWork()
    {
        if (Work.Length == 0)
        {
            return;
        }

        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// <c>dotnet publish -c Release -r linux-x64 -p:PublishAot=true</c> of <paramref name="project"/> into
    /// <paramref name="output"/>; fails on a failed publish or any trim/AOT warning. Returns the log.
    /// </summary>
    public static async Task<string> PublishAot(string project, string output)
    {
        var watch = Stopwatch.StartNew();
        var log = await Dotnet(Path.GetDirectoryName(project)!,
            $"publish \"{project}\" -c Release -r linux-x64 -p:PublishAot=true -o \"{output}\" -nodeReuse:false -clp:Summary");
        TestContext.Progress.WriteLine($"AOT publish of {Path.GetFileName(project)}: {watch.Elapsed.TotalSeconds:F0} s");
        AssertNoTrimOrAotWarnings(log);
        return log;
    }

    /// <summary>Fails on any IL2xxx/IL3xxx/AOT diagnostic (as warning or, with warnings as errors, as error).</summary>
    public static void AssertNoTrimOrAotWarnings(string log)
    {
        var found = Regex.Matches(log, @"^.*\b(warning|error) (IL\d{4}|AOT\d*).*$", RegexOptions.Multiline)
            .Select(m => m.Value.Trim()).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(found, Is.Empty, "trim/AOT diagnostics in the publish output");
            Assert.That(log, Does.Not.Contain("warning IL").And.Not.Contain("warning AOT"));
            Assert.That(log, Does.Contain(" 0 Warning(s)"), "the publish reported warnings:\n" + log);
        });
    }

    /// <summary>Runs <c>dotnet</c> and returns stdout+stderr; fails when it exits non-zero.</summary>
    public static Task<string> Dotnet(string directory, string arguments) =>
        ProcessRunner.RunAsync(directory, "dotnet", arguments, DotnetQuiet);

    /// <summary>A NuGet version no earlier run has put in the package cache.</summary>
    public static string UniqueVersion() =>
        "0.1.0-aot." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
            {
                continue;
            }

            CopyDirectory(directory, Path.Combine(target, name));
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FastEndpointsGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FastEndpointsGen.sln not found above the test directory.");
    }
}
