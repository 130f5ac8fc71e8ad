using System.Collections.Generic;
using System.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// Emits one request delegate per endpoint: bind every parameter (collecting every error), answer
/// 422 if any failed, call the handler, write its result. Sync handlers get a non-async delegate
/// that returns the write's task, so a plain GET allocates no state machine.
/// </summary>
internal static class BindingEmitter
{
    public const string ClassName = "global::FastEndpointsGen.Generated.GeneratedEndpoints";

    public static void Emit(SourceWriter writer, EquatableArray<EndpointModel> endpoints, Dictionary<EndpointModel, string> delegates)
    {
        writer.WriteLine("namespace FastEndpointsGen.Generated");
        using (writer.Block())
        {
            writer.WriteLine("using global::System.Globalization;");
            writer.WriteLine("using global::System.Threading.Tasks;");
            writer.WriteLine("using global::FastEndpointsGen.Runtime;");
            writer.WriteLine("using global::Microsoft.AspNetCore.Http;");
            writer.WriteLine("using global::Microsoft.Extensions.DependencyInjection;");
            writer.WriteLine();
            writer.WriteLine("/// <summary>The request delegates: bind, validate, call the handler, write the response.</summary>");
            writer.WriteLine(SourceHeader.GeneratedCodeAttribute);
            writer.WriteLine(endpoints.Count == 0
                ? "internal sealed class GeneratedEndpoints"
                : "internal sealed class GeneratedEndpoints(EndpointRuntime runtime)");
            using (writer.Block())
            {
                var fields = new StaticFields();
                var first = true;
                foreach (var endpoint in endpoints)
                {
                    if (!first)
                    {
                        writer.WriteLine();
                    }

                    first = false;
                    EmitDelegate(writer, endpoint, delegates[endpoint], fields);
                }

                if (!fields.IsEmpty)
                {
                    writer.WriteLine();
                    writer.WriteLine("// Values the validation checks need, built once.");
                    fields.Write(writer);
                }
            }
        }
    }

    private static void EmitDelegate(SourceWriter writer, EndpointModel endpoint, string name, StaticFields fields)
    {
        var handler = endpoint.Handler;
        var parameters = handler.Parameters;
        var body = parameters.FirstOrDefault(p => p.Source is BindingSource.Body or BindingSource.BodyMember);
        var stems = new HashSet<string>(parameters.Select(p => p.Name));
        var usesForm = ReadsForm(endpoint);
        // A stream is awaited inside the delegate's try: an enumerator's exception is the handler's exception.
        var isWebSocket = endpoint.Route.IsWebSocket;
        var isAsync = body is not null || usesForm || isWebSocket || AllParameters(parameters).Any(p => p.Source == BindingSource.Custom) || handler.Response.Async != AsyncKind.None || handler.Response.Kind is ResponseKind.Stream or ResponseKind.JsonLines or ResponseKind.ServerSentEvents;
        var route = endpoint.Route.Group is null ? endpoint.Route.Template : RouteTemplate.Combine(endpoint.Route.Group.Prefix, endpoint.Route.Template);

        if (ReadsBody(endpoint))
        {
            writer.WriteLine("/// <summary>The most body the endpoint reads, from its metadata and the options; set when the endpoint is built (-1 until then: MaxRequestBodySize).</summary>");
            writer.WriteLine($"internal long {BodyLimitField(name)} = -1;");
            writer.WriteLine();
        }

        writer.WriteLine($"/// <summary>{(isWebSocket ? "WebSocket" : endpoint.Route.HttpMethod)} {Xml(route)} → <c>{Xml(handler.ContainingType.Replace("global::", ""))}.{handler.MethodName}</c></summary>");
        writer.WriteLine($"public {(isAsync ? "async " : "")}Task {name}(HttpContext httpContext)");
        using (writer.Block())
        {
            if (isWebSocket)
            {
                WebSocketEmitter.EmitUpgradeCheck(writer);
            }

            writer.WriteLine("RequestErrors? errors = null;");
            if (usesForm)
            {
                writer.WriteLine($"var form = await RequestValues.ReadFormAsync(httpContext, runtime, {BodyLimitField(name)});");
                writer.WriteLine("if (form is null)");
                using (writer.Block())
                {
                    writer.WriteLine("return; // already answered: 400, 413 or 415");
                }
            }

            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i].Source is not (BindingSource.Body or BindingSource.BodyMember))
                {
                    EmitParameter(writer, parameters[i], Local(parameters[i].Name), fields, stems, isAsync, (name, i));
                }
            }

            EmitUnknownParameterChecks(writer, endpoint, name, fields);
            if (body is { Source: BindingSource.BodyMember })
            {
                EmitBodyMembers(writer, parameters.Where(p => p.Source == BindingSource.BodyMember).ToList(), BodyLimitField(name));
            }
            else if (body is not null)
            {
                EmitBody(writer, body, Local(body.Name), BodyLimitField(name));
            }

            writer.WriteLine();
            writer.WriteLine("if (errors is not null)");
            using (writer.Block())
            {
                writer.WriteLine(isAsync
                    ? "await ErrorResponses.WriteValidationAsync(httpContext, runtime, errors);"
                    : "return ErrorResponses.WriteValidationAsync(httpContext, runtime, errors);");
                if (isAsync)
                {
                    writer.WriteLine("return;");
                }
            }

            writer.WriteLine();
            if (isWebSocket)
            {
                // A WebSocket endpoint is a plain request delegate to endpoint filters: they see the HttpContext (docs/websockets.md).
                WebSocketEmitter.EmitConversation(writer, endpoint, Local);
            }
            else
            {
                EmitFilterBranch(writer, endpoint, name, isAsync);
                EmitInvocation(writer, endpoint, isAsync);
            }
        }

        if (!isWebSocket)
        {
            writer.WriteLine();
            EndpointFilterEmitter.Emit(writer, endpoint, name);
        }
    }

    /// <summary>
    /// When the endpoint was built with endpoint filters, the bound arguments go through them
    /// (docs/composition.md#endpoint-filters); without filters the field is null and the handler is called directly.
    /// </summary>
    private static void EmitFilterBranch(SourceWriter writer, EndpointModel endpoint, string name, bool isAsync)
    {
        var arguments = string.Join("", endpoint.Handler.Parameters.Select(p => ", " + Local(p.Name)));
        writer.WriteLine($"if ({EndpointFilterEmitter.PipelineField(name)} is {{ }} filters)");
        using (writer.Block())
        {
            if (isAsync)
            {
                writer.WriteLine($"await {EndpointFilterEmitter.FilteredMethod(name)}(httpContext, filters{arguments});");
                writer.WriteLine("return;");
            }
            else
            {
                writer.WriteLine($"return {EndpointFilterEmitter.FilteredMethod(name)}(httpContext, filters{arguments});");
            }
        }

        writer.WriteLine();
    }

    /// <summary>Whether the endpoint reads a request body (JSON or a form), and so has a body limit.</summary>
    internal static bool ReadsBody(EndpointModel endpoint) =>
        ReadsForm(endpoint) || endpoint.Handler.Parameters.Any(p => p.Source is BindingSource.Body or BindingSource.BodyMember);

    /// <summary>
    /// The field that holds the endpoint's body limit, set by a convention when the endpoint is built (so group
    /// conventions such as <c>DisableRequestSizeLimit()</c> count) and read by every request without a metadata lookup.
    /// </summary>
    internal static string BodyLimitField(string name) => name + "_bodyLimit";

    /// <summary>Whether the endpoint binds anything from a form (and so reads it, and needs anti-forgery metadata).</summary>
    internal static bool ReadsForm(EndpointModel endpoint) =>
        AllParameters(endpoint.Handler.Parameters).Any(p => p.Source == BindingSource.Form || p.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection or SpecialKind.FormCollection);

    private static IEnumerable<ParameterModel> AllParameters(IEnumerable<ParameterModel> parameters) =>
        parameters.SelectMany(p => p.Source == BindingSource.AsParameters ? AllParameters(p.Members) : [p]);

    // ---- parameters ----------------------------------------------------------------------------

    private static void EmitParameter(SourceWriter writer, ParameterModel parameter, string local, StaticFields fields, HashSet<string> stems,
        bool isAsync, (string Delegate, int Index) handlerParameter = default)
    {
        switch (parameter.Source)
        {
            case BindingSource.Custom:
                EmitBindAsync(writer, parameter, local, fields, handlerParameter);
                break;
            case BindingSource.Route:
                EmitValue(writer, parameter, local, "path", $"httpContext.Request.RouteValues[{Literal(parameter.WireName)}] as string", fields);
                break;
            case BindingSource.Query:
                EmitValue(writer, parameter, local, "query", $"httpContext.Request.Query[{Literal(parameter.WireName)}]", fields);
                break;
            case BindingSource.Header:
                EmitValue(writer, parameter, local, "header", $"httpContext.Request.Headers[{Literal(parameter.WireName)}]", fields);
                break;
            case BindingSource.Cookie:
                EmitValue(writer, parameter, local, "cookie", $"httpContext.Request.Cookies[{Literal(parameter.WireName)}]", fields);
                break;
            case BindingSource.Form:
                EmitValue(writer, parameter, local, "body", $"form[{Literal(parameter.WireName)}]", fields);
                break;
            case BindingSource.Services:
                writer.WriteLine(parameter.IsOptional
                    ? $"var {local} = httpContext.RequestServices.GetService<{NonNullable(parameter.Type)}>();"
                    : $"var {local} = httpContext.RequestServices.GetRequiredService<{NonNullable(parameter.Type)}>();");
                break;
            case BindingSource.KeyedServices:
                writer.WriteLine(parameter.IsOptional
                    ? $"var {local} = httpContext.RequestServices.GetKeyedService<{NonNullable(parameter.Type)}>({parameter.ServiceKey});"
                    : $"var {local} = httpContext.RequestServices.GetRequiredKeyedService<{NonNullable(parameter.Type)}>({parameter.ServiceKey});");
                break;
            case BindingSource.Special when parameter.Special == SpecialKind.FormFile:
                if (parameter.IsOptional)
                {
                    writer.WriteLine($"var {local} = form.Files.GetFile({Literal(parameter.WireName)});");
                }
                else
                {
                    writer.WriteLine($"var {Raw(local)} = form.Files.GetFile({Literal(parameter.WireName)});");
                    writer.WriteLine($"if ({Raw(local)} is null) errors = RequestErrors.Missing(errors, \"body\", {Literal(parameter.WireName)});");
                    writer.WriteLine($"var {local} = {Raw(local)}!;");
                }

                break;
            case BindingSource.Special when parameter.Special is SpecialKind.WebSocket or SpecialKind.JsonWebSocket:
                break; // accepted after binding and validation passed (WebSocketEmitter)
            case BindingSource.Special:
                writer.WriteLine($"var {local} = {SpecialExpression(parameter)};");
                break;
            case BindingSource.AsParameters:
                EmitAsParameters(writer, parameter, local, fields, stems, isAsync);
                break;
        }
    }

    /// <summary>
    /// A type that binds itself (docs/binding.md#custom-binding): its <c>BindAsync</c>, with the handler parameter's
    /// <c>ParameterInfo</c> when it takes one (looked up once, from the handler method, when the class is first used);
    /// null on a required parameter is a missing-value error at <c>request.name</c>.
    /// </summary>
    private static void EmitBindAsync(SourceWriter writer, ParameterModel parameter, string local, StaticFields fields, (string Delegate, int Index) handlerParameter)
    {
        var type = NonNullable(parameter.Type);
        if (type.StartsWith("global::System.Nullable<", System.StringComparison.Ordinal))
        {
            type = type.Substring("global::System.Nullable<".Length, type.Length - "global::System.Nullable<".Length - 1);
        }

        string Info() => fields.Add(handlerParameter.Delegate + "_" + Stem(local) + "_parameter", "global::System.Reflection.ParameterInfo",
            $"{EndpointFilterEmitter.MethodLookupCall(handlerParameter.Delegate)}.GetParameters()[{handlerParameter.Index}]");
        var call = parameter.BindAsync switch
        {
            BindAsyncKind.Context => $"{type}.BindAsync(httpContext)",
            BindAsyncKind.ContextAndParameter => $"{type}.BindAsync(httpContext, {Info()})",
            _ => $"RequestValues.BindAsync<{type}>(httpContext, {Info()})",
        };
        var raw = Raw(local);
        writer.WriteLine($"{type}? {raw};");
        writer.WriteLine("try");
        using (writer.Block())
        {
            writer.WriteLine($"{raw} = await {call};");
        }

        // Its exception (an HttpError(401) from a current-user type) is answered like the handler's.
        writer.WriteLine($"catch ({KnownTypes.Exception} exception)");
        using (writer.Block())
        {
            writer.WriteLine("await ErrorResponses.HandleExceptionAsync(httpContext, runtime, exception);");
            writer.WriteLine("return;");
        }

        if (!parameter.IsOptional)
        {
            writer.WriteLine($"if ({raw} is null) errors = RequestErrors.Missing(errors, \"request\", {Literal(parameter.WireName)});");
        }

        writer.WriteLine($"{parameter.Type} {local} = {raw} is {{ }} {Stem(local)}_bound ? {Stem(local)}_bound : {parameter.DefaultValue ?? "default!"};");
    }

    /// <summary>
    /// An endpoint with a query model (<c>[AsParameters]</c> with query members) or a form model checks, when
    /// <c>RejectUnknownParameters</c> is on, that the query or form holds nothing it does not bind.
    /// </summary>
    private static void EmitUnknownParameterChecks(SourceWriter writer, EndpointModel endpoint, string name, StaticFields fields)
    {
        var models = endpoint.Handler.Parameters.Where(p => p.Source == BindingSource.AsParameters).SelectMany(p => AllParameters(p.Members)).ToList();
        var all = AllParameters(endpoint.Handler.Parameters).ToList();
        var checks = new List<string>();
        if (models.Any(m => m.Source == BindingSource.Query))
        {
            var known = fields.Add(name + "_Query", "string[]", Names(all.Where(p => p.Source == BindingSource.Query)));
            checks.Add($"errors = RequestValues.RejectUnknownQuery(errors, httpContext.Request.Query, {known});");
        }

        if (models.Any(m => m.Source == BindingSource.Header))
        {
            // Header names are matched ignoring case, as HTTP does (docs/binding.md#unknown-parameters).
            var known = fields.Add(name + "_Headers", "string[]", Names(all.Where(p => p.Source == BindingSource.Header)));
            checks.Add($"errors = RequestValues.RejectUnknownHeaders(errors, httpContext.Request.Headers, {known}, runtime.Options.AllowedExtraHeaders);");
        }

        if (models.Any(m => m.Source == BindingSource.Form || m.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection))
        {
            var known = fields.Add(name + "_Form", "string[]",
                Names(all.Where(p => p.Source == BindingSource.Form || p.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection)));
            checks.Add($"errors = RequestValues.RejectUnknownForm(errors, form, {known});");
        }

        if (checks.Count == 0)
        {
            return;
        }

        writer.WriteLine("if (runtime.Options.RejectUnknownParameters)");
        using (writer.Block())
        {
            foreach (var check in checks)
            {
                writer.WriteLine(check);
            }
        }

        static string Names(IEnumerable<ParameterModel> parameters) =>
            "[" + string.Join(", ", parameters.Select(p => Literal(p.WireName)).Distinct()) + "]";
    }

    private static string SpecialExpression(ParameterModel parameter) => parameter.Special switch
    {
        SpecialKind.HttpContext => "httpContext",
        SpecialKind.HttpRequest => "httpContext.Request",
        SpecialKind.HttpResponse => "httpContext.Response",
        SpecialKind.CancellationToken => "httpContext.RequestAborted",
        SpecialKind.ClaimsPrincipal => "httpContext.User",
        SpecialKind.Stream => "httpContext.Request.Body",
        SpecialKind.PipeReader => "httpContext.Request.BodyReader",
        SpecialKind.FormFileCollection => "form.Files",
        _ => "form",
    };

    /// <summary>A value from a string source: present → parse (error on failure); absent → default or a missing error.</summary>
    private static void EmitValue(SourceWriter writer, ParameterModel parameter, string local, string source, string read, StaticFields fields)
    {
        var value = parameter.Value!;
        var location = source == "header" ? parameter.WireName.ToLowerInvariant() : parameter.WireName;
        if (value.Collection != CollectionKind.None)
        {
            EmitCollectionValue(writer, parameter, local, source, location, read);
            return;
        }

        var raw = Raw(local);
        writer.WriteLine(source == "path" ? $"var {raw} = {read};" : $"string? {raw} = {read};");
        var fallback = parameter.DefaultValue ?? "default!";
        writer.WriteLine($"{parameter.Type} {local} = {fallback};");
        var absent = value.Kind == SimpleKind.String ? $"{raw} is null" : $"string.IsNullOrEmpty({raw})";
        var present = value.Kind == SimpleKind.String ? $"{raw} is not null" : $"!string.IsNullOrEmpty({raw})";
        if (!parameter.IsOptional)
        {
            writer.WriteLine($"if ({absent})");
            using (writer.Block())
            {
                writer.WriteLine($"errors = RequestErrors.Missing(errors, {Literal(source)}, {Literal(location)});");
            }

            writer.WriteLine("else");
        }
        else
        {
            writer.WriteLine($"if ({present})");
        }

        using (writer.Block())
        {
            // FastAPI echoes the raw text of a route, query or header value, not the parsed value; a secret is never echoed.
            var input = parameter.IsSecret ? "null" : $"RequestErrors.StringInput({raw})";
            RuleReporter report = (type, message, _, context) =>
                $"errors = RequestErrors.Rule(errors, {Literal(source)}, {Literal(location)}, \"{type}\", {message}, {input}{(context is null ? "" : ", " + context)});";
            var checks = parameter.Rules.Count > 0;
            if (value.Kind == SimpleKind.String)
            {
                writer.WriteLine($"{local} = {raw};");
                if (checks)
                {
                    ValidationEmitter.EmitChecks(writer, parameter.Rules, raw, location, FieldPrefix(local), fields, report);
                }
            }
            else if (!checks)
            {
                writer.WriteLine($"if ({ParseCall(value, raw, "parsed")}) {local} = parsed;");
                writer.WriteLine($"else errors = {InvalidCall(parameter, source, location, raw, null)};");
            }
            else
            {
                writer.WriteLine($"if ({ParseCall(value, raw, "parsed")})");
                using (writer.Block())
                {
                    writer.WriteLine($"{local} = parsed;");
                    ValidationEmitter.EmitChecks(writer, parameter.Rules, "parsed", location, FieldPrefix(local), fields, report);
                }

                writer.WriteLine("else");
                using (writer.Block())
                {
                    writer.WriteLine($"errors = {InvalidCall(parameter, source, location, raw, null)};");
                }
            }
        }
    }

    private static string FieldPrefix(string local) => char.ToUpperInvariant(local[0]) + Stem(local).Substring(1);

    private static string Raw(string local) => Stem(local) + "_raw";

    private static void EmitCollectionValue(SourceWriter writer, ParameterModel parameter, string local, string source, string location, string read)
    {
        var value = parameter.Value!;
        var raw = Raw(local);
        var item = value.IsNullableValue ? value.ScalarType + "?" : value.ScalarType;
        var container = value.Collection == CollectionKind.HashSet ? KnownTypes.HashSet : KnownTypes.List;
        writer.WriteLine($"var {raw} = {read};");
        if (parameter.IsOptional && parameter.DefaultValue is not null)
        {
            // No values keeps the declared default (often null); any value builds the collection.
            writer.WriteLine($"{parameter.Type} {local} = {parameter.DefaultValue};");
            writer.WriteLine($"if ({raw}.Count > 0)");
        }
        else
        {
            writer.WriteLine($"{parameter.Type} {local};");
        }

        using (writer.Block())
        {
            writer.WriteLine($"var items = new {container}<{item}>({raw}.Count);");
            writer.WriteLine($"for (var i = 0; i < {raw}.Count; i++)");
            using (writer.Block())
            {
                if (value.Kind == SimpleKind.String)
                {
                    writer.WriteLine($"items.Add({raw}[i]!);");
                }
                else
                {
                    writer.WriteLine($"if ({ParseCall(value, $"{raw}[i]", "parsed")}) items.Add(parsed);");
                    writer.WriteLine($"else errors = {InvalidCall(parameter, source, location, $"{raw}[i]", "i")};");
                }
            }

            writer.WriteLine(value.Collection == CollectionKind.Array ? $"{local} = items.ToArray();" : $"{local} = items;");
        }
    }

    private static string ParseCall(ValueModel value, string raw, string output) => value.Kind switch
    {
        SimpleKind.Enum => $"{JsonEmitter.ClassName}.TryParse{value.EnumTypeId}({raw}, out var {output})",
        SimpleKind.Boolean => $"bool.TryParse({raw}, out var {output})",
        SimpleKind.Char => $"char.TryParse({raw}, out var {output})",
        SimpleKind.Uri => $"{KnownTypes.Uri}.TryCreate({raw}, {KnownTypes.UriKind}.RelativeOrAbsolute, out var {output})",
        SimpleKind.Parsable => $"RequestValues.TryParse<{value.ScalarType}>({raw}, out var {output})",
        // The minimal-API TryParse convention (docs/binding.md#custom-binding).
        SimpleKind.TryParseWithoutProvider => $"{value.ScalarType}.TryParse({raw}!, out var {output})",
        SimpleKind.TryParse => $"{value.ScalarType}.TryParse({raw}!, CultureInfo.InvariantCulture, out var {output})",
        SimpleKind.DateOnly => $"global::System.DateOnly.TryParseExact({raw}, \"yyyy-MM-dd\", CultureInfo.InvariantCulture, DateTimeStyles.None, out var {output})",
        SimpleKind.DateTime => $"RequestValues.TryParseDateTime({raw}, out var {output})",
        // Plain numbers only: no thousands separators ("1,2" is not 12), and a float must be finite ("1e400", "NaN").
        SimpleKind.Single or SimpleKind.Double => $"RequestValues.TryParseFinite({raw}, out {value.ScalarType} {output})",
        SimpleKind.Decimal => $"decimal.TryParse({raw}, NumberStyles.Float, CultureInfo.InvariantCulture, out var {output})",
        // The constant format, as in JSON: no surrounding whitespace, no culture-specific forms.
        SimpleKind.TimeSpan => $"Durations.TryParse({raw}, out var {output})",
        SimpleKind.DateTimeOffset => $"RequestValues.TryParseDateTimeOffset({raw}, out var {output})",
        _ => $"{value.ScalarType}.TryParse({raw}, CultureInfo.InvariantCulture, out var {output})",
    };

    private static string InvalidCall(ParameterModel parameter, string source, string location, string raw, string? index)
    {
        var value = parameter.Value!;
        var input = parameter.IsSecret ? "null" : raw;
        if (value.Kind == SimpleKind.Enum)
        {
            var expected = $"{JsonEmitter.ClassName}.{value.EnumTypeId}Expected";
            return index is null
                ? $"RequestErrors.InvalidEnum(errors, {Literal(source)}, {Literal(location)}, {expected}, {input})"
                : $"RequestErrors.InvalidEnumItem(errors, {Literal(source)}, {Literal(location)}, {index}, {expected}, {input})";
        }

        if (value.Kind is SimpleKind.Single or SimpleKind.Double && index is null)
        {
            return $"RequestErrors.InvalidFloat(errors, {Literal(source)}, {Literal(location)}, {raw}{(parameter.IsSecret ? ", echo: false" : "")})";
        }

        if (IsInteger(value.Kind))
        {
            // The raw text decides between int_parsing and int_parsing_size (a whole number out of range).
            var echo = parameter.IsSecret ? ", echo: false" : "";
            return index is null
                ? $"RequestErrors.InvalidInteger(errors, {Literal(source)}, {Literal(location)}, {raw}{echo})"
                : $"RequestErrors.InvalidIntegerItem(errors, {Literal(source)}, {Literal(location)}, {index}, {raw}{echo})";
        }

        return index is null
            ? $"RequestErrors.Invalid(errors, {Literal(source)}, {Literal(location)}, ErrorTypes.{ErrorType(value.Kind)}, {input})"
            : $"RequestErrors.InvalidItem(errors, {Literal(source)}, {Literal(location)}, {index}, ErrorTypes.{ErrorType(value.Kind)}, {input})";
    }

    private static bool IsInteger(SimpleKind kind) => kind is SimpleKind.Byte or SimpleKind.SByte or SimpleKind.Int16 or SimpleKind.UInt16
        or SimpleKind.Int32 or SimpleKind.UInt32 or SimpleKind.Int64 or SimpleKind.UInt64;

    private static string ErrorType(SimpleKind kind) => kind switch
    {
        SimpleKind.Boolean => "BoolParsing",
        SimpleKind.Byte or SimpleKind.SByte or SimpleKind.Int16 or SimpleKind.UInt16 or SimpleKind.Int32 or SimpleKind.UInt32
            or SimpleKind.Int64 or SimpleKind.UInt64 => "IntParsing",
        SimpleKind.Single or SimpleKind.Double => "FloatParsing",
        SimpleKind.Decimal => "DecimalParsing",
        SimpleKind.Guid => "UuidParsing",
        SimpleKind.DateTime or SimpleKind.DateTimeOffset => "DateTimeParsing",
        SimpleKind.DateOnly => "DateParsing",
        SimpleKind.TimeOnly => "TimeParsing",
        SimpleKind.TimeSpan => "TimeDeltaParsing",
        SimpleKind.Uri => "UrlParsing",
        SimpleKind.Char => "CharParsing",
        _ => "ValueError",
    };

    private static void EmitBody(SourceWriter writer, ParameterModel parameter, string local, string limit)
    {
        EmitBodyRead(writer, limit, $"{parameter.Type} {local} = {parameter.DefaultValue ?? "default!"};", parameter.IsOptional
            ? $"{local} = JsonRead.Document(body.Bytes, json, {JsonEmitter.ClassName}.Read{parameter.JsonTypeId}, allowNull: true);"
            : $"{local} = JsonRead.Document(body.Bytes, json, {JsonEmitter.ClassName}.Read{parameter.JsonTypeId})!;");
        if (!parameter.IsOptional)
        {
            writer.WriteLine("else");
            using (writer.Block())
            {
                writer.WriteLine("errors = RequestErrors.Missing(errors, \"body\", null);");
            }
        }
    }

    /// <summary>
    /// <c>[BodyMember]</c> parameters: the body is one object read into the generated class, each parameter then takes
    /// its property. With no body at all each required member is missing at <c>body.&lt;name&gt;</c>, as FastAPI reports
    /// embedded body parameters (docs/binding.md#several-body-members).
    /// </summary>
    private static void EmitBodyMembers(SourceWriter writer, List<ParameterModel> members, string limit)
    {
        var typeId = members[0].JsonTypeId;
        EmitBodyRead(writer, limit, $"{members[0].BodyType}? bodyMembers = null;\nvar bodyAbsent = body.Status != JsonBodyStatus.Read;",
            $"var errorCount = json.ErrorCount;\nbodyMembers = JsonRead.Document(body.Bytes, json, {JsonEmitter.ClassName}.Read{typeId}, allowNull: true);\n"
            + "bodyAbsent = bodyMembers is null && json.ErrorCount == errorCount; // the body is JSON null");
        if (members.Any(m => !m.IsOptional))
        {
            writer.WriteLine();
            writer.WriteLine("if (bodyAbsent)");
            using (writer.Block())
            {
                foreach (var member in members.Where(m => !m.IsOptional))
                {
                    writer.WriteLine($"errors = RequestErrors.Missing(errors, \"body\", {JsonEmitter.Literal(member.WireName)});");
                }
            }
        }

        writer.WriteLine();
        foreach (var member in members)
        {
            writer.WriteLine($"{member.Type} {Local(member.Name)} = bodyMembers is null ? {member.DefaultValue ?? "default!"} : bodyMembers.{member.BodyProperty};");
        }
    }

    private static void WriteLines(SourceWriter writer, string lines)
    {
        foreach (var line in lines.Split('\n'))
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>Reads the body (413/415 answered here) and, when there is one, runs <paramref name="read"/> on it.</summary>
    private static void EmitBodyRead(SourceWriter writer, string limit, string declaration, string read)
    {
        writer.WriteLine();
        writer.WriteLine($"var body = await JsonBody.ReadAsync(httpContext, runtime, {limit});");
        writer.WriteLine("if (body.Status is JsonBodyStatus.TooLarge or JsonBodyStatus.UnsupportedMediaType)");
        using (writer.Block())
        {
            writer.WriteLine("await body.WriteRejectionAsync(httpContext, runtime);");
            writer.WriteLine("return;");
        }

        writer.WriteLine();
        WriteLines(writer, declaration);
        writer.WriteLine("if (body.Status == JsonBodyStatus.Read)");
        using (writer.Block())
        {
            writer.WriteLine("var json = JsonReadContext.Rent(runtime, errors);");
            writer.WriteLine("try");
            using (writer.Block())
            {
                WriteLines(writer, read);
            }

            writer.WriteLine($"catch ({KnownTypes.Exception} exception)");
            using (writer.Block())
            {
                writer.WriteLine("// A model's own code failed while it was built: a server error, handled like one from the handler.");
                writer.WriteLine("await ErrorResponses.HandleExceptionAsync(httpContext, runtime, exception);");
                writer.WriteLine("return;");
            }

            writer.WriteLine("finally");
            using (writer.Block())
            {
                writer.WriteLine("errors = json.Return();");
                writer.WriteLine("body.Release();");
            }
        }
    }

    private static void EmitAsParameters(SourceWriter writer, ParameterModel parameter, string local, StaticFields fields, HashSet<string> stems, bool isAsync)
    {
        // Member locals are parent_Member_local, unless a handler parameter already has that stem.
        var locals = new Dictionary<string, string>();
        foreach (var member in parameter.Members)
        {
            var stem = Stem(local) + "_" + member.Name;
            while (!stems.Add(stem))
            {
                stem += "_";
            }

            locals[member.Name] = Local(stem);
        }

        string MemberLocal(ParameterModel member) => locals[member.Name];

        writer.WriteLine($"// [AsParameters] {parameter.Type}");
        var arguments = new List<string>();
        foreach (var member in parameter.Members)
        {
            EmitParameter(writer, member, MemberLocal(member), fields, stems, isAsync);
            if (!member.IsProperty)
            {
                arguments.Add(MemberLocal(member));
            }
        }

        var initializers = parameter.Members.Where(m => m.IsProperty && m.IsInitOnly)
            .Select(m => $"{SourceHeader.Identifier(m.Name)} = {MemberLocal(m)}").ToList();
        var initializer = initializers.Count == 0 ? "" : " { " + string.Join(", ", initializers) + " }";
        var type = NonNullable(parameter.Type);

        // Built only from values that bound: a request with errors is answered 422 without it. The model's own
        // ArgumentException or ValidationException is a value_error at the model; any other exception is the server's.
        writer.WriteLine($"{type} {local} = default!;");
        writer.WriteLine("if (errors is null)");
        using (writer.Block())
        {
            writer.WriteLine("try");
            using (writer.Block())
            {
                writer.WriteLine($"{local} = new {type}({string.Join(", ", arguments)}){initializer};");
                foreach (var member in parameter.Members.Where(m => m.IsProperty && !m.IsInitOnly))
                {
                    // A property keeps its own initializer unless the request supplies a value.
                    var memberLocal = MemberLocal(member);
                    var present = member.Value switch
                    {
                        null => null,
                        { Collection: not CollectionKind.None } => $"{Raw(memberLocal)}.Count > 0",
                        { Kind: SimpleKind.String } => $"{Raw(memberLocal)} is not null",
                        _ => $"!string.IsNullOrEmpty({Raw(memberLocal)})",
                    };
                    writer.WriteLine(present is null
                        ? $"{local}.{SourceHeader.Identifier(member.Name)} = {memberLocal};"
                        : $"if ({present}) {local}.{SourceHeader.Identifier(member.Name)} = {memberLocal};");
                }
            }

            writer.WriteLine($"catch ({KnownTypes.Exception} exception) when (RequestErrors.IsModelError(exception))");
            using (writer.Block())
            {
                writer.WriteLine($"errors = RequestErrors.ModelError(errors, {Literal(ModelLocation(parameter))}, exception);");
            }

            writer.WriteLine($"catch ({KnownTypes.Exception} exception)");
            using (writer.Block())
            {
                if (isAsync)
                {
                    writer.WriteLine("await ErrorResponses.HandleExceptionAsync(httpContext, runtime, exception);");
                    writer.WriteLine("return;");
                }
                else
                {
                    writer.WriteLine("return ErrorResponses.HandleExceptionAsync(httpContext, runtime, exception);");
                }
            }
        }
    }

    /// <summary>
    /// Where a model bound from several values is in an error: <c>body</c> for a form model, else the one source its
    /// members come from (<c>query</c> for a query model), else <c>request</c>.
    /// </summary>
    private static string ModelLocation(ParameterModel parameter)
    {
        var sources = parameter.Members.Select(m => m.Source switch
        {
            BindingSource.Route => "path",
            BindingSource.Query => "query",
            BindingSource.Header => "header",
            BindingSource.Cookie => "cookie",
            BindingSource.Form => "body",
            BindingSource.Special when m.Special == SpecialKind.FormFile => "body",
            _ => null,
        }).Where(s => s is not null).Distinct().ToList();
        return sources.Count == 1 ? sources[0]! : "request";
    }


    // ---- invocation and response ---------------------------------------------------------------

    private static void EmitInvocation(SourceWriter writer, EndpointModel endpoint, bool isAsync)
    {
        var handler = endpoint.Handler;
        var response = handler.Response;
        var arguments = string.Join(", ", handler.Parameters.Select(p => ValueExpression(p, Local(p.Name))));
        var call = $"{handler.ContainingType}.{handler.MethodName}({arguments})";
        var await = response.Async == AsyncKind.None ? "" : "await ";
        var returnPrefix = isAsync ? "await " : "return ";

        // Writing the response is inside the try too: an exception from a model's getter or an IResult gets the
        // same handling as one from the handler.
        writer.WriteLine("try");
        using (writer.Block())
        {
            if (!handler.IsStatic)
            {
                var services = string.Join(", ", handler.ConstructorParameters.Select(ServiceExpression));
                writer.WriteLine($"var handler = new {handler.ContainingType}({services});");
                switch (handler.Disposal)
                {
                    case HandlerDisposal.DisposeAsync:
                        writer.WriteLine("httpContext.Response.RegisterForDisposeAsync(handler);");
                        break;
                    case HandlerDisposal.Dispose:
                        writer.WriteLine("httpContext.Response.RegisterForDispose(handler);");
                        break;
                }

                call = $"handler.{handler.MethodName}({arguments})";
            }

            var write = WriteExpression(response);
            writer.WriteLine(response.Kind == ResponseKind.Empty ? $"{await}{call};" : $"{response.ValueType} result = {await}{call};");
            writer.WriteLine($"{returnPrefix}{write};");
        }

        writer.WriteLine($"catch ({KnownTypes.Exception} exception)");
        using (writer.Block())
        {
            writer.WriteLine($"{returnPrefix}ErrorResponses.HandleExceptionAsync(httpContext, runtime, exception);");
        }
    }

    /// <summary>The call that writes a handler's <c>result</c> as its response.</summary>
    internal static string WriteExpression(ResponseModel response) => response.Kind switch
    {
        ResponseKind.Json => $"JsonResponse.WriteAsync(httpContext, runtime, {response.StatusCode}, result, {JsonEmitter.ClassName}.Write{response.JsonTypeId})",
        ResponseKind.Stream => $"JsonResponse.WriteStreamAsync<{response.ItemType}>(httpContext, runtime, {response.StatusCode}, result, {JsonEmitter.ClassName}.Write{response.JsonTypeId})",
        ResponseKind.JsonLines => $"JsonResponse.WriteJsonLinesAsync<{response.ItemType}>(httpContext, runtime, {response.StatusCode}, result, {JsonEmitter.ClassName}.Write{response.JsonTypeId})",
        ResponseKind.ServerSentEvents when response.JsonTypeId is null => $"EventStreamResponse.WriteTextAsync<{response.ItemType}>(httpContext, runtime, {response.StatusCode}, result)",
        ResponseKind.ServerSentEvents => $"EventStreamResponse.WriteAsync<{response.ItemType}>(httpContext, runtime, {response.StatusCode}, result, {JsonEmitter.ClassName}.Write{response.JsonTypeId})",
        ResponseKind.Text => $"JsonResponse.WriteTextAsync(httpContext, {response.StatusCode}, result)",
        ResponseKind.Result => "JsonResponse.ExecuteResultAsync(httpContext, runtime, result)",
        _ => $"JsonResponse.WriteEmptyAsync(httpContext, {response.StatusCode})",
    };

    internal static string ServiceExpression(ParameterModel parameter) => parameter switch
    {
        { Source: BindingSource.KeyedServices, IsOptional: true } => $"httpContext.RequestServices.GetKeyedService<{NonNullable(parameter.Type)}>({parameter.ServiceKey})",
        { Source: BindingSource.KeyedServices } => $"httpContext.RequestServices.GetRequiredKeyedService<{NonNullable(parameter.Type)}>({parameter.ServiceKey})",
        { IsOptional: true } => $"httpContext.RequestServices.GetService<{NonNullable(parameter.Type)}>()",
        _ => $"httpContext.RequestServices.GetRequiredService<{NonNullable(parameter.Type)}>()",
    };

    /// <summary>The expression passed to the handler: arrays bound from strings are built as lists first.</summary>
    private static string ValueExpression(ParameterModel parameter, string local) => local;

    internal static string NonNullable(string type) => type.EndsWith("?") ? type.Substring(0, type.Length - 1) : type;

    // Parameter locals carry a suffix so a parameter named errors, body or result never meets the delegate's own variables.
    // Every name is the parameter's name plus a suffix, and only the final suffix is ever swapped: a parameter named
    // x_local or x_raw gets x_local_local and x_raw_raw, never a name another parameter already has.
    internal static string Local(string name) => name + LocalSuffix;

    private static string Stem(string local) => local.Substring(0, local.Length - LocalSuffix.Length);

    private const string LocalSuffix = "_local";

    private static string Literal(string value) => JsonEmitter.Literal(value);

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
