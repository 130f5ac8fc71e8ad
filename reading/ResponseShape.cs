using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FastEndpointsGen.Reading;

/// <summary>
/// What a handler's return type makes of the response (docs/responses.md): its kind, whether it is awaited, the
/// value and item types, and the types the generated JSON writes for it. Read once, here, for the generator's model and
/// the analyzers' JSON walk alike.
/// </summary>
internal sealed class ResponseShape
{
    private const string ResultInterface = "Microsoft.AspNetCore.Http.IResult";
    private const string HttpResults = "Microsoft.AspNetCore.Http.HttpResults";

    private ResponseShape(ResponseKind kind, AsyncKind async, ITypeSymbol? valueType, ITypeSymbol? itemType, List<ITypeSymbol> jsonTypes, int statusCode)
    {
        Kind = kind;
        Async = async;
        ValueType = valueType;
        ItemType = itemType;
        JsonTypes = jsonTypes;
        StatusCode = statusCode;
    }

    public ResponseKind Kind { get; }

    public AsyncKind Async { get; }

    /// <summary>The value type after unwrapping the task, or null for no value.</summary>
    public ITypeSymbol? ValueType { get; }

    /// <summary>For a stream: the item type, or for server-sent events the data each <c>SseItem&lt;T&gt;</c> carries.</summary>
    public ITypeSymbol? ItemType { get; }

    /// <summary>
    /// The types the generated JSON writes for this response: the value of <see cref="ResponseKind.Json"/>, a stream's item
    /// (an event's data unless it is text), or each value an <c>IResult</c> carries (<c>Results&lt;Ok&lt;T&gt;, NotFound&gt;</c>
    /// writes T through the app's options, which the generated resolver serves).
    /// </summary>
    public List<ITypeSymbol> JsonTypes { get; }

    /// <summary>The success status: the attribute's <c>StatusCode</c>, else 200, or 204 with no value.</summary>
    public int StatusCode { get; }

    /// <summary>Reads the method's return type; <paramref name="statusCode"/> is the route attribute's (0 when not set).</summary>
    public static ResponseShape Read(IMethodSymbol method, int statusCode, bool jsonLines)
    {
        var type = method.ReturnType;
        var async = AsyncKind.None;
        if (type is INamedTypeSymbol named && TypeClassifier.NamespaceName(named.ContainingNamespace) == "System.Threading.Tasks")
        {
            async = named.Name switch
            {
                "Task" => AsyncKind.Task,
                "ValueTask" => AsyncKind.ValueTask,
                _ => AsyncKind.None,
            };

            if (async != AsyncKind.None)
            {
                if (named.TypeArguments.Length == 0)
                {
                    return new ResponseShape(ResponseKind.Empty, async, null, null, [], statusCode == 0 ? 204 : statusCode);
                }

                type = named.TypeArguments[0];
            }
        }

        if (method.ReturnsVoid)
        {
            return new ResponseShape(ResponseKind.Empty, async, null, null, [], statusCode == 0 ? 204 : statusCode);
        }

        var okStatus = statusCode == 0 ? 200 : statusCode;
        if (type.SpecialType == SpecialType.System_String)
        {
            return new ResponseShape(ResponseKind.Text, async, type, null, [], okStatus);
        }

        if (AsyncStreams.ItemType(type) is { } item)
        {
            if (AsyncStreams.EventDataType(item) is { } data)
            {
                // Text data is written as it is, not as a JSON string.
                return new ResponseShape(ResponseKind.ServerSentEvents, async, type, data,
                    data.SpecialType == SpecialType.System_String ? [] : [data], okStatus);
            }

            return new ResponseShape(jsonLines ? ResponseKind.JsonLines : ResponseKind.Stream, async, type, item, [item], okStatus);
        }

        if (IsResult(type))
        {
            var values = new List<ITypeSymbol>();
            AddResultValues(type, values);
            return new ResponseShape(ResponseKind.Result, async, type, null, values, okStatus);
        }

        // A ref struct or a pointer is FEG1005: there is nothing to write.
        List<ITypeSymbol> json = type.IsRefLikeType || type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer ? [] : [type];
        return new ResponseShape(ResponseKind.Json, async, type, null, json, okStatus);
    }

    /// <summary>The type is <c>IResult</c> or implements it.</summary>
    public static bool IsResult(ITypeSymbol type) =>
        type.Name == "IResult" && TypeClassifier.FullName(type) == ResultInterface || TypeClassifier.Implements(type, ResultInterface);

    private static void AddResultValues(ITypeSymbol type, List<ITypeSymbol> values)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return;
        }

        foreach (var argument in named.TypeArguments)
        {
            if (IsResult(argument))
            {
                AddResultValues(argument, values);
            }
            else if (TypeClassifier.NamespaceName(named.ContainingNamespace) == HttpResults)
            {
                values.Add(argument);
            }
        }
    }
}

internal enum ResponseKind
{
    /// <summary><c>void</c>/<c>Task</c>: no body.</summary>
    Empty,

    /// <summary>A model, written as JSON by the generated writer.</summary>
    Json,

    /// <summary>A <c>string</c>, written as <c>text/plain</c>.</summary>
    Text,

    /// <summary>An <c>IAsyncEnumerable&lt;T&gt;</c>: a JSON array written item by item by T's generated writer, flushed as items come.</summary>
    Stream,

    /// <summary>An <c>IAsyncEnumerable&lt;T&gt;</c> with <c>Stream = StreamFormat.JsonLines</c>: one JSON value per line, flushed per item.</summary>
    JsonLines,

    /// <summary>
    /// An <c>IAsyncEnumerable&lt;SseItem&lt;T&gt;&gt;</c>: <c>text/event-stream</c>, each event's data written by T's generated
    /// writer, or as text when T is <c>string</c> (then no JSON type carries it).
    /// </summary>
    ServerSentEvents,

    /// <summary>An <c>IResult</c> (including <c>TypedResults</c> and <c>Results&lt;...&gt;</c>) that writes itself.</summary>
    Result,
}

internal enum AsyncKind
{
    None,
    Task,
    ValueTask,
}
