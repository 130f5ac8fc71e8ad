using System;

namespace FastEndpointsGen;

/// <summary>
/// Marks a method as an HTTP endpoint. The source generator reads it at compile time and emits the
/// routing, binding, validation and JSON code for the method.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public abstract class EndpointAttribute : Attribute
{
    private protected EndpointAttribute(string template) => Template = template;

    /// <summary>The route template, relative to the class's <see cref="EndpointGroupAttribute"/> prefix.</summary>
    public string Template { get; }

    /// <summary>The endpoint name, used as the OpenAPI <c>operationId</c>. Defaults to the method name.</summary>
    public string? Name { get; set; }

    /// <summary>A short summary; defaults to the method's XML <c>&lt;summary&gt;</c>.</summary>
    public string? Summary { get; set; }

    /// <summary>The status code of a successful response. Defaults to 200, or 204 for handlers that return nothing.</summary>
    public int StatusCode { get; set; }

    /// <summary>Tags for this endpoint, added to those of its group.</summary>
    public string[]? Tags { get; set; }

    /// <summary>
    /// How a handler that returns <c>IAsyncEnumerable&lt;T&gt;</c> is written: a JSON array by default, or
    /// <see cref="StreamFormat.JsonLines"/>. Only for such handlers (docs/responses.md).
    /// </summary>
    public StreamFormat Stream { get; set; }
}

/// <summary>The wire format of a streamed <c>IAsyncEnumerable&lt;T&gt;</c> response.</summary>
public enum StreamFormat
{
    /// <summary>One JSON array, <c>application/json</c>, items written as they come. The default.</summary>
    JsonArray,

    /// <summary>JSON Lines, <c>application/jsonl</c>: one JSON value per line, each line flushed as it is written.</summary>
    JsonLines,
}

/// <summary>An HTTP GET endpoint.</summary>
public sealed class GetAttribute(string template) : EndpointAttribute(template);

/// <summary>An HTTP POST endpoint.</summary>
public sealed class PostAttribute(string template) : EndpointAttribute(template);

/// <summary>An HTTP PUT endpoint.</summary>
public sealed class PutAttribute(string template) : EndpointAttribute(template);

/// <summary>An HTTP PATCH endpoint.</summary>
public sealed class PatchAttribute(string template) : EndpointAttribute(template);

/// <summary>An HTTP DELETE endpoint.</summary>
public sealed class DeleteAttribute(string template) : EndpointAttribute(template);

/// <summary>
/// Groups the endpoints of a class under a route prefix with shared tags, like FastAPI's <c>APIRouter</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EndpointGroupAttribute(string prefix) : Attribute
{
    /// <summary>The route prefix of every endpoint in the class.</summary>
    public string Prefix { get; } = prefix;

    /// <summary>Tags applied to every endpoint in the class.</summary>
    public string[]? Tags { get; set; }
}
