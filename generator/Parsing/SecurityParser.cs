using System.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Generator.Parsing;

/// <summary>
/// Projects the assembly's valid security scheme declarations (read by <see cref="SecurityDeclarations"/>, shared with
/// the analyzers) onto the symbol-free model the OpenAPI emitter reads (docs/security.md).
/// </summary>
internal static class SecurityParser
{
    public static EquatableArray<SecuritySchemeModel> Parse(Compilation compilation) =>
        SecurityDeclarations.Read(compilation.Assembly).Valid
            .Select(s => new SecuritySchemeModel(
                s.Name,
                s.Kind,
                s.Description,
                s.BearerFormat,
                s.ParameterName,
                s.OpenIdConnectUrl,
                s.AuthenticationScheme,
                s.IsDefault,
                s.Flows.Where(f => f.IsValid)
                    .Select(f => new OAuthFlowModel(f.Flow, f.AuthorizationUrl, f.TokenUrl, f.RefreshUrl,
                        f.Scopes.Select(c => new ScopeModel(c.Name, c.Description)).ToEquatableArray()))
                    .ToEquatableArray()))
            .ToEquatableArray();
}
