using FastEndpointsGen.Analyzers.Tests.Infrastructure;

namespace FastEndpointsGen.Analyzers.Tests;

/// <summary>FEG5010–FEG5012: security scheme declarations and what endpoints refer to (docs/security.md).</summary>
public class SecurityAnalyzerTests
{
    [Test]
    public Task ValidDeclarationsAndReferencesReportNothing() => Verify<SecurityAnalyzer>.AnalyzerAsync("""
        using Microsoft.AspNetCore.Authorization;

        [assembly: OpenApiSecurityScheme("bearer", SecuritySchemeKind.HttpBearer, BearerFormat = "JWT", AuthenticationScheme = "Bearer")]
        [assembly: OpenApiSecurityScheme("key", SecuritySchemeKind.ApiKeyCookie, ParameterName = "key")]
        [assembly: OpenApiSecurityScheme("oidc", SecuritySchemeKind.OpenIdConnect, OpenIdConnectUrl = "https://example.com/.well-known/openid-configuration")]
        [assembly: OAuth2PasswordFlow("Bearer", TokenUrl = "/token", Scopes = ["tasks:read Read tasks", "tasks:write"])]
        [assembly: OAuth2AuthorizationCodeFlow("partner", AuthorizationUrl = "https://example.com/authorize", TokenUrl = "https://example.com/token")]
        [assembly: OAuth2ImplicitFlow("partner", AuthorizationUrl = "https://example.com/authorize")]

        [Authorize(AuthenticationSchemes = "Bearer")]
        public static class Handlers
        {
            [Get("/items"), RequiredScopes("tasks:read")]
            public static string List() => "";

            [Get("/keyed"), Authorize(AuthenticationSchemes = "key, oidc")]
            public static string Keyed() => "";

            [Get("/open"), AllowAnonymous, Authorize(AuthenticationSchemes = "Nowhere")]
            public static string Open() => "";
        }
        """);

    [Test]
    public Task FEG5010_InvalidDeclarations() => Verify<SecurityAnalyzer>.AnalyzerAsync("""
        [assembly: {|FEG5010:OpenApiSecurityScheme("key", SecuritySchemeKind.ApiKeyHeader)|}]
        [assembly: {|FEG5010:OpenApiSecurityScheme("key", SecuritySchemeKind.HttpBasic)|}]
        [assembly: OpenApiSecurityScheme("basic", SecuritySchemeKind.HttpBasic, {|FEG5010:BearerFormat = "JWT"|})]
        [assembly: {|FEG5010:OpenApiSecurityScheme("oidc", SecuritySchemeKind.OpenIdConnect)|}]
        [assembly: {|FEG5010:OpenApiSecurityScheme("empty", SecuritySchemeKind.OAuth2)|}]
        [assembly: {|FEG5010:OAuth2PasswordFlow("oauth2", Scopes = ["a"])|}]
        [assembly: {|FEG5010:OAuth2AuthorizationCodeFlow("code", TokenUrl = "/token")|}]
        [assembly: {|FEG5010:OAuth2ImplicitFlow("basic", AuthorizationUrl = "/authorize")|}]
        [assembly: OAuth2ClientCredentialsFlow("cc", TokenUrl = "/token", {|FEG5010:Scopes = ["a", "a twice"]|})]

        public static class Handlers
        {
            [Get("/items")]
            public static string List() => "";
        }
        """);

    [Test]
    public Task FEG5011_UndeclaredAuthenticationScheme() => Verify<SecurityAnalyzer>.AnalyzerAsync("""
        using Microsoft.AspNetCore.Authorization;

        [assembly: OpenApiSecurityScheme("Bearer", SecuritySchemeKind.HttpBearer)]

        [Authorize({|FEG5011:AuthenticationSchemes = "Cookies"|})]
        public static class Handlers
        {
            [Get("/items")]
            public static string List() => "";

            [Get("/other"), Authorize({|FEG5011:AuthenticationSchemes = "Bearer,ApiKey"|})]
            public static string Other() => "";
        }
        """);

    [Test]
    public Task FEG5011_NotReportedWhenNoSchemeIsDeclared() => Verify<SecurityAnalyzer>.AnalyzerAsync("""
        using Microsoft.AspNetCore.Authorization;

        public static class Handlers
        {
            [Get("/items"), Authorize(AuthenticationSchemes = "Cookies")]
            public static string List() => "";
        }
        """);

    [Test]
    public Task FEG5012_UndeclaredScope() => Verify<SecurityAnalyzer>.AnalyzerAsync("""
        using Microsoft.AspNetCore.Authorization;

        [assembly: OAuth2PasswordFlow("oauth2", TokenUrl = "/token", Scopes = ["tasks:read"])]

        [RequiredScopes("tasks:read", {|FEG5012:"tasks:admin"|})]
        public static class Handlers
        {
            [Get("/items")]
            public static string List() => "";

            [Get("/other"), RequiredScopes({|FEG5012:"tasks:write"|})]
            public static string Other() => "";
        }
        """);
}
