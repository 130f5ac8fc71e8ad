using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// Emits <c>GeneratedOpenApi</c>: the assembly's whole OpenAPI 3.1 document (docs/openapi.md) as a JSON string
/// constant, built from the same models the routing, binding, JSON and validation emitters read, so the
/// document and the code can never disagree. The runtime serves it (<c>MapApiDocs</c>) and merges it into
/// Microsoft.AspNetCore.OpenApi's document.
/// </summary>
/// <remarks>
/// Errors are documented in the default <see cref="ErrorSchemas.ProblemDetails"/> format; the runtime
/// rewrites those references once at startup when the app chose <c>ErrorFormat.FastApi</c>, and fills
/// <c>info</c> from the options.
/// </remarks>
internal static class OpenApiEmitter
{
    public const string HintName = "FastEndpointsGen.OpenApi.g.cs";
    public const string ClassName = "GeneratedOpenApi";
    public const string QualifiedClassName = "global::FastEndpointsGen." + ClassName;
    public const string OpenApiVersion = "3.1.1";

    public static string Emit(OpenApiModel model)
    {
        // One compact string literal: the compiler reads one token instead of thousands of lines (docs/performance.md).
        // The build writes the document indented (docs/openapi.md#the-document-as-a-build-artifact), for review and diffs.
        var document = new DocumentBuilder(model).Build();
        var writer = new SourceWriter();
        SourceHeader.Write(writer);
        writer.WriteLine("namespace FastEndpointsGen");
        using (writer.Block())
        {
            writer.WriteLine("/// <summary>");
            writer.WriteLine("/// The OpenAPI 3.1 document of this assembly's endpoints, built at compile time. <c>MapApiDocs()</c> serves it");
            writer.WriteLine("/// with <c>info</c> taken from <c>FastEndpointsGenOptions</c>; the build also writes it, indented, to a file.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine(SourceHeader.GeneratedCodeAttribute);
            writer.WriteLine($"internal static class {ClassName}");
            using (writer.Block())
            {
                writer.WriteLine("/// <summary>The document as JSON text.</summary>");
                writer.WriteVerbatimLiteral("public const string Json = ", builder => JsonText.WriteVerbatim(builder, document), ";");
                writer.WriteLine();
                writer.WriteLine("/// <summary>The document as UTF-8 bytes.</summary>");
                writer.WriteLine("public static global::System.ReadOnlyMemory<byte> Utf8 { get; } = global::System.Text.Encoding.UTF8.GetBytes(Json);");
            }
        }

        return writer.Finish();
    }

    /// <summary>The document's JSON text, indented (<c>\n</c> line ends), as the build writes it to a file and tests read it.</summary>
    public static string Document(OpenApiModel model) => JsonText.Write(new DocumentBuilder(model).Build());

    /// <summary>The component schema name of each object and enum type, by type id.</summary>
    internal static IReadOnlyDictionary<string, string> SchemaNamesOf(IEnumerable<JsonTypeModel> types) => DocumentBuilder.SchemaNames(types);

    private sealed class DocumentBuilder
    {

        private readonly OpenApiModel _model;
        private readonly Dictionary<string, JsonTypeModel> _types;
        private readonly Dictionary<string, TypeDocs> _docs;
        private readonly Dictionary<string, string> _schemaNames;
        private bool _usesSecurity;
        private readonly HashSet<string> _usedErrors = new(StringComparer.Ordinal);

        public DocumentBuilder(OpenApiModel model)
        {
            _model = model;
            _types = model.Types.ToDictionary(t => t.Id, StringComparer.Ordinal);
            _docs = new Dictionary<string, TypeDocs>(StringComparer.Ordinal);
            foreach (var docs in model.Endpoints.SelectMany(e => e.Docs.Types))
            {
                if (!_docs.ContainsKey(docs.TypeId))
                {
                    _docs.Add(docs.TypeId, docs);
                }
            }

            _schemaNames = SchemaNames(model.Types);
        }

        public JsonObject Build()
        {
            var paths = new JsonObject();
            var names = EndpointNaming.EndpointNames(_model.Endpoints);
            // Names come from every endpoint, so they match the routing; [ExcludeFromDescription] ones are left out here.
            foreach (var path in Described().GroupBy(PathOf).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var item = new JsonObject();
                foreach (var endpoint in path.OrderBy(e => MethodOrder(e.Route.HttpMethod)))
                {
                    item[endpoint.Route.HttpMethod.ToLowerInvariant()] = Operation(endpoint, names[endpoint]);
                }

                paths[path.Key] = item;
            }

            var components = new JsonObject { ["schemas"] = Schemas() };
            components["securitySchemes"] = OpenApiSecurity.Components(_model.SecuritySchemes, _usesSecurity);

            return new JsonObject
            {
                ["openapi"] = OpenApiVersion,
                ["info"] = new JsonObject { ["title"] = "API", ["version"] = "1.0.0" },
                // Relative: wherever the document is served from. The runtime puts the app's addresses here.
                ["servers"] = new List<JsonObject> { new() { ["url"] = "/" } },
                ["paths"] = paths,
                ["components"] = components,
                ["tags"] = Tags(),
            };
        }

        /// <summary>The group prefix and template, with constraints, defaults and optional marks removed: <c>/tasks/{id}</c>.</summary>
        private static string PathOf(EndpointModel endpoint)
        {
            var path = RouteTemplate.Parse(RouteTemplate.Combine(endpoint.Route.Group?.Prefix, endpoint.Route.Template))
                .Rewrite(literal => literal, parameter => "{" + parameter.Name + "}");
            return path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path;
        }

        private static int MethodOrder(string method) => Array.IndexOf(new[] { "GET", "PUT", "POST", "DELETE", "PATCH" }, method);

        private List<JsonObject>? Tags()
        {
            var tags = new List<JsonObject>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var endpoint in Described())
            {
                foreach (var tag in TagsOf(endpoint))
                {
                    if (seen.Add(tag))
                    {
                        var fromGroup = endpoint.Route.Group is { } group && group.Tags.Contains(tag);
                        tags.Add(new JsonObject { ["name"] = tag, ["description"] = fromGroup ? endpoint.Docs.GroupDescription : null });
                    }
                }
            }

            return tags.Count == 0 ? null : tags.OrderBy(t => (string)t["name"]!, StringComparer.Ordinal).ToList();
        }

        private IEnumerable<EndpointModel> Described() => _model.Endpoints.Where(e => !e.Docs.Excluded);

        private static List<string> TagsOf(EndpointModel endpoint) =>
            (endpoint.Route.Group?.Tags ?? EquatableArray<string>.Empty).Concat(endpoint.Route.Tags).Concat(endpoint.Docs.Tags)
                .Distinct(StringComparer.Ordinal).ToList();

        private JsonObject Operation(EndpointModel endpoint, string operationId)
        {
            var docs = endpoint.Docs;
            var tags = TagsOf(endpoint);
            var parameters = Flatten(endpoint.Handler.Parameters).ToList();
            var operation = new JsonObject
            {
                ["tags"] = tags.Count == 0 ? null : tags,
                ["summary"] = docs.Summary,
                ["description"] = docs.Description,
                ["operationId"] = operationId,
                ["parameters"] = Parameters(parameters, docs),
                ["requestBody"] = RequestBody(parameters, docs),
                ["responses"] = Responses(endpoint, parameters),
                ["deprecated"] = docs.Deprecated ? true : null,
            };

            if (endpoint.Route.Security.IsProtected)
            {
                _usesSecurity = true;
                operation["security"] = OpenApiSecurity.Requirements(endpoint.Route.Security, _model.SecuritySchemes);
            }

            if (operation["parameters"] is List<JsonObject> { Count: 0 })
            {
                operation["parameters"] = null;
            }

            return operation;
        }

        /// <summary>The parameters with <c>[AsParameters]</c> ones replaced by their members.</summary>
        private static IEnumerable<ParameterModel> Flatten(IEnumerable<ParameterModel> parameters) =>
            parameters.SelectMany(p => p.Source == BindingSource.AsParameters ? Flatten(p.Members) : [p]);

        private List<JsonObject> Parameters(List<ParameterModel> parameters, EndpointDocs docs)
        {
            var result = new List<JsonObject>();
            foreach (var parameter in parameters)
            {
                var location = parameter.Source switch
                {
                    BindingSource.Route => "path",
                    BindingSource.Query => "query",
                    BindingSource.Header => "header",
                    BindingSource.Cookie => "cookie",
                    _ => null,
                };
                if (location is null || parameter.Value is null)
                {
                    continue;
                }

                var schema = ValueSchema(parameter);
                // OpenAPI 3.1: the parameter's `example` (what UIs prefill), and every example in its schema's `examples`.
                var examples = Examples(docs.ParameterExamples.FirstOrDefault(e => e.Name == parameter.Name)?.Values, schema);
                schema["examples"] = examples;
                result.Add(new JsonObject
                {
                    ["name"] = parameter.WireName,
                    ["in"] = location,
                    ["description"] = ParameterDoc(docs, parameter.Name),
                    // Path parameters are always required in OpenAPI, even optional route segments. A collection from
                    // the query or headers is never missing (no values is an empty collection), so it is never required.
                    ["required"] = location == "path" || !parameter.IsOptional && parameter.Value.Collection == CollectionKind.None,
                    ["schema"] = schema,
                    ["example"] = examples?[0],
                });
            }

            return result;
        }

        private static string? ParameterDoc(EndpointDocs docs, string name) =>
            docs.Parameters.FirstOrDefault(p => p.Name == name)?.Text;

        private JsonObject ValueSchema(ParameterModel parameter)
        {
            var value = parameter.Value!;
            var scalar = value.Kind == SimpleKind.Enum && value.EnumTypeId is { } enumId ? Reference(enumId) : SimpleSchema(value.Kind, nullable: false);
            if (value.Collection == CollectionKind.None)
            {
                ApplyRules(scalar, parameter.Rules, nullable: false);
                // A missing query value is absent, not null: a null default says nothing.
                scalar["default"] = DefaultJson(parameter.DefaultValue, scalar);
                return scalar;
            }

            return new JsonObject
            {
                ["type"] = "array",
                ["items"] = scalar,
                ["uniqueItems"] = value.Collection == CollectionKind.HashSet ? true : null,
            };
        }

        private JsonObject? RequestBody(List<ParameterModel> parameters, EndpointDocs docs)
        {
            if (parameters.FirstOrDefault(p => p.Source is BindingSource.Body or BindingSource.BodyMember) is { JsonTypeId: { } typeId } body)
            {
                // [BodyMember] parameters share one object schema, required when one of them is (docs/binding.md#several-body-members).
                var members = body.Source == BindingSource.BodyMember;
                var requestBody = new JsonObject
                {
                    ["description"] = members ? null : ParameterDoc(docs, body.Name),
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = SchemaFor(typeId, nullable: false) } },
                    ["required"] = members ? parameters.Any(p => p.Source == BindingSource.BodyMember && !p.IsOptional) : !body.IsOptional,
                };
                if (docs.ConsumesContentTypes.Count > 0)
                {
                    // [Consumes("application/merge-patch+json")]: the body under the media types it lists.
                    WithMediaTypes(requestBody, docs.ConsumesContentTypes);
                }

                return requestBody;
            }

            var form = parameters.Where(p => p.Source == BindingSource.Form
                || p.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection or SpecialKind.FormCollection).ToList();
            if (form.Count > 0)
            {
                var properties = new JsonObject();
                var required = new List<string>();
                foreach (var field in form)
                {
                    JsonObject schema = field.Special switch
                    {
                        SpecialKind.FormFile => BinarySchema(),
                        SpecialKind.FormFileCollection => new JsonObject { ["type"] = "array", ["items"] = BinarySchema() },
                        SpecialKind.FormCollection => new JsonObject { ["type"] = "object" },
                        _ => field.Value is null ? new JsonObject() : ValueSchema(field),
                    };
                    schema["description"] = ParameterDoc(docs, field.Name);
                    properties[field.Special == SpecialKind.FormCollection ? field.Name : field.WireName] = schema;
                    // A file collection may be empty; the form itself has no required fields.
                    if (!field.IsOptional && field.Special is not (SpecialKind.FormCollection or SpecialKind.FormFileCollection))
                    {
                        required.Add(field.WireName);
                    }
                }

                var formSchema = new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required.Count == 0 ? null : required };
                var content = new JsonObject { ["multipart/form-data"] = new JsonObject { ["schema"] = formSchema } };
                if (!form.Any(f => f.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection))
                {
                    // The form reader takes both encodings; without files a URL-encoded form is as good.
                    content["application/x-www-form-urlencoded"] = new JsonObject { ["schema"] = formSchema };
                }

                return new JsonObject
                {
                    ["content"] = content,
                    ["required"] = required.Count > 0 ? true : null,
                };
            }

            if (parameters.FirstOrDefault(p => p.Special is SpecialKind.Stream or SpecialKind.PipeReader) is { } stream)
            {
                return new JsonObject
                {
                    ["description"] = ParameterDoc(docs, stream.Name),
                    ["content"] = new JsonObject { ["application/octet-stream"] = new JsonObject { ["schema"] = BinarySchema() } },
                    ["required"] = true,
                };
            }

            return null;
        }

        private static JsonObject BinarySchema() => new() { ["type"] = "string", ["contentMediaType"] = "application/octet-stream" };

        private JsonObject Responses(EndpointModel endpoint, List<ParameterModel> parameters)
        {
            var docs = endpoint.Docs;
            var response = endpoint.Handler.Response;
            var responses = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            var status = response.StatusCode.ToString(CultureInfo.InvariantCulture);
            switch (response.Kind)
            {
                case ResponseKind.Json:
                    responses[status] = Response(docs.Returns ?? Reason(response.StatusCode), "application/json",
                        SchemaFor(response.JsonTypeId!, nullable: response.ValueType?.IsNullable == true));
                    break;
                case ResponseKind.Stream:
                    // Streamed item by item, but on the wire it is one JSON array like any other.
                    responses[status] = Response(docs.Returns ?? Reason(response.StatusCode), "application/json", new JsonObject
                    {
                        ["type"] = "array",
                        ["items"] = SchemaFor(response.JsonTypeId!, nullable: response.ItemType?.IsNullable == true),
                    });
                    break;
                case ResponseKind.JsonLines:
                    // A sequential media type: as OpenAPI 3.2 reads "schema" for one, the whole stream as an array of its items.
                    responses[status] = Response(docs.Returns ?? Reason(response.StatusCode), "application/jsonl", new JsonObject
                    {
                        ["type"] = "array",
                        ["items"] = SchemaFor(response.JsonTypeId!, nullable: response.ItemType?.IsNullable == true),
                    });
                    break;
                case ResponseKind.ServerSentEvents:
                    responses[status] = Response(docs.Returns ?? Reason(response.StatusCode), "text/event-stream",
                        EventStreamSchema(response.JsonTypeId, nullable: response.ItemType?.IsNullable == true));
                    break;
                case ResponseKind.Text:
                    responses[status] = Response(docs.Returns ?? Reason(response.StatusCode), "text/plain", new JsonObject { ["type"] = "string" });
                    break;
                case ResponseKind.Empty:
                    responses[status] = Response(docs.Returns ?? Reason(response.StatusCode), null, null);
                    break;
                case ResponseKind.Result when docs.ResultArms.Count > 0:
                    var described = false;
                    foreach (var arm in docs.ResultArms)
                    {
                        // <returns> describes the first success arm.
                        var text = !described && arm.StatusCode < 300 && docs.Returns is { } returns ? returns : Reason(arm.StatusCode);
                        described |= arm.StatusCode < 300;
                        responses[arm.StatusCode.ToString(CultureInfo.InvariantCulture)] = arm switch
                        {
                            { IsEventStream: true } => Response(text, "text/event-stream", EventStreamSchema(arm.JsonTypeId, nullable: false)),
                            { JsonTypeId: { } id } => Response(text, "application/json", SchemaFor(id, nullable: false)),
                            _ => Response(text, null, null),
                        };
                    }

                    break;
                case ResponseKind.Result:
                    // A plain IResult decides its status at run time: only <response> docs can say more.
                    responses["default"] = Response(docs.Returns ?? "The response the handler's IResult writes.", null, null);
                    break;
            }

            // [ProducesResponseType]: a status the handler's type does not show (or a type a plain IResult writes).
            foreach (var produced in docs.Produces)
            {
                var code = produced.StatusCode.ToString(CultureInfo.InvariantCulture);
                var text = Reason(produced.StatusCode);
                var declared = produced.JsonTypeId is { } id
                    ? Response(text, "application/json", SchemaFor(id, nullable: false))
                    : produced.StatusCode >= 400
                        ? Problem(text)
                        : Response(text, null, null);
                if (!responses.ContainsKey(code) || produced.JsonTypeId is not null)
                {
                    responses[code] = declared;
                }
            }

            if (docs.Produces.Count > 0 && response.Kind == ResponseKind.Result && docs.ResultArms.Count == 0)
            {
                responses.Remove("default");
            }

            if (docs.ProducesContentTypes.Count > 0)
            {
                // [Produces("application/xml")]: the success responses' schemas under the media types it lists.
                foreach (var pair in responses.Where(r => r.Key.Length == 3 && r.Key[0] == '2'))
                {
                    WithMediaTypes(pair.Value, docs.ProducesContentTypes);
                }
            }

            foreach (var doc in docs.Responses)
            {
                var code = doc.StatusCode.ToString(CultureInfo.InvariantCulture);
                if (responses.TryGetValue(code, out var existing))
                {
                    existing["description"] = doc.Text.Length == 0 ? existing["description"] : doc.Text;
                }
                else
                {
                    var text = doc.Text.Length == 0 ? Reason(doc.StatusCode) : doc.Text;
                    responses[code] = doc.StatusCode >= 400 ? Problem(text) : Response(text, null, null);
                }
            }

            // throw new HttpError(404, …) in the handler or a method it calls: answered as a problem.
            foreach (var thrown in docs.Thrown)
            {
                Add(responses, thrown.ToString(CultureInfo.InvariantCulture), Problem(Reason(thrown)));
            }

            if (endpoint.Route.Security.IsProtected)
            {
                Add(responses, "401", Response(Reason(401), null, null));
                if (endpoint.Route.Security.CanForbid)
                {
                    Add(responses, "403", Response(Reason(403), null, null));
                }
            }

            // What reading the body refuses before binding: a body over MaxRequestBodySize, a content type it does not
            // read, and for forms an invalid anti-forgery token or a malformed form (docs/reliability.md).
            var form = parameters.Any(p => p.Source == BindingSource.Form
                || p.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection or SpecialKind.FormCollection);
            if (form || parameters.Any(p => p.Source is BindingSource.Body or BindingSource.BodyMember))
            {
                Add(responses, "413", Problem("The request body is larger than the app's MaxRequestBodySize."));
                Add(responses, "415", Problem(form ? "The request body is not a form." : "The request body is not JSON."));
            }

            if (form)
            {
                Add(responses, "400", Problem("The anti-forgery token is invalid, or the form is malformed."));
            }

            // Whatever the generated binding can reject: parameters, bodies, form fields, required files and required self-binding types.
            if (parameters.Any(p => p.Source is BindingSource.Route or BindingSource.Query or BindingSource.Header or BindingSource.Cookie or BindingSource.Form or BindingSource.Body or BindingSource.BodyMember
                || p.Special == SpecialKind.FormFile && !p.IsOptional
                || p.Source == BindingSource.Custom && !p.IsOptional))
            {
                _usedErrors.Add(ErrorSchemas.ValidationProblem);
                Add(responses, "422", Response("Validation error: the request's parameters or body are not valid.", "application/problem+json",
                    ErrorSchemas.Reference(ErrorSchemas.ValidationProblem)));
            }

            var result = new JsonObject();
            foreach (var pair in responses)
            {
                result[pair.Key] = pair.Value;
            }

            return result;
        }

        private static void Add(SortedDictionary<string, JsonObject> responses, string code, JsonObject response)
        {
            if (!responses.ContainsKey(code))
            {
                responses[code] = response;
            }
        }

        /// <summary>
        /// A <c>text/event-stream</c> body, as OpenAPI 3.2 describes a sequential media type with <c>schema</c>: an array
        /// of its items, here the events, whose <c>data</c> is JSON of the data type (or text, for null).
        /// </summary>
        private JsonObject EventStreamSchema(string? dataTypeId, bool nullable) => new()
        {
            ["type"] = "array",
            ["items"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["event"] = new JsonObject { ["type"] = "string" },
                    ["id"] = new JsonObject { ["type"] = "string" },
                    ["retry"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                    ["data"] = dataTypeId is null
                        ? new JsonObject { ["type"] = "string" }
                        : new JsonObject { ["type"] = "string", ["contentMediaType"] = "application/json", ["contentSchema"] = SchemaFor(dataTypeId, nullable) },
                },
                ["required"] = new List<string> { "data" },
            },
        };

        /// <summary>Replaces a response's or request body's media types with <paramref name="mediaTypes"/>, each with the first one's schema.</summary>
        private static void WithMediaTypes(JsonObject target, EquatableArray<string> mediaTypes)
        {
            if (target["content"] is not JsonObject content || content.Count == 0)
            {
                return;
            }

            // The text tree is only written out, so one schema object can sit under every media type.
            var schema = (content.First().Value as JsonObject)?["schema"];
            var replaced = new JsonObject();
            foreach (var mediaType in mediaTypes)
            {
                replaced[mediaType] = new JsonObject { ["schema"] = schema };
            }

            target["content"] = replaced;
        }

        /// <summary>An error answered as an RFC 9457 problem (the runtime rewrites it for <c>ErrorFormat.FastApi</c>).</summary>
        private JsonObject Problem(string description)
        {
            _usedErrors.Add(ErrorSchemas.ProblemDetails);
            return Response(description, "application/problem+json", ErrorSchemas.Reference(ErrorSchemas.ProblemDetails));
        }

        private static JsonObject Response(string description, string? contentType, JsonObject? schema) => new()
        {
            ["description"] = description,
            ["content"] = contentType is null ? null : new JsonObject { [contentType] = new JsonObject { ["schema"] = schema } },
        };

        private JsonObject Schemas()
        {
            var schemas = new JsonObject();
            foreach (var type in _model.Types.Where(t => _schemaNames.ContainsKey(t.Id)).OrderBy(t => _schemaNames[t.Id], StringComparer.Ordinal))
            {
                schemas[_schemaNames[type.Id]] = type.Kind switch
                {
                    JsonTypeKind.Enum => EnumSchema(type),
                    JsonTypeKind.Polymorphic => PolymorphicSchema(type),
                    _ => ObjectSchema(type),
                };
            }

            // Only the error schemas a response refers to: an unused one becomes a dead class in every generated client.
            foreach (var error in ErrorSchemas.All().Where(e => _usedErrors.Contains(e.Key)))
            {
                schemas[error.Key] = error.Value;
            }

            return schemas;
        }

        private JsonObject EnumSchema(JsonTypeModel type)
        {
            _docs.TryGetValue(type.Id, out var docs);
            return new JsonObject
            {
                ["type"] = "string",
                ["description"] = docs?.Summary,
                ["enum"] = type.EnumMembers.Select(m => m.JsonName).ToList(),
                ["deprecated"] = docs?.Deprecated == true ? true : null,
            };
        }

        /// <summary>
        /// <c>oneOf</c> the derived types, each with its discriminator as a required constant, and a <c>discriminator</c>
        /// mapping each value to its type's schema (docs/json.md#polymorphism). A concrete base without a discriminator of
        /// its own is one more choice: an object without a discriminator is read as the base.
        /// </summary>
        private JsonObject PolymorphicSchema(JsonTypeModel type)
        {
            _docs.TryGetValue(type.Id, out var docs);
            var name = type.DiscriminatorName!;
            var choices = new List<JsonObject>();
            var mapping = new JsonObject();
            foreach (var derived in type.DerivedTypes)
            {
                var reference = Reference(derived.TypeId);
                if (derived.Discriminator is not { } tag)
                {
                    choices.Add(reference);
                    continue;
                }

                object value = derived.IsNumber ? int.Parse(tag, CultureInfo.InvariantCulture) : tag;
                choices.Add(new JsonObject
                {
                    ["allOf"] = new List<JsonObject>
                    {
                        reference,
                        new()
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject { [name] = new JsonObject { ["const"] = value } },
                            ["required"] = new List<string> { name },
                        },
                    },
                });
                mapping[tag] = reference["$ref"];
            }

            if (type.BaseObjectId is { } baseId && !type.DerivedTypes.Any(d => d.IsBase))
            {
                choices.Add(Reference(baseId));
            }

            return new JsonObject
            {
                ["description"] = docs?.Summary,
                ["oneOf"] = choices,
                ["discriminator"] = new JsonObject { ["propertyName"] = name, ["mapping"] = mapping.Count == 0 ? null : mapping },
                ["deprecated"] = docs?.Deprecated == true ? true : null,
            };
        }

        private JsonObject ObjectSchema(JsonTypeModel type)
        {
            _docs.TryGetValue(type.Id, out var docs);
            var properties = new JsonObject();
            var required = new List<string>();
            foreach (var member in type.Members.Where(m => !m.IsIgnored))
            {
                var schema = SchemaFor(member.TypeId, member.IsNullable);
                ApplyRules(schema, member.Rules, member.IsNullable);
                schema["description"] = docs?.Members.FirstOrDefault(m => m.Name == member.Name)?.Text;
                schema["examples"] = Examples(docs?.MemberExamples.FirstOrDefault(m => m.Name == member.Name)?.Values, schema);
                // null says nothing a client can use (and makes openapi-typescript treat the member as required).
                schema["default"] = DefaultJson(member.DefaultValue ?? member.InitializerValue, schema);
                schema["readOnly"] = member.Assignment == MemberAssignment.None && type.CanRead ? true : null;
                schema["writeOnly"] = member.CanWrite ? null : true;
                schema["deprecated"] = docs?.DeprecatedMembers.Contains(member.Name) == true ? true : null;
                if (member.IsSecret && !schema.Contains("$ref") && !schema.Contains("format"))
                {
                    // [DataType(DataType.Password)]: UIs mask it; errors never echo it.
                    schema["format"] = "password";
                }

                properties[member.JsonName] = schema;
                if (member.IsRequired)
                {
                    required.Add(member.JsonName);
                }
            }

            var result = new JsonObject
            {
                ["type"] = "object",
                ["description"] = docs?.Summary,
                ["properties"] = properties,
                ["required"] = required.Count == 0 ? null : required,
                ["deprecated"] = docs?.Deprecated == true ? true : null,
            };
            result["examples"] = Examples(docs?.Examples, result);
            return result;
        }

        /// <summary>The schema of a JSON type: a <c>$ref</c> for objects and enums, inline for the rest.</summary>
        private JsonObject SchemaFor(string typeId, bool nullable)
        {
            if (!_types.TryGetValue(typeId, out var type))
            {
                return new JsonObject();
            }

            switch (type.Kind)
            {
                case JsonTypeKind.Nullable:
                    return SchemaFor(type.ElementId!, nullable: true);
                case JsonTypeKind.Object or JsonTypeKind.Enum or JsonTypeKind.Polymorphic:
                    var reference = Reference(typeId);
                    // JSON Schema 2020-12: a $ref cannot take a type array, so null is a second choice.
                    return nullable ? new JsonObject { ["anyOf"] = new List<JsonObject> { reference, new() { ["type"] = "null" } } } : reference;
                case JsonTypeKind.Simple:
                    return SimpleSchema(type.Simple, nullable);
                case JsonTypeKind.Collection:
                    return new JsonObject
                    {
                        ["type"] = TypeName("array", nullable),
                        ["items"] = SchemaFor(type.ElementId!, type.ElementIsNullable),
                        ["uniqueItems"] = type.Collection == CollectionKind.HashSet ? true : null,
                    };
                case JsonTypeKind.Dictionary:
                    return new JsonObject
                    {
                        ["type"] = TypeName("object", nullable),
                        ["propertyNames"] = KeySchema(type),
                        ["additionalProperties"] = SchemaFor(type.ElementId!, type.ElementIsNullable),
                    };
                default:
                    // Written by the app's own JsonSerializerOptions: any JSON value.
                    return new JsonObject();
            }
        }

        /// <summary>
        /// The examples that fit the schema, each as the JSON type the schema has (docs/openapi.md#examples): text on a
        /// numeric schema becomes a number, <c>true</c>/<c>false</c> on a boolean one a boolean, JSON text on an object or
        /// array schema that JSON; an example that fits none of the schema's types is left out. Null when none is left.
        /// </summary>
        private List<object>? Examples(EquatableArray<ExampleValue>? values, JsonObject schema)
        {
            if (values is not { Count: > 0 } examples)
            {
                return null;
            }

            var kinds = Kinds(schema);
            var fitting = examples.Select(e => Fit(e, kinds)).Where(v => v is not null).Select(v => v!).ToList();
            return fitting.Count == 0 ? null : fitting;
        }

        private static object? Fit(ExampleValue example, HashSet<string>? kinds)
        {
            var text = example.Text;
            bool Accepts(string kind) => kinds is null || kinds.Contains(kind);
            if (text == "null" && example.IsJson)
            {
                return Accepts("null") ? new JsonRaw("null") : null;
            }

            if (JsonText.IsNumber(text, out var isInteger) && (Accepts("number") || isInteger && Accepts("integer")))
            {
                return new JsonRaw(text);
            }

            if (Accepts("boolean") && text is "true" or "false")
            {
                return text == "true";
            }

            if ((Accepts("object") && text.StartsWith("{", StringComparison.Ordinal) || Accepts("array") && text.StartsWith("[", StringComparison.Ordinal))
                && JsonText.IsValid(text))
            {
                return new JsonRaw(JsonText.OneLine(text));
            }

            return Accepts("string") ? text : null;
        }

        /// <summary>The JSON types a schema accepts (following a <c>$ref</c> and <c>anyOf</c>), or null when it accepts anything.</summary>
        private HashSet<string>? Kinds(JsonObject schema)
        {
            switch (schema["type"])
            {
                case string type:
                    return [type];
                case IEnumerable<string> types:
                    return new HashSet<string>(types);
            }

            if (schema["$ref"] is string reference)
            {
                var name = reference.Substring("#/components/schemas/".Length);
                var type = _schemaNames.FirstOrDefault(n => n.Value == name).Key is { } id && _types.TryGetValue(id, out var t) ? t : null;
                return type?.Kind switch
                {
                    JsonTypeKind.Enum => ["string"],
                    JsonTypeKind.Object or JsonTypeKind.Polymorphic or JsonTypeKind.Dictionary => ["object"],
                    _ => null,
                };
            }

            if (schema["anyOf"] is IEnumerable<JsonObject> choices)
            {
                var all = new HashSet<string>();
                foreach (var choice in choices)
                {
                    if (Kinds(choice) is not { } kinds)
                    {
                        return null;
                    }

                    all.UnionWith(kinds);
                }

                return all;
            }

            return null;
        }

        private JsonObject Reference(string typeId) => _schemaNames.TryGetValue(typeId, out var name)
            ? new JsonObject { ["$ref"] = "#/components/schemas/" + name }
            : new JsonObject();

        /// <summary>What a non-string dictionary key must look like as a property name; null for string keys.</summary>
        private JsonObject? KeySchema(JsonTypeModel dictionary) => dictionary.KeyKind switch
        {
            SimpleKind.String => null,
            SimpleKind.Enum => Reference(dictionary.KeyEnumId!),
            SimpleKind.Guid => new JsonObject { ["format"] = "uuid" },
            SimpleKind.Byte or SimpleKind.UInt16 or SimpleKind.UInt32 or SimpleKind.UInt64 => new JsonObject { ["pattern"] = "^[0-9]+$" },
            SimpleKind.Single or SimpleKind.Double or SimpleKind.Decimal => new JsonObject { ["pattern"] = "^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$" },
            _ => new JsonObject { ["pattern"] = "^-?[0-9]+$" },
        };

        private static object TypeName(string type, bool nullable) => nullable ? new List<string> { type, "null" } : type;

        /// <summary>Scalars as System.Text.Json writes them, with the OpenAPI format registry's names.</summary>
        private static JsonObject SimpleSchema(SimpleKind kind, bool nullable)
        {
            var (type, format) = kind switch
            {
                SimpleKind.Boolean => ("boolean", null),
                SimpleKind.Byte => ("integer", "uint8"),
                SimpleKind.SByte => ("integer", "int8"),
                SimpleKind.Int16 => ("integer", "int16"),
                SimpleKind.UInt16 => ("integer", "uint16"),
                SimpleKind.Int32 => ("integer", "int32"),
                SimpleKind.UInt32 => ("integer", "uint32"),
                SimpleKind.Int64 => ("integer", "int64"),
                SimpleKind.UInt64 => ("integer", "uint64"),
                SimpleKind.Single => ("number", "float"),
                SimpleKind.Double => ("number", "double"),
                SimpleKind.Decimal => ("number", "decimal"),
                SimpleKind.Guid => ("string", "uuid"),
                SimpleKind.DateTime or SimpleKind.DateTimeOffset => ("string", "date-time"),
                SimpleKind.DateOnly => ("string", "date"),
                SimpleKind.TimeOnly => ("string", "time"),
                SimpleKind.TimeSpan => ("string", "duration"),
                SimpleKind.Uri => ("string", "uri"),
                _ => ("string", (string?)null),
            };

            var schema = new JsonObject { ["type"] = TypeName(type, nullable), ["format"] = format };
            if (kind == SimpleKind.Char)
            {
                schema["minLength"] = 1;
                schema["maxLength"] = 1;
            }

            return schema;
        }

        /// <summary>The validation rules as JSON Schema keywords: the same rules the generated checks enforce.</summary>
        private static void ApplyRules(JsonObject schema, IEnumerable<ValidationRule> rules, bool nullable)
        {
            if (schema.Contains("$ref") || schema.Contains("anyOf"))
            {
                return;
            }

            foreach (var rule in rules)
            {
                switch (rule.Kind)
                {
                    case RuleKind.Required:
                        // [Required] refuses empty and whitespace-only text: at least one non-whitespace character. Anchored,
                        // so it means the same to JSON Schema (a search) and to .NET's [RegularExpression] (a whole match),
                        // which NSwag generates from it (docs/openapi.md#consumer-checks).
                        Raise(schema, "minLength", 1);
                        AddPattern(schema, @"^\s*\S[\s\S]*$");
                        break;
                    case RuleKind.Length:
                        var (min, max) = rule.Target == RuleTarget.Collection ? ("minItems", "maxItems") : ("minLength", "maxLength");
                        if (rule.MinimumLength is { } minValue)
                        {
                            Raise(schema, min, minValue);
                        }

                        if (rule.MaximumLength is { } maxValue)
                        {
                            schema[max] = schema[max] is int existing ? Math.Min(existing, maxValue) : maxValue;
                        }

                        break;
                    case RuleKind.Range:
                        // Numeric bounds only: a DateOnly or TimeSpan range is checked but has no JSON Schema keyword.
                        if (rule.Minimum is { IsNumber: true } low)
                        {
                            schema[rule.MinimumIsExclusive ? "exclusiveMinimum" : "minimum"] = new JsonRaw(low.Json!);
                        }

                        if (rule.Maximum is { IsNumber: true } high)
                        {
                            schema[rule.MaximumIsExclusive ? "exclusiveMaximum" : "maximum"] = new JsonRaw(high.Json!);
                        }

                        break;
                    case RuleKind.RegularExpression:
                        // The generated check matches the whole value, as DataAnnotations does.
                        AddPattern(schema, "^(?:" + rule.Pattern + ")$");
                        break;
                    case RuleKind.EmailAddress:
                        schema["format"] = "email";
                        break;
                    case RuleKind.Url:
                        schema["format"] = "uri";
                        break;
                    case RuleKind.Base64String:
                        schema["contentEncoding"] = "base64";
                        break;
                    case RuleKind.AllowedValues:
                        var allowed = JsonValues(rule.Values);
                        if (nullable && !rule.Values.Any(v => v.Kind == ConstantKind.Null))
                        {
                            allowed.Add(new JsonRaw("null"));
                        }

                        schema["enum"] = allowed;
                        break;
                    case RuleKind.DeniedValues:
                        schema["not"] = new JsonObject { ["enum"] = JsonValues(rule.Values) };
                        break;
                }
            }
        }

        /// <summary>A pattern the value must match; a second one goes to <c>allOf</c>, so both apply.</summary>
        private static void AddPattern(JsonObject schema, string pattern)
        {
            if (schema["pattern"] is null)
            {
                schema["pattern"] = pattern;
                return;
            }

            var all = schema["allOf"] as List<JsonObject> ?? new List<JsonObject>();
            all.Add(new JsonObject { ["pattern"] = pattern });
            schema["allOf"] = all;
        }

        private static void Raise(JsonObject schema, string keyword, int value) =>
            schema[keyword] = schema[keyword] is int existing ? Math.Max(existing, value) : value;

        /// <summary>The values JSON can say (not NaN), for <c>enum</c>.</summary>
        private static List<object> JsonValues(IEnumerable<Constant> values) =>
            values.Select(v => v.Json).Where(j => j is not null).Select(j => (object)new JsonRaw(j!)).ToList();

        /// <summary>
        /// A default value as the schema's <c>default</c>, when JSON can say it. Null says nothing a client can use (and makes
        /// openapi-typescript treat the member as required); an enum's underlying number is no default for its JSON name.
        /// </summary>
        private static JsonRaw? DefaultJson(Constant? value, JsonObject schema) =>
            value is { Json: { } json } && value.Kind != ConstantKind.Null && (!value.IsNumber || !schema.Contains("$ref") && !schema.Contains("anyOf"))
                ? new JsonRaw(json)
                : null;

        /// <summary>
        /// Component names: the type's simple name (<c>TaskItem</c>), or its generator id when two types share
        /// a simple name, the type is generic, or the name is one of the error schemas'.
        /// </summary>
        internal static Dictionary<string, string> SchemaNames(IEnumerable<JsonTypeModel> types)
        {
            var named = types.Where(t => t.Kind is JsonTypeKind.Object or JsonTypeKind.Enum or JsonTypeKind.Polymorphic).ToList();
            // A polymorphic concrete class read as itself is the class's "Base" schema; the class's name is its oneOf.
            var simple = named.ToDictionary(t => t.Id, t => SimpleName(t.TypeName) is { } name && t.IsPolymorphicBase ? name + "Base" : SimpleName(t.TypeName), StringComparer.Ordinal);
            var counts = simple.Values.Where(n => n is not null).GroupBy(n => n!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return named.ToDictionary(
                t => t.Id,
                t => simple[t.Id] is { } name && counts[name] == 1 && !ErrorSchemas.Names.Contains(name) ? name : t.Id,
                StringComparer.Ordinal);
        }

        private static string? SimpleName(TypeRef type) => type.IsConstructed ? null : type.SimpleName;

        private static string Reason(int status) => status switch
        {
            200 => "OK",
            201 => "Created",
            202 => "Accepted",
            204 => "No Content",
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            409 => "Conflict",
            410 => "Gone",
            412 => "Precondition Failed",
            413 => "Content Too Large",
            415 => "Unsupported Media Type",
            422 => "Unprocessable Content",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            501 => "Not Implemented",
            503 => "Service Unavailable",
            _ => status < 300 ? "Success" : status < 400 ? "Redirection" : status < 500 ? "Client error" : "Server error",
        };
    }
}

/// <summary>
/// The component schemas of the error contract (docs/errors.md) in the default format, RFC 9457 problems. The names
/// of FastAPI's are reserved too: the runtime swaps them in when the app sets <c>ErrorFormat.FastApi</c> (docs/openapi.md).
/// </summary>
internal static class ErrorSchemas
{
    public const string ProblemDetails = "ProblemDetails";
    public const string ValidationProblem = "ValidationProblem";
    public const string FastApiError = "FastApiError";
    public const string FastApiValidationError = "FastApiValidationError";

    public static readonly string[] Names = [ProblemDetails, ValidationProblem, FastApiError, FastApiValidationError];

    public static JsonObject Reference(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    public static IEnumerable<KeyValuePair<string, JsonObject>> All()
    {
        yield return new(ProblemDetails, new JsonObject
        {
            ["type"] = "object",
            ["description"] = "An RFC 9457 problem (ErrorFormat.ProblemDetails, the default).",
            ["properties"] = ProblemProperties(primaryMessage: "detail"),
            ["required"] = new List<string> { "type", "title", "status" },
        });
        // A validation problem has no detail: its title is the message client generators show.
        var validation = ProblemProperties(primaryMessage: "title");
        validation["errors"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "The messages for each location, e.g. `body.title` or `query.limit`.",
            ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
        };
        yield return new(ValidationProblem, new JsonObject
        {
            ["type"] = "object",
            ["description"] = "An RFC 9457 problem listing every validation error (ErrorFormat.ProblemDetails, the default).",
            ["properties"] = validation,
            ["required"] = new List<string> { "type", "title", "status", "errors" },
        });
    }

    /// <summary>
    /// The RFC 9457 members; <c>x-ms-primary-error-message</c> marks the member Kiota uses as the exception's message
    /// (without it, "Exception of type 'ProblemDetails' was thrown").
    /// </summary>
    private static JsonObject ProblemProperties(string primaryMessage)
    {
        var properties = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            ["detail"] = new JsonObject { ["type"] = "string" },
        };
        ((JsonObject)properties[primaryMessage]!)["x-ms-primary-error-message"] = true;
        return properties;
    }
}
