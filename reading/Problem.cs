using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// One rule a handler breaks, as the reader finds it: the rule's ID, where in the user's code, and the arguments of
/// its message. The analyzers report it with the rule's descriptor; the generator does not serve an endpoint whose
/// reading holds an error (docs/architecture.md#the-handler-reader).
/// </summary>
internal sealed class Problem(string id, Location location, object?[] arguments, ImmutableDictionary<string, string?>? properties = null)
{
    /// <summary>A <see cref="DiagnosticIds"/> constant.</summary>
    public string Id { get; } = id;

    public Location Location { get; } = location;

    /// <summary>The message's format arguments, in order.</summary>
    public object?[] Arguments { get; } = arguments;

    /// <summary>What a code fix needs, or null.</summary>
    public ImmutableDictionary<string, string?>? Properties { get; } = properties;

    /// <summary>The rule is an error: the endpoint cannot be served as written.</summary>
    public bool IsError => DiagnosticIds.IsError(Id);

    /// <summary>Two endpoints of one method can find the same problem; it is reported once.</summary>
    public string Key => Id + "@" + Location.SourceTree?.FilePath + ":" + Location.SourceSpan.Start + ":" + string.Join("|", Arguments);
}
