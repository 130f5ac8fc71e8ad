using System;

namespace FastEndpointsGen;

/// <summary>What kind of credential a security scheme carries (OpenAPI <c>securitySchemes</c>, docs/security.md).</summary>
public enum SecuritySchemeKind
{
    /// <summary><c>Authorization: Bearer &lt;token&gt;</c> (<c>type: http, scheme: bearer</c>); set <c>BearerFormat</c>, e.g. <c>JWT</c>.</summary>
    HttpBearer,

    /// <summary><c>Authorization: Basic &lt;base64&gt;</c> (<c>type: http, scheme: basic</c>).</summary>
    HttpBasic,

    /// <summary>An API key in the request header named by <c>ParameterName</c> (<c>type: apiKey, in: header</c>).</summary>
    ApiKeyHeader,

    /// <summary>An API key in the query parameter named by <c>ParameterName</c> (<c>type: apiKey, in: query</c>).</summary>
    ApiKeyQuery,

    /// <summary>An API key in the cookie named by <c>ParameterName</c> (<c>type: apiKey, in: cookie</c>).</summary>
    ApiKeyCookie,

    /// <summary>OAuth 2.0 (<c>type: oauth2</c>); its flows are declared with <c>[assembly: OAuth2PasswordFlow(…)]</c> and the like.</summary>
    OAuth2,

    /// <summary>OpenID Connect discovery (<c>type: openIdConnect</c>) at <c>OpenIdConnectUrl</c>.</summary>
    OpenIdConnect,
}

/// <summary>
/// Declares a security scheme of the app's OpenAPI document, once per assembly:
/// <c>[assembly: OpenApiSecurityScheme("Bearer", SecuritySchemeKind.HttpBearer, BearerFormat = "JWT")]</c>. The generator
/// reads it at compile time; operations protected by <c>[Authorize]</c> refer to it (docs/security.md). How the app
/// really authenticates stays run-time configuration (<c>AddAuthentication().AddJwtBearer()</c>): this only describes it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class OpenApiSecuritySchemeAttribute : Attribute
{
    /// <summary>Declares the scheme <paramref name="name"/> of the given kind.</summary>
    /// <param name="name">
    /// The scheme's key in <c>components.securitySchemes</c>, and the ASP.NET Core authentication scheme it describes
    /// unless <see cref="AuthenticationScheme"/> says otherwise (JWT bearer's default is <c>Bearer</c>).
    /// </param>
    /// <param name="kind">What the client sends.</param>
    public OpenApiSecuritySchemeAttribute(string name, SecuritySchemeKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>The scheme's key in <c>components.securitySchemes</c>.</summary>
    public string Name { get; }

    /// <summary>What the client sends.</summary>
    public SecuritySchemeKind Kind { get; }

    /// <summary>A description for the document (Markdown).</summary>
    public string? Description { get; set; }

    /// <summary>For <see cref="SecuritySchemeKind.HttpBearer"/>: a hint at the token's format, e.g. <c>JWT</c>.</summary>
    public string? BearerFormat { get; set; }

    /// <summary>For the API key kinds: the header, query parameter or cookie that carries the key. Required for them.</summary>
    public string? ParameterName { get; set; }

    /// <summary>For <see cref="SecuritySchemeKind.OpenIdConnect"/>: the discovery document's URL. Required for it.</summary>
    public string? OpenIdConnectUrl { get; set; }

    /// <summary>
    /// The ASP.NET Core authentication scheme this describes, as <c>[Authorize(AuthenticationSchemes = …)]</c> names it.
    /// Default: <see cref="Name"/>. Two declarations may describe one authentication scheme (an HTTP bearer and an OAuth2
    /// password flow that both end in a JWT handled by <c>Bearer</c>).
    /// </summary>
    public string? AuthenticationScheme { get; set; }

    /// <summary>
    /// Whether <c>[Authorize]</c> without <c>AuthenticationSchemes</c> (the app's default scheme) refers to this one. When no
    /// declaration says true, such operations refer to every declared scheme, as alternatives.
    /// </summary>
    public bool IsDefault { get; set; }
}

/// <summary>
/// An OAuth 2.0 flow of the OAuth2 security scheme <see cref="Scheme"/> (declared by the first flow that names it, or by
/// <c>[assembly: OpenApiSecurityScheme(name, SecuritySchemeKind.OAuth2)]</c>). See docs/security.md.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public abstract class OAuth2FlowAttribute : Attribute
{
    private protected OAuth2FlowAttribute(string scheme) => Scheme = scheme;

    /// <summary>The OAuth2 security scheme this flow belongs to.</summary>
    public string Scheme { get; }

    /// <summary>
    /// The scopes the flow grants, each a scope name optionally followed by a space and a description
    /// (<c>"tasks:read Read your tasks"</c>): a scope name never contains a space (RFC 6749 §3.3).
    /// </summary>
    public string[]? Scopes { get; set; }

    /// <summary>Where a token is refreshed, if the server supports it.</summary>
    public string? RefreshUrl { get; set; }
}

/// <summary>The resource owner password flow: the client posts <c>username</c> and <c>password</c> to <see cref="TokenUrl"/>.</summary>
public sealed class OAuth2PasswordFlowAttribute : OAuth2FlowAttribute
{
    /// <summary>Declares the password flow of the OAuth2 scheme <paramref name="scheme"/>.</summary>
    public OAuth2PasswordFlowAttribute(string scheme)
        : base(scheme)
    {
    }

    /// <summary>Where the client obtains a token, e.g. <c>/token</c>. Required.</summary>
    public string? TokenUrl { get; set; }
}

/// <summary>The client credentials flow: the client posts its own id and secret to <see cref="TokenUrl"/>.</summary>
public sealed class OAuth2ClientCredentialsFlowAttribute : OAuth2FlowAttribute
{
    /// <summary>Declares the client credentials flow of the OAuth2 scheme <paramref name="scheme"/>.</summary>
    public OAuth2ClientCredentialsFlowAttribute(string scheme)
        : base(scheme)
    {
    }

    /// <summary>Where the client obtains a token. Required.</summary>
    public string? TokenUrl { get; set; }
}

/// <summary>The authorization code flow: the user signs in at <see cref="AuthorizationUrl"/>, the client redeems the code at <see cref="TokenUrl"/>.</summary>
public sealed class OAuth2AuthorizationCodeFlowAttribute : OAuth2FlowAttribute
{
    /// <summary>Declares the authorization code flow of the OAuth2 scheme <paramref name="scheme"/>.</summary>
    public OAuth2AuthorizationCodeFlowAttribute(string scheme)
        : base(scheme)
    {
    }

    /// <summary>Where the user signs in and grants access. Required.</summary>
    public string? AuthorizationUrl { get; set; }

    /// <summary>Where the client redeems the code for a token. Required.</summary>
    public string? TokenUrl { get; set; }
}

/// <summary>The implicit flow (discouraged by OAuth 2.0 Security BCP): the token comes back from <see cref="AuthorizationUrl"/>.</summary>
public sealed class OAuth2ImplicitFlowAttribute : OAuth2FlowAttribute
{
    /// <summary>Declares the implicit flow of the OAuth2 scheme <paramref name="scheme"/>.</summary>
    public OAuth2ImplicitFlowAttribute(string scheme)
        : base(scheme)
    {
    }

    /// <summary>Where the user signs in and the token is issued. Required.</summary>
    public string? AuthorizationUrl { get; set; }
}
