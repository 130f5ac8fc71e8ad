using System.Text.Json.Nodes;
using FastEndpointsGen.Generator.Tests.Infrastructure;
using NUnit.Framework;

namespace FastEndpointsGen.Generator.Tests;

/// <summary>
/// Security schemes declared with assembly attributes and the requirements operations get from [Authorize],
/// [RequiredScopes] and [AllowAnonymous] (docs/security.md). Each document compiles, caches and validates.
/// </summary>
public class OpenApiSecurityTests
{
    private const string Declarations = """
        using FastEndpointsGen;
        using Microsoft.AspNetCore.Authorization;

        [assembly: OpenApiSecurityScheme("Bearer", SecuritySchemeKind.HttpBearer, BearerFormat = "JWT", IsDefault = true, Description = "A JWT from /token.")]
        [assembly: OpenApiSecurityScheme("basic", SecuritySchemeKind.HttpBasic)]
        [assembly: OpenApiSecurityScheme("key", SecuritySchemeKind.ApiKeyHeader, ParameterName = "X-API-Key")]
        [assembly: OpenApiSecurityScheme("queryKey", SecuritySchemeKind.ApiKeyQuery, ParameterName = "api_key")]
        [assembly: OpenApiSecurityScheme("cookieKey", SecuritySchemeKind.ApiKeyCookie, ParameterName = "session")]
        [assembly: OpenApiSecurityScheme("oidc", SecuritySchemeKind.OpenIdConnect, OpenIdConnectUrl = "https://login.example.com/.well-known/openid-configuration")]
        [assembly: OpenApiSecurityScheme("oauth2", SecuritySchemeKind.OAuth2, AuthenticationScheme = "Bearer")]
        [assembly: OAuth2PasswordFlow("oauth2", TokenUrl = "/token", Scopes = ["tasks:read Read your tasks", "tasks:write"])]
        [assembly: OAuth2ClientCredentialsFlow("oauth2", TokenUrl = "/token", Scopes = ["tasks:read"])]
        [assembly: OAuth2AuthorizationCodeFlow("partner", AuthorizationUrl = "https://login.example.com/authorize", TokenUrl = "https://login.example.com/token", RefreshUrl = "https://login.example.com/refresh")]
        [assembly: OAuth2ImplicitFlow("partner", AuthorizationUrl = "https://login.example.com/authorize", Scopes = ["profile"])]
        """;

    [Test]
    public void DeclaredSchemes_AreTheComponents_AndRequirementsFollowAuthorize()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches(Declarations, """
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Authorization;

            namespace Demo;

            [EndpointGroup("/tasks"), Authorize]
            public static class Tasks
            {
                [Get("/")]
                [RequiredScopes("tasks:read")]
                public static string List() => "";

                [Post("/")]
                [Authorize(Roles = "writer")]
                public static string Create() => "";

                [Get("/public"), AllowAnonymous]
                public static string Public() => "";

                [Delete("/{id}")]
                [Authorize(AuthenticationSchemes = "basic,key")]
                public static void Delete(int id) { }

                public static class Partner
                {
                    [Get("/partner")]
                    [Authorize(AuthenticationSchemes = "partner"), RequiredScopes("profile")]
                    public static string Get() => "";
                }
            }

            public static class Open
            {
                [Get("/scoped")]
                [RequiredScopes("tasks:write")]
                public static string Scoped() => "";
            }
            """);

        var document = JsonNode.Parse(OpenApiSnapshotTests.AssertValid(result))!;
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        JsonNode Operation(string path, string method) => document["paths"]![path]![method]!;
        string Security(string path, string method) => Operation(path, method)["security"]?.ToJsonString() ?? "none";
        IEnumerable<string> Responses(string path, string method) => Operation(path, method)["responses"]!.AsObject().Select(r => r.Key);

        Assert.Multiple(() =>
        {
            Assert.That(schemes.Select(s => s.Key), Is.EqualTo(new[] { "Bearer", "basic", "key", "queryKey", "cookieKey", "oidc", "oauth2", "partner" }));
            Assert.That(schemes["Bearer"]!.ToJsonString(), Is.EqualTo("""{"type":"http","scheme":"bearer","bearerFormat":"JWT","description":"A JWT from /token."}"""));
            Assert.That(schemes["basic"]!.ToJsonString(), Is.EqualTo("""{"type":"http","scheme":"basic"}"""));
            Assert.That(schemes["key"]!.ToJsonString(), Is.EqualTo("""{"type":"apiKey","name":"X-API-Key","in":"header"}"""));
            Assert.That(schemes["queryKey"]!.ToJsonString(), Is.EqualTo("""{"type":"apiKey","name":"api_key","in":"query"}"""));
            Assert.That(schemes["cookieKey"]!.ToJsonString(), Is.EqualTo("""{"type":"apiKey","name":"session","in":"cookie"}"""));
            Assert.That(schemes["oidc"]!.ToJsonString(), Is.EqualTo("""{"type":"openIdConnect","openIdConnectUrl":"https://login.example.com/.well-known/openid-configuration"}"""));
            Assert.That(schemes["oauth2"]!.ToJsonString(), Is.EqualTo(
                """{"type":"oauth2","flows":{"password":{"tokenUrl":"/token","scopes":{"tasks:read":"Read your tasks","tasks:write":""}},"clientCredentials":{"tokenUrl":"/token","scopes":{"tasks:read":""}}}}"""));
            Assert.That(schemes["partner"]!["flows"]!.AsObject().Select(f => f.Key), Is.EqualTo(new[] { "authorizationCode", "implicit" }));
            Assert.That((string?)schemes["partner"]!["flows"]!["authorizationCode"]!["refreshUrl"], Is.EqualTo("https://login.example.com/refresh"));

            // [Authorize] on the group class, no scheme named: the default (IsDefault) one.
            Assert.That(Security("/tasks", "get"), Is.EqualTo("""[{"Bearer":["tasks:read"]}]"""));
            Assert.That(Responses("/tasks", "get"), Is.SupersetOf(new[] { "401", "403" }));
            Assert.That(Security("/tasks", "post"), Is.EqualTo("""[{"Bearer":[]}]"""));
            Assert.That(Responses("/tasks", "post"), Is.SupersetOf(new[] { "401", "403" }));
            Assert.That(Security("/tasks/public", "get"), Is.EqualTo("none"));
            Assert.That(Responses("/tasks/public", "get"), Has.None.EqualTo("401"));
            // Named schemes are alternatives.
            Assert.That(Security("/tasks/{id}", "delete"), Is.EqualTo("""[{"basic":[]},{"key":[]}]"""));
            Assert.That(Responses("/tasks/{id}", "delete"), Has.Member("401").And.No.EqualTo("403"));
            // A nested class inherits the outer class's [Authorize]; it names the partner scheme.
            Assert.That(Security("/partner", "get"), Is.EqualTo("""[{"partner":["profile"]}]"""));
            // [RequiredScopes] alone protects (the authorization middleware challenges an anonymous caller).
            Assert.That(Security("/scoped", "get"), Is.EqualTo("""[{"Bearer":["tasks:write"]}]"""));
            Assert.That(Responses("/scoped", "get"), Is.SupersetOf(new[] { "401", "403" }));
        });
    }

    [Test]
    public void OneAuthenticationScheme_DescribedTwice_IsListedAsAlternatives()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Authorization;

            [assembly: OpenApiSecurityScheme("bearer", SecuritySchemeKind.HttpBearer, BearerFormat = "JWT", AuthenticationScheme = "Bearer")]
            [assembly: OAuth2PasswordFlow("Bearer", TokenUrl = "/token", Scopes = ["tasks:read"])]

            namespace Demo;

            public static class Tasks
            {
                [Get("/tasks"), Authorize(AuthenticationSchemes = "Bearer")]
                public static string List() => "";

                [Get("/other"), Authorize]
                public static string Other() => "";
            }
            """);

        var document = JsonNode.Parse(OpenApiSnapshotTests.AssertValid(result))!;
        Assert.Multiple(() =>
        {
            Assert.That(document["paths"]!["/tasks"]!["get"]!["security"]!.ToJsonString(), Is.EqualTo("""[{"bearer":[]},{"Bearer":[]}]"""));
            // No IsDefault anywhere: the app's default scheme could be any of them.
            Assert.That(document["paths"]!["/other"]!["get"]!["security"]!.ToJsonString(), Is.EqualTo("""[{"bearer":[]},{"Bearer":[]}]"""));
        });
    }

    [Test]
    public void NoDeclaration_KeepsTheDefaultBearerScheme()
    {
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Authorization;

            namespace Demo;

            public static class Tasks
            {
                [Get("/tasks"), Authorize(AuthenticationSchemes = "Cookies")]
                public static string List() => "";

                [Get("/public")]
                public static string Public() => "";
            }
            """);

        var document = JsonNode.Parse(OpenApiSnapshotTests.AssertValid(result))!;
        Assert.Multiple(() =>
        {
            Assert.That(document["paths"]!["/tasks"]!["get"]!["security"]!.ToJsonString(), Is.EqualTo("""[{"bearer":[]}]"""));
            Assert.That(document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key), Is.EqualTo(new[] { "bearer" }));
        });
    }

    [Test]
    public void InvalidDeclarations_AreLeftOut_AndTheDocumentStaysValid()
    {
        // FEG5010 reports each of these (analyzer tests); the generator documents only what is valid.
        var result = GeneratorAssert.CompilesCleanlyAndCaches("""
            using FastEndpointsGen;
            using Microsoft.AspNetCore.Authorization;

            [assembly: OpenApiSecurityScheme("key", SecuritySchemeKind.ApiKeyHeader)]
            [assembly: OAuth2PasswordFlow("oauth2", Scopes = ["a"])]
            [assembly: OAuth2ClientCredentialsFlow("cc", TokenUrl = "/token")]

            namespace Demo;

            public static class Tasks
            {
                [Get("/tasks"), Authorize]
                public static string List() => "";
            }
            """);

        var document = JsonNode.Parse(OpenApiSnapshotTests.AssertValid(result))!;
        Assert.Multiple(() =>
        {
            Assert.That(document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key), Is.EqualTo(new[] { "cc" }));
            Assert.That(document["paths"]!["/tasks"]!["get"]!["security"]!.ToJsonString(), Is.EqualTo("""[{"cc":[]}]"""));
        });
    }
}
