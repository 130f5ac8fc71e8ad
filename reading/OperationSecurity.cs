using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// What protects one handler, read like ASP.NET Core's authorization middleware reads the endpoint's metadata: every
/// <c>[Authorize]</c> and <c>[RequiredScopes]</c> on its classes (outermost first, the <c>[EndpointGroup]</c> class
/// included) and on the method, and whether an <c>[AllowAnonymous]</c> anywhere lifts them (docs/security.md).
/// </summary>
internal sealed class OperationSecurity
{
    private const string AuthorizeAttribute = "Microsoft.AspNetCore.Authorization.AuthorizeAttribute";
    private const string AllowAnonymousAttribute = "Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute";
    private const string RequiredScopesAttribute = "FastEndpointsGen.RequiredScopesAttribute";

    private OperationSecurity(List<AuthorizeUse> authorize, List<ScopesUse> scopes, bool allowAnonymous)
    {
        Authorize = authorize;
        Scopes = scopes;
        AllowAnonymous = allowAnonymous;
    }

    /// <summary>The <c>[Authorize]</c> attributes, outermost first.</summary>
    public List<AuthorizeUse> Authorize { get; }

    /// <summary>The <c>[RequiredScopes]</c> attributes, outermost first.</summary>
    public List<ScopesUse> Scopes { get; }

    public bool AllowAnonymous { get; }

    /// <summary>Whether a caller must be authenticated: an <c>[Authorize]</c> or <c>[RequiredScopes]</c>, and no <c>[AllowAnonymous]</c>.</summary>
    public bool IsProtected => !AllowAnonymous && (Authorize.Count > 0 || Scopes.Count > 0);

    /// <summary>The authentication schemes the <c>[Authorize]</c> attributes name, each once.</summary>
    public List<string> AuthenticationSchemes =>
        Authorize.SelectMany(a => SecurityDeclarations.SplitSchemes(a.AuthenticationSchemes)).Distinct().ToList();

    /// <summary>Every required scope, each once.</summary>
    public List<string> RequiredScopes => Scopes.SelectMany(s => s.Scopes).Distinct().ToList();

    public static OperationSecurity Of(IMethodSymbol method)
    {
        var authorize = new List<AuthorizeUse>();
        var scopes = new List<ScopesUse>();
        var allowAnonymous = false;
        foreach (var attribute in EndpointMetadata.AttributesOf(method))
        {
            var name = attribute.AttributeClass is { } type ? TypeClassifier.FullName(type) : null;
            switch (name)
            {
                case AuthorizeAttribute:
                    authorize.Add(new AuthorizeUse(
                        attribute,
                        attribute.ConstructorArguments.FirstOrDefault().Value as string ?? Named(attribute, "Policy"),
                        Named(attribute, "Roles"),
                        Named(attribute, "AuthenticationSchemes")));
                    break;
                case AllowAnonymousAttribute:
                    allowAnonymous = true;
                    break;
                case RequiredScopesAttribute:
                    var values = attribute.ConstructorArguments.FirstOrDefault();
                    scopes.Add(new ScopesUse(attribute, values.Kind == TypedConstantKind.Array
                        ? values.Values.Select(v => v.Value as string).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList()
                        : []));
                    break;
            }
        }

        return new OperationSecurity(authorize, scopes, allowAnonymous);
    }

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;
}

/// <summary>One <c>[Authorize]</c>.</summary>
internal sealed record AuthorizeUse(AttributeData Attribute, string? Policy, string? Roles, string? AuthenticationSchemes);

/// <summary>One <c>[RequiredScopes]</c>.</summary>
internal sealed record ScopesUse(AttributeData Attribute, List<string> Scopes);
