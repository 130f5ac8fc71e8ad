using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Turns the compile-time documents into the one served: merged (when several assemblies registered
/// one), <c>info</c> from the options, and the error responses in the configured <see cref="ErrorFormat"/>
/// and validation status. Runs once per app, never per request.
/// </summary>
internal static class ApiDocument
{
    private const string ProblemJson = "application/problem+json";
    private const string SchemaPrefix = "#/components/schemas/";

    /// <summary>The served document as JSON text (served as <c>application/json</c>, so only JSON's own escaping is needed).</summary>
    public static string Build(IReadOnlyList<string> documents, FastEndpointsGenOptions options)
    {
        var document = Merge(documents);
        Patch(document, options);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonObject Merge(IReadOnlyList<string> documents)
    {
        if (documents.Count == 0)
        {
            return new JsonObject
            {
                ["openapi"] = "3.1.1",
                ["info"] = new JsonObject(),
                ["paths"] = new JsonObject(),
            };
        }

        var result = JsonNode.Parse(documents[0])!.AsObject();
        foreach (var other in documents.Skip(1).Select(d => JsonNode.Parse(d)!.AsObject()))
        {
            MergeMembers(result, other, "paths");
            var components = result["components"] as JsonObject ?? (JsonObject)(result["components"] = new JsonObject());
            if (other["components"] is JsonObject otherComponents)
            {
                MergeMembers(components, otherComponents, "schemas");
                MergeMembers(components, otherComponents, "securitySchemes");
            }
        }

        return result;
    }

    /// <summary>Adds the members of <c>source[name]</c> that <c>target[name]</c> lacks (the first registration wins).</summary>
    private static void MergeMembers(JsonObject target, JsonObject source, string name)
    {
        if (source[name] is not JsonObject from)
        {
            return;
        }

        var into = target[name] as JsonObject ?? (JsonObject)(target[name] = new JsonObject());
        foreach (var (key, value) in from.ToList())
        {
            if (!into.ContainsKey(key))
            {
                into[key] = value?.DeepClone();
            }
        }
    }

    private static void Patch(JsonObject document, FastEndpointsGenOptions options)
    {
        var info = new JsonObject { ["title"] = options.Title };
        if (!string.IsNullOrEmpty(options.Description))
        {
            info["description"] = options.Description;
        }

        info["version"] = options.Version;
        document["info"] = info;

        var validationStatus = options.ValidationStatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var fastApi = options.ErrorFormat == ErrorFormat.FastApi;
        if (validationStatus == "422" && !fastApi || document["paths"] is not JsonObject paths)
        {
            return;
        }

        foreach (var (_, pathItem) in paths)
        {
            foreach (var (_, operation) in pathItem as JsonObject ?? [])
            {
                if (operation?["responses"] is not JsonObject responses)
                {
                    continue;
                }

                if (validationStatus != "422" && responses["422"] is { } validation && !responses.ContainsKey(validationStatus))
                {
                    responses.Remove("422");
                    responses[validationStatus] = validation;
                }

                if (fastApi)
                {
                    foreach (var (_, response) in responses)
                    {
                        UseFastApiFormat(response?["content"] as JsonObject);
                    }
                }
            }
        }
    }

    /// <summary><c>application/problem+json</c> with a problem schema → <c>application/json</c> with FastAPI's shape.</summary>
    private static void UseFastApiFormat(JsonObject? content)
    {
        if (content?[ProblemJson] is not JsonObject media)
        {
            return;
        }

        content.Remove(ProblemJson);
        if (media["schema"] is JsonObject schema && schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema["$ref"] = reference switch
            {
                SchemaPrefix + "ValidationProblem" => SchemaPrefix + "FastApiValidationError",
                SchemaPrefix + "ProblemDetails" => SchemaPrefix + "FastApiError",
                _ => reference,
            };
        }

        content["application/json"] = media;
    }
}
