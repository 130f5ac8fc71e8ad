namespace FastEndpointsGen.Analyzers;

/// <summary>The diagnostic IDs; descriptors and analyzers land with the analyzers issue.</summary>
internal static class DiagnosticIds
{
    public const string Category = "FastEndpointsGen";
}
