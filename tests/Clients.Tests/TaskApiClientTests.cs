using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using TaskApi.Client;
using TaskApi.Client.Models;

namespace Clients.Tests;

/// <summary>
/// A Kiota C# client generated at build time from TaskApi's build artifact (docs/openapi.md#the-document-as-a-build-artifact)
/// drives the real app: every operation of the scenario, and the 404 and 422 answers as the typed errors the document lists.
/// </summary>
[TestFixture]
[Category("Clients")]
public sealed class KiotaClientTests
{
    private TaskApiHost? _host;
    private TasksClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _host = new TaskApiHost();
        var http = _host.Http;
        _client = new TasksClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
    }

    [OneTimeTearDown]
    public void Stop() => _host?.Dispose();

    [Test]
    public async Task Create_list_get_patch_complete_delete()
    {
        var created = await _client.Tasks.PostAsync(new NewTask { Title = "Buy milk" });
        Assert.That(created!.Title, Is.EqualTo("Buy milk"));
        Assert.That(created.Completed, Is.False);
        var id = created.Id!.Value;

        var open = await _client.Tasks.GetAsync(r => r.QueryParameters.Completed = false);
        Assert.That(open!.Select(t => t.Id), Does.Contain(id));

        var read = await _client.Tasks[id].GetAsync();
        Assert.That(read!.Title, Is.EqualTo("Buy milk"));

        var renamed = await _client.Tasks[id].PatchAsync(new TaskUpdate { Title = "Buy oat milk" });
        Assert.That(renamed!.Title, Is.EqualTo("Buy oat milk"));
        Assert.That(renamed.Completed, Is.False, "a PATCH leaves out what it does not change");

        var completed = await _client.Tasks[id].Complete.PostAsync();
        Assert.That(completed!.Completed, Is.True);

        await _client.Tasks[id].DeleteAsync();
        Assert.That((await _client.Tasks.GetAsync())!.Select(t => t.Id), Does.Not.Contain(id));
    }

    [Test]
    public void A_missing_task_is_the_typed_404_problem_with_its_message()
    {
        var error = Assert.ThrowsAsync<ProblemDetails>(() => _client.Tasks[987654].GetAsync());
        Assert.That(error!.ResponseStatusCode, Is.EqualTo(404));
        Assert.That(error.Detail, Is.EqualTo("Task not found"));
        Assert.That(error.Message, Is.EqualTo("Task not found"), "x-ms-primary-error-message: the exception reads the problem's detail");
    }

    [Test]
    public void An_invalid_body_is_the_typed_422_problem_with_its_errors()
    {
        var error = Assert.ThrowsAsync<ValidationProblem>(() => _client.Tasks.PostAsync(new NewTask { Title = "" }));
        Assert.That(error!.ResponseStatusCode, Is.EqualTo(422));
        Assert.That(error.Errors!.AdditionalData.Keys, Does.Contain("body.title"));
    }
}

/// <summary>
/// openapi-typescript types of the same document: a typed PATCH body that sends only what changes type-checks with
/// <c>tsc --strict</c> (npm/consumer.ts; versions pinned by npm/package-lock.json).
/// </summary>
[TestFixture]
[Category("Clients")]
public sealed class OpenApiTypeScriptTests
{
    [Test]
    public async Task A_typed_PATCH_body_type_checks_under_strict()
    {
        var npm = await NpmTools.DirectoryAsync();
        await Tool.RunAsync(npm, "npx", $"--no-install openapi-typescript \"{Documents.TaskApi}\" -o schema.d.ts");
        await Tool.RunAsync(npm, "npx", "--no-install tsc --strict --noEmit -p .");
    }
}
