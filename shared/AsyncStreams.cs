using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Shared;

/// <summary>
/// Recognises a handler that returns <c>IAsyncEnumerable&lt;T&gt;</c>: its response is a JSON array streamed
/// item by item, so only <c>T</c> is serialized (docs/responses.md). Shared so the generator and the JSON
/// analyzer agree on which type a stream writes.
/// </summary>
internal static class AsyncStreams
{
    private const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable<T>";

    /// <summary>
    /// The item type when <paramref name="type"/> is <c>IAsyncEnumerable&lt;T&gt;</c> or implements it once
    /// (after any <c>Task</c>/<c>ValueTask</c> has been unwrapped), else null.
    /// </summary>
    public static ITypeSymbol? ItemType(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true } named && named.OriginalDefinition.ToDisplayString() == AsyncEnumerable)
        {
            return named.TypeArguments[0];
        }

        if (type.TypeKind is TypeKind.Class or TypeKind.Struct)
        {
            var implemented = type.AllInterfaces.Where(i => i.OriginalDefinition.ToDisplayString() == AsyncEnumerable).ToList();
            return implemented.Count == 1 ? implemented[0].TypeArguments[0] : null;
        }

        return null;
    }
}
