using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// Reads the security schemes an assembly declares with <c>[assembly: OpenApiSecurityScheme(…)]</c> and the
/// <c>[assembly: OAuth2…Flow(…)]</c> attributes (docs/security.md), with every problem found at the attribute that has
/// it. Shared: the generator documents the valid declarations, the analyzers report the problems (FEG5010).
/// </summary>
internal sealed class SecurityDeclarations
{
    public const string SchemeAttribute = "FastEndpointsGen.OpenApiSecuritySchemeAttribute";

    /// <summary>The flow attributes by metadata name, with the OpenAPI flow each declares and the URLs it requires.</summary>
    private static readonly (string Attribute, string Flow, bool NeedsAuthorizationUrl, bool NeedsTokenUrl)[] FlowAttributes =
    [
        ("FastEndpointsGen.OAuth2ImplicitFlowAttribute", "implicit", true, false),
        ("FastEndpointsGen.OAuth2PasswordFlowAttribute", "password", false, true),
        ("FastEndpointsGen.OAuth2ClientCredentialsFlowAttribute", "clientCredentials", false, true),
        ("FastEndpointsGen.OAuth2AuthorizationCodeFlowAttribute", "authorizationCode", true, true),
    ];

    /// <summary>The members of <c>SecuritySchemeKind</c>, in declaration order (the constant's value is the index).</summary>
    private static readonly string[] Kinds = ["HttpBearer", "HttpBasic", "ApiKeyHeader", "ApiKeyQuery", "ApiKeyCookie", "OAuth2", "OpenIdConnect"];

    private SecurityDeclarations(List<DeclaredScheme> schemes, List<SecurityProblem> problems)
    {
        Schemes = schemes;
        Problems = problems;
    }

    /// <summary>The declared schemes in declaration order, valid or not (see <see cref="DeclaredScheme.IsValid"/>).</summary>
    public List<DeclaredScheme> Schemes { get; }

    /// <summary>What is wrong with the declarations, each at its attribute.</summary>
    public List<SecurityProblem> Problems { get; }

    /// <summary>The valid schemes.</summary>
    public IEnumerable<DeclaredScheme> Valid => Schemes.Where(s => s.IsValid);

    public static SecurityDeclarations Read(IAssemblySymbol assembly)
    {
        var schemes = new List<DeclaredScheme>();
        var problems = new List<SecurityProblem>();
        var attributes = assembly.GetAttributes();

        foreach (var attribute in attributes.Where(a => Is(a, SchemeAttribute)))
        {
            if (attribute.ConstructorArguments.Length != 2 || attribute.ConstructorArguments[1].Value is not int kindIndex)
            {
                continue;
            }

            var name = attribute.ConstructorArguments[0].Value as string;
            var kind = kindIndex >= 0 && kindIndex < Kinds.Length ? Kinds[kindIndex] : null;
            var scheme = new DeclaredScheme(name ?? "", kind ?? "", attribute)
            {
                Description = Named(attribute, "Description"),
                BearerFormat = Named(attribute, "BearerFormat"),
                ParameterName = Named(attribute, "ParameterName"),
                OpenIdConnectUrl = Named(attribute, "OpenIdConnectUrl"),
                AuthenticationSchemeName = Named(attribute, "AuthenticationScheme"),
                IsDefault = attribute.NamedArguments.Any(a => a.Key == "IsDefault" && a.Value.Value is true),
            };
            void Fail(string? argument, string message)
            {
                problems.Add(new SecurityProblem(attribute, argument, message));
                scheme.IsValid = false;
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                Fail(null, "The security scheme has no name");
            }
            else if (schemes.Any(s => s.Name == name))
            {
                Fail(null, $"The security scheme '{name}' is declared twice");
            }

            if (kind is null)
            {
                Fail(null, $"The security scheme '{name}' has an unknown kind ({kindIndex})");
            }

            var isApiKey = kind is "ApiKeyHeader" or "ApiKeyQuery" or "ApiKeyCookie";
            if (isApiKey && string.IsNullOrWhiteSpace(scheme.ParameterName))
            {
                Fail(null, $"The API key scheme '{name}' needs ParameterName: the header, query parameter or cookie that carries the key");
            }

            if (kind == "OpenIdConnect" && string.IsNullOrWhiteSpace(scheme.OpenIdConnectUrl))
            {
                Fail(null, $"The OpenID Connect scheme '{name}' needs OpenIdConnectUrl: the URL of its discovery document");
            }

            // A property the kind has no place for would be dropped from the document: say so instead.
            if (scheme.BearerFormat is not null && kind != "HttpBearer")
            {
                Fail("BearerFormat", $"BearerFormat applies only to SecuritySchemeKind.HttpBearer, not to '{name}' ({kind})");
            }

            if (scheme.ParameterName is not null && !isApiKey)
            {
                Fail("ParameterName", $"ParameterName applies only to the API key kinds, not to '{name}' ({kind})");
            }

            if (scheme.OpenIdConnectUrl is not null && kind != "OpenIdConnect")
            {
                Fail("OpenIdConnectUrl", $"OpenIdConnectUrl applies only to SecuritySchemeKind.OpenIdConnect, not to '{name}' ({kind})");
            }

            schemes.Add(scheme);
        }

        foreach (var attribute in attributes)
        {
            var known = FlowAttributes.FirstOrDefault(f => Is(attribute, f.Attribute));
            if (known.Attribute is null || attribute.ConstructorArguments.FirstOrDefault().Value is not string schemeName)
            {
                continue;
            }

            var flow = new DeclaredFlow(known.Flow, attribute)
            {
                AuthorizationUrl = Named(attribute, "AuthorizationUrl"),
                TokenUrl = Named(attribute, "TokenUrl"),
                RefreshUrl = Named(attribute, "RefreshUrl"),
            };
            void Fail(string? argument, string message)
            {
                problems.Add(new SecurityProblem(attribute, argument, message));
                flow.IsValid = false;
            }

            var scheme = schemes.FirstOrDefault(s => s.Name == schemeName);
            if (string.IsNullOrWhiteSpace(schemeName))
            {
                Fail(null, "The OAuth2 flow names no security scheme");
            }
            else if (scheme is null)
            {
                scheme = new DeclaredScheme(schemeName, "OAuth2", null);
                schemes.Add(scheme);
            }
            else if (scheme.Kind != "OAuth2")
            {
                Fail(null, $"The OAuth2 flow names the scheme '{schemeName}', which is declared as {scheme.Kind}, not OAuth2");
            }

            if (known.NeedsTokenUrl && string.IsNullOrWhiteSpace(flow.TokenUrl))
            {
                Fail(null, $"The {known.Flow} flow of '{schemeName}' needs TokenUrl: where the client obtains a token");
            }

            if (known.NeedsAuthorizationUrl && string.IsNullOrWhiteSpace(flow.AuthorizationUrl))
            {
                Fail(null, $"The {known.Flow} flow of '{schemeName}' needs AuthorizationUrl: where the user grants access");
            }

            foreach (var (argument, url) in new[] { ("TokenUrl", flow.TokenUrl), ("AuthorizationUrl", flow.AuthorizationUrl), ("RefreshUrl", flow.RefreshUrl) })
            {
                if (url is not null && !Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out _))
                {
                    Fail(argument, $"{argument} '{url}' of the {known.Flow} flow of '{schemeName}' is not a URL");
                }
            }

            foreach (var scope in StringArray(attribute, "Scopes"))
            {
                var space = scope.IndexOf(' ');
                var scopeName = space < 0 ? scope : scope.Substring(0, space);
                if (scopeName.Length == 0)
                {
                    Fail("Scopes", $"A scope of the {known.Flow} flow of '{schemeName}' has no name");
                }
                else if (flow.Scopes.Any(s => s.Name == scopeName))
                {
                    Fail("Scopes", $"The scope '{scopeName}' is listed twice in the {known.Flow} flow of '{schemeName}'");
                }
                else
                {
                    flow.Scopes.Add(new DeclaredScope(scopeName, space < 0 ? "" : scope.Substring(space + 1).Trim()));
                }
            }

            if (scheme is not null && scheme.Kind == "OAuth2")
            {
                if (scheme.Flows.Any(f => f.Flow == known.Flow))
                {
                    Fail(null, $"The OAuth2 scheme '{schemeName}' declares the {known.Flow} flow twice");
                }

                scheme.Flows.Add(flow);
            }
        }

        foreach (var scheme in schemes.Where(s => s.Kind == "OAuth2" && s.IsValid && !s.Flows.Any(f => f.IsValid)))
        {
            scheme.IsValid = false;
            if (scheme.Declaration is { } declaration && scheme.Flows.Count == 0)
            {
                problems.Add(new SecurityProblem(declaration, null,
                    $"The OAuth2 scheme '{scheme.Name}' declares no flow: add [assembly: OAuth2PasswordFlow(\"{scheme.Name}\", TokenUrl = …)] or another flow"));
            }
        }

        return new SecurityDeclarations(schemes, problems);
    }

    /// <summary>
    /// The valid schemes an operation refers to: those describing one of <paramref name="authenticationSchemes"/>, or —
    /// when the operation names none (the app's default scheme) or names only undeclared ones — the schemes marked
    /// <c>IsDefault</c>, else every one.
    /// </summary>
    public static List<T> Referenced<T>(IEnumerable<T> schemes, Func<T, string> authenticationScheme, Func<T, bool> isDefault, IReadOnlyCollection<string> authenticationSchemes)
    {
        var all = schemes.ToList();
        var named = all.Where(s => authenticationSchemes.Contains(authenticationScheme(s))).ToList();
        if (named.Count > 0)
        {
            return named;
        }

        var defaults = all.Where(isDefault).ToList();
        return defaults.Count > 0 ? defaults : all;
    }

    /// <summary>The comma-separated list of <c>[Authorize(AuthenticationSchemes = "A,B")]</c>, as ASP.NET Core splits it.</summary>
    public static IEnumerable<string> SplitSchemes(string? schemes) =>
        (schemes ?? "").Split(',').Select(s => s.Trim()).Where(s => s.Length > 0);

    private static bool Is(AttributeData attribute, string name) =>
        TypeClassifier.IsNamed(attribute.AttributeClass, name);

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static IEnumerable<string> StringArray(AttributeData attribute, string name)
    {
        var argument = attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value;
        return argument.Kind == TypedConstantKind.Array ? argument.Values.Select(v => v.Value as string ?? "") : [];
    }
}

/// <summary>One declared security scheme. <see cref="Declaration"/> is null for an OAuth2 scheme declared only by its flows.</summary>
internal sealed class DeclaredScheme(string name, string kind, AttributeData? declaration)
{
    public string Name { get; } = name;

    /// <summary>The <c>SecuritySchemeKind</c> member's name.</summary>
    public string Kind { get; } = kind;

    public AttributeData? Declaration { get; } = declaration;

    public string? Description { get; init; }

    public string? BearerFormat { get; init; }

    public string? ParameterName { get; init; }

    public string? OpenIdConnectUrl { get; init; }

    public string? AuthenticationSchemeName { get; init; }

    /// <summary>The ASP.NET Core authentication scheme it describes: <c>AuthenticationScheme</c>, else its name.</summary>
    public string AuthenticationScheme => AuthenticationSchemeName ?? Name;

    public bool IsDefault { get; init; }

    public bool IsValid { get; set; } = true;

    public List<DeclaredFlow> Flows { get; } = [];

    /// <summary>The scopes the valid flows grant.</summary>
    public IEnumerable<string> Scopes => Flows.Where(f => f.IsValid).SelectMany(f => f.Scopes).Select(s => s.Name);
}

/// <summary>One OAuth2 flow: <c>implicit</c>, <c>password</c>, <c>clientCredentials</c> or <c>authorizationCode</c>.</summary>
internal sealed class DeclaredFlow(string flow, AttributeData attribute)
{
    public string Flow { get; } = flow;

    public AttributeData Attribute { get; } = attribute;

    public string? AuthorizationUrl { get; init; }

    public string? TokenUrl { get; init; }

    public string? RefreshUrl { get; init; }

    public List<DeclaredScope> Scopes { get; } = [];

    public bool IsValid { get; set; } = true;
}

internal sealed record DeclaredScope(string Name, string Description);

/// <summary>A problem with a declaration, at its attribute (or at the named argument <see cref="Argument"/>).</summary>
internal sealed record SecurityProblem(AttributeData Attribute, string? Argument, string Message);
