using FastEndpointsGen;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TaskApi;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddFastEndpointsGen(o => o.Title = "Tasks API");

// Storage: PostgreSQL when ConnectionStrings:Tasks is set (several instances can share it), else the
// SQLite file named by TaskApi:Database (one instance). Handlers take ITaskStore either way.
var postgres = builder.Configuration.GetConnectionString(PostgresTaskStore.ConnectionStringName);
if (!string.IsNullOrWhiteSpace(postgres))
{
    builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(postgres));   // pooled; disposed with the app
    builder.Services.AddSingleton<ITaskStore, PostgresTaskStore>();
}
else
{
    builder.Services.AddSingleton<ITaskStore, SqliteTaskStore>();
}

// GET /tasks/events: the endpoints that change tasks announce it here; every open event stream receives it.
builder.Services.AddSingleton<TaskFeed>();

// GET /healthz: 200 while the database answers, 503 while it does not.
builder.Services.AddHealthChecks()
    .AddCheck<TaskStoreHealthCheck>("database", timeout: TimeSpan.FromSeconds(5));

// Traces and metrics for incoming requests, outgoing HttpClient calls and Npgsql. They are exported over
// OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OTEL_* variables configure the rest).
var telemetry = builder.Services.AddOpenTelemetry()
    .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
    .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql())
    .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsqlInstrumentation());
if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    telemetry.UseOtlpExporter();
}

var app = builder.Build();
await InitializeStoreAsync(app);
app.MapGeneratedEndpoints();                   // generated from the [Get]/[Post]/... handlers in TaskEndpoints
app.MapApiDocs();                              // GET /openapi.json and GET /docs
app.MapHealthChecks("/healthz");
await app.RunAsync();

// Create the table before the first request. A database that is down at startup does not stop the app:
// it starts unhealthy (503 on /healthz and on the API) and creates the table once the database answers.
static async Task InitializeStoreAsync(WebApplication app)
{
    try
    {
        await app.Services.GetRequiredService<ITaskStore>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }
    catch (HttpError error) when (error.StatusCode == StatusCodes.Status503ServiceUnavailable)
    {
        // Already logged by the store, with the driver's exception.
    }
}

/// <summary>Lets <c>WebApplicationFactory&lt;Program&gt;</c> find the app.</summary>
public partial class Program;
