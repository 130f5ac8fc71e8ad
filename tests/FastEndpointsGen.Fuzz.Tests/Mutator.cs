using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FastEndpointsGen.Fuzz.Tests;

/// <summary>
/// Builds one operation's valid request from its OpenAPI description, and each mutation of it. A mutation is fully
/// decided by four small numbers (which kind, which target, how big, which variant) that CsCheck generates, so a
/// printed seed rebuilds the same request and shrinking makes the request smaller.
/// </summary>
internal sealed class Mutator
{
    private const string Placeholder = "\"@@FUZZ@@\"";
    private const string KeyPlaceholder = "\"@@FUZZKEY@@\"";
    private const string Boundary = "fuzz-boundary";

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];

    private static readonly string[] NumberLiterals =
    [
        "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "1e400", "-1e400", "-0", "1.5",
        "1E2", "0.0", "1e-400", "4.9e-324", "79228162514264337593543950336", "123456789012345678901234567890.5",
        "18446744073709551616", "NaN", "Infinity",
    ];

    private static readonly string?[] ContentTypes =
    [
        null, "", "text/plain", "application/xml", "application/json; charset=utf-16", "application/json; charset=\"bogus\"",
        "application/*", "*/*", "application/vnd.api+json", "application/problem+json", "multipart/form-data",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", ";;;", "application/json;;", "APPLICATION/JSON",
        "application/json\u0000", "text/json", "application/json; charset=utf-8; x=\"\r\n\"", "application/octet-stream",
    ];

    private readonly ApiOperation _operation;
    private readonly ApiDocument _document;
    private readonly SchemaRules _rules;
    private readonly Dictionary<string, string> _validValues = new(StringComparer.Ordinal);
    private readonly JsonNode? _validJson;
    private readonly List<Slot> _slots = [];

    public Mutator(ApiOperation operation, ApiDocument document)
    {
        _operation = operation;
        _document = document;
        _rules = new SchemaRules(document);
        var examples = new Examples(document);
        foreach (var parameter in operation.Parameters)
        {
            _validValues[parameter.Name] = examples.TextFor(parameter.Schema);
        }

        if (operation.Body is { MediaType: "application/json" } body)
        {
            _validJson = examples.For(body.Schema);
            Walk(_validJson, body.Schema, [], body.Required, isMember: false);
        }

        Kinds = [.. Enum.GetValues<MutationKind>().Where(Applies)];
    }

    /// <summary>The kinds of mutation that mean something for this operation.</summary>
    public IReadOnlyList<MutationKind> Kinds { get; }

    /// <summary>The request built from the schemas with nothing changed: the liveness check resends it.</summary>
    public FuzzRequest Valid() => Draft(MutationKind.WrongMethod, "valid request").Build(Expectation.NoServerError);

    public FuzzRequest Build(MutationKind kind, int target, int size, int variant)
    {
        var parameters = _operation.Parameters;
        switch (kind)
        {
            case MutationKind.WrongMethod:
                {
                    var others = Methods.Where(m => m != _operation.Method).ToArray();
                    var draft = Draft(kind, "method");
                    draft.Method = others[variant % others.Length];
                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.HostileHeaders:
                {
                    var draft = Draft(kind, "headers");
                    var count = 1 + (variant % 3);
                    for (var i = 0; i < count; i++)
                    {
                        draft.Headers.Add(HostileHeader(target + (i * 7), size, variant + i));
                    }

                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.OddContentType:
                {
                    var contentType = ContentTypes[variant % ContentTypes.Length];
                    var draft = Draft(kind, "Content-Type " + (contentType ?? "(none)"));
                    draft.Body ??= "{}"u8.ToArray();
                    draft.ContentType = contentType;
                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.ExtraQuery:
                {
                    var draft = Draft(kind, "extra query parameters");
                    for (var i = 0; i <= size / 4; i++)
                    {
                        var name = HostileStrings.Pick(target + i, 8);
                        draft.Query.Add((name.Text.Length == 0 ? "x" : name.Text, HostileStrings.Pick(variant + i, size).Bytes));
                    }

                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.ParameterWrongType:
                {
                    var parameter = parameters[target % parameters.Count];
                    string[] values = ["abc", "true", "1.5", "{}", "[1]", "null", "0x10", "1,2"];
                    var value = values[variant % values.Length];
                    return WithParameter(kind, parameter, value, _rules.RejectsText(parameter.Schema, value));
                }

            case MutationKind.ParameterNumberEdge:
                {
                    var numeric = parameters.Where(IsNumeric).ToList();
                    var parameter = numeric[target % numeric.Count];
                    var literal = NumberLiterals[variant % NumberLiterals.Length];
                    return WithParameter(kind, parameter, literal, _rules.RejectsText(parameter.Schema, literal));
                }

            case MutationKind.ParameterOutOfRange:
                {
                    var constrained = parameters.Select(p => (p, Violations: _rules.Violations(p.Schema, JsonValue.Create(_validValues[p.Name]))))
                        .Where(c => c.Violations.Count > 0).ToList();
                    var (parameter, violations) = constrained[target % constrained.Count];
                    var (rule, value) = violations[variant % violations.Count];
                    return WithParameter(kind, parameter, Examples.Text(value), expectation: true, rule);
                }

            case MutationKind.ParameterPatternTrailingNewline:
                {
                    var patterned = parameters.Where(HasPattern).ToList();
                    var parameter = patterned[target % patterned.Count];
                    return WithParameter(kind, parameter, _validValues[parameter.Name] + "\n", expectation: true);
                }

            case MutationKind.ParameterPatternBacktracking:
                {
                    var patterned = parameters.Where(HasPattern).ToList();
                    var parameter = patterned[target % patterned.Count];
                    var value = new string('a', 20 + (size * 4 / 10)) + "!";
                    var pattern = (string)_document.Unwrap(parameter.Schema)["pattern"]!;
                    return WithParameter(kind, parameter, value, !Examples.Matches(pattern, value));
                }

            case MutationKind.ParameterHostileString:
                {
                    var parameter = parameters[target % parameters.Count];
                    var hostile = HostileStrings.Pick(variant, size);
                    var draft = Draft(kind, $"{parameter.In}.{parameter.Name} = {hostile.Name}");
                    draft.Set(parameter, hostile.Text, hostile.Bytes);
                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.ParameterMissing:
                {
                    var required = parameters.Where(p => p.Required && p.In != "path").ToList();
                    var parameter = required[target % required.Count];
                    var draft = Draft(kind, $"{parameter.In}.{parameter.Name} left out");
                    draft.Remove(parameter);
                    return draft.Build(Expectation.Rejected);
                }

            case MutationKind.ParameterDuplicated:
                {
                    var repeatable = parameters.Where(p => p.In != "path").ToList();
                    var parameter = repeatable[target % repeatable.Count];
                    var hostile = HostileStrings.Pick(variant, size);
                    var draft = Draft(kind, $"{parameter.In}.{parameter.Name} repeated with {hostile.Name}");
                    draft.Add(parameter, hostile.Text, hostile.Bytes);
                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.ParameterHugeArray:
                {
                    var arrays = parameters.Where(p => _document.MainType(p.Schema) == "array").ToList();
                    var parameter = arrays[target % arrays.Count];
                    var count = 2 + (size * size / 2);
                    var draft = Draft(kind, $"{parameter.In}.{parameter.Name} × {count}");
                    for (var i = 1; i < count; i++)
                    {
                        draft.Add(parameter, _validValues[parameter.Name], Encoding.UTF8.GetBytes(_validValues[parameter.Name]));
                    }

                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.JsonWrongType:
                {
                    var slot = _slots[target % _slots.Count];
                    JsonNode?[] values = ["abc", 12, 1.5, true, null, new JsonArray(), new JsonObject()];
                    var value = values[variant % values.Length];
                    var optionalBodyLeftNull = slot.Path.Length == 0 && !slot.Required && value is null;
                    return WithJson(kind, slot, value?.ToJsonString() ?? "null", !optionalBodyLeftNull && _rules.RejectsValue(slot.Schema, value));
                }

            case MutationKind.JsonNumberEdge:
                {
                    var numeric = _slots.Where(s => _document.MainType(s.Schema) is "integer" or "number").ToList();
                    var slot = numeric[target % numeric.Count];
                    var literal = NumberLiterals[variant % NumberLiterals.Length];
                    var isNumber = literal is not ("NaN" or "Infinity");
                    return WithJson(kind, slot, isNumber ? literal : $"\"{literal}\"", !isNumber || _rules.RejectsNumber(slot.Schema, literal));
                }

            case MutationKind.JsonConstraintViolation:
                {
                    var constrained = _slots.Select(s => (s, Violations: _rules.Violations(s.Schema, Get(s))))
                        .Where(c => c.Violations.Count > 0).ToList();
                    var (slot, violations) = constrained[target % constrained.Count];
                    var (rule, value) = violations[variant % violations.Count];
                    return WithJson(kind, slot, value?.ToJsonString() ?? "null", expectation: true, rule);
                }

            case MutationKind.JsonMissingMember:
                {
                    var members = _slots.Where(s => s.IsMember).ToList();
                    var slot = members[target % members.Count];
                    var body = _validJson!.DeepClone();
                    Parent(body, slot.Path).AsObject().Remove((string)slot.Path[^1]);
                    return JsonRequest(kind, $"{slot.Location} left out", Encoding.UTF8.GetBytes(body.ToJsonString()), slot.Required);
                }

            case MutationKind.JsonExtraMember:
                {
                    var objects = _slots.Where(s => Get(s) is JsonObject).ToList();
                    var slot = objects[target % objects.Count];
                    var name = HostileStrings.Pick(variant, 8);
                    return WithExtraMember(kind, slot, JsonString(name.Text), AnyJson(size, variant), $"extra member {name.Name} in {slot.Location}");
                }

            case MutationKind.JsonDuplicateKey:
                {
                    var members = _slots.Where(s => s.IsMember).ToList();
                    var slot = members[target % members.Count];
                    var key = JsonString((string)slot.Path[^1]);
                    return WithExtraMember(kind, slot with { Path = slot.Path[..^1] }, key, AnyJson(size, variant), $"{slot.Location} given twice");
                }

            case MutationKind.JsonHostileString:
                {
                    var strings = _slots.Where(s => _document.MainType(s.Schema) == "string").ToList();
                    var slot = strings[target % strings.Count];
                    var hostile = HostileStrings.Pick(variant, size * size / 10);
                    var literal = hostile.Name == "lone surrogate escape" ? "\"\\ud800\"" : JsonString(hostile.Text);
                    return WithJson(kind, slot, literal, expectation: false, hostile.Name);
                }

            case MutationKind.JsonDeepNesting:
                {
                    var slot = _slots[target % _slots.Count];
                    var depth = 1 + (size * 50);
                    var asArrays = variant % 2 == 0;
                    var literal = asArrays
                        ? new string('[', depth) + new string(']', depth)
                        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                    return WithJson(kind, slot, literal, _rules.RejectsValue(slot.Schema, asArrays ? new JsonArray() : new JsonObject()), $"depth {depth}");
                }

            case MutationKind.JsonHugeArray:
                {
                    var arrays = _slots.Where(s => _document.MainType(s.Schema) == "array").ToList();
                    var slot = arrays[target % arrays.Count];
                    var count = size * size * 2;
                    string[] items = [Get(slot) is JsonArray { Count: > 0 } valid ? valid[0]!.ToJsonString() : "1", "{}", "1", "null", "\"x\""];
                    var item = items[variant % items.Length];
                    var literal = "[" + string.Join(",", Enumerable.Repeat(item, count)) + "]";
                    var tooMany = (int?)_document.Unwrap(slot.Schema)["maxItems"] is { } max && count > max;
                    return WithJson(kind, slot, literal, tooMany, $"{count} × {item}");
                }

            case MutationKind.JsonTruncated:
                {
                    var valid = ValidJsonBytes();
                    var length = (int)((long)target * valid.Length / 1001);
                    return JsonRequest(kind, $"cut after {length} of {valid.Length} bytes", valid[..length], _operation.Body!.Required || length > 0);
                }

            case MutationKind.JsonTrailingGarbage:
                {
                    string[] garbage = ["}", "x", "{}", "\u0000", " 1", ",", "]", "\"", "/*", "\u00ff"];
                    var tail = garbage[variant % garbage.Length];
                    return JsonRequest(kind, $"followed by {tail}", [.. ValidJsonBytes(), .. Encoding.UTF8.GetBytes(tail)], expectation: true);
                }

            case MutationKind.JsonInvalidUtf8:
                {
                    byte[][] sequences = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xFE, 0xFF]];
                    if (variant % 7 == 6)
                    {
                        return JsonRequest(kind, "byte order mark first", [0xEF, 0xBB, 0xBF, .. ValidJsonBytes()], expectation: false);
                    }

                    var strings = _slots.Where(s => _document.MainType(s.Schema) == "string").ToList();
                    var slot = strings[target % strings.Count];
                    var bad = sequences[variant % sequences.Length];
                    var bytes = Substitute(Replace(slot, Placeholder), Placeholder, [(byte)'"', (byte)'a', .. bad, (byte)'b', (byte)'"']);
                    return JsonRequest(kind, $"{slot.Location} holds bytes {Convert.ToHexString(bad)}", bytes, expectation: true);
                }

            case MutationKind.MultipartNoBoundary:
                {
                    var draft = Draft(kind, "multipart without a boundary");
                    draft.ContentType = "multipart/form-data";
                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.MultipartTruncated:
                {
                    var draft = Draft(kind, "multipart cut");
                    var length = (int)((long)target * draft.Body!.Length / 1001);
                    draft.Note = $"multipart cut after {length} of {draft.Body.Length} bytes";
                    draft.Body = draft.Body[..length];
                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.MultipartWrongBoundary:
                {
                    var draft = Draft(kind, "boundary");
                    var longBoundary = new string('b', 71 + size);
                    string[] headers = [$"multipart/form-data; boundary=other", $"multipart/form-data; boundary={longBoundary}", "multipart/form-data; boundary=",
                    "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=a\r\nb", $"multipart/form-data; boundary={Boundary}; boundary=x"];
                    draft.ContentType = headers[variant % headers.Length];
                    if (variant % headers.Length == 1)
                    {
                        draft.Body = Multipart(Form(), longBoundary);
                    }

                    draft.Note = "Content-Type " + draft.ContentType;
                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.MultipartManyParts:
                {
                    var count = 2 + (size * size / 2);
                    var parts = Form();
                    var template = parts[target % parts.Count];
                    parts.AddRange(Enumerable.Repeat(template, count));
                    var draft = Draft(kind, $"{count} more parts named {template.Name}");
                    draft.Body = Multipart(parts, Boundary);
                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.MultipartHostileNames:
                {
                    var parts = Form();
                    var index = target % parts.Count;
                    var hostile = HostileStrings.Pick(variant, size);
                    var part = parts[index];
                    parts[index] = (variant % 3) switch
                    {
                        0 => part with { FileName = hostile.Text },
                        1 => part with { Name = hostile.Text },
                        _ => part with { ExtraHeader = "Content-Type: " + hostile.Text },
                    };
                    var draft = Draft(kind, $"part {part.Name}: {(variant % 3 == 0 ? "file name" : variant % 3 == 1 ? "name" : "content type")} {hostile.Name}");
                    draft.Body = Multipart(parts, Boundary);
                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.MultipartMissingField:
                {
                    var required = RequiredFormFields();
                    var name = required[target % required.Count];
                    var draft = Draft(kind, $"form field {name} left out");
                    draft.Body = Multipart([.. Form().Where(p => p.Name != name)], Boundary);
                    return draft.Build(Expectation.Rejected);
                }

            case MutationKind.FormUrlEncoded:
                {
                    string[] bodies = ["title=abc", "title=%ZZ", "=&&=", "title=" + new string('a', size * 100), "title=a%00b", "title=%ED%A0%80",
                    string.Join("&", Enumerable.Range(0, size * 20).Select(i => FormattableString.Invariant($"f{i}={i}"))), "title=a&title=b", "%"];
                    var draft = Draft(kind, "urlencoded form");
                    draft.Body = Encoding.UTF8.GetBytes(bodies[variant % bodies.Length]);
                    draft.ContentType = "application/x-www-form-urlencoded";
                    return draft.Build(Expectation.NoServerError);
                }

            case MutationKind.RawBytes:
                {
                    var draft = Draft(kind, "raw bytes");
                    var bytes = new byte[size * size * 6];
                    var state = (uint)variant * 2654435761u + 1;
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        state = (state * 1664525) + 1013904223;
                        bytes[i] = (byte)(state >> 24);
                    }

                    draft.Body = bytes;
                    draft.ContentType = ContentTypes[target % ContentTypes.Length];
                    draft.Note = FormattableString.Invariant($"{bytes.Length} random bytes, Content-Type {draft.ContentType ?? "(none)"}");
                    return draft.Build(Expectation.NoServerError);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private bool Applies(MutationKind kind)
    {
        var parameters = _operation.Parameters;
        var mediaType = _operation.Body?.MediaType;
        return kind switch
        {
            MutationKind.WrongMethod or MutationKind.HostileHeaders or MutationKind.OddContentType or MutationKind.ExtraQuery => true,
            MutationKind.ParameterWrongType or MutationKind.ParameterHostileString => parameters.Count > 0,
            MutationKind.ParameterNumberEdge => parameters.Any(IsNumeric),
            MutationKind.ParameterOutOfRange => parameters.Any(p => _rules.Violations(p.Schema, JsonValue.Create(_validValues[p.Name])).Count > 0),
            MutationKind.ParameterPatternTrailingNewline or MutationKind.ParameterPatternBacktracking => parameters.Any(HasPattern),
            MutationKind.ParameterMissing => parameters.Any(p => p.Required && p.In != "path"),
            MutationKind.ParameterDuplicated => parameters.Any(p => p.In != "path"),
            MutationKind.ParameterHugeArray => parameters.Any(p => _document.MainType(p.Schema) == "array"),
            MutationKind.JsonWrongType or MutationKind.JsonDeepNesting or MutationKind.JsonTruncated or MutationKind.JsonTrailingGarbage => _validJson is not null,
            MutationKind.JsonNumberEdge => _slots.Any(s => _document.MainType(s.Schema) is "integer" or "number"),
            MutationKind.JsonConstraintViolation => _slots.Any(s => _rules.Violations(s.Schema, Get(s)).Count > 0),
            MutationKind.JsonMissingMember or MutationKind.JsonDuplicateKey => _slots.Any(s => s.IsMember),
            MutationKind.JsonExtraMember => _slots.Any(s => Get(s) is JsonObject),
            MutationKind.JsonHostileString or MutationKind.JsonInvalidUtf8 => _slots.Any(s => _document.MainType(s.Schema) == "string"),
            MutationKind.JsonHugeArray => _slots.Any(s => _document.MainType(s.Schema) == "array"),
            MutationKind.MultipartMissingField => mediaType == "multipart/form-data" && RequiredFormFields().Count > 0,
            MutationKind.MultipartNoBoundary or MutationKind.MultipartTruncated or MutationKind.MultipartWrongBoundary
                or MutationKind.MultipartManyParts or MutationKind.MultipartHostileNames or MutationKind.FormUrlEncoded => mediaType == "multipart/form-data",
            MutationKind.RawBytes => mediaType == "application/octet-stream",
            _ => false,
        };
    }

    private bool IsNumeric(ApiParameter parameter) =>
        _document.MainType(parameter.Schema) is "integer" or "number"
        || (_document.MainType(parameter.Schema) == "array" && _document.MainType(_document.Unwrap(parameter.Schema)["items"]!.AsObject()) is "integer" or "number");

    private bool HasPattern(ApiParameter parameter) => _document.Unwrap(parameter.Schema)["pattern"] is not null;

    private FuzzRequest WithParameter(MutationKind kind, ApiParameter parameter, string value, bool expectation, string? rule = null)
    {
        var draft = Draft(kind, $"{parameter.In}.{parameter.Name} = {value.Replace("\n", "\\n", StringComparison.Ordinal)}{(rule is null ? "" : $" ({rule})")}");
        draft.Set(parameter, value, Encoding.UTF8.GetBytes(value));
        // A cookie value outside RFC 6265's cookie-octets (a comma, a space, a quote...) is dropped by ASP.NET Core's
        // cookie parser before binding: the parameter is then absent, which an optional one accepts.
        var reachesBinding = parameter.In != "cookie" || value.All(c => c > 0x20 && c < 0x7F && c is not ('"' or ',' or ';' or '\\'));
        return draft.Build(expectation && reachesBinding ? Expectation.Rejected : Expectation.NoServerError);
    }

    private FuzzRequest WithJson(MutationKind kind, Slot slot, string literal, bool expectation, string? rule = null)
    {
        var bytes = Substitute(Replace(slot, Placeholder), Placeholder, Encoding.UTF8.GetBytes(literal));
        var shown = literal.Length > 80 ? literal[..80] + "…" : literal;
        return JsonRequest(kind, $"{slot.Location} = {shown}{(rule is null ? "" : $" ({rule})")}", bytes, expectation);
    }

    private FuzzRequest WithExtraMember(MutationKind kind, Slot objectSlot, string key, string literal, string note)
    {
        var body = _validJson!.DeepClone();
        var target = objectSlot.Path.Length == 0 ? body : Navigate(body, objectSlot.Path);
        target!.AsObject()["@@FUZZKEY@@"] = "@@FUZZ@@";
        var bytes = Substitute(Encoding.UTF8.GetBytes(body.ToJsonString()), KeyPlaceholder, Encoding.UTF8.GetBytes(key));
        return JsonRequest(kind, note, Substitute(bytes, Placeholder, Encoding.UTF8.GetBytes(literal)), expectation: false);
    }

    private FuzzRequest JsonRequest(MutationKind kind, string note, byte[] body, bool expectation)
    {
        var draft = Draft(kind, note);
        draft.Body = body;
        return draft.Build(expectation ? Expectation.Rejected : Expectation.NoServerError);
    }

    private static string AnyJson(int size, int variant) => (variant % 5) switch
    {
        0 => JsonString(new string('x', size * size)),
        1 => new string('[', size * 20) + new string(']', size * 20),
        2 => "9223372036854775808",
        3 => "{\"a\":{\"b\":[1,2,{\"c\":null}]}}",
        _ => "null",
    };

    private static string JsonString(string text) => JsonValue.Create(text).ToJsonString();

    private byte[] ValidJsonBytes() => Encoding.UTF8.GetBytes(_validJson!.ToJsonString());

    /// <summary>The valid body with the slot replaced by the placeholder string, serialized.</summary>
    private byte[] Replace(Slot slot, string placeholder)
    {
        if (slot.Path.Length == 0)
        {
            return Encoding.UTF8.GetBytes(placeholder);
        }

        var body = _validJson!.DeepClone();
        var parent = Parent(body, slot.Path);
        var placeholderValue = placeholder.Trim('"');
        switch (slot.Path[^1])
        {
            case string name: parent.AsObject()[name] = placeholderValue; break;
            case int index: parent.AsArray()[index] = placeholderValue; break;
        }

        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    private static byte[] Substitute(byte[] text, string placeholder, byte[] replacement)
    {
        var marker = Encoding.UTF8.GetBytes(placeholder);
        var at = text.AsSpan().IndexOf(marker);
        return at < 0 ? text : [.. text[..at], .. replacement, .. text[(at + marker.Length)..]];
    }

    private JsonNode? Get(Slot slot) => slot.Path.Length == 0 ? _validJson : Navigate(_validJson!, slot.Path);

    private static JsonNode Parent(JsonNode root, object[] path) => path.Length == 1 ? root : Navigate(root, path[..^1])!;

    private static JsonNode? Navigate(JsonNode root, object[] path)
    {
        var node = root;
        foreach (var step in path)
        {
            node = step is string name ? node![name] : node![(int)step];
        }

        return node;
    }

    /// <summary>Every value position in the valid body, with the schema it must match and whether it may be left out.</summary>
    private void Walk(JsonNode? node, JsonObject schema, object[] path, bool required, bool isMember)
    {
        _slots.Add(new Slot(path, schema, required, isMember));
        var unwrapped = _document.Unwrap(schema);
        if (node is JsonObject obj)
        {
            var requiredNames = unwrapped["required"]?.AsArray().Select(n => (string?)n).ToHashSet() ?? [];
            var properties = unwrapped["properties"]?.AsObject();
            foreach (var (name, child) in obj)
            {
                var childSchema = properties?[name]?.AsObject() ?? unwrapped["additionalProperties"]?.AsObject() ?? [];
                Walk(child, childSchema, [.. path, name], requiredNames.Contains(name), isMember: properties?[name] is not null);
            }
        }
        else if (node is JsonArray { Count: > 0 } array)
        {
            Walk(array[0], unwrapped["items"]?.AsObject() ?? [], [.. path, 0], required: true, isMember: false);
        }
    }

    private List<FormPart> Form()
    {
        var schema = _document.Unwrap(_operation.Body!.Schema);
        var parts = new List<FormPart>();
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var unwrapped = _document.Unwrap(property!.AsObject());
            if (_document.MainType(unwrapped) == "array")
            {
                parts.Add(new FormPart(name, "a.txt", "first file"));
                parts.Add(new FormPart(name, "b.txt", "second file"));
            }
            else
            {
                parts.Add(unwrapped["contentMediaType"] is not null ? new FormPart(name, "a.txt", "file content") : new FormPart(name, null, "value"));
            }
        }

        return parts;
    }

    private List<string> RequiredFormFields() =>
        [.. _document.Unwrap(_operation.Body!.Schema)["required"]?.AsArray().Select(n => (string)n!) ?? []];

    private static byte[] Multipart(IEnumerable<FormPart> parts, string boundary)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append("--").Append(boundary).Append("\r\n");
            text.Append("Content-Disposition: form-data; name=\"").Append(part.Name).Append('"');
            if (part.FileName is not null)
            {
                text.Append("; filename=\"").Append(part.FileName).Append('"');
            }

            text.Append("\r\n");
            if (part.ExtraHeader is not null)
            {
                text.Append(part.ExtraHeader).Append("\r\n");
            }

            text.Append("\r\n").Append(part.Content).Append("\r\n");
        }

        text.Append("--").Append(boundary).Append("--\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private RequestDraft Draft(MutationKind kind, string note)
    {
        var draft = new RequestDraft(_operation, kind, note) { Method = _operation.Method };
        foreach (var parameter in _operation.Parameters)
        {
            var value = _validValues[parameter.Name];
            draft.Set(parameter, value, Encoding.UTF8.GetBytes(value));
        }

        switch (_operation.Body?.MediaType)
        {
            case "application/json":
                draft.Body = ValidJsonBytes();
                draft.ContentType = "application/json";
                break;
            case "multipart/form-data":
                draft.Body = Multipart(Form(), Boundary);
                draft.ContentType = $"multipart/form-data; boundary={Boundary}";
                break;
            case { } other:
                draft.Body = "some bytes"u8.ToArray();
                draft.ContentType = other;
                break;
        }

        return draft;
    }

    private static (string Name, string Value) HostileHeader(int target, int size, int variant)
    {
        var picked = HostileStrings.Pick(variant, size);
        var hostile = (picked.Name, Text: Encoding.Latin1.GetString(picked.Bytes));
        (string, string)[] headers =
        [
            ("Accept", "application/xml;q=garbage"), ("Accept", hostile.Text), ("X-User", hostile.Text), ("X-User", "admin"),
            ("X-Role", "admin"), ("Cookie", "a=" + hostile.Text), ("Accept-Charset", "utf-7"), ("X-Forwarded-For", hostile.Text),
            ("Authorization", "Bearer " + hostile.Text), ("Accept-Encoding", "gzip;q=2, br;q=-1"), ("Expect", "100-continue"),
            ("Content-Encoding", "gzip"), ("If-None-Match", "*"), ("Accept-Language", hostile.Text), ("X-Large", new string('h', size * 600)),
        ];
        return headers[target % headers.Length];
    }

    /// <summary>A position in a JSON body: the steps (member names, item indexes) from the root.</summary>
    private sealed record Slot(object[] Path, JsonObject Schema, bool Required, bool IsMember)
    {
        public string Location => "body" + string.Concat(Path.Select(step => step is int i ? FormattableString.Invariant($"[{i}]") : "." + step));
    }

    private sealed record FormPart(string Name, string? FileName, string Content, string? ExtraHeader = null);

    /// <summary>A request under construction: parameters by location, then the body.</summary>
    private sealed class RequestDraft(ApiOperation operation, MutationKind kind, string note)
    {
        private readonly Dictionary<string, byte[]> _path = new(StringComparer.Ordinal);

        public string Method { get; set; } = "GET";

        public string Note { get; set; } = note;

        public List<(string Name, byte[] Value)> Query { get; } = [];

        public List<(string Name, string Value)> Headers { get; } = [];

        public byte[]? Body { get; set; }

        public string? ContentType { get; set; }

        public void Set(ApiParameter parameter, string text, byte[] bytes)
        {
            Remove(parameter);
            Add(parameter, text, bytes);
        }

        public void Add(ApiParameter parameter, string text, byte[] bytes)
        {
            switch (parameter.In)
            {
                case "path": _path[parameter.Name] = bytes; break;
                case "query": Query.Add((parameter.Name, bytes)); break;
                // Kestrel reads header bytes as Latin-1, so a header value never holds a lone surrogate: send what it would see.
                case "header": Headers.Add((parameter.Name, Encoding.Latin1.GetString(bytes))); break;
                case "cookie": Headers.Add(("Cookie", $"{parameter.Name}={Encoding.Latin1.GetString(bytes)}")); break;
            }
        }

        public void Remove(ApiParameter parameter)
        {
            _path.Remove(parameter.Name);
            Query.RemoveAll(q => q.Name == parameter.Name);
            Headers.RemoveAll(h => parameter.In == "cookie"
                ? h.Name == "Cookie" && h.Value.StartsWith(parameter.Name + "=", StringComparison.Ordinal)
                : string.Equals(h.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
        }

        public FuzzRequest Build(Expectation expectation)
        {
            var url = new StringBuilder();
            foreach (var segment in operation.Path.Split('/'))
            {
                if (segment.Length == 0)
                {
                    continue;
                }

                url.Append('/');
                url.Append(segment.StartsWith('{') ? Escape(_path.GetValueOrDefault(segment.Trim('{', '}', '?')) ?? []) : segment);
            }

            if (operation.Path.EndsWith('/'))
            {
                url.Append('/');
            }

            for (var i = 0; i < Query.Count; i++)
            {
                url.Append(i == 0 ? '?' : '&').Append(Escape(Encoding.UTF8.GetBytes(Query[i].Name))).Append('=').Append(Escape(Query[i].Value));
            }

            return new FuzzRequest(operation, kind, Note, Method, url.Length == 0 ? "/" : url.ToString(), [.. Headers], Body, ContentType, expectation);
        }

        private static string Escape(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length);
            foreach (var b in bytes)
            {
                text.Append(b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~'
                    ? ((char)b).ToString()
                    : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }
    }
}

/// <summary>Strings that break naive code: lengths, encodings, control characters and look-alikes.</summary>
internal static class HostileStrings
{
    public static (string Name, string Text, byte[] Bytes) Pick(int variant, int size)
    {
        var utf8 = Encoding.UTF8;
        (string Name, string Text, byte[]? Raw)[] all =
        [
            ("long", new string('a', 1 + (size * 200)), null),
            ("lone surrogate escape", "\ud800", [0xED, 0xA0, 0x80]),
            ("lone low surrogate", "x\udc00y", [0x78, 0xED, 0xB0, 0x80, 0x79]),
            ("NUL", "a\u0000b", null),
            ("CR LF", "a\r\nX-Injected: 1", null),
            ("trailing newline", "abc\n", null),
            ("bidi and emoji", "\u202eevil\ud83d\ude00", null),
            ("invalid UTF-8", "\u00ff", [0xFF]),
            ("overlong UTF-8", "/", [0xC0, 0xAF]),
            ("empty", "", null),
            ("spaces", "   ", null),
            ("percent", "%ZZ%", null),
            ("path traversal", "../../etc/passwd", null),
            ("look-alikes", "\ufb01 \u212a \u0130", null),
            ("JSON", "{\"a\":1}", null),
            ("markup", "<script>alert(1)</script>", null),
            ("words", "null", null),
            ("long unicode", new string('\u00e9', 1 + (size * 100)), null),
        ];
        var (name, text, raw) = all[variant % all.Length];
        return (name, text, raw ?? utf8.GetBytes(text));
    }
}
