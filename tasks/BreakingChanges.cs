using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace FastEndpointsGen.Tasks;

/// <summary>One breaking change: its diagnostic id, the message, and the line of the baseline it is about (1-based; 0 when unknown).</summary>
public sealed record BreakingChange(string Id, string Message, int Line);

/// <summary>
/// Compares the document a build wrote with the committed baseline and lists what breaks a client generated from the
/// baseline (docs/openapi.md#breaking-changes): a removed operation (FEG5004) or response (FEG5005), a new required
/// parameter, body or request member (FEG5006), a narrowed type or constraint of what a client sends (FEG5007).
/// Additions a client never sees (a new operation, an optional member, a wider constraint) are not reported.
/// </summary>
public static class BreakingChanges
{
    public const string RemovedOperation = "FEG5004";
    public const string RemovedResponse = "FEG5005";
    public const string NewRequiredInput = "FEG5006";
    public const string NarrowedInput = "FEG5007";

    private const string SchemaPrefix = "#/components/schemas/";
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static IReadOnlyList<BreakingChange> Find(string baselineJson, string currentJson)
    {
        var baseline = JsonNode.Parse(baselineJson)!.AsObject();
        var current = JsonNode.Parse(currentJson)!.AsObject();
        var lines = new BaselineLines(baselineJson);
        var found = new List<BreakingChange>();
        var requestSchemas = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var (path, baselineItem) in Members(baseline["paths"]))
        {
            foreach (var method in Methods)
            {
                if (baselineItem?[method] is not JsonObject before)
                {
                    continue;
                }

                var name = $"{method.ToUpperInvariant()} {path}";
                if (current["paths"]?[path]?[method] is not JsonObject after)
                {
                    found.Add(new(RemovedOperation, $"The operation {name}{OperationId(before)} was removed: clients generated from the baseline call it", lines.Of(path)));
                    continue;
                }

                CompareOperation(name, lines.Of(path), before, after, found, requestSchemas);
            }
        }

        // Members of the schemas a client sends (request bodies and parameters, followed through $ref).
        var beforeSchemas = baseline["components"]?["schemas"] as JsonObject;
        var afterSchemas = current["components"]?["schemas"] as JsonObject;
        foreach (var schemaName in Reachable(requestSchemas, afterSchemas))
        {
            if (beforeSchemas?[schemaName] is JsonObject before && afterSchemas?[schemaName] is JsonObject after)
            {
                CompareObject($"schema {schemaName}", lines.Of(schemaName), before, after, found);
            }
        }

        return found;
    }

    private static void CompareOperation(string name, int line, JsonObject before, JsonObject after, List<BreakingChange> found, ISet<string> requestSchemas)
    {
        foreach (var (status, _) in Members(before["responses"]))
        {
            if (after["responses"]?[status] is null)
            {
                found.Add(new(RemovedResponse, $"The response {status} of {name} was removed: clients generated from the baseline expect it", line));
            }
        }

        var beforeParameters = Parameters(before);
        foreach (var (key, parameter) in Parameters(after))
        {
            var where = $"the {key.In} parameter '{key.Name}' of {name}";
            beforeParameters.TryGetValue(key, out var old);
            if (IsTrue(parameter["required"]) && (old is null || !IsTrue(old["required"])))
            {
                found.Add(new(NewRequiredInput, $"{Capitalize(where)} is {(old is null ? "new and required" : "now required")}: clients generated from the baseline do not send it", line));
            }

            if (old?["schema"] is JsonObject oldSchema && parameter["schema"] is JsonObject newSchema)
            {
                CompareSchema(where, line, oldSchema, newSchema, found);
            }

            CollectRefs(parameter["schema"], requestSchemas);
        }

        if (after["requestBody"] is JsonObject body)
        {
            if (IsTrue(body["required"]) && !IsTrue(before["requestBody"]?["required"]))
            {
                found.Add(new(NewRequiredInput, $"The request body of {name} is now required: clients generated from the baseline may send none", line));
            }

            CollectRefs(body["content"], requestSchemas);
            foreach (var (mediaType, content) in Members(body["content"]))
            {
                if (before["requestBody"]?["content"]?[mediaType]?["schema"] is JsonObject oldSchema && content?["schema"] is JsonObject newSchema)
                {
                    CompareSchema($"the {mediaType} request body of {name}", line, oldSchema, newSchema, found);
                }
            }
        }
    }

    /// <summary>An object schema: members that became required, and each member's own narrowing.</summary>
    private static void CompareObject(string where, int line, JsonObject before, JsonObject after, List<BreakingChange> found)
    {
        var wasRequired = Strings(before["required"]);
        foreach (var member in Strings(after["required"]).Where(m => !wasRequired.Contains(m)))
        {
            var isNew = before["properties"]?[member] is null;
            found.Add(new(NewRequiredInput, $"The member '{member}' of {where} is {(isNew ? "new and required" : "now required")}: clients generated from the baseline do not send it", line));
        }

        CompareSchema(where, line, before, after, found);
    }

    /// <summary>What a client could send before and is refused now: a narrower type, a tighter constraint, fewer enum values.</summary>
    private static void CompareSchema(string where, int line, JsonObject before, JsonObject after, List<BreakingChange> found)
    {
        void Narrowed(string what) => found.Add(new(NarrowedInput, $"{Capitalize(where)}: {what}; clients generated from the baseline may send values it now refuses", line));

        var beforeTypes = Strings(before["type"]);
        var afterTypes = Strings(after["type"]);
        if (beforeTypes.Count > 0 && afterTypes.Count > 0 && !beforeTypes.All(t => afterTypes.Contains(t) || (t == "integer" && afterTypes.Contains("number"))))
        {
            Narrowed($"the type changed from {string.Join("|", beforeTypes)} to {string.Join("|", afterTypes)}");
        }
        else if (Ref(before) is { } oldRef && Ref(after) is { } newRef && oldRef != newRef)
        {
            Narrowed($"the schema changed from {oldRef} to {newRef}");
        }

        foreach (var keyword in new[] { "maxLength", "maxItems", "maximum", "exclusiveMaximum", "maxProperties" })
        {
            if (Number(after[keyword]) is { } limit && (Number(before[keyword]) is not { } old || limit < old))
            {
                Narrowed(Number(before[keyword]) is { } was ? $"{keyword} lowered from {Text(was)} to {Text(limit)}" : $"{keyword} {Text(limit)} added");
            }
        }

        foreach (var keyword in new[] { "minLength", "minItems", "minimum", "exclusiveMinimum", "minProperties" })
        {
            if (Number(after[keyword]) is { } limit && limit > (Number(before[keyword]) ?? (keyword.StartsWith("min", StringComparison.Ordinal) && keyword != "minimum" ? 0 : double.NegativeInfinity)))
            {
                Narrowed(Number(before[keyword]) is { } was ? $"{keyword} raised from {Text(was)} to {Text(limit)}" : $"{keyword} {Text(limit)} added");
            }
        }

        if (after["pattern"] is JsonValue pattern && before["pattern"]?.ToJsonString() != pattern.ToJsonString())
        {
            Narrowed($"pattern {(before["pattern"] is null ? "added" : "changed")}: {pattern}");
        }

        if (after["enum"] is JsonArray values)
        {
            var allowed = values.Select(v => v?.ToJsonString()).ToHashSet(StringComparer.Ordinal);
            var removed = before["enum"] is JsonArray old ? old.Select(v => v?.ToJsonString()).Where(v => !allowed.Contains(v)).ToList() : null;
            if (before["enum"] is null)
            {
                Narrowed("an enum was added");
            }
            else if (removed!.Count > 0)
            {
                Narrowed($"the values {string.Join(", ", removed)} were removed");
            }
        }

        foreach (var (member, schema) in Members(after["properties"]))
        {
            if (before["properties"]?[member] is JsonObject old && schema is JsonObject current)
            {
                CompareSchema($"member '{member}' of {where}", line, old, current, found);
            }
        }

        if (before["items"] is JsonObject oldItems && after["items"] is JsonObject newItems)
        {
            CompareSchema($"items of {where}", line, oldItems, newItems, found);
        }
    }

    private static IEnumerable<string> Reachable(IEnumerable<string> roots, JsonObject? schemas)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name))
            {
                continue;
            }

            var refs = new HashSet<string>(StringComparer.Ordinal);
            CollectRefs(schemas?[name], refs);
            foreach (var next in refs)
            {
                pending.Push(next);
            }
        }

        return seen;
    }

    private static void CollectRefs(JsonNode? node, ISet<string> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue reference && reference.TryGetValue<string>(out var text) && text.StartsWith(SchemaPrefix, StringComparison.Ordinal))
                    {
                        into.Add(text[SchemaPrefix.Length..]);
                    }
                    else
                    {
                        CollectRefs(value, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectRefs(item, into);
                }

                break;
        }
    }

    private static Dictionary<(string In, string Name), JsonObject> Parameters(JsonObject operation) =>
        (operation["parameters"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(p => p["in"] is not null && p["name"] is not null)
            .GroupBy(p => (In: p["in"]!.GetValue<string>(), Name: p["name"]!.GetValue<string>()))
            .ToDictionary(g => g.Key, g => g.First());

    private static IEnumerable<(string Key, JsonNode? Value)> Members(JsonNode? node) =>
        node is JsonObject obj ? obj.Select(m => (m.Key, m.Value)).ToList() : [];

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonValue>().Select(v => v.ToString()).ToList(),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static string? Ref(JsonObject schema) => schema["$ref"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static double? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string OperationId(JsonObject operation) => operation["operationId"] is JsonValue id ? $" ({id})" : "";

    private static string Text(double number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The baseline line that names a path or schema (its first key), so the build points into the file.</summary>
    private sealed class BaselineLines(string text)
    {
        public int Of(string key)
        {
            var at = text.IndexOf($"\"{key}\":", StringComparison.Ordinal);
            return at < 0 ? 0 : text.AsSpan(0, at).Count('\n') + 1;
        }
    }
}
