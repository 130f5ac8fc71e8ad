using System;

namespace FastEndpointsGen;

/// <summary>
/// An example value for the OpenAPI document (docs/openapi.md#examples): on a model type, a property, a positional
/// record parameter or a handler parameter. Numbers and booleans are written as JSON numbers and booleans
/// (<c>[OpenApiExample(42)]</c>), text as a string, or — on a model or a member whose schema is an object or an array —
/// as the JSON it holds (<c>[OpenApiExample("""{"title": "Buy milk"}""")]</c>). Repeat it for several examples.
/// The XML doc tag <c>&lt;example&gt;</c> does the same for types and properties.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = true, Inherited = false)]
public sealed class OpenApiExampleAttribute : Attribute
{
    /// <summary>A constant: a number, a boolean, text, or the JSON text of an object or array.</summary>
    public OpenApiExampleAttribute(object? value) => Value = value;

    /// <summary>The example as written.</summary>
    public object? Value { get; }
}
