namespace Clients.Tests;

/// <summary>
/// Redocly's recommended ruleset (npm/redocly.yaml, which lists the one deliberate exception and why) reports no error on
/// the build artifacts of TaskApi and SecureApi; warnings are allowed (the compile-time document has no <c>info.license</c>).
/// </summary>
[TestFixture]
[Category("Clients")]
public sealed class RedoclyLintTests
{
    [TestCase("TaskApi")]
    [TestCase("SecureApi")]
    public async Task The_recommended_ruleset_reports_no_error(string example)
    {
        var document = example == "TaskApi" ? Documents.TaskApi : Documents.SecureApi;
        var npm = await NpmTools.DirectoryAsync();
        // Redocly exits non-zero on any error (warnings leave it at zero); the assertion shows its report.
        var output = await Tool.RunAsync(npm, "npx", $"--no-install redocly lint \"{document}\" --config redocly.yaml --format stylish");
        Assert.That(output, Does.Contain("validated"), output);
    }
}
