using System.Linq;
using System.Text.Json.Nodes;

namespace FastEndpointsGen;

/// <summary>
/// The union of the OpenAPI documents of an app and the endpoint libraries it maps (docs/projects.md). One source file,
/// compiled into the runtime (<c>MapApiDocs()</c>) and into the build task that writes the document to a file
/// (docs/openapi.md#the-document-as-a-build-artifact), so the served document and the file cannot merge differently.
/// </summary>
internal static class OpenApiDocumentMerge
{
    /// <summary>
    /// Adds to <paramref name="target"/> what <paramref name="source"/> has that it lacks: path items, and the operations
    /// (methods) of a path both list; component schemas and security schemes. The first document wins what both have.
    /// </summary>
    public static void Into(JsonObject target, JsonObject source)
    {
        MergePaths(target, source);
        if (source["components"] is JsonObject sourceComponents)
        {
            var components = target["components"] as JsonObject ?? (JsonObject)(target["components"] = new JsonObject());
            MergeMembers(components, sourceComponents, "schemas");
            MergeMembers(components, sourceComponents, "securitySchemes");
        }
    }

    private static void MergePaths(JsonObject target, JsonObject source)
    {
        if (source["paths"] is not JsonObject from)
        {
            return;
        }

        var into = target["paths"] as JsonObject ?? (JsonObject)(target["paths"] = new JsonObject());
        foreach (var (path, item) in from.ToList())
        {
            if (into[path] is JsonObject existing && item is JsonObject added)
            {
                foreach (var (method, operation) in added.ToList().Where(m => !existing.ContainsKey(m.Key)))
                {
                    existing[method] = operation?.DeepClone();
                }
            }
            else if (!into.ContainsKey(path))
            {
                into[path] = item?.DeepClone();
            }
        }
    }

    /// <summary>Adds the members of <c>source[name]</c> that <c>target[name]</c> lacks.</summary>
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
}
