using System.Text.Json.Nodes;

namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>One parameter of an operation, with its schema resolved.</summary>
internal sealed record ApiParameter(string In, string Name, bool Required, JsonObject Schema);

/// <summary>The request body of an operation: its media type and resolved schema.</summary>
internal sealed record ApiBody(string MediaType, JsonObject Schema, bool Required);

/// <summary>One operation of the app's OpenAPI document: what the fuzzer builds requests for.</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, ApiBody? Body)
{
    /// <summary>"POST /json/product": how the known-failure list and the test names refer to it.</summary>
    public string Key => $"{Method} {Path}";

    public override string ToString() => Key;
}

/// <summary>
/// The app's compile-time OpenAPI document (GET /openapi.json, docs/openapi.md), read into operations, and the
/// schema questions the fuzzer asks of it.
/// </summary>
internal sealed class ApiDocument
{
    private readonly JsonObject _schemas;

    public ApiDocument(JsonNode document)
    {
        _schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "parameters" or "summary" or "description" or "servers")
                {
                    continue;
                }

                var parameters = (operation!["parameters"]?.AsArray() ?? [])
                    .Select(p => new ApiParameter(
                        (string)p!["in"]!,
                        (string)p["name"]!,
                        (bool?)p["required"] ?? false,
                        Resolve(p["schema"]?.AsObject() ?? [])))
                    .ToList();

                ApiBody? body = null;
                if (operation["requestBody"] is JsonObject requestBody)
                {
                    var (mediaType, content) = requestBody["content"]!.AsObject().First();
                    body = new ApiBody(mediaType, Resolve(content!["schema"]?.AsObject() ?? []), (bool?)requestBody["required"] ?? false);
                }

                operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters, body));
            }
        }

        Operations = operations;
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>Follows a <c>$ref</c> to its component; other schemas are returned as they are.</summary>
    public JsonObject Resolve(JsonObject schema) =>
        schema["$ref"] is JsonValue reference
            ? Resolve(_schemas[((string)reference!)["#/components/schemas/".Length..]]!.AsObject())
            : schema;

    /// <summary>The schema a value must match, with <c>anyOf [X, null]</c> unwrapped to X.</summary>
    public JsonObject Unwrap(JsonObject schema)
    {
        schema = Resolve(schema);
        if (schema["anyOf"] is JsonArray alternatives)
        {
            foreach (var alternative in alternatives)
            {
                var resolved = Resolve(alternative!.AsObject());
                if ((string?)resolved["type"] != "null")
                {
                    return resolved;
                }
            }
        }

        return schema;
    }

    /// <summary>The JSON types a schema accepts ("integer" implies "number" for whole numbers); null means anything.</summary>
    public HashSet<string>? Types(JsonObject schema)
    {
        schema = Resolve(schema);
        if (schema["anyOf"] is JsonArray alternatives)
        {
            var union = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alternative in alternatives)
            {
                if (Types(alternative!.AsObject()) is not { } types)
                {
                    return null;
                }

                union.UnionWith(types);
            }

            return union;
        }

        return schema["type"] switch
        {
            JsonValue single => [(string)single!],
            JsonArray many => [.. many.Select(t => (string)t!)],
            _ when schema["enum"] is not null => ["string"],
            _ => null,
        };
    }

    /// <summary>The main non-null type of a schema ("integer", "string", …), or null when it accepts anything.</summary>
    public string? MainType(JsonObject schema) => Types(schema)?.FirstOrDefault(t => t != "null");
}
