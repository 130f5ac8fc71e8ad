using FastEndpointsGen;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using SecureApi;

// The schemes the OpenAPI document describes (docs/security.md). Both describe ASP.NET Core's "Bearer" scheme (JWT
// bearer): a client either runs the password flow against POST /token or pastes a token it already has.
[assembly: OpenApiSecurityScheme("OAuth2", SecuritySchemeKind.OAuth2, AuthenticationScheme = JwtBearerDefaults.AuthenticationScheme,
    Description = "Sign in with a username and password; the token endpoint grants the scopes you ask for that your user has.")]
[assembly: OAuth2PasswordFlow("OAuth2", TokenUrl = "/token",
    Scopes = ["notes:read Read notes", "notes:write Create notes"])]
[assembly: OpenApiSecurityScheme("Bearer", SecuritySchemeKind.HttpBearer, BearerFormat = "JWT",
    Description = "Paste the access_token that POST /token returned.")]

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddFastEndpointsGen(o =>
{
    o.Title = "Secure notes API";
    o.Description = "Notes protected by JWT bearer tokens from an OAuth2 password flow (POST /token), like FastAPI's security tutorial.";
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<TokenIssuer>();
builder.Services.AddSingleton<NoteStore>();
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
// The bearer handler validates what TokenIssuer signs (docs/security.md#an-example-jwt-bearer-with-a-token-endpoint).
builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
    .Configure<TokenIssuer>((options, issuer) => issuer.Configure(options));
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
// Clients send bearer tokens, not cookies: the token form needs no anti-forgery token (docs/binding.md#anti-forgery).
app.MapGeneratedEndpoints().DisableAntiforgery();
app.MapApiDocs();
app.Run();

/// <summary>Lets <c>WebApplicationFactory&lt;Program&gt;</c> find the app.</summary>
public partial class Program;
