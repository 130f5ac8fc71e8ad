using System.Collections.Generic;
using System.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// The security parts of the OpenAPI document (docs/security.md): <c>components.securitySchemes</c> from the assembly's
/// declarations, and each protected operation's <c>security</c> requirements. With no declaration, protected operations
/// refer to one <c>bearer</c> HTTP scheme, as before schemes could be declared.
/// </summary>
internal static class OpenApiSecurity
{
    /// <summary>The scheme protected operations refer to when the assembly declares none.</summary>
    public const string DefaultScheme = "bearer";

    /// <summary>
    /// The <c>security</c> of a protected operation: one requirement per scheme it refers to (alternatives, as ASP.NET Core
    /// accepts any of the named authentication schemes), each listing the required scopes. OpenAPI 3.1 lets non-OAuth2
    /// schemes list roles there; the scopes are listed for them too, so what <c>[RequiredScopes]</c> enforces is visible.
    /// </summary>
    public static List<JsonObject> Requirements(OperationSecurityModel security, EquatableArray<SecuritySchemeModel> schemes)
    {
        var scopes = security.Scopes.ToList();
        if (schemes.Count == 0)
        {
            return [new JsonObject { [DefaultScheme] = scopes }];
        }

        var referenced = SecurityDeclarations.Referenced(schemes, s => s.AuthenticationScheme, s => s.IsDefault, security.AuthenticationSchemes.ToList());
        return referenced.Select(s => new JsonObject { [s.Name] = scopes }).ToList();
    }

    /// <summary>
    /// <c>components.securitySchemes</c>: every declared scheme, or the default <c>bearer</c> one when none is declared and
    /// <paramref name="usesDefault"/> (an operation refers to it); null when there is nothing to list.
    /// </summary>
    public static JsonObject? Components(EquatableArray<SecuritySchemeModel> schemes, bool usesDefault)
    {
        if (schemes.Count == 0)
        {
            return usesDefault
                ? new JsonObject
                {
                    [DefaultScheme] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["description"] = "Endpoints marked [Authorize]. How the app authenticates is configured at run time; see docs/openapi.md.",
                    },
                }
                : null;
        }

        var result = new JsonObject();
        foreach (var scheme in schemes)
        {
            result[scheme.Name] = Scheme(scheme);
        }

        return result;
    }

    private static JsonObject Scheme(SecuritySchemeModel scheme)
    {
        var result = scheme.Kind switch
        {
            "HttpBearer" => new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = scheme.BearerFormat },
            "HttpBasic" => new JsonObject { ["type"] = "http", ["scheme"] = "basic" },
            "ApiKeyHeader" => ApiKey(scheme, "header"),
            "ApiKeyQuery" => ApiKey(scheme, "query"),
            "ApiKeyCookie" => ApiKey(scheme, "cookie"),
            "OpenIdConnect" => new JsonObject { ["type"] = "openIdConnect", ["openIdConnectUrl"] = scheme.OpenIdConnectUrl },
            _ => new JsonObject { ["type"] = "oauth2", ["flows"] = Flows(scheme.Flows) },
        };
        result["description"] = scheme.Description;
        return result;
    }

    private static JsonObject ApiKey(SecuritySchemeModel scheme, string location) =>
        new() { ["type"] = "apiKey", ["name"] = scheme.ParameterName, ["in"] = location };

    private static JsonObject Flows(EquatableArray<OAuthFlowModel> flows)
    {
        var result = new JsonObject();
        foreach (var flow in flows)
        {
            var scopes = new JsonObject();
            foreach (var scope in flow.Scopes)
            {
                scopes[scope.Name] = scope.Description;
            }

            result[flow.Flow] = new JsonObject
            {
                ["authorizationUrl"] = flow.AuthorizationUrl,
                ["tokenUrl"] = flow.TokenUrl,
                ["refreshUrl"] = flow.RefreshUrl,
                ["scopes"] = scopes,
            };
        }

        return result;
    }
}
