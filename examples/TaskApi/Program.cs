using FastEndpointsGen;
using TaskApi;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddFastEndpointsGen(o => o.Title = "Tasks API");
builder.Services.AddSingleton<TaskStore>();

var app = builder.Build();
app.Services.GetRequiredService<TaskStore>();   // open the database and create the table at startup
app.MapGeneratedEndpoints();                   // generated from the [Get]/[Post]/... handlers in TaskEndpoints
app.MapApiDocs();                              // GET /openapi.json and GET /docs
app.Run();

/// <summary>Lets <c>WebApplicationFactory&lt;Program&gt;</c> find the app.</summary>
public partial class Program;
