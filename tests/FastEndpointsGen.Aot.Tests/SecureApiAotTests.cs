using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace FastEndpointsGen.Aot.Tests;

/// <summary>
/// examples/SecureApi (JWT bearer, an OAuth2 password token endpoint, [RequiredScopes], docs/security.md) published as
/// Native AOT with zero warnings: tokens are issued and validated, and scopes enforced, by the native binary.
/// </summary>
[TestFixture]
[Category("Aot")]
[NonParallelizable]
public sealed class SecureApiAotTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private NativeServer _server = null!;

    [OneTimeSetUp]
    public async Task PublishAndStart()
    {
        var output = Path.Combine(AotWorkspace.Work, "secureapi");
        await AotWorkspace.PublishAot(Path.Combine(AotWorkspace.Root, "examples", "SecureApi", "SecureApi.csproj"), output);
        _server = await NativeServer.Start(Path.Combine(output, "SecureApi"), "/openapi.json");
    }

    [OneTimeTearDown]
    public void Stop() => _server?.Dispose();

    private async Task<string> Token(string username, string password)
    {
        using var response = await Http.PostAsync(new Uri(_server.BaseAddress, "/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = password,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body + _server.Log);
        Assert.That((string?)JsonNode.Parse(body)!["token_type"], Is.EqualTo("bearer"));
        return (string)JsonNode.Parse(body)!["access_token"]!;
    }

    private async Task<HttpStatusCode> Post(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.BaseAddress, "/notes/"))
        {
            Content = new StringContent("""{"text":"native"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    [Test]
    public async Task Native_binary_issues_validates_and_enforces_scopes()
    {
        using var anonymous = await _server.GetAsync("/notes/");
        Assert.Multiple(async () =>
        {
            Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await Post(await Token("johndoe", "secret")), Is.EqualTo(HttpStatusCode.Created), _server.Log);
            Assert.That(await Post(await Token("alice", "secret2")), Is.EqualTo(HttpStatusCode.Forbidden), _server.Log);
        });
    }
}
