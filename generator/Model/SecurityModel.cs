namespace FastEndpointsGen.Generator.Model;

/// <summary>
/// A security scheme the assembly declares with <c>[assembly: OpenApiSecurityScheme]</c> or an OAuth2 flow attribute
/// (docs/security.md), valid as declared: the analyzers report the others (FEG5010) and the document leaves them out.
/// </summary>
/// <param name="Name">The key in <c>components.securitySchemes</c>.</param>
/// <param name="Kind">The <c>SecuritySchemeKind</c> member's name, e.g. <c>HttpBearer</c>.</param>
/// <param name="AuthenticationScheme">The ASP.NET Core authentication scheme it describes.</param>
/// <param name="IsDefault">Whether operations that name no authentication scheme refer to it.</param>
internal sealed record SecuritySchemeModel(
    string Name,
    string Kind,
    string? Description,
    string? BearerFormat,
    string? ParameterName,
    string? OpenIdConnectUrl,
    string AuthenticationScheme,
    bool IsDefault,
    EquatableArray<OAuthFlowModel> Flows);

/// <summary>One OAuth2 flow: <c>implicit</c>, <c>password</c>, <c>clientCredentials</c> or <c>authorizationCode</c>.</summary>
internal sealed record OAuthFlowModel(string Flow, string? AuthorizationUrl, string? TokenUrl, string? RefreshUrl, EquatableArray<ScopeModel> Scopes);

/// <summary>A scope an OAuth2 flow grants, with its description (empty when none was written).</summary>
internal sealed record ScopeModel(string Name, string Description);
