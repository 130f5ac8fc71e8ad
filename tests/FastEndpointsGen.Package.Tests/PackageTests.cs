using System.Net;
using System.Text;
using FastEndpointsGen.Testing;

namespace FastEndpointsGen.Package.Tests;

/// <summary>
/// Consumes the packed FastEndpointsGen.nupkg the way a user does: a fresh web project that references
/// only that package builds with zero warnings and serves its endpoints.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PackageTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly Dictionary<string, string?> DotnetQuiet = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };
    private string _work = "";
    private RunningProcess? _server;
    private Uri _baseAddress = null!;
    private string _buildOutput = "";

    [OneTimeSetUp]
    public async Task PackBuildAndStartConsumer()
    {
        var root = RepositoryRoot();
        _work = Path.Combine(Path.GetTempPath(), "feg-package-" + Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(_work, "feed");
        var project = Path.Combine(_work, "Consumer");
        Directory.CreateDirectory(project);

        // A version no earlier run has put in the NuGet cache, so the consumer always gets this build.
        var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        await RunDotnet(root, $"pack \"{Path.Combine(root, "runtime", "FastEndpointsGen.csproj")}\" -c Release -o \"{feed}\" -p:Version={version}");

        // A contracts library beside it, whose model docs must reach the consumer's document (docs/projects.md).
        var contracts = Path.Combine(_work, "Contracts");
        Directory.CreateDirectory(contracts);
        File.Copy(Path.Combine(TestContext.CurrentContext.TestDirectory, "Contracts", "Greeting.cs"), Path.Combine(contracts, "Greeting.cs"));
        File.Copy(Path.Combine(TestContext.CurrentContext.TestDirectory, "Contracts", "Contracts.csproj.template"), Path.Combine(contracts, "Contracts.csproj"));

        var consumer = Path.Combine(TestContext.CurrentContext.TestDirectory, "Consumer");
        File.Copy(Path.Combine(consumer, "Program.cs"), Path.Combine(project, "Program.cs"));
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"),
            File.ReadAllText(Path.Combine(consumer, "Consumer.csproj.template")).Replace("$(FastEndpointsGenVersion)", version, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        // Keep the repository's Directory.Build.props and central package versions out of the fresh project.
        File.WriteAllText(Path.Combine(_work, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_work, "Directory.Packages.props"), "<Project />");

        _buildOutput = await RunDotnet(project, "build -c Release");

        _baseAddress = new Uri($"http://127.0.0.1:{ProcessRunner.FreePort()}");
        _server = ProcessRunner.Start(project, "dotnet", $"bin/Release/net10.0/Consumer.dll --urls {_baseAddress}");
        await ProcessRunner.WaitUntilAnsweringAsync(new Uri(_baseAddress, "/tasks/"), _server);
    }

    [OneTimeTearDown]
    public void StopConsumer()
    {
        _server?.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Test]
    public void Consumer_builds_with_zero_warnings()
    {
        Assert.That(_buildOutput, Does.Contain("0 Warning(s)"));
    }

    /// <summary>
    /// A project full of mistakes, built against the same package: every FEG diagnostic shows in the
    /// build output at the line that says it expects it (<c>// expect FEG2001</c>).
    /// </summary>
    [Test]
    public async Task Analyzers_report_every_mistake_at_its_line()
    {
        var project = Path.Combine(_work, "Mistakes");
        Directory.CreateDirectory(project);
        var source = Path.Combine(TestContext.CurrentContext.TestDirectory, "Mistakes", "Program.cs");
        File.Copy(source, Path.Combine(project, "Program.cs"));
        File.Copy(Path.Combine(_work, "Consumer", "nuget.config"), Path.Combine(project, "nuget.config"));
        // Doc comments are parsed (FEG5002/FEG5003) only when the project generates its XML documentation.
        File.WriteAllText(Path.Combine(project, "Mistakes.csproj"), File.ReadAllText(Path.Combine(_work, "Consumer", "Consumer.csproj"))
            .Replace("<Nullable>enable</Nullable>", "<Nullable>enable</Nullable><GenerateDocumentationFile>true</GenerateDocumentationFile><NoWarn>CS1591;CS1572</NoWarn>", StringComparison.Ordinal));

        var output = await RunDotnet(project, "build -c Release", expectSuccess: false);

        var lines = File.ReadAllLines(source);
        var expected = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].IndexOf("expect FEG", StringComparison.Ordinal);
            if (marker < 0)
            {
                continue;
            }

            foreach (var id in lines[i][(marker + "expect ".Length)..].Split(' ', '<').Where(w => w.StartsWith("FEG", StringComparison.Ordinal)))
            {
                expected++;
                Assert.That(output, Does.Match($@"Program\.cs\({i + 1},\d+\): (error|warning) {id}:"), $"{id} at line {i + 1}");
            }
        }

        Assert.That(expected, Is.GreaterThanOrEqualTo(19));
    }

    [Test]
    public void Package_carries_generator_and_analyzers()
    {
        var feed = Path.Combine(_work, "feed");
        var package = Directory.GetFiles(feed, "FastEndpointsGen.*.nupkg").Single();
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(entries, Does.Contain("lib/net10.0/FastEndpointsGen.dll"));
        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/FastEndpointsGen.Generator.dll"));
        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/FastEndpointsGen.Analyzers.dll"));
        Assert.That(entries, Does.Contain("build/FastEndpointsGen.targets"));
        Assert.That(entries, Does.Contain("build/FastEndpointsGen.Tasks.dll"));
    }

    [Test]
    public async Task Body_query_route_and_services_bind_and_respond_in_camelCase()
    {
        using var created = await Http.PostAsync(new Uri(_baseAddress, "/tasks/"),
            new StringContent("""{"title":"Write docs"}""", Encoding.UTF8, "application/json"));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await created.Content.ReadAsStringAsync();
        Assert.That(body, Does.Match("""^\{"id":\d+,"title":"Write docs","completed":false\}$"""));

        var list = await Http.GetStringAsync(new Uri(_baseAddress, "/tasks/?completed=false&limit=10"));
        Assert.That(list, Does.StartWith("[{\"id\":").And.Contain("\"title\":\"Write docs\""));

        var one = await Http.GetStringAsync(new Uri(_baseAddress, "/tasks/1"));
        Assert.That(one, Is.EqualTo("""{"id":1,"title":"Write docs","completed":false}"""));
    }

    [Test]
    public async Task Text_and_empty_responses()
    {
        using var _ = await Http.PostAsync(new Uri(_baseAddress, "/tasks/"),
            new StringContent("""{"title":"Text me"}""", Encoding.UTF8, "application/json"));
        using var text = await Http.GetAsync(new Uri(_baseAddress, "/tasks/1/title"));
        Assert.That(text.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));

        using var deleted = await Http.DeleteAsync(new Uri(_baseAddress, "/tasks/999"));
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task Header_and_query_arrays_bind()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseAddress, "/tasks/search?tag=a&tag=b"));
        request.Headers.Add("X-Term", "find");
        using var response = await Http.SendAsync(request);
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""["find","a","b"]"""));
    }

    [Test]
    public async Task Unparsable_route_value_is_422_at_its_location()
    {
        using var response = await Http.GetAsync(new Uri(_baseAddress, "/tasks/abc"));
        Assert.That((int)response.StatusCode, Is.EqualTo(422));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"path.id\":["));
    }

    [Test]
    public async Task HttpError_is_a_problem_response()
    {
        using var response = await Http.GetAsync(new Uri(_baseAddress, "/tasks/999"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"detail\":\"Task not found\""));
    }

    [Test]
    public async Task Docs_routes_are_served()
    {
        using var document = await Http.GetAsync(new Uri(_baseAddress, "/openapi.json"));
        Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var docs = await Http.GetAsync(new Uri(_baseAddress, "/docs"));
        Assert.That(docs.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>Every build writes the compile-time document to <c>obj/…/openapi.json</c> (docs/openapi.md#the-document-as-a-build-artifact).</summary>
    [Test]
    public async Task The_build_writes_the_document_the_app_serves()
    {
        var artifact = Path.Combine(_work, "Consumer", "obj", "Release", "net10.0", "openapi.json");
        Assert.That(File.Exists(artifact), Is.True, "obj/Release/net10.0/openapi.json");
        var written = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(artifact))!;
        var served = System.Text.Json.Nodes.JsonNode.Parse(await Http.GetStringAsync(new Uri(_baseAddress, "/openapi.json")))!;
        Assert.That(written["paths"]!.AsObject(), Has.Count.EqualTo(5));
        Assert.That(System.Text.Json.Nodes.JsonNode.DeepEquals(written["paths"], served["paths"]), Is.True, "paths");
        Assert.That(System.Text.Json.Nodes.JsonNode.DeepEquals(written["components"], served["components"]), Is.True, "components");
    }

    /// <summary>
    /// A committed <c>openapi.baseline.json</c> turns breaking changes into build warnings at the baseline's line;
    /// <c>-p:FegAcceptOpenApiBaseline=true</c> makes the new document the baseline, and the next build is quiet.
    /// </summary>
    [Test]
    public async Task A_baseline_reports_breaking_changes_until_accepted()
    {
        var project = Path.Combine(_work, "Evolving");
        Directory.CreateDirectory(project);
        foreach (var file in new[] { "Program.cs", "Consumer.csproj", "nuget.config" })
        {
            File.Copy(Path.Combine(_work, "Consumer", file), Path.Combine(project, file));
        }

        // The baseline: the current document with one more operation, and NewTask's title not yet required.
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_work, "Consumer", "obj", "Release", "net10.0", "openapi.json")))!;
        document["paths"]!["/tasks/legacy"] = System.Text.Json.Nodes.JsonNode.Parse("""{"get":{"operationId":"Legacy","responses":{"200":{"description":"OK"}}}}""");
        document["components"]!["schemas"]!["NewTask"]!["required"] = new System.Text.Json.Nodes.JsonArray();
        var baseline = Path.Combine(project, "openapi.baseline.json");
        File.WriteAllText(baseline, document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        var output = await RunDotnet(project, "build -c Release", expectSuccess: false);
        Assert.That(output, Does.Match(@"openapi\.baseline\.json\(\d+(,\d+)?\): (warning|error) FEG5004: The operation GET /tasks/legacy \(Legacy\) was removed"));
        Assert.That(output, Does.Match(@"openapi\.baseline\.json\(\d+(,\d+)?\): (warning|error) FEG5006: The member 'title' of schema NewTask is now required"));

        var accepted = await RunDotnet(project, "build -c Release -p:FegAcceptOpenApiBaseline=true");
        Assert.That(accepted, Does.Not.Contain("FEG500"));
        Assert.That(File.ReadAllText(baseline), Is.EqualTo(File.ReadAllText(Path.Combine(project, "obj", "Release", "net10.0", "openapi.json"))));

        var quiet = await RunDotnet(project, "build -c Release");
        Assert.That(quiet, Does.Not.Contain("FEG500").And.Contain("0 Warning(s)"));
    }

    [Test]
    public async Task Doc_comments_of_a_referenced_contracts_library_describe_its_models()
    {
        // A command-line build: the compiler does not read the library's documentation file; the package's build logic
        // passes it to the generator (docs/projects.md#doc-comments-of-referenced-models).
        var document = await Http.GetStringAsync(new Uri(_baseAddress, "/openapi.json"));
        Assert.That(document, Does.Contain("\"description\": \"A greeting from the contracts library.\""));
        Assert.That(document, Does.Contain("\"description\": \"What to say.\""));
    }

    [Test]
    public void Package_carries_the_build_logic_for_direct_and_transitive_references()
    {
        var package = Directory.GetFiles(Path.Combine(_work, "feed"), "FastEndpointsGen.*.nupkg").Single();
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(entries, Does.Contain("build/FastEndpointsGen.targets").And.Contain("buildTransitive/FastEndpointsGen.targets"));
    }

    /// <summary>The dotnet CLI without its telemetry and banner; a failure shows everything it printed.</summary>
    private static Task<string> RunDotnet(string directory, string arguments, bool expectSuccess = true) =>
        ProcessRunner.RunAsync(directory, "dotnet", arguments, DotnetQuiet, expectSuccess);

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
