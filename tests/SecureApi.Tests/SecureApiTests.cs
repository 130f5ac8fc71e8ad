using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SecureApi.Tests;

/// <summary>
/// examples/SecureApi over HTTP (docs/security.md): the OAuth2 password flow at POST /token, JWT bearer on the notes,
/// [RequiredScopes] and [Authorize(Roles)] enforced at run time, and the document that says so.
/// </summary>
public sealed class SecureApiTests
{
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new WebApplicationFactory<Program>();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<HttpResponseMessage> PostToken(string username, string password, string? scope = null)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = username, ["password"] = password };
        if (scope is not null)
        {
            fields["scope"] = scope;
        }

        return await _client.PostAsync("/token", new FormUrlEncodedContent(fields));
    }

    private async Task<string> Token(string username, string password, string? scope = null)
    {
        using var response = await PostToken(username, password, scope);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return (string)JsonNode.Parse(body)!["access_token"]!;
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return await _client.SendAsync(request);
    }

    [Test]
    public async Task Token_endpoint_answers_like_the_OAuth2_password_flow()
    {
        using var response = await PostToken("johndoe", "secret");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "access_token", "token_type", "expires_in", "scope" }));
            Assert.That((string?)body["token_type"], Is.EqualTo("bearer"));
            Assert.That((string?)body["scope"], Is.EqualTo("notes:read notes:write"));
            Assert.That(((string)body["access_token"]!).Split('.'), Has.Length.EqualTo(3), "a JWT");
        });
    }

    [Test]
    public async Task Wrong_password_or_unknown_scope_is_400_and_a_missing_field_422()
    {
        using var wrong = await PostToken("johndoe", "nope");
        using var scope = await PostToken("alice", "secret2", "notes:write");
        using var missing = await _client.PostAsync("/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "johndoe" }));
        Assert.Multiple(async () =>
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("Incorrect username or password"));
            Assert.That(scope.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((int)missing.StatusCode, Is.EqualTo(422));
            Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("body.password").And.Not.Contain("secret"));
        });
    }

    [Test]
    public async Task Protected_operations_are_401_without_a_token_or_with_a_forged_one()
    {
        using var none = await Send(HttpMethod.Get, "/notes/", null);
        using var me = await Send(HttpMethod.Get, "/users/me", null);
        var token = await Token("johndoe", "secret");
        using var forged = await Send(HttpMethod.Get, "/notes/", token[..^4] + "AAAA");
        Assert.Multiple(() =>
        {
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(none.Headers.WwwAuthenticate.Select(h => h.Scheme), Has.Member("Bearer"));
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task A_token_from_the_token_endpoint_opens_the_protected_operations()
    {
        var token = await Token("johndoe", "secret");
        using var created = await Send(HttpMethod.Post, "/notes/", token, """{"text":"Buy milk"}""");
        var note = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        using var list = await Send(HttpMethod.Get, "/notes/", token);
        using var me = await Send(HttpMethod.Get, "/users/me", token);
        using var deleted = await Send(HttpMethod.Delete, $"/notes/{(int)note["id"]!}", token);
        Assert.Multiple(async () =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That((string?)note["author"], Is.EqualTo("johndoe"));
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await list.Content.ReadAsStringAsync(), Does.Contain("Buy milk"));
            Assert.That(await me.Content.ReadAsStringAsync(),
                Is.EqualTo("""{"username":"johndoe","fullName":"John Doe","scopes":["notes:read","notes:write"],"roles":["admin"]}"""));
            Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    [Test]
    public async Task Missing_scope_or_role_is_403()
    {
        var alice = await Token("alice", "secret2");
        var readOnly = await Token("johndoe", "secret", "notes:read");
        using var aliceReads = await Send(HttpMethod.Get, "/notes/", alice);
        using var aliceWrites = await Send(HttpMethod.Post, "/notes/", alice, """{"text":"Not mine to write"}""");
        using var narrowWrites = await Send(HttpMethod.Post, "/notes/", readOnly, """{"text":"Asked only for notes:read"}""");
        using var aliceDeletes = await Send(HttpMethod.Delete, "/notes/1", alice);
        Assert.Multiple(() =>
        {
            Assert.That(aliceReads.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(aliceWrites.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(narrowWrites.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(aliceDeletes.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task Document_describes_the_schemes_and_each_operations_requirements()
    {
        using var response = await _client.GetAsync("/openapi.json");
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var schemes = document["components"]!["securitySchemes"]!;
        string Security(string path, string method) => document["paths"]![path]![method]!["security"]?.ToJsonString() ?? "none";
        IEnumerable<string> Responses(string path, string method) => document["paths"]![path]![method]!["responses"]!.AsObject().Select(r => r.Key);
        Assert.Multiple(() =>
        {
            Assert.That(schemes.AsObject().Select(s => s.Key), Is.EqualTo(new[] { "OAuth2", "Bearer" }));
            Assert.That((string?)schemes["OAuth2"]!["flows"]!["password"]!["tokenUrl"], Is.EqualTo("/token"));
            Assert.That(schemes["OAuth2"]!["flows"]!["password"]!["scopes"]!.ToJsonString(),
                Is.EqualTo("""{"notes:read":"Read notes","notes:write":"Create notes"}"""));
            Assert.That((string?)schemes["Bearer"]!["bearerFormat"], Is.EqualTo("JWT"));
            Assert.That(Security("/notes", "get"), Is.EqualTo("""[{"OAuth2":["notes:read"]},{"Bearer":["notes:read"]}]"""));
            Assert.That(Security("/notes", "post"), Is.EqualTo("""[{"OAuth2":["notes:write"]},{"Bearer":["notes:write"]}]"""));
            Assert.That(Security("/notes/{id}", "delete"), Is.EqualTo("""[{"OAuth2":[]},{"Bearer":[]}]"""));
            Assert.That(Security("/token", "post"), Is.EqualTo("none"));
            Assert.That(Responses("/notes", "get"), Is.SupersetOf(new[] { "200", "401", "403" }));
            Assert.That(Responses("/users/me", "get"), Has.Member("401").And.No.EqualTo("403"));
            Assert.That(Responses("/token", "post"), Has.Member("400").And.No.EqualTo("401"));
        });
    }
}
