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
    /// <param name="documents">The compile-time documents the assemblies registered.</param>
    /// <param name="options">The app's options: <c>info</c>, error format, servers.</param>
    /// <param name="serverAddresses">Where the server listens, for <c>servers</c> when the options set none.</param>
    /// <param name="routes">Where the named endpoints are served (<see cref="MappedRoute.Of"/>), so a library mapped under a group is listed under its prefix.</param>
    public static string Build(IReadOnlyList<string> documents, FastEndpointsGenOptions options, IEnumerable<string>? serverAddresses = null, IReadOnlyList<MappedRoute>? routes = null)
    {
        var document = Merge(documents, routes ?? []);
        Patch(document, options);
        SetServers(document, options.Servers.Count > 0 ? options.Servers : Concrete(serverAddresses));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonObject Merge(IReadOnlyList<string> documents, IReadOnlyList<MappedRoute> routes)
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

        // Each document's paths move to where its endpoints are served before the union: two libraries may declare the
        // same route and be told apart only by the groups they are mapped under.
        var parsed = documents.Select(d => MapToServedPaths(JsonNode.Parse(d)!.AsObject(), routes)).ToList();
        var result = parsed[0];
        foreach (var other in parsed.Skip(1))
        {
            OpenApiDocumentMerge.Into(result, other);
        }

        return result;
    }

    /// <summary>
    /// Lists each operation at the route its endpoint is served at (docs/projects.md): a library mapped under
    /// <c>app.MapGroup("/v1")</c> has its paths prefixed and a prefix's route parameters become path parameters. An
    /// operation whose endpoint is not found stays where it was declared.
    /// </summary>
    private static JsonObject MapToServedPaths(JsonObject document, IReadOnlyList<MappedRoute> routes)
    {
        if (routes.Count == 0 || document["paths"] is not JsonObject paths)
        {
            return document;
        }

        var served = new JsonObject();
        foreach (var (declared, node) in paths.ToList())
        {
            if (node is not JsonObject item)
            {
                continue;
            }

            foreach (var (key, value) in item.ToList().Where(m => m.Value is not null))
            {
                var operationId = value is JsonObject operation && OperationMethods.Contains(key) ? (string?)operation["operationId"] : null;
                // Endpoint names are unique in an app (ASP.NET refuses two), so an operation is served at one route at most.
                var route = operationId is null ? null : routes.FirstOrDefault(r => r.Serves(operationId, key, declared));
                if (route is null)
                {
                    Add(served, declared, key, value!.DeepClone());
                    continue;
                }

                var moved = value!.DeepClone().AsObject();
                AddPrefixParameters(moved, route.PathParameters);
                Add(served, route.PathFor(declared), key, moved);
            }
        }

        document["paths"] = served;
        return document;

        static void Add(JsonObject paths, string path, string key, JsonNode value)
        {
            var item = paths[path] as JsonObject ?? (JsonObject)(paths[path] = new JsonObject());
            if (!item.ContainsKey(key))
            {
                item[key] = value;
            }
        }
    }

    /// <summary>The route parameters the operation does not list (those of a group prefix): required strings in the path.</summary>
    private static void AddPrefixParameters(JsonObject operation, IReadOnlyList<string> routeParameters)
    {
        var parameters = operation["parameters"] as JsonArray;
        var listed = (parameters ?? []).OfType<JsonObject>()
            .Where(p => (string?)p["in"] == "path")
            .Select(p => (string?)p["name"])
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = routeParameters.Where(p => !listed.Contains(p)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        parameters ??= (JsonArray)(operation["parameters"] = new JsonArray());
        for (var i = 0; i < missing.Count; i++)
        {
            parameters.Insert(i, new JsonObject
            {
                ["name"] = missing[i],
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }
    }

    private static readonly HashSet<string> OperationMethods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>
    /// The addresses the server listens on that a client can use as they are; a wildcard host (<c>http://+:80</c>,
    /// <c>http://[::]:8080</c>) names no host, so those are left out and the relative <c>/</c> of the compile-time
    /// document stays: a client resolves it against the URL it read the document from.
    /// </summary>
    private static List<string> Concrete(IEnumerable<string>? addresses) =>
        (addresses ?? []).Where(a => Uri.TryCreate(a, UriKind.Absolute, out var uri)
                && uri.Host is not ("+" or "*" or "0.0.0.0" or "[::]") && !a.Contains("://+", StringComparison.Ordinal) && !a.Contains("://*", StringComparison.Ordinal))
            .Select(a => a.TrimEnd('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static void SetServers(JsonObject document, IEnumerable<string> urls)
    {
        var servers = new JsonArray();
        foreach (var url in urls)
        {
            servers.Add((JsonNode)new JsonObject { ["url"] = url });
        }

        if (servers.Count > 0)
        {
            document["servers"] = servers;
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
        if (options.Contact is { } contact)
        {
            var node = new JsonObject();
            if (contact.Name is not null)
            {
                node["name"] = contact.Name;
            }

            if (contact.Url is not null)
            {
                node["url"] = contact.Url.ToString();
            }

            if (contact.Email is not null)
            {
                node["email"] = contact.Email;
            }

            info["contact"] = node;
        }

        if (options.License is { } license)
        {
            var node = new JsonObject { ["name"] = license.Name };
            if (license.Identifier is not null)
            {
                node["identifier"] = license.Identifier;
            }
            else if (license.Url is not null)
            {
                node["url"] = license.Url.ToString();
            }

            info["license"] = node;
        }

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

                if (validationStatus != "422" && responses["422"] is JsonObject validation)
                {
                    responses.Remove("422");
                    if (responses[validationStatus] is JsonObject other)
                    {
                        // The status is also another answer (a form's 400): either body may come.
                        responses.Remove(validationStatus);
                        validation = EitherOf(validation, other);
                    }

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

        if (fastApi && document["components"]?["schemas"] is JsonObject schemas)
        {
            // The document carries only the schemas of the format in use (no dead error classes in generated clients).
            SwapSchema(schemas, "ProblemDetails", "FastApiError", FastApiError);
            SwapSchema(schemas, "ValidationProblem", "FastApiValidationError", FastApiValidationError);
        }
    }

    /// <summary>One response whose problem body is either of two: <c>anyOf</c> of their schemas, descriptions joined.</summary>
    private static JsonObject EitherOf(JsonObject first, JsonObject second)
    {
        var merged = (JsonObject)first.DeepClone();
        merged["description"] = $"{first["description"]} Or: {second["description"]}";
        if (merged["content"]?[ProblemJson] is JsonObject media && second["content"]?[ProblemJson]?["schema"] is JsonNode otherSchema
            && media["schema"] is JsonNode schema)
        {
            media["schema"] = new JsonObject { ["anyOf"] = new JsonArray(schema.DeepClone(), otherSchema.DeepClone()) };
        }

        return merged;
    }

    private static void SwapSchema(JsonObject schemas, string problemName, string fastApiName, Func<JsonObject> fastApiSchema)
    {
        if (schemas.Remove(problemName))
        {
            schemas[fastApiName] = fastApiSchema();
        }
    }

    /// <summary>Starlette's <c>HTTPException</c> body (docs/errors.md).</summary>
    private static JsonObject FastApiError() => new()
    {
        ["type"] = "object",
        ["description"] = "An error in FastAPI's format (ErrorFormat.FastApi).",
        ["properties"] = new JsonObject { ["detail"] = new JsonObject { ["type"] = "string", ["x-ms-primary-error-message"] = true } },
        ["required"] = new JsonArray("detail"),
    };

    /// <summary>FastAPI's validation error body (docs/errors.md).</summary>
    private static JsonObject FastApiValidationError() => new()
    {
        ["type"] = "object",
        ["description"] = "Validation errors in FastAPI's format (ErrorFormat.FastApi).",
        ["properties"] = new JsonObject
        {
            ["detail"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["type"] = new JsonObject { ["type"] = "string" },
                        ["loc"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = new JsonArray("string", "integer") } },
                        ["msg"] = new JsonObject { ["type"] = "string" },
                        ["input"] = new JsonObject(),
                        ["ctx"] = new JsonObject { ["type"] = "object" },
                    },
                    ["required"] = new JsonArray("type", "loc", "msg"),
                },
            },
        },
        ["required"] = new JsonArray("detail"),
    };

    /// <summary><c>application/problem+json</c> with a problem schema → <c>application/json</c> with FastAPI's shape.</summary>
    private static void UseFastApiFormat(JsonObject? content)
    {
        if (content?[ProblemJson] is not JsonObject media)
        {
            return;
        }

        content.Remove(ProblemJson);
        if (media["schema"] is JsonObject schema)
        {
            IEnumerable<JsonNode?> choices = schema["anyOf"] is JsonArray anyOf ? anyOf : new JsonNode?[] { schema };
            foreach (var choice in choices)
            {
                if (choice is JsonObject one && one["$ref"]?.GetValue<string>() is { } reference)
                {
                    one["$ref"] = reference switch
                    {
                        SchemaPrefix + "ValidationProblem" => SchemaPrefix + "FastApiValidationError",
                        SchemaPrefix + "ProblemDetails" => SchemaPrefix + "FastApiError",
                        _ => reference,
                    };
                }
            }
        }

        content["application/json"] = media;
    }
}
