using System.Security.Claims;
using Microsoft.AspNetCore.RateLimiting;
using System.Text.Encodings.Web;
using FastEndpointsGen.TestApp;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddFastEndpointsGen(o => o.Title = "Feature test app");
builder.Services.AddSingleton<Catalog>();
builder.Services.AddSingleton<DisposalLog>();
builder.Services.AddSingleton<StreamGates>();
builder.Services.AddKeyedSingleton<IGreeter>("formal", new FormalGreeter());
builder.Services.AddSingleton<IClock>(new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
builder.Services.AddAuthentication(HeaderAuthentication.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, HeaderAuthentication>(HeaderAuthentication.SchemeName, null);
// Microsoft.AspNetCore.OpenApi's document (MapOpenApi below) gets the generated operations merged in; the app's own transformers still run.
// (Configured by name rather than with a second AddOpenApi(): AddFastEndpointsGen already added document "v1".)
builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Contact = new() { Name = "Feature test team" };
    return Task.CompletedTask;
}));
builder.Services.AddAuthorizationBuilder().AddPolicy("admins", p => p.RequireRole("admin"));
// Form endpoints require an anti-forgery token, as minimal APIs' do; UseAntiforgery() below validates it.
builder.Services.AddAntiforgery();

// ASP.NET Core features driven by endpoint metadata, for CompositionEndpoints (docs/composition.md).
builder.Services.AddSingleton<CallCounter>();
builder.Services.AddSingleton<AuditTrail>();
builder.Services.AddSingleton<SessionLog>();
builder.Services.AddScoped<DbSession>();
builder.Services.AddScoped<OrderQueries>();
builder.Services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.AddFixedWindowLimiter("one", w => (w.PermitLimit, w.Window, w.QueueLimit) = (1, TimeSpan.FromHours(1), 0));
});
builder.Services.AddOutputCache();
builder.Services.AddRequestTimeouts();
builder.Services.AddCors(o => o.AddPolicy("site", p => p.WithOrigins("https://site.example").WithMethods("GET")));
var useExceptionHandler = builder.Configuration["UseExceptionHandler"] == "true";
if (useExceptionHandler)
{
    // The app's own exception handling, which handler exceptions must reach.
    builder.Services.AddExceptionHandler<AppExceptionHandler>();
    builder.Services.AddProblemDetails();
}

if (builder.Configuration["ProblemDetails"] == "true")
{
    // The 422 goes through IProblemDetailsService, so CustomizeProblemDetails reaches it (docs/errors.md).
    builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["traceId"] = "trace-" + c.HttpContext.Request.Path);
}

if (builder.Configuration["ValidationResponse"] == "true")
{
    // Replaces the validation response entirely: 400 and a body of the app's own.
    builder.Services.Configure<FastEndpointsGen.FastEndpointsGenOptions>(o => o.ValidationResponse = (_, errors) =>
        TypedResults.BadRequest("invalid: " + string.Join(", ", errors.Select(e => e.Key))));
}

var app = builder.Build();
if (useExceptionHandler)
{
    app.UseExceptionHandler();
}

app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();
app.UseOutputCache();
app.UseRequestTimeouts();
app.UseWebSockets(); // for the [WebSocketRoute] endpoints (docs/websockets.md)
var generated = app.MapGeneratedEndpoints();

// Endpoint filters (docs/composition.md#endpoint-filters): one on every generated endpoint, others on one endpoint by name.
generated.AddEndpointFilter(Filters.Group);
generated.ForEndpoint("FilterEcho", endpoint => endpoint.AddEndpointFilter(Filters.Echo));
generated.ForEndpoint("FilterCreated", endpoint => endpoint.AddEndpointFilter(Filters.ThrowOnBoom));
generated.ForEndpoint("FilterSignature", endpoint => endpoint.AddEndpointFilterFactory(Filters.DescribeMethod));
generated.ForEndpoint("FilterOverloadOne", endpoint => endpoint.AddEndpointFilterFactory(Filters.DescribeMethod));
generated.ForEndpoint("FilterOverloadTwo", endpoint => endpoint.AddEndpointFilterFactory(Filters.DescribeMethod));
generated.ForEndpoint("FilterOverloadThree", endpoint => endpoint.AddEndpointFilterFactory(Filters.DescribeMethod));
// A body limit from a convention rather than an attribute: the generated readers see it too.
generated.ForEndpoint("LimitedByConvention", endpoint => endpoint.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(16)));
if (app.Configuration["DisableAntiforgery"] == "true")
{
    // How an API that serves no browser forms turns the tokens off for every generated endpoint.
    generated.DisableAntiforgery();
}

app.MapApiDocs();
app.MapOpenApi();
app.Run();

namespace FastEndpointsGen.TestApp
{
    /// <summary>Authenticates requests that carry <c>X-User</c> (and optional <c>X-Role</c>), for authorization tests.</summary>
    public sealed class HeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Header";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue("X-User", out var user))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var claims = new List<Claim> { new(ClaimTypes.Name, user.ToString()) };
            if (Request.Headers.TryGetValue("X-Role", out var role))
            {
                claims.Add(new Claim(ClaimTypes.Role, role.ToString()));
            }

            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }
    }
}

/// <summary>Lets <c>WebApplicationFactory&lt;Program&gt;</c> find the app.</summary>
public partial class Program;
