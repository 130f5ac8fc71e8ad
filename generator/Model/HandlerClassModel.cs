namespace FastEndpointsGen.Generator.Model;

/// <summary>
/// The endpoints of one handler class, as its own generated file maps and serves them (docs/architecture.md#generated-files):
/// an edit inside one class changes one of these, so only that class's file is written again.
/// </summary>
internal sealed record HandlerClassModel
{
    /// <summary>The file's hint name, <c>FastEndpointsGen.Endpoints.Shop.Products.g.cs</c> for <c>Shop.Products</c>.</summary>
    public required string HintName { get; init; }

    /// <summary>The generated class in <c>FastEndpointsGen.Generated</c> holding the request delegates, <c>Shop_Products_Endpoints</c>.</summary>
    public required string ClassName { get; init; }

    /// <summary>The handler class as the user wrote it (<c>Shop.Products</c>), for the generated comments.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The class's endpoints in mapping order, each with its endpoint name and request delegate name.</summary>
    public required EquatableArray<MappedEndpointModel> Endpoints { get; init; }
}

/// <summary>
/// One endpoint with the names decided across the whole assembly: <paramref name="Name"/> (<c>WithName</c>, unique in
/// the assembly) and <paramref name="Delegate"/> (the request delegate method, unique in its class's generated file).
/// </summary>
internal sealed record MappedEndpointModel(EndpointModel Endpoint, string Name, string Delegate);

/// <summary>
/// What the small map file needs (<c>Map{Assembly}Endpoints</c>): the assembly, the generated class of every handler
/// class and how many endpoints they map. A change inside one class leaves it equal, so the map file is not written again.
/// </summary>
internal sealed record EndpointMapModel(AssemblyModel Assembly, EquatableArray<string> Classes, int EndpointCount);
