using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using FastEndpointsGen.Generator.Emitting;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions following Verify's conventions, so moving to <c>Verify.SourceGenerators</c>
/// later is mechanical:
/// <list type="bullet">
/// <item>the accepted text lives in <c>Snapshots/&lt;Class&gt;.&lt;Test&gt;.verified.cs</c> next to the test
/// source file (<c>&lt;Class&gt;.&lt;Test&gt;#&lt;HintName&gt;.verified.cs</c> for one of several generated files,
/// the hint name without its <c>.cs</c>, as Verify.SourceGenerators names them);</item>
/// <item>on a mismatch, or when there is no verified file yet, the actual text is written to
/// <c>...received.cs</c> beside it and the test fails with a diff of the first difference;</item>
/// <item>line endings are normalised to <c>\n</c> on both sides.</item>
/// </list>
/// To accept, review the received file and rename it (<c>mv X.received.cs X.verified.cs</c>; the failure
/// message prints the exact command), or all of them at once:
/// <code>cd tests/FastEndpointsGen.Generator.Tests/Snapshots &amp;&amp; for f in *.received.cs; do mv "$f" "${f%.received.cs}.verified.cs"; done</code>
/// Setting <c>FEG_ACCEPT_SNAPSHOTS=true</c> accepts them on the spot, except when <c>CI=true</c>: CI never accepts.
/// </summary>
internal static class Snapshot
{
    private const string AcceptVariable = "FEG_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> with <c>Snapshots/&lt;Class&gt;.&lt;Test&gt;[#name].verified.cs</c>.</summary>
    /// <param name="actual">The text to compare.</param>
    /// <param name="name">An extra part for tests with several snapshots (Verify's <c>#</c> suffix).</param>
    public static void Verify(string actual, string? name = null, [CallerFilePath] string sourceFile = "", [CallerMemberName] string test = "")
    {
        if (Compare(actual, name, sourceFile, test) is { } failure)
        {
            Assert.Fail(failure);
        }
    }

    /// <summary>Snapshots each generated file of a run as <c>&lt;Class&gt;.&lt;Test&gt;#&lt;HintName&gt;.verified.cs</c>.</summary>
    public static void VerifyGenerated(GeneratorResult result, [CallerFilePath] string sourceFile = "", [CallerMemberName] string test = "")
    {
        Assert.That(result.Sources, Is.Not.Empty, "The generator produced no files to snapshot.");

        // Compare every file before failing, so one run writes every .received.cs.
        // The OpenAPI document has its own, focused snapshots (OpenApiSnapshotTests); here it would only repeat them.
        // So do MapGeneratedEndpoints and the schema names (ProjectsTests), the same in every test.
        var failures = result.Sources
            .Where(s => s.Key is not (OpenApiEmitter.HintName or ModuleEmitter.AppHintName or ModuleEmitter.SchemasHintName))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => Compare(s.Value, s.Key.EndsWith(".cs", StringComparison.Ordinal) ? s.Key[..^3] : s.Key, sourceFile, test))
            .OfType<string>()
            .ToList();
        if (failures.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, failures));
        }
    }

    private static string? Compare(string actual, string? name, string sourceFile, string test)
    {
        var className = Path.GetFileNameWithoutExtension(sourceFile);
        var fileName = name is null ? $"{className}.{test}" : $"{className}.{test}#{name}";
        var directory = Path.Combine(SourceDirectory(sourceFile), "Snapshots");
        return CompareFile(actual, Path.Combine(directory, fileName + ".verified.cs"), Path.Combine(directory, fileName + ".received.cs"));
    }

    /// <summary>The core comparison: null when the text matches (or was accepted), else a message saying what to do.</summary>
    internal static string? CompareFile(string actual, string verifiedPath, string receivedPath)
    {
        actual = Normalize(actual);
        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (verified == actual)
        {
            // A stale received file from an earlier failure would only confuse the next reviewer.
            File.Delete(receivedPath);
            return null;
        }

        if (CanAutoAccept())
        {
            Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);
            File.WriteAllText(verifiedPath, actual, Utf8NoBom);
            File.Delete(receivedPath);
            TestContext.Out.WriteLine($"Accepted snapshot {verifiedPath} ({AcceptVariable}=true).");
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(receivedPath)!);
        File.WriteAllText(receivedPath, actual, Utf8NoBom);
        var message = new StringBuilder();
        message.AppendLine(verified is null
            ? $"No verified snapshot yet: {Path.GetFileName(verifiedPath)}"
            : $"Snapshot mismatch: {Path.GetFileName(verifiedPath)}");
        message.AppendLine($"  received: {receivedPath}");
        if (verified is not null)
        {
            message.AppendLine($"  review:   diff -u \"{verifiedPath}\" \"{receivedPath}\"");
            message.Append(Diff(verified, actual));
        }

        message.AppendLine($"  accept:   mv \"{receivedPath}\" \"{verifiedPath}\"");
        return message.ToString();
    }

    /// <summary>Only on a developer's machine, only when asked; CI always compares.</summary>
    internal static bool CanAutoAccept() =>
        !IsTrue(Environment.GetEnvironmentVariable("CI")) && IsTrue(Environment.GetEnvironmentVariable(AcceptVariable));

    internal static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>The differing region between the common first and last lines, with two lines of context.</summary>
    internal static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var prefix = 0;
        while (prefix < left.Length && prefix < right.Length && left[prefix] == right[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < left.Length - prefix && suffix < right.Length - prefix
            && left[left.Length - 1 - suffix] == right[right.Length - 1 - suffix])
        {
            suffix++;
        }

        const int context = 2;
        const int maxLines = 25;
        var builder = new StringBuilder();
        builder.AppendLine($"@@ first difference at line {prefix + 1} (verified has {left.Length} lines, received {right.Length}) @@");
        for (var i = Math.Max(0, prefix - context); i < prefix; i++)
        {
            builder.AppendLine("  " + left[i]);
        }

        AppendLines(builder, "- ", left, prefix, left.Length - suffix, maxLines);
        AppendLines(builder, "+ ", right, prefix, right.Length - suffix, maxLines);
        for (var i = right.Length - suffix; i < Math.Min(right.Length, right.Length - suffix + context); i++)
        {
            builder.AppendLine("  " + right[i]);
        }

        return builder.ToString();
    }

    private static void AppendLines(StringBuilder builder, string marker, string[] lines, int from, int to, int max)
    {
        for (var i = from; i < to && i < from + max; i++)
        {
            builder.AppendLine(marker + lines[i]);
        }

        if (to - from > max)
        {
            builder.AppendLine($"{marker}... {to - from - max} more line(s)");
        }
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) || value == "1";

    /// <summary>
    /// The test file's folder. With <c>ContinuousIntegrationBuild</c> the compiler maps source paths to
    /// <c>/_/...</c>; then the folder is found again under the project directory recorded at build time.
    /// </summary>
    private static string SourceDirectory(string sourceFile)
    {
        var directory = Path.GetDirectoryName(sourceFile) ?? "";
        if (Directory.Exists(directory))
        {
            return directory;
        }

        var projectDirectory = typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ProjectDirectory")?.Value
            ?? throw new InvalidOperationException($"Cannot find the folder of {sourceFile}: no ProjectDirectory metadata.");
        var projectName = Path.GetFileName(projectDirectory.TrimEnd('/', '\\'));
        var normalized = directory.Replace('\\', '/');
        var marker = "/" + projectName;
        var index = normalized.LastIndexOf(marker, StringComparison.Ordinal);
        if (index < 0)
        {
            return projectDirectory;
        }

        var relative = normalized[(index + marker.Length)..].TrimStart('/');
        return relative.Length == 0 ? projectDirectory : Path.Combine(projectDirectory, relative);
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
}
