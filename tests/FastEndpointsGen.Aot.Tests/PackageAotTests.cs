using System.Net;

namespace FastEndpointsGen.Aot.Tests;

/// <summary>
/// The package as a user gets it: runtime/FastEndpointsGen.csproj packed to a local feed, a fresh
/// <c>PublishAot</c> web project that references only that package, published as Native AOT with zero
/// trim/AOT warnings, started and called.
/// </summary>
[TestFixture]
[Category("Aot")]
[NonParallelizable]
public sealed class PackageAotTests
{
    private NativeServer _server = null!;
    private string _publishLog = "";

    [OneTimeSetUp]
    public async Task PackPublishAndStart()
    {
        var feed = Path.Combine(AotWorkspace.Work, "feed");
        var consumerRoot = Path.Combine(AotWorkspace.Work, "consumer");
        var project = Path.Combine(consumerRoot, "Consumer");
        Directory.CreateDirectory(project);

        var version = AotWorkspace.UniqueVersion();
        await AotWorkspace.Dotnet(AotWorkspace.Root,
            $"pack \"{Path.Combine(AotWorkspace.Root, "runtime", "FastEndpointsGen.csproj")}\" -c Release -o \"{feed}\" -p:Version={version} -nodeReuse:false");

        var template = Path.Combine(TestContext.CurrentContext.TestDirectory, "Consumer");
        File.Copy(Path.Combine(template, "Program.cs"), Path.Combine(project, "Program.cs"));
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"),
            File.ReadAllText(Path.Combine(template, "Consumer.csproj.template")).Replace("$(FastEndpointsGenVersion)", version, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        // Keep any Directory.Build.props or central package versions above the temp folder out of the fresh project.
        File.WriteAllText(Path.Combine(consumerRoot, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(consumerRoot, "Directory.Packages.props"), "<Project />");

        var output = Path.Combine(consumerRoot, "publish");
        _publishLog = await AotWorkspace.PublishAot(Path.Combine(project, "Consumer.csproj"), output);
        _server = await NativeServer.Start(Path.Combine(output, "Consumer"), "/accounts/1");
    }

    [OneTimeTearDown]
    public void Stop() => _server?.Dispose();

    [Test]
    public void Publish_has_zero_trim_and_aot_warnings()
    {
        AotWorkspace.AssertNoTrimOrAotWarnings(_publishLog);
        Assert.That(_publishLog, Does.Contain("Generating native code"));
    }

    [Test]
    public async Task Valid_body_is_created_and_answered_in_camelCase()
    {
        using var response = await _server.PostJsonAsync("/accounts/",
            """{"name":"ada","tags":["x","y"],"password":"pw","confirmPassword":"pw"}""");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"name":"ada","tagCount":2}"""));
    }

    [Test]
    public async Task MinLength_Length_and_Compare_failures_are_422_at_their_members()
    {
        using var response = await _server.PostJsonAsync("/accounts/",
            """{"name":"a","tags":[],"password":"pw","confirmPassword":"px"}""");
        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(await response.Content.ReadAsStringAsync(),
            Does.Contain("\"body.name\":[\"String should have at least 2 characters\"]")
                .And.Contain("\"body.tags\":[\"List should have at least 1 item after validation, not 0\"]")
                .And.Contain("\"body.confirmPassword\":["));
    }

    [Test]
    public async Task Route_rule_and_HttpError_answer_with_problems()
    {
        using var invalid = await _server.GetAsync("/accounts/0");
        Assert.That((int)invalid.StatusCode, Is.EqualTo(422));
        Assert.That(await invalid.Content.ReadAsStringAsync(), Does.Contain("\"path.id\":[\"Input should be greater than or equal to 1\"]"));

        using var missing = await _server.GetAsync("/accounts/404");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("\"detail\":\"Account not found\""));
    }

    [Test]
    public async Task Docs_routes_are_served()
    {
        using var document = await _server.GetAsync("/openapi.json");
        Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var docs = await _server.GetAsync("/docs/");
        Assert.That(docs.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
