using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// Recognises a handler that returns <c>IAsyncEnumerable&lt;T&gt;</c>: its response is a JSON array (or JSON Lines)
/// streamed item by item, so only <c>T</c> is serialized; for <c>IAsyncEnumerable&lt;SseItem&lt;T&gt;&gt;</c> it is an
/// event stream whose events carry <c>T</c> (docs/responses.md). Shared so the generator and the analyzers agree on
/// which type a stream writes.
/// </summary>
internal static class AsyncStreams
{
    private const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable<T>";
    private const string SseItem = "System.Net.ServerSentEvents.SseItem<T>";

    /// <summary>The route attributes' named property that picks a stream's wire format (<c>StreamFormat</c>).</summary>
    public const string StreamFormatProperty = "Stream";

    /// <summary>The value of <c>StreamFormat.JsonLines</c>.</summary>
    private const int JsonLines = 1;

    /// <summary>
    /// The item type when <paramref name="type"/> is <c>IAsyncEnumerable&lt;T&gt;</c> or implements it once
    /// (after any <c>Task</c>/<c>ValueTask</c> has been unwrapped), else null.
    /// </summary>
    public static ITypeSymbol? ItemType(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } named && TypeClassifier.FullName(named.OriginalDefinition) == AsyncEnumerable)
        {
            return named.TypeArguments[0];
        }

        if (type.TypeKind is TypeKind.Class or TypeKind.Struct)
        {
            var implemented = TypeClassifier.ImplementedConstructions(type, AsyncEnumerable).ToList();
            return implemented.Count == 1 ? implemented[0].TypeArguments[0] : null;
        }

        return null;
    }

    /// <summary>The data type <c>T</c> when a stream's <paramref name="item"/> is <c>SseItem&lt;T&gt;</c> (a server-sent event), else null.</summary>
    public static ITypeSymbol? EventDataType(ITypeSymbol item) =>
        item is INamedTypeSymbol { IsGenericType: true } named && TypeClassifier.FullName(named.OriginalDefinition) == SseItem
            ? named.TypeArguments[0]
            : null;

    /// <summary>The route attribute asks for JSON Lines: <c>[Get("/x", Stream = StreamFormat.JsonLines)]</c>.</summary>
    public static bool RequestsJsonLines(AttributeData attribute) =>
        attribute.NamedArguments.Any(a => a.Key == StreamFormatProperty && a.Value.Value is int format && format == JsonLines);
}
