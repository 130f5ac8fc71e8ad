namespace FastEndpointsGen.Generator;

/// <summary>The named pipeline steps, so tests can assert what re-ran after an edit.</summary>
internal static class TrackingNames
{
    public const string GetEndpoints = nameof(GetEndpoints);
    public const string PostEndpoints = nameof(PostEndpoints);
    public const string PutEndpoints = nameof(PutEndpoints);
    public const string PatchEndpoints = nameof(PatchEndpoints);
    public const string DeleteEndpoints = nameof(DeleteEndpoints);
    public const string WebSocketEndpoints = nameof(WebSocketEndpoints);
    public const string AllEndpoints = nameof(AllEndpoints);
    public const string Routes = nameof(Routes);
    public const string HandlerClasses = nameof(HandlerClasses);
    public const string HandlerClass = nameof(HandlerClass);
    public const string EndpointMap = nameof(EndpointMap);
    public const string JsonTypes = nameof(JsonTypes);
    public const string OpenApi = nameof(OpenApi);
    public const string ThisAssembly = nameof(ThisAssembly);
    public const string ReferencedAssemblies = nameof(ReferencedAssemblies);
    public const string App = nameof(App);
    public const string Schemas = nameof(Schemas);
    public const string ReferencedDocsRequest = nameof(ReferencedDocsRequest);
    public const string ReferencedDocs = nameof(ReferencedDocs);
    public const string Document = nameof(Document);
    public const string SecuritySchemes = nameof(SecuritySchemes);
}
