using System.Collections.Generic;
using System.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// Emits <c>GeneratedJson</c>: a reader and a writer for every JSON type the endpoints reach
/// (docs/json.md). Readers collect errors with their locations instead of throwing; writers write
/// pre-encoded property names straight to the <see cref="System.Text.Json.Utf8JsonWriter"/>.
/// </summary>
internal static class JsonEmitter
{
    public const string ClassName = "global::FastEndpointsGen.GeneratedJson";
    public const string HintName = "FastEndpointsGen.Json.g.cs";

    public static string Emit(EquatableArray<JsonTypeModel> types)
    {
        var byId = types.ToDictionary(t => t.Id);
        var derivedIds = DerivedIds(types);
        var fields = new StaticFields();
        var writer = new SourceWriter();
        SourceHeader.Write(writer);
        writer.WriteLine("namespace FastEndpointsGen");
        using (writer.Block())
        {
            writer.WriteLine("using global::System.Text.Json;");
            writer.WriteLine("using global::FastEndpointsGen.Runtime;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>");
            writer.WriteLine($"/// JSON readers and writers for the {types.Count} types this assembly's endpoints send and receive.");
            writer.WriteLine("/// Use <c>Serialize</c> to write a model with the same code the endpoints use.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine(SourceHeader.GeneratedCodeAttribute);
            writer.WriteLine("internal static partial class GeneratedJson");
            using (writer.Block())
            {
                writer.WriteLine("/// <summary>Resolves the generated types for <c>JsonSerializerOptions</c>, so <c>TypedResults.Ok(model)</c> uses the generated code too.</summary>");
                writer.WriteLine($"public static {KnownTypes.IJsonTypeInfoResolver} TypeInfoResolver {{ get; }} = new Resolver();");
                foreach (var type in types.Where(t => HasMethods(t, byId)))
                {
                    writer.WriteLine();
                    writer.WriteLine($"// {type.TypeName}");
                    EmitType(writer, type, byId, derivedIds, fields);
                }

                writer.WriteLine();
                EmitResolver(writer, types);
                if (!fields.IsEmpty)
                {
                    writer.WriteLine();
                    writer.WriteLine("// Values the validation checks need, built once.");
                    fields.Write(writer);
                }
            }
        }

        foreach (var body in types.Where(t => t.IsBodyObject))
        {
            writer.WriteLine();
            EmitBodyObject(writer, body);
        }

        return writer.Finish();
    }

    /// <summary>
    /// The class a handler's <c>[BodyMember]</c> parameters are read into, in a namespace of its own per handler class:
    /// <c>internal sealed class Body_Create(Item item, User user) { public Item Item { get; } = item; ... }</c>.
    /// </summary>
    private static void EmitBodyObject(SourceWriter writer, JsonTypeModel type)
    {
        // global::{namespace}.{class}: the body object is one of ours, in a namespace of its own (BodyMembersParser).
        var name = type.TypeName;
        writer.WriteLine($"namespace {name.Name.Substring("global::".Length, name.Name.Length - "global::".Length - name.SimpleName.Length - 1)}");
        using (writer.Block())
        {
            var members = type.Members.OrderBy(m => m.ConstructorIndex).ToList();
            writer.WriteLine("/// <summary>The JSON body of a handler with <c>[BodyMember]</c> parameters: one property each (docs/binding.md#several-body-members).</summary>");
            writer.WriteLine(SourceHeader.GeneratedCodeAttribute);
            writer.WriteLine($"internal sealed class {name.SimpleName}({string.Join(", ", members.Select(m => $"{m.Type} {m.Local}"))})");
            using (writer.Block())
            {
                foreach (var member in members)
                {
                    writer.WriteLine($"public {member.Type} {SourceHeader.Identifier(member.Name)} {{ get; }} = {member.Local};");
                }
            }
        }
    }

    /// <summary>The ids of the types some polymorphic type derives to: their writers write their members apart.</summary>
    private static HashSet<string> DerivedIds(EquatableArray<JsonTypeModel> types)
    {
        var ids = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var type in types)
        {
            foreach (var derived in type.DerivedTypes)
            {
                ids.Add(derived.TypeId);
            }
        }

        return ids;
    }

    private static void EmitType(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types, HashSet<string> derivedIds,
        StaticFields fields)
    {
        switch (type.Kind)
        {
            case JsonTypeKind.Object when type.IsBodyObject:
                // A handler's [BodyMember] parameters: only ever read (docs/binding.md#several-body-members).
                EmitNames(writer, type);
                EmitObjectReader(writer, type, types, fields);
                break;
            case JsonTypeKind.Object:
                EmitNames(writer, type);
                if (!type.IsPolymorphicBase)
                {
                    EmitPublicSerialize(writer, type);
                }

                EmitObjectWriter(writer, type, types, derivedIds.Contains(type.Id));
                EmitObjectReader(writer, type, types, fields);
                break;
            case JsonTypeKind.Enum:
                EmitEnum(writer, type, types);
                break;
            case JsonTypeKind.Polymorphic:
                EmitPublicSerialize(writer, type);
                EmitPolymorphicWriter(writer, type, types);
                EmitPolymorphicReader(writer, type, types);
                break;
            case JsonTypeKind.Collection:
                EmitCollectionWriter(writer, type, types);
                EmitCollectionReader(writer, type, types);
                break;
            case JsonTypeKind.Dictionary:
                EmitDictionaryWriter(writer, type, types);
                EmitDictionaryReader(writer, type, types);
                break;
            default:
                EmitLeaf(writer, type, types);
                break;
        }
    }

    /// <summary>
    /// Scalars are read and written inline, so they get methods only as a body or response; a nullable
    /// struct model needs one for its writer; fallbacks are always called by name.
    /// </summary>
    private static bool HasMethods(JsonTypeModel type, Dictionary<string, JsonTypeModel> types) =>
        type.Kind is not (JsonTypeKind.Simple or JsonTypeKind.Nullable)
        || type.IsRoot
        || type.Kind == JsonTypeKind.Nullable && types[type.ElementId!].Kind != JsonTypeKind.Simple;

    private static string ParameterType(JsonTypeModel type) => type.IsValueType ? type.TypeName.Declared : type.TypeName.Name + "?";

    private static void EmitPublicSerialize(SourceWriter writer, JsonTypeModel type)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Writes <paramref name=\"value\"/> as JSON, exactly as the endpoints do. A member the generator hands to System.Text.Json");
        writer.WriteLine("/// (FEG4001) is written with <paramref name=\"options\"/>, else with the web defaults.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"public static void Serialize(Utf8JsonWriter writer, {ParameterType(type)} value, JsonSerializerOptions? options = null) =>");
        writer.WriteLine($"    Write{type.Id}(writer, value, options ?? FallbackJson.DefaultOptions);");
        writer.WriteLine();
    }

    private static void EmitNames(SourceWriter writer, JsonTypeModel type)
    {
        foreach (var member in type.Members)
        {
            writer.WriteLine($"private static readonly {KnownTypes.JsonEncodedText} {NameField(type, member)} = {KnownTypes.JsonEncodedText}.Encode({Literal(member.JsonName)});");
        }

        writer.WriteLine();
    }

    private static string NameField(JsonTypeModel type, JsonMemberModel member) => $"{type.Id}_{member.Name}";

    // ---- writers -------------------------------------------------------------------------------

    /// <param name="isDerived">A derived type of a polymorphic one also writes its members after the discriminator, in the base's writer.</param>
    private static void EmitObjectWriter(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types, bool isDerived)
    {
        writer.WriteLine($"internal static void Write{type.Id}(Utf8JsonWriter writer, {ParameterType(type)} value, JsonSerializerOptions options)");
        using (writer.Block())
        {
            WriteNullGuard(writer, type);
            writer.WriteLine("writer.WriteStartObject();");
            if (isDerived)
            {
                writer.WriteLine($"Write{type.Id}Members(writer, value, options);");
                writer.WriteLine("writer.WriteEndObject();");
            }
            else
            {
                EmitMemberWrites(writer, type, types);
                writer.WriteLine("writer.WriteEndObject();");
            }
        }

        writer.WriteLine();
        if (isDerived)
        {
            writer.WriteLine($"private static void Write{type.Id}Members(Utf8JsonWriter writer, {type.TypeName} value, JsonSerializerOptions options)");
            using (writer.Block())
            {
                EmitMemberWrites(writer, type, types);
            }

            writer.WriteLine();
        }
    }

    private static void EmitMemberWrites(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types)
    {
        foreach (var member in type.Members.Where(m => m.CanWrite))
        {
            var access = $"value.{SourceHeader.Identifier(member.Name)}";
            switch (member.Ignore)
            {
                case IgnoreCondition.WhenWritingNull when member.IsNullable:
                    writer.WriteLine($"if ({access} is not null)");
                    using (writer.Block())
                    {
                        WriteMember(writer, types[member.TypeId], member.IsNullable, access, NameField(type, member), types);
                    }

                    break;
                case IgnoreCondition.WhenWritingDefault:
                    writer.WriteLine($"if (!global::System.Collections.Generic.EqualityComparer<{member.Type}>.Default.Equals({access}, default))");
                    using (writer.Block())
                    {
                        WriteMember(writer, types[member.TypeId], member.IsNullable, access, NameField(type, member), types);
                    }

                    break;
                default:
                    WriteMember(writer, types[member.TypeId], member.IsNullable, access, NameField(type, member), types);
                    break;
            }
        }
    }

    private static void WriteNullGuard(SourceWriter writer, JsonTypeModel type)
    {
        if (type.IsValueType)
        {
            return;
        }

        writer.WriteLine("if (value is null)");
        using (writer.Block())
        {
            writer.WriteLine("writer.WriteNullValue();");
            writer.WriteLine("return;");
        }

        writer.WriteLine();
    }

    /// <summary>Writes one property: the combined name+value call where Utf8JsonWriter has one.</summary>
    private static void WriteMember(SourceWriter writer, JsonTypeModel type, bool nullable, string access, string nameField, Dictionary<string, JsonTypeModel> types)
    {
        if (type.Kind == JsonTypeKind.Simple && CombinedWriter(type.Simple) is { } combined && !(nullable && type.IsValueType))
        {
            writer.WriteLine($"writer.{combined}({nameField}, {access});");
            return;
        }

        if (type.Kind == JsonTypeKind.Nullable && types[type.ElementId!] is { Kind: JsonTypeKind.Simple } inner && CombinedWriter(inner.Simple) is { } innerCombined)
        {
            writer.WriteLine($"if ({access} is {{ }} {Local(nameField)}) writer.{innerCombined}({nameField}, {Local(nameField)});");
            writer.WriteLine($"else writer.WriteNull({nameField});");
            return;
        }

        writer.WriteLine($"writer.WritePropertyName({nameField});");
        WriteValue(writer, type, access, types);
    }

    /// <summary>Writes one value with no property name (array items, dictionary values, roots).</summary>
    private static void WriteValue(SourceWriter writer, JsonTypeModel type, string access, Dictionary<string, JsonTypeModel> types)
    {
        if (type.Kind == JsonTypeKind.Simple)
        {
            writer.WriteLine(SimpleValueWriter(type.Simple, access));
            return;
        }

        if (type.Kind == JsonTypeKind.Nullable && types[type.ElementId!] is { Kind: JsonTypeKind.Simple } inner)
        {
            writer.WriteLine($"if ({access} is {{ }} item) {SimpleValueWriter(inner.Simple, "item")}");
            writer.WriteLine("else writer.WriteNullValue();");
            return;
        }

        writer.WriteLine($"Write{type.Id}(writer, {access}, options);");
    }

    private static string? CombinedWriter(SimpleKind kind) => kind switch
    {
        SimpleKind.String or SimpleKind.Guid or SimpleKind.DateTime or SimpleKind.DateTimeOffset => "WriteString",
        SimpleKind.Boolean => "WriteBoolean",
        SimpleKind.Byte or SimpleKind.SByte or SimpleKind.Int16 or SimpleKind.UInt16 or SimpleKind.Int32 or SimpleKind.UInt32
            or SimpleKind.Int64 or SimpleKind.UInt64 or SimpleKind.Single or SimpleKind.Double or SimpleKind.Decimal => "WriteNumber",
        _ => null,
    };

    private static string SimpleValueWriter(SimpleKind kind, string access) => kind switch
    {
        SimpleKind.String or SimpleKind.Guid or SimpleKind.DateTime or SimpleKind.DateTimeOffset => $"writer.WriteStringValue({access});",
        SimpleKind.Boolean => $"writer.WriteBooleanValue({access});",
        SimpleKind.DateOnly => $"JsonWrite.DateOnly(writer, {access});",
        SimpleKind.TimeOnly => $"JsonWrite.TimeOnly(writer, {access});",
        SimpleKind.TimeSpan => $"Durations.Write(writer, {access});",
        SimpleKind.Uri => $"JsonWrite.Uri(writer, {access});",
        SimpleKind.Char => $"JsonWrite.Char(writer, {access});",
        _ => $"writer.WriteNumberValue({access});",
    };

    private static void EmitCollectionWriter(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types)
    {
        writer.WriteLine($"internal static void Write{type.Id}(Utf8JsonWriter writer, {ParameterType(type)} value, JsonSerializerOptions options)");
        using (writer.Block())
        {
            WriteNullGuard(writer, type);
            writer.WriteLine("writer.WriteStartArray();");
            var element = types[type.ElementId!];
            if (type.IsIndexable)
            {
                var count = type.Collection == CollectionKind.Array ? "Length" : "Count";
                writer.WriteLine($"for (var i = 0; i < value.{count}; i++)");
                using (writer.Block())
                {
                    WriteValue(writer, element, "value[i]", types);
                }
            }
            else
            {
                writer.WriteLine("foreach (var element in value)");
                using (writer.Block())
                {
                    WriteValue(writer, element, "element", types);
                }
            }

            writer.WriteLine("writer.WriteEndArray();");
        }

        writer.WriteLine();
    }

    private static void EmitDictionaryWriter(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types)
    {
        writer.WriteLine($"internal static void Write{type.Id}(Utf8JsonWriter writer, {ParameterType(type)} value, JsonSerializerOptions options)");
        using (writer.Block())
        {
            WriteNullGuard(writer, type);
            writer.WriteLine("writer.WriteStartObject();");
            writer.WriteLine("foreach (var pair in value)");
            using (writer.Block())
            {
                writer.WriteLine(type.KeyKind switch
                {
                    SimpleKind.String => "writer.WritePropertyName(pair.Key);",
                    SimpleKind.Enum => $"WriteName{type.KeyEnumId}(writer, pair.Key);",
                    _ => "JsonWrite.PropertyName(writer, pair.Key);",
                });
                WriteValue(writer, types[type.ElementId!], "pair.Value", types);
            }

            writer.WriteLine("writer.WriteEndObject();");
        }

        writer.WriteLine();
    }

    // ---- readers -------------------------------------------------------------------------------

    private static void EmitObjectReader(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types, StaticFields fields)
    {
        var readable = type.Members.Where(m => m.Assignment != MemberAssignment.None).ToList();
        writer.WriteLine($"internal static {type.TypeName} Read{type.Id}(ref Utf8JsonReader reader, JsonReadContext context)");
        using (writer.Block())
        {
            if (!type.CanRead)
            {
                writer.WriteLine($"context.AddInvalidValue(ref reader, ErrorTypes.ModelType); // {type.TypeName} has no public constructor to read into.");
                writer.WriteLine($"return {type.TypeName.DefaultValue};");
            }
            else
            {
                EmitObjectReaderBody(writer, type, readable, types, fields);
            }
        }

        writer.WriteLine();
        if (type.CanRead)
        {
            EmitMatcher(writer, type);
            EmitInitAccessors(writer, type, readable);
        }

        if (type.IsValidatable || type.TypeRules.Count > 0)
        {
            writer.WriteLine($"private static string? JsonNameOf{type.Id}(string member) => member switch");
            using (writer.Block("};"))
            {
                foreach (var member in type.Members)
                {
                    writer.WriteLine($"{Literal(member.Name)} => {Literal(member.JsonName)},");
                }

                writer.WriteLine("_ => null,");
            }

            writer.WriteLine();
        }
    }

    private static void EmitObjectReaderBody(SourceWriter writer, JsonTypeModel type, List<JsonMemberModel> readable, Dictionary<string, JsonTypeModel> types, StaticFields fields)
    {
        if (type.IsBodyObject)
        {
            // A body that is not an object has none of the members: FastAPI reports each one missing (docs/binding.md#several-body-members).
            writer.WriteLine("if (reader.TokenType != JsonTokenType.StartObject)");
            using (writer.Block())
            {
                writer.WriteLine("reader.Skip();");
                foreach (var member in readable.Where(m => m.IsRequired))
                {
                    writer.WriteLine($"context.AddMissing({Literal(member.JsonName)});");
                }

                writer.WriteLine($"return {type.TypeName.DefaultValue};");
            }

            writer.WriteLine();
        }

        writer.WriteLine("if (!JsonRead.StartObject(ref reader, context))");
        using (writer.Block())
        {
            writer.WriteLine($"return {type.TypeName.DefaultValue};");
        }

        writer.WriteLine();
        writer.WriteLine("var errorCount = context.ErrorCount;");
        writer.WriteLine("var objectStart = reader.TokenStartIndex;");
        foreach (var member in readable)
        {
            writer.WriteLine($"{member.Type} {member.Local} = {member.DefaultValue?.CSharp ?? member.Type.DefaultValue};");
            if (TracksPresence(member))
            {
                writer.WriteLine($"var {member.PresenceLocal} = false;");
            }
        }

        writer.WriteLine("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        using (writer.Block())
        {
            writer.WriteLine($"var member = Match{type.Id}(ref reader, out var unknownName);");
            writer.WriteLine("reader.Read();");
            writer.WriteLine("switch (member)");
            using (writer.Block())
            {
                for (var i = 0; i < type.Members.Count; i++)
                {
                    var member = type.Members[i];
                    writer.WriteLine($"case {i}:");
                    using (writer.Block())
                    {
                        if (member.Assignment == MemberAssignment.None)
                        {
                            writer.WriteLine("reader.Skip(); // read-only");
                            writer.WriteLine("break;");
                            continue;
                        }

                        if (TracksPresence(member))
                        {
                            writer.WriteLine($"{member.PresenceLocal} = true;");
                        }

                        writer.WriteLine(member.IsSecret
                            ? $"context.PushSecret({Literal(member.JsonName)}); // [DataType(DataType.Password)]: errors never echo it"
                            : $"context.Push({Literal(member.JsonName)});");
                        var checks = ValidationEmitter.HasValueChecks(member.Rules);
                        if (checks)
                        {
                            writer.WriteLine("var before = context.ErrorCount;");
                        }

                        ReadInto(writer, types[member.TypeId], member.IsNullable, member.Local, types);
                        if (checks)
                        {
                            writer.WriteLine($"if (context.ErrorCount == before && {member.Local} is {{ }} checkedValue)");
                            using (writer.Block())
                            {
                                ValidationEmitter.EmitChecks(writer, member.Rules, "checkedValue", member.JsonName, $"{type.Id}_{member.Name}", fields, ReportJson);
                            }
                        }

                        writer.WriteLine("context.Pop();");
                        writer.WriteLine("break;");
                    }
                }

                writer.WriteLine("default:");
                using (writer.Indent())
                {
                    writer.WriteLine("context.SkipUnknownMember(ref reader, unknownName!);");
                    writer.WriteLine("break;");
                }
            }
        }

        writer.WriteLine();
        // FastAPI shows the enclosing object as a missing member's input; never when the object holds a secret, nor for
        // a handler's body members, which FastAPI checks one by one with no input.
        var echoObject = !type.Members.Any(m => m.IsSecret) && !type.IsBodyObject;
        foreach (var member in readable.Where(m => m.IsRequired))
        {
            writer.WriteLine(echoObject
                ? $"if (!{member.PresenceLocal}) context.AddMissing({Literal(member.JsonName)}, ref reader, objectStart);"
                : $"if (!{member.PresenceLocal}) context.AddMissing({Literal(member.JsonName)});");
        }

        EmitCompareChecks(writer, readable);

        writer.WriteLine("if (context.ErrorCount != errorCount)");
        using (writer.Block())
        {
            writer.WriteLine($"return {type.TypeName.DefaultValue};");
        }

        writer.WriteLine();
        var arguments = string.Join(", ", readable.Where(m => m.Assignment == MemberAssignment.Constructor).OrderBy(m => m.ConstructorIndex).Select(m => m.Local));
        var initializers = readable.Where(m => m.Assignment == MemberAssignment.Initializer).ToList();
        writer.WriteLine($"{type.TypeName} result;");
        writer.WriteLine("try");
        using (writer.Block())
        {
            if (initializers.Count == 0)
            {
                writer.WriteLine($"result = new {type.TypeName}({arguments});");
            }
            else
            {
                writer.WriteLine($"result = new {type.TypeName}({arguments})");
                using (writer.Block("};"))
                {
                    foreach (var member in initializers)
                    {
                        writer.WriteLine($"{SourceHeader.Identifier(member.Name)} = {member.Local},");
                    }
                }
            }

            foreach (var member in readable.Where(m => m.Assignment == MemberAssignment.Setter))
            {
                writer.WriteLine($"if ({member.PresenceLocal}) result.{SourceHeader.Identifier(member.Name)} = {member.Local};");
            }

            foreach (var member in readable.Where(m => m.Assignment == MemberAssignment.InitAccessor))
            {
                var target = type.IsValueType ? "ref result" : "result";
                writer.WriteLine($"if ({member.PresenceLocal}) Set{type.Id}_{member.Name}({target}, {member.Local});");
            }
        }

        writer.WriteLine($"catch ({KnownTypes.Exception} exception) when (context.AddModelError(exception))");
        using (writer.Block())
        {
            writer.WriteLine("// The model refused the values (ArgumentException, ValidationException): a value_error at this object.");
            writer.WriteLine($"return {type.TypeName.DefaultValue};");
        }

        if (type.TypeRules.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("// The class's own ValidationAttributes run on the built object, as Validator.ValidateObject runs them.");
            foreach (var rule in type.TypeRules)
            {
                var attribute = fields.Add($"{type.Id}_{ValidationEmitter.ShortName(rule.AttributeType!)}", rule.AttributeType!.Name, rule.Construction!);
                writer.WriteLine($"ValidationChecks.Validate({attribute}, result, {Literal(type.DisplayName ?? "")}, context, JsonNameOf{type.Id});");
            }

            writer.WriteLine("if (context.ErrorCount != errorCount)");
            using (writer.Block())
            {
                writer.WriteLine($"return {type.TypeName.DefaultValue};");
            }
        }

        if (type.IsValidatable)
        {
            writer.WriteLine();
            writer.WriteLine("// IValidatableObject runs once every member rule has passed.");
            writer.WriteLine($"ValidationChecks.Validate(result, context, JsonNameOf{type.Id});");
            writer.WriteLine("if (context.ErrorCount != errorCount)");
            using (writer.Block())
            {
                writer.WriteLine($"return {type.TypeName.DefaultValue};");
            }

            writer.WriteLine();
        }

        writer.WriteLine("return result;");
    }

    private static string ReportJson(string type, string message, string input, string? context) =>
        $"context.AddError(\"{type}\", {message}, {input}{(context is null ? "" : ", " + context)});";

    /// <summary><c>[Compare("Other")]</c>: checked after every member is read, at the comparing member.</summary>
    private static void EmitCompareChecks(SourceWriter writer, List<JsonMemberModel> readable)
    {
        foreach (var member in readable)
        {
            foreach (var rule in member.Rules.Where(r => r.Kind == RuleKind.Compare))
            {
                var other = readable.FirstOrDefault(m => m.Name == rule.OtherMember);
                if (other is null)
                {
                    continue;
                }

                var message = rule.ErrorMessage?.Replace("{0}", member.JsonName) ?? $"Value error, '{member.JsonName}' and '{other.JsonName}' do not match";
                writer.WriteLine($"if (!global::System.Collections.Generic.EqualityComparer<{member.Type}>.Default.Equals({member.Local}, {other.Local}))");
                using (writer.Block())
                {
                    writer.WriteLine($"context.Push({Literal(member.JsonName)});");
                    writer.WriteLine($"context.AddError(\"value_error\", {Literal(message)});");
                    writer.WriteLine("context.Pop();");
                }
            }
        }
    }

    /// <summary>Presence matters for required members and for members assigned only when present.</summary>
    private static bool TracksPresence(JsonMemberModel member) =>
        member.IsRequired || member.Assignment is MemberAssignment.Setter or MemberAssignment.InitAccessor;

    /// <summary>Matches a property name: exact UTF-8 comparisons first, then case-insensitive.</summary>
    private static void EmitMatcher(SourceWriter writer, JsonTypeModel type)
    {
        writer.WriteLine($"private static int Match{type.Id}(ref Utf8JsonReader reader, out string? unknownName)");
        using (writer.Block())
        {
            writer.WriteLine("unknownName = null;");
            // A constructor parameter whose property is [JsonIgnore]d is never read: it keeps its default.
            var matched = Enumerable.Range(0, type.Members.Count).Where(i => !type.Members[i].IsIgnored).ToList();
            foreach (var i in matched)
            {
                writer.WriteLine($"if (reader.ValueTextEquals({Literal(type.Members[i].JsonName)}u8)) return {i};");
            }

            writer.WriteLine("var name = reader.GetString()!;");
            foreach (var i in matched)
            {
                writer.WriteLine($"if (string.Equals(name, {Literal(type.Members[i].JsonName)}, global::System.StringComparison.OrdinalIgnoreCase)) return {i};");
            }

            writer.WriteLine("unknownName = name;");
            writer.WriteLine("return -1;");
        }

        writer.WriteLine();
    }

    private static void EmitInitAccessors(SourceWriter writer, JsonTypeModel type, List<JsonMemberModel> readable)
    {
        foreach (var member in readable.Where(m => m.Assignment == MemberAssignment.InitAccessor))
        {
            var target = type.IsValueType ? $"ref {type.TypeName}" : type.TypeName.Declared;
            writer.WriteLine("// Init-only with an initializer: set only when the JSON has it, keeping the initializer's value otherwise.");
            writer.WriteLine($"[{KnownTypes.UnsafeAccessor}({KnownTypes.UnsafeAccessorKindMethod}, Name = \"set_{member.Name}\")]");
            writer.WriteLine($"private static extern void Set{type.Id}_{member.Name}({target} target, {member.Type} value);");
            writer.WriteLine();
        }
    }

    private static void EmitCollectionReader(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types)
    {
        var element = types[type.ElementId!];
        var container = type.Collection == CollectionKind.HashSet
            ? $"{KnownTypes.HashSet}<{type.ElementType}>"
            : $"{KnownTypes.List}<{type.ElementType}>";
        writer.WriteLine($"internal static {type.TypeName} Read{type.Id}(ref Utf8JsonReader reader, JsonReadContext context)");
        using (writer.Block())
        {
            writer.WriteLine("if (!JsonRead.StartArray(ref reader, context))");
            using (writer.Block())
            {
                writer.WriteLine("return default!;");
            }

            writer.WriteLine();
            writer.WriteLine($"var items = new {container}();");
            writer.WriteLine("var index = 0;");
            writer.WriteLine("while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)");
            using (writer.Block())
            {
                writer.WriteLine("context.Push(index++);");
                writer.WriteLine($"{type.ElementType} item = {type.ElementType!.DefaultValue};");
                ReadInto(writer, element, type.ElementIsNullable, "item", types);
                writer.WriteLine("items.Add(item);");
                writer.WriteLine("context.Pop();");
            }

            writer.WriteLine();
            writer.WriteLine(type.Collection == CollectionKind.Array ? "return items.ToArray();" : "return items;");
        }

        writer.WriteLine();
    }

    private static void EmitDictionaryReader(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types)
    {
        writer.WriteLine($"internal static {type.TypeName} Read{type.Id}(ref Utf8JsonReader reader, JsonReadContext context)");
        using (writer.Block())
        {
            writer.WriteLine("if (!JsonRead.StartDictionary(ref reader, context))");
            using (writer.Block())
            {
                writer.WriteLine("return default!;");
            }

            writer.WriteLine();
            writer.WriteLine($"var items = new {KnownTypes.Dictionary}<{type.KeyType}, {type.ElementType}>();");
            writer.WriteLine("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
            using (writer.Block())
            {
                if (type.KeyKind == SimpleKind.String)
                {
                    writer.WriteLine("var key = reader.GetString()!;");
                    writer.WriteLine("reader.Read();");
                }
                else
                {
                    // A key that is not a valid {KeyType} is an error at name.[key]; its value is skipped.
                    writer.WriteLine("var name = reader.GetString()!;");
                    writer.WriteLine("reader.Read();");
                    writer.WriteLine($"if (!{KeyParse(type)})");
                    using (writer.Block())
                    {
                        writer.WriteLine(type.KeyKind == SimpleKind.Enum
                            ? $"context.AddInvalidKey(ref reader, name, ErrorTypes.Enum, {type.KeyEnumId}Expected);"
                            : $"context.AddInvalidKey(ref reader, name, ErrorTypes.{KeyError(type.KeyKind)});");
                        writer.WriteLine("continue;");
                    }

                    writer.WriteLine();
                }

                writer.WriteLine(type.KeyKind == SimpleKind.String ? "context.Push(key);" : "context.Push(name);");
                writer.WriteLine($"{type.ElementType} item = {type.ElementType!.DefaultValue};");
                ReadInto(writer, types[type.ElementId!], type.ElementIsNullable, "item", types);
                writer.WriteLine("items[key] = item;");
                writer.WriteLine("context.Pop();");
            }

            writer.WriteLine();
            writer.WriteLine("return items;");
        }

        writer.WriteLine();
    }

    private static string KeyParse(JsonTypeModel type) => type.KeyKind switch
    {
        SimpleKind.Enum => $"TryParse{type.KeyEnumId}(name, out var key)",
        SimpleKind.Guid => "global::System.Guid.TryParse(name, out var key)",
        SimpleKind.Single or SimpleKind.Double =>
            $"({type.KeyType}.TryParse(name, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var key) && {type.KeyType}.IsFinite(key))",
        SimpleKind.Decimal =>
            $"{type.KeyType}.TryParse(name, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var key)",
        _ => $"{type.KeyType}.TryParse(name, global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out var key)",
    };

    private static string KeyError(SimpleKind kind) => kind switch
    {
        SimpleKind.Guid => "UuidParsing",
        SimpleKind.Single or SimpleKind.Double => "FloatParsing",
        SimpleKind.Decimal => "DecimalParsing",
        _ => "IntParsing",
    };

    /// <summary>Reads the current value into <paramref name="target"/>; null is accepted only when <paramref name="nullable"/>.</summary>
    private static void ReadInto(SourceWriter writer, JsonTypeModel type, bool nullable, string target, Dictionary<string, JsonTypeModel> types)
    {
        if (nullable || type.Kind == JsonTypeKind.Nullable)
        {
            writer.WriteLine("if (reader.TokenType == JsonTokenType.Null)");
            using (writer.Block())
            {
                writer.WriteLine($"{target} = null;");
            }

            writer.WriteLine("else");
            using (writer.Block())
            {
                ReadNonNull(writer, type.Kind == JsonTypeKind.Nullable ? types[type.ElementId!] : type, target);
            }

            return;
        }

        ReadNonNull(writer, type, target);
    }

    private static void ReadNonNull(SourceWriter writer, JsonTypeModel type, string target)
    {
        if (type.Kind == JsonTypeKind.Simple)
        {
            writer.WriteLine($"if ({SimpleReader(type)}(ref reader, context, out var value)) {target} = value;");
            return;
        }

        writer.WriteLine($"{target} = Read{type.Id}(ref reader, context);");
    }

    private static string SimpleReader(JsonTypeModel type) => type.Simple switch
    {
        SimpleKind.Byte or SimpleKind.SByte or SimpleKind.Int16 or SimpleKind.UInt16 or SimpleKind.Int32 or SimpleKind.UInt32
            or SimpleKind.Int64 or SimpleKind.UInt64 => $"JsonRead.Integer<{type.TypeName}>",
        SimpleKind.Single or SimpleKind.Double or SimpleKind.Decimal => $"JsonRead.Number<{type.TypeName}>",
        _ => $"JsonRead.{type.Simple}",
    };

    // ---- polymorphic types ---------------------------------------------------------------------

    /// <summary>
    /// Writes the derived type the value is (most derived first), its discriminator first and then its members; a
    /// value of no listed type is written as the concrete base, or refused as System.Text.Json refuses it.
    /// </summary>
    private static void EmitPolymorphicWriter(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types)
    {
        writer.WriteLine($"private static readonly {KnownTypes.JsonEncodedText} {type.Id}_Discriminator = {KnownTypes.JsonEncodedText}.Encode({Literal(type.DiscriminatorName!)});");
        writer.WriteLine();
        writer.WriteLine($"internal static void Write{type.Id}(Utf8JsonWriter writer, {type.TypeName}? value, JsonSerializerOptions options)");
        using (writer.Block())
        {
            WriteNullGuard(writer, type);
            if (type.DerivedTypes.Count > 0)
            {
                EmitDerivedSwitch(writer, type);
            }

            if (!type.DerivedTypes.Any(d => d.IsBase))
            {
                writer.WriteLine();
                writer.WriteLine(type.BaseObjectId is { } baseId
                    ? $"Write{baseId}(writer, value, options); // a {type.TypeName} itself, or a type it does not list: its own members, no discriminator"
                    : $"throw JsonWrite.UnknownDerivedType(value.GetType(), typeof({type.TypeName}));");
            }
        }

        writer.WriteLine();
    }

    private static void EmitDerivedSwitch(SourceWriter writer, JsonTypeModel type)
    {
        writer.WriteLine("switch (value)");
        using (writer.Block())
        {
            // A type switch tests a subclass before its base; the base itself, when listed, is the default.
            foreach (var derived in type.DerivedTypes.OrderByDescending(d => d.Depth))
            {
                writer.WriteLine(derived.IsBase ? "default:" : $"case {derived.TypeName} derived:");
                using (writer.Indent())
                {
                    var access = derived.IsBase ? "value" : "derived";
                    writer.WriteLine("writer.WriteStartObject();");
                    if (derived.Discriminator is { } tag)
                    {
                        writer.WriteLine(derived.IsNumber
                            ? $"writer.WriteNumber({type.Id}_Discriminator, {tag});"
                            : $"writer.WriteString({type.Id}_Discriminator, {Literal(tag)}u8);");
                    }

                    writer.WriteLine($"Write{derived.TypeId}Members(writer, {access}, options);");
                    writer.WriteLine("writer.WriteEndObject();");
                    writer.WriteLine("return;");
                }
            }
        }
    }

    /// <summary>
    /// Finds the discriminator wherever it is in the object (on a copy of the reader), then reads the whole object with
    /// the derived type's reader from its start; the derived reader skips the discriminator member.
    /// </summary>
    private static void EmitPolymorphicReader(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types)
    {
        var name = Literal(type.DiscriminatorName!);
        var readable = type.DerivedTypes.Where(d => d.Discriminator is not null).ToList();
        writer.WriteLine("/// <summary>The discriminator values read, as error messages quote them.</summary>");
        writer.WriteLine($"internal const string {type.Id}ExpectedTags = {Literal(string.Join(", ", readable.Select(d => "'" + d.Discriminator + "'")))};");
        writer.WriteLine();
        writer.WriteLine($"internal static {type.TypeName} Read{type.Id}(ref Utf8JsonReader reader, JsonReadContext context)");
        using (writer.Block())
        {
            writer.WriteLine("if (!JsonRead.StartObject(ref reader, context))");
            using (writer.Block())
            {
                writer.WriteLine("return default!;");
            }

            writer.WriteLine();
            writer.WriteLine($"if (!JsonRead.FindDiscriminator(reader, {name}u8, out var tag))");
            using (writer.Block())
            {
                if (type.BaseObjectId is { } baseId)
                {
                    writer.WriteLine($"return Read{baseId}(ref reader, context); // no discriminator: the base itself");
                }
                else
                {
                    writer.WriteLine($"context.AddMissingDiscriminator(ref reader, {name});");
                    writer.WriteLine("return default!;");
                }
            }

            writer.WriteLine();
            writer.WriteLine($"var outer = context.EnterDiscriminator({name}, tag.CurrentDepth);");
            writer.WriteLine($"{type.TypeName} result;");
            var first = true;
            foreach (var derived in readable)
            {
                var test = derived.IsNumber ? $"JsonRead.IsTag(ref tag, {derived.Discriminator})" : $"JsonRead.IsTag(ref tag, {Literal(derived.Discriminator!)}u8)";
                writer.WriteLine($"{(first ? "if" : "else if")} ({test}) result = Read{derived.TypeId}(ref reader, context);");
                first = false;
            }

            if (type.IgnoreUnrecognizedDiscriminators && type.BaseObjectId is { } ignoredBase)
            {
                writer.WriteLine($"{(first ? "" : "else ")}result = Read{ignoredBase}(ref reader, context); // IgnoreUnrecognizedTypeDiscriminators");
            }
            else
            {
                writer.WriteLine(first ? "" : "else");
                using (writer.Block())
                {
                    writer.WriteLine($"context.AddInvalidDiscriminator(ref reader, ref tag, {name}, {type.Id}ExpectedTags);");
                    writer.WriteLine("result = default!;");
                }
            }

            writer.WriteLine();
            writer.WriteLine("context.LeaveDiscriminator(outer);");
            writer.WriteLine("return result;");
        }

        writer.WriteLine();
    }

    // ---- enums, leaves, fallback ---------------------------------------------------------------

    /// <summary>A method that writes each named value with <paramref name="write"/>(its encoded name), any other number as itself.</summary>
    private static void EmitEnumNameSwitch(SourceWriter writer, JsonTypeModel type, string signature, string write, string writeNumber)
    {
        writer.WriteLine($"internal static void {signature}");
        using (writer.Block())
        {
            writer.WriteLine("switch (value)");
            using (writer.Block())
            {
                foreach (var member in type.EnumMembers)
                {
                    writer.WriteLine($"case {type.TypeName}.{SourceHeader.Identifier(member.Name)}: {write}({type.Id}_{member.Name}); break;");
                }

                writer.WriteLine($"default: {writeNumber}; break;");
            }
        }
    }

    private static void EmitEnum(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types)
    {
        foreach (var member in type.EnumMembers)
        {
            writer.WriteLine($"private static readonly {KnownTypes.JsonEncodedText} {type.Id}_{member.Name} = {KnownTypes.JsonEncodedText}.Encode({Literal(member.JsonName)});");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The accepted values, as error messages quote them.</summary>");
        writer.WriteLine($"internal const string {type.Id}Expected = {Literal(ExpectedValues(type))};");
        writer.WriteLine();
        EmitEnumNameSwitch(writer, type, $"Write{type.Id}(Utf8JsonWriter writer, {type.TypeName} value, JsonSerializerOptions options)",
            "writer.WriteStringValue", "writer.WriteNumberValue((long)value)");
        if (types.Values.Any(t => t.KeyEnumId == type.Id))
        {
            // Only for enums that key a dictionary: the same names, as property names.
            writer.WriteLine();
            EmitEnumNameSwitch(writer, type, $"WriteName{type.Id}(Utf8JsonWriter writer, {type.TypeName} value)",
                "writer.WritePropertyName", "JsonWrite.PropertyName(writer, (long)value)");
        }

        writer.WriteLine();
        writer.WriteLine($"internal static {type.TypeName} Read{type.Id}(ref Utf8JsonReader reader, JsonReadContext context)");
        using (writer.Block())
        {
            writer.WriteLine("if (reader.TokenType == JsonTokenType.String)");
            using (writer.Block())
            {
                foreach (var member in type.EnumMembers)
                {
                    writer.WriteLine($"if (reader.ValueTextEquals({Literal(member.JsonName)}u8)) return {type.TypeName}.{SourceHeader.Identifier(member.Name)};");
                }

                writer.WriteLine($"if (TryParse{type.Id}(reader.GetString(), out var value)) return value;");
            }

            writer.WriteLine();
            writer.WriteLine($"context.AddInvalidEnum(ref reader, {type.Id}Expected);");
            writer.WriteLine("return default;");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Parses a value by its JSON name, ignoring case (also used for route, query and header values).</summary>");
        writer.WriteLine($"internal static bool TryParse{type.Id}(string? text, out {type.TypeName} value)");
        using (writer.Block())
        {
            foreach (var member in type.EnumMembers)
            {
                writer.WriteLine($"if (string.Equals(text, {Literal(member.JsonName)}, global::System.StringComparison.OrdinalIgnoreCase)) {{ value = {type.TypeName}.{SourceHeader.Identifier(member.Name)}; return true; }}");
            }

            writer.WriteLine("value = default;");
            writer.WriteLine("return false;");
        }

        writer.WriteLine();
    }

    private static string ExpectedValues(JsonTypeModel type)
    {
        var names = type.EnumMembers.Select(m => "'" + m.JsonName + "'").ToList();
        return names.Count <= 1 ? string.Join("", names) : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];
    }

    /// <summary>Scalars, nullable scalars and fallbacks get small named methods too, so any type can be a root.</summary>
    private static void EmitLeaf(SourceWriter writer, JsonTypeModel type, Dictionary<string, JsonTypeModel> types)
    {
        var parameter = type.Kind == JsonTypeKind.Simple && type.Simple is SimpleKind.String or SimpleKind.Uri ? type.TypeName.Name + "?" : ParameterType(type);
        writer.WriteLine($"internal static void Write{type.Id}(Utf8JsonWriter writer, {parameter} value, JsonSerializerOptions options)");
        using (writer.Block())
        {
            switch (type.Kind)
            {
                case JsonTypeKind.Fallback:
                    writer.WriteLine($"// {type.FallbackReason}: written with the app's JsonSerializerOptions.");
                    writer.WriteLine("FallbackJson.Write(writer, value, options);");
                    break;
                case JsonTypeKind.Nullable:
                    writer.WriteLine("if (value is { } present)");
                    using (writer.Block())
                    {
                        WriteValue(writer, types[type.ElementId!], "present", types);
                    }

                    writer.WriteLine("else");
                    using (writer.Block())
                    {
                        writer.WriteLine("writer.WriteNullValue();");
                    }

                    break;
                default:
                    writer.WriteLine(SimpleValueWriter(type.Simple, "value"));
                    break;
            }
        }

        writer.WriteLine();
        writer.WriteLine($"internal static {(type.Kind == JsonTypeKind.Nullable ? type.TypeName : type.TypeName)} Read{type.Id}(ref Utf8JsonReader reader, JsonReadContext context)");
        using (writer.Block())
        {
            switch (type.Kind)
            {
                case JsonTypeKind.Fallback:
                    writer.WriteLine($"return FallbackJson.Read<{type.TypeName}>(ref reader, context);");
                    break;
                case JsonTypeKind.Nullable:
                    writer.WriteLine($"{type.TypeName} result = default;");
                    ReadInto(writer, type, nullable: true, "result", types);
                    writer.WriteLine("return result;");
                    break;
                default:
                    writer.WriteLine($"{SimpleReader(type)}(ref reader, context, out var value);");
                    writer.WriteLine("return value;");
                    break;
            }
        }

        writer.WriteLine();
    }

    private static void EmitResolver(SourceWriter writer, EquatableArray<JsonTypeModel> types)
    {
        writer.WriteLine("private sealed class Resolver : " + KnownTypes.IJsonTypeInfoResolver);
        using (writer.Block())
        {
            writer.WriteLine($"public {KnownTypes.JsonTypeInfo}? GetTypeInfo(global::System.Type type, {KnownTypes.JsonSerializerOptions} options)");
            using (writer.Block())
            {
                foreach (var type in types.Where(t => t.Kind is JsonTypeKind.Object or JsonTypeKind.Enum or JsonTypeKind.Collection or JsonTypeKind.Dictionary or JsonTypeKind.Polymorphic && !t.IsPolymorphicBase && !t.IsBodyObject))
                {
                    writer.WriteLine($"if (type == typeof({type.TypeName})) return {KnownTypes.GeneratedJsonResolver}.Create<{type.TypeName}>(options, Read{type.Id}, Write{type.Id});");
                }

                writer.WriteLine("return null;");
            }
        }
    }

    // Member locals end in "Value" so they never collide with the reader's own locals (reader, context, result, ...).
    private static string Local(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1) + "Value";

    internal static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
