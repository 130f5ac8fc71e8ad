using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FastEndpointsGen.Testing;

namespace Clients.Tests;

/// <summary>
/// Prism 5 in front of TaskApi (a real Kestrel server on a free loopback port), validating every request and response
/// against TaskApi's build artifact. Two proxies run side by side:
/// <list type="bullet">
/// <item><c>--errors</c> (strict): a response outside the document becomes Prism's own error, and a request the document
/// forbids is refused by Prism itself without reaching the server;</item>
/// <item>reporting (no <c>--errors</c>): everything is forwarded and Prism lists what broke the document in the
/// <c>sl-violations</c> header, so the server's answers to forbidden requests are checked against the document too.</item>
/// </list>
/// </summary>
[TestFixture]
[Category("Clients")]
[NonParallelizable]
public sealed class PrismProxyTests
{
    private const string PrismError = "https://stoplight.io/prism/errors#";
    private RunningProcess? _taskApi;
    private RunningProcess? _strict;
    private RunningProcess? _reporting;
    private HttpClient _http = null!;
    private Uri _strictBase = null!;
    private Uri _reportingBase = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var npm = await NpmTools.DirectoryAsync();
        var api = new Uri($"http://127.0.0.1:{ProcessRunner.FreePort()}");
        _taskApi = Tool.Start(TestContext.CurrentContext.TestDirectory, "dotnet", $"TaskApi.dll --urls {api} --TaskApi:Database=:memory:");
        _strictBase = new Uri($"http://127.0.0.1:{ProcessRunner.FreePort()}");
        _reportingBase = new Uri($"http://127.0.0.1:{ProcessRunner.FreePort()}");
        _strict = Prism(npm, api, _strictBase, "--errors");
        _reporting = Prism(npm, api, _reportingBase, "");
        await ProcessRunner.WaitUntilAnsweringAsync(new Uri(api, "/openapi.json"), _taskApi);
        await ProcessRunner.WaitUntilAnsweringAsync(new Uri(_strictBase, "/tasks"), _strict);
        await ProcessRunner.WaitUntilAnsweringAsync(new Uri(_reportingBase, "/tasks"), _reporting);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static RunningProcess Prism(string npm, Uri upstream, Uri listen, string options) =>
        Tool.Start(npm, "npx", $"--no-install prism proxy \"{Documents.TaskApi}\" {upstream} {options} --host 127.0.0.1 --port {listen.Port}");

    [OneTimeTearDown]
    public void Stop()
    {
        _http?.Dispose();
        _strict?.Dispose();
        _reporting?.Dispose();
        _taskApi?.Dispose();
    }

    [Test]
    public async Task The_scenario_through_the_strict_proxy_has_no_violation()
    {
        var created = await SendAsync(_strictBase, HttpMethod.Post, "/tasks", Json("""{"title":"Buy milk"}"""), HttpStatusCode.Created);
        var id = created.RootElement.GetProperty("id").GetInt32();
        await SendAsync(_strictBase, HttpMethod.Get, "/tasks?completed=false&limit=10", null, HttpStatusCode.OK);
        await SendAsync(_strictBase, HttpMethod.Get, $"/tasks/{id}", null, HttpStatusCode.OK);
        await SendAsync(_strictBase, HttpMethod.Patch, $"/tasks/{id}", Json("""{"title":"Buy oat milk"}"""), HttpStatusCode.OK);
        await SendAsync(_strictBase, HttpMethod.Patch, $"/tasks/{id}", Json("""{"completed":false}"""), HttpStatusCode.OK);
        await SendAsync(_strictBase, HttpMethod.Post, $"/tasks/{id}/complete", null, HttpStatusCode.OK);
        await SendAsync(_strictBase, HttpMethod.Delete, $"/tasks/{id}", null, HttpStatusCode.NoContent);

        // A 404 the handler throws is a documented answer: Prism passes it on.
        var missing = await SendAsync(_strictBase, HttpMethod.Get, $"/tasks/{id}", null, HttpStatusCode.NotFound);
        Assert.That(missing.RootElement.GetProperty("detail").GetString(), Is.EqualTo("Task not found"));
        await SendAsync(_strictBase, HttpMethod.Delete, $"/tasks/{id}", null, HttpStatusCode.NotFound);
    }

    /// <summary>Requests the document forbids, and what TaskApi answers to each.</summary>
    private static IEnumerable<TestCaseData> Forbidden()
    {
        yield return Case("an empty title", HttpMethod.Post, "/tasks", Json("""{"title":""}"""), HttpStatusCode.UnprocessableEntity);
        yield return Case("a whitespace-only title", HttpMethod.Post, "/tasks", Json("""{"title":"   "}"""), HttpStatusCode.UnprocessableEntity);
        yield return Case("no title", HttpMethod.Post, "/tasks", Json("""{"completed":true}"""), HttpStatusCode.UnprocessableEntity);
        yield return Case("a title over 200 characters", HttpMethod.Post, "/tasks", Json($$"""{"title":"{{new string('a', 201)}}"}"""), HttpStatusCode.UnprocessableEntity);
        yield return Case("a text where a boolean belongs", HttpMethod.Post, "/tasks", Json("""{"title":"x","completed":"yes"}"""), HttpStatusCode.UnprocessableEntity);
        yield return Case("a limit over 100", HttpMethod.Get, "/tasks?limit=1000", null, HttpStatusCode.UnprocessableEntity);
        yield return Case("an id that is not a number", HttpMethod.Get, "/tasks/abc", null, HttpStatusCode.UnprocessableEntity);
        yield return Case("a text body", HttpMethod.Post, "/tasks", Text("Buy milk"), HttpStatusCode.UnsupportedMediaType);
        yield return Case("a text PATCH body", HttpMethod.Patch, "/tasks/1", Text("done"), HttpStatusCode.UnsupportedMediaType);
        // Over MaxRequestBodySize (1 MiB): the server refuses it before reading; the document's maxLength forbids it too.
        yield return Case("a body over the size limit", HttpMethod.Post, "/tasks", Json($$"""{"title":"{{new string('a', 1_100_000)}}"}"""), HttpStatusCode.RequestEntityTooLarge);

        static TestCaseData Case(string name, HttpMethod method, string path, Func<HttpContent>? content, HttpStatusCode server) =>
            new TestCaseData(method, path, content, server).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(Forbidden))]
    public async Task A_request_the_document_forbids_is_refused_by_the_strict_proxy(HttpMethod method, string path, Func<HttpContent>? content, HttpStatusCode _)
    {
        using var request = new HttpRequestMessage(method, new Uri(_strictBase, path)) { Content = content?.Invoke() };
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), body);
        Assert.That(body, Does.StartWith("{\"type\":\"" + PrismError + "UNPROCESSABLE_ENTITY"), "Prism refused it itself: the document forbids it");
    }

    [TestCaseSource(nameof(Forbidden))]
    public async Task The_servers_answer_to_a_forbidden_request_is_a_documented_refusal(HttpMethod method, string path, Func<HttpContent>? content, HttpStatusCode server)
    {
        using var request = new HttpRequestMessage(method, new Uri(_reportingBase, path)) { Content = content?.Invoke() };
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var violations = Violations(response);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(server), "the server refuses what the document forbids: " + body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(violations.Where(v => v.StartsWith("request", StringComparison.Ordinal)), Is.Not.Empty, "Prism saw the request break the document");
            Assert.That(violations.Where(v => !v.StartsWith("request", StringComparison.Ordinal)), Is.Empty, "the server's answer is one the document lists");
        });
    }

    private async Task<JsonDocument> SendAsync(Uri proxy, HttpMethod method, string path, Func<HttpContent>? content, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(proxy, path)) { Content = content?.Invoke() };
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {path}: {body}\n{_strict?.Log}");
        Assert.That(Violations(response), Is.Empty, $"{method} {path}");
        Assert.That(body, Does.Not.Contain(PrismError), $"{method} {path}");
        return JsonDocument.Parse(body.Length == 0 ? "null" : body);
    }

    /// <summary>Prism's <c>sl-violations</c> header as "location: message" lines (location starts with request or response).</summary>
    private static List<string> Violations(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("sl-violations", out var values))
        {
            return [];
        }

        using var document = JsonDocument.Parse(string.Concat(values));
        return document.RootElement.EnumerateArray()
            .Select(v => string.Join('.', v.GetProperty("location").EnumerateArray().Select(l => l.ToString())) + ": " + v.GetProperty("message").GetString())
            .ToList();
    }

    private static Func<HttpContent> Text(string text) => () => new StringContent(text, Encoding.UTF8, "text/plain");

    private static Func<HttpContent> Json(string json) => () => new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
