using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;

namespace FastEndpointsGen;

/// <summary>
/// The OAuth 2.0 scopes a caller's token must carry, on a handler or its class: <c>[RequiredScopes("tasks:write")]</c>.
/// It takes effect at run time (ASP.NET Core's authorization middleware reads it as an
/// <see cref="IAuthorizationRequirementData"/>: a caller without a token gets 401, one without every scope 403) and in the
/// OpenAPI document (the scopes of the operation's OAuth2 and OpenID Connect requirements). See docs/security.md.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequiredScopesAttribute : Attribute, IAuthorizationRequirementData
{
    /// <summary>Requires every one of <paramref name="scopes"/>.</summary>
    public RequiredScopesAttribute(params string[] scopes) => Scopes = scopes ?? [];

    /// <summary>The scopes the token must carry, all of them.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements()
    {
        yield return new ScopeAuthorizationRequirement(Scopes);
    }
}

/// <summary>
/// Succeeds when the user's claims grant every required scope: space-separated <c>scope</c> (RFC 8693) or <c>scp</c>
/// claims, also under the name JWT bearer's inbound claim mapping gives <c>scp</c>.
/// </summary>
public sealed class ScopeAuthorizationRequirement : AuthorizationHandler<ScopeAuthorizationRequirement>, IAuthorizationRequirement
{
    private static readonly string[] ClaimTypes = ["scope", "scp", "http://schemas.microsoft.com/identity/claims/scope"];

    /// <summary>Requires every one of <paramref name="scopes"/>.</summary>
    public ScopeAuthorizationRequirement(IReadOnlyList<string> scopes) => Scopes = scopes ?? throw new ArgumentNullException(nameof(scopes));

    /// <summary>The scopes the token must carry, all of them.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeAuthorizationRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.Identity?.IsAuthenticated == true && requirement.Scopes.All(Granted(context.User).Contains))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private static HashSet<string> Granted(ClaimsPrincipal user) =>
        user.Claims.Where(c => Array.IndexOf(ClaimTypes, c.Type) >= 0)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => "ScopeAuthorizationRequirement: requires the scopes " + string.Join(", ", Scopes);
}
