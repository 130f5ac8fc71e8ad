using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecureApi;

/// <summary>
/// Checks passwords and signs short-lived JWTs with a key made at startup (so tokens die with the process; a real service
/// reads its key from configuration or uses an identity provider), and tells the JWT bearer handler how to validate them.
/// </summary>
public sealed class TokenIssuer
{
    /// <summary>The <c>iss</c> of every token.</summary>
    public const string Issuer = "secure-api";
    /// <summary>The <c>aud</c> of every token.</summary>
    public const string Audience = "secure-api";
    /// <summary>How long a token is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32));
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TimeProvider _time;

    /// <summary>Issues tokens dated by <paramref name="time"/>.</summary>
    public TokenIssuer(TimeProvider time) => _time = time;

    /// <summary>The demo users, as in FastAPI's tutorial: never keep plain passwords in real code.</summary>
    private static readonly Dictionary<string, User> Users = new(StringComparer.Ordinal)
    {
        ["johndoe"] = new("johndoe", "John Doe", "secret", ["notes:read", "notes:write"], ["admin"]),
        ["alice"] = new("alice", "Alice Wonderson", "secret2", ["notes:read"], []),
    };

    /// <summary>The user with this password, or null.</summary>
    public static User? Authenticate(string username, string password) =>
        Users.TryGetValue(username, out var user)
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(user.Password), System.Text.Encoding.UTF8.GetBytes(password))
            ? user
            : null;

    /// <summary>A signed token carrying the user's name, roles and the granted scopes (space-separated, RFC 8693).</summary>
    public string Issue(User user, IReadOnlyCollection<string> scopes)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim> { new("sub", user.Username), new("name", user.FullName), new("scope", string.Join(' ', scopes)) };
        claims.AddRange(user.Roles.Select(role => new Claim("role", role)));
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Validates what <see cref="Issue"/> signs; claims keep their JWT names (<c>sub</c>, <c>scope</c>, <c>role</c>).</summary>
    public void Configure(JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            NameClaimType = "sub",
            RoleClaimType = "role",
        };
    }
}

/// <summary>A user of the demo.</summary>
public sealed record User(string Username, string FullName, string Password, string[] Scopes, string[] Roles);
