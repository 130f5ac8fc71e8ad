using System.ComponentModel.DataAnnotations;
using TaskApi.NSwagClient;

namespace Clients.Tests;

/// <summary>
/// An NSwag C# client (System.Text.Json) generated at build time from TaskApi's build artifact drives the real app: the
/// scenario, and the 404 and 422 answers as NSwag's typed <c>ApiException&lt;T&gt;</c> with the document's problem types.
/// </summary>
[TestFixture]
[Category("Clients")]
public sealed class NSwagClientTests
{
    private TaskApiHost? _host;
    private TasksClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _host = new TaskApiHost();
        // The document's server is the relative "/": the client resolves it against the HttpClient's base address.
        _client = new TasksClient(_host.Http);
    }

    [OneTimeTearDown]
    public void Stop() => _host?.Dispose();

    [Test]
    public async Task Create_list_get_patch_complete_delete()
    {
        var created = await _client.CreateTaskAsync(new NewTask { Title = "Buy milk" });
        Assert.That(created.Title, Is.EqualTo("Buy milk"));
        Assert.That(created.Completed, Is.False);

        var open = await _client.ListTasksAsync(completed: false, limit: null);
        Assert.That(open.Select(t => t.Id), Does.Contain(created.Id));

        var read = await _client.GetTaskAsync(created.Id);
        Assert.That(read.Title, Is.EqualTo("Buy milk"));

        var renamed = await _client.UpdateTaskAsync(created.Id, new TaskUpdate { Title = "Buy oat milk" });
        Assert.That(renamed.Title, Is.EqualTo("Buy oat milk"));
        Assert.That(renamed.Completed, Is.False, "a PATCH leaves out what it does not change");

        var completed = await _client.CompleteTaskAsync(created.Id);
        Assert.That(completed.Completed, Is.True);

        await _client.DeleteTaskAsync(created.Id);
        Assert.That((await _client.ListTasksAsync(null, null)).Select(t => t.Id), Does.Not.Contain(created.Id));
    }

    [TestCase("Buy milk", true)]
    [TestCase("  x ", true)]
    [TestCase("   ", false)]
    [TestCase("", false)]
    public void The_generated_models_DataAnnotations_agree_with_the_server(string title, bool valid)
    {
        // NSwag turns the document's constraints into DataAnnotations on the model; a client that validates before
        // sending (a Blazor form, MVC) must accept what the server accepts: [RegularExpression] matches the whole value.
        var task = new NewTask { Title = title };
        Assert.That(Validator.TryValidateObject(task, new ValidationContext(task), null, validateAllProperties: true), Is.EqualTo(valid));
    }

    [Test]
    public void A_missing_task_is_the_typed_404_problem_with_a_readable_message()
    {
        var error = Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => _client.GetTaskAsync(987654));
        Assert.That(error!.StatusCode, Is.EqualTo(404));
        Assert.That(error.Result.Detail, Is.EqualTo("Task not found"));
        // NSwag's message is the response's description from the document, then the status and the body.
        Assert.That(error.Message, Does.StartWith("No task has this identifier."));
    }

    [Test]
    public void An_invalid_body_is_the_typed_422_problem_with_its_errors()
    {
        var error = Assert.ThrowsAsync<ApiException<ValidationProblem>>(() => _client.CreateTaskAsync(new NewTask { Title = "" }));
        Assert.That(error!.StatusCode, Is.EqualTo(422));
        Assert.That(error.Result.Errors.Keys, Does.Contain("body.title"));
        Assert.That(error.Result.Title, Is.EqualTo("One or more validation errors occurred."));
    }
}
