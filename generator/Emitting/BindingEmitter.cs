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
    /// <summary>The request delegates of one handler class's endpoints, as members of its generated class (RoutingEmitter).</summary>
    public static void Emit(SourceWriter writer, EquatableArray<EndpointModel> endpoints, Dictionary<EndpointModel, string> delegates)
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

    private static void EmitDelegate(SourceWriter writer, EndpointModel endpoint, string name, StaticFields fields)
    {
        var handler = endpoint.Handler;
        var parameters = handler.Parameters;
        var body = parameters.FirstOrDefault(p => p.Source is BindingSource.Body or BindingSource.BodyMember);
        var usesForm = ReadsForm(endpoint);
        // A stream is awaited inside the delegate's try: an enumerator's exception is the handler's exception.
        var isWebSocket = endpoint.Route.IsWebSocket;
        var isAsync = body is not null || usesForm || isWebSocket || AnyParameter(parameters, static p => p.Source == BindingSource.Custom) || handler.Response.Async != AsyncKind.None || handler.Response.Kind is ResponseKind.Stream or ResponseKind.JsonLines or ResponseKind.ServerSentEvents;
        var route = endpoint.Route.Group is null ? endpoint.Route.Template : RouteTemplate.Combine(endpoint.Route.Group.Prefix, endpoint.Route.Template);

        if (ReadsBody(endpoint))
        {
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
                    EmitParameter(writer, parameters[i], fields, isAsync, (name, i));
                }
            }

            EmitUnknownParameterChecks(writer, endpoint, name, fields);
            if (body is { Source: BindingSource.BodyMember })
            {
                EmitBodyMembers(writer, parameters.Where(p => p.Source == BindingSource.BodyMember).ToList(), BodyLimitField(name));
            }
            else if (body is not null)
            {
                EmitBody(writer, body, BodyLimitField(name));
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
                WebSocketEmitter.EmitConversation(writer, endpoint);
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
        var filtered = EndpointFilterEmitter.FilteredCall(endpoint, name, endpoint.Handler.Parameters.Select(p => p.Local).ToList());
        writer.WriteLine($"if ({EndpointFilterEmitter.PipelineField(name)} is {{ }} filters)");
        using (writer.Block())
        {
            if (isAsync)
            {
                writer.WriteLine($"await {filtered};");
                writer.WriteLine("return;");
            }
            else
            {
                writer.WriteLine($"return {filtered};");
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
        AnyParameter(endpoint.Handler.Parameters,
            static p => p.Source == BindingSource.Form || p.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection or SpecialKind.FormCollection);

    private static IEnumerable<ParameterModel> AllParameters(IEnumerable<ParameterModel> parameters) =>
        parameters.SelectMany(p => p.Source == BindingSource.AsParameters ? AllParameters(p.Members) : [p]);

    /// <summary>Whether a parameter, or an <c>[AsParameters]</c> member at any depth, passes <paramref name="test"/>.</summary>
    private static bool AnyParameter(EquatableArray<ParameterModel> parameters, System.Func<ParameterModel, bool> test)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Source == BindingSource.AsParameters ? AnyParameter(parameter.Members, test) : test(parameter))
            {
                return true;
            }
        }

        return false;
    }

    // ---- parameters ----------------------------------------------------------------------------

    private static void EmitParameter(SourceWriter writer, ParameterModel parameter, StaticFields fields, bool isAsync,
        (string Delegate, int Index) handlerParameter = default)
    {
        var local = parameter.Local;
        switch (parameter.Source)
        {
            case BindingSource.Custom:
                EmitBindAsync(writer, parameter, fields, handlerParameter);
                break;
            case BindingSource.Route:
                EmitValue(writer, parameter, "path", $"httpContext.Request.RouteValues[{Literal(parameter.WireName)}] as string", fields);
                break;
            case BindingSource.Query:
                EmitValue(writer, parameter, "query", $"httpContext.Request.Query[{Literal(parameter.WireName)}]", fields);
                break;
            case BindingSource.Header:
                EmitValue(writer, parameter, "header", $"httpContext.Request.Headers[{Literal(parameter.WireName)}]", fields);
                break;
            case BindingSource.Cookie:
                EmitValue(writer, parameter, "cookie", $"httpContext.Request.Cookies[{Literal(parameter.WireName)}]", fields);
                break;
            case BindingSource.Form:
                EmitValue(writer, parameter, "body", $"form[{Literal(parameter.WireName)}]", fields);
                break;
            case BindingSource.Services:
                writer.WriteLine(parameter.IsOptional
                    ? $"var {local} = httpContext.RequestServices.GetService<{parameter.Type.NonNullable}>();"
                    : $"var {local} = httpContext.RequestServices.GetRequiredService<{parameter.Type.NonNullable}>();");
                break;
            case BindingSource.KeyedServices:
                writer.WriteLine(parameter.IsOptional
                    ? $"var {local} = httpContext.RequestServices.GetKeyedService<{parameter.Type.NonNullable}>({parameter.ServiceKey});"
                    : $"var {local} = httpContext.RequestServices.GetRequiredKeyedService<{parameter.Type.NonNullable}>({parameter.ServiceKey});");
                break;
            case BindingSource.Special when parameter.Special == SpecialKind.FormFile:
                if (parameter.IsOptional)
                {
                    writer.WriteLine($"var {local} = form.Files.GetFile({Literal(parameter.WireName)});");
                }
                else
                {
                    writer.WriteLine($"var {parameter.RawLocal} = form.Files.GetFile({Literal(parameter.WireName)});");
                    writer.WriteLine($"if ({parameter.RawLocal} is null) errors = RequestErrors.Missing(errors, \"body\", {Literal(parameter.WireName)});");
                    writer.WriteLine($"var {local} = {parameter.RawLocal}!;");
                }

                break;
            case BindingSource.Special when parameter.Special is SpecialKind.WebSocket or SpecialKind.JsonWebSocket:
                break; // accepted after binding and validation passed (WebSocketEmitter)
            case BindingSource.Special:
                writer.WriteLine($"var {local} = {SpecialExpression(parameter)};");
                break;
            case BindingSource.AsParameters:
                EmitAsParameters(writer, parameter, fields, isAsync);
                break;
        }
    }

    /// <summary>
    /// A type that binds itself (docs/binding.md#custom-binding): its <c>BindAsync</c>, with the handler parameter's
    /// <c>ParameterInfo</c> when it takes one (looked up once, from the handler method, when the class is first used);
    /// null on a required parameter is a missing-value error at <c>request.name</c>.
    /// </summary>
    private static void EmitBindAsync(SourceWriter writer, ParameterModel parameter, StaticFields fields, (string Delegate, int Index) handlerParameter)
    {
        var local = parameter.Local;
        // A Nullable<T> parameter binds through T's own BindAsync.
        var type = parameter.Type.Name;

        string Info() => fields.Add(handlerParameter.Delegate + "_" + parameter.LocalStem + "_parameter", "global::System.Reflection.ParameterInfo",
            $"{EndpointFilterEmitter.MethodLookupCall(handlerParameter.Delegate)}.GetParameters()[{handlerParameter.Index}]");
        var call = parameter.BindAsync switch
        {
            BindAsyncKind.Context => $"{type}.BindAsync(httpContext)",
            BindAsyncKind.ContextAndParameter => $"{type}.BindAsync(httpContext, {Info()})",
            _ => $"RequestValues.BindAsync<{type}>(httpContext, {Info()})",
        };
        var raw = parameter.RawLocal;
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

        writer.WriteLine($"{parameter.Type} {local} = {raw} is {{ }} {parameter.BoundLocal} ? {parameter.BoundLocal} : {parameter.DefaultValue?.CSharp ?? parameter.Type.DefaultValue};");
    }

    /// <summary>
    /// An endpoint with a query model (<c>[AsParameters]</c> with query members) or a form model checks, when
    /// <c>RejectUnknownParameters</c> is on, that the query or form holds nothing it does not bind.
    /// </summary>
    private static void EmitUnknownParameterChecks(SourceWriter writer, EndpointModel endpoint, string name, StaticFields fields)
    {
        if (!endpoint.Handler.Parameters.Any(static p => p.Source == BindingSource.AsParameters))
        {
            return;
        }

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
    private static void EmitValue(SourceWriter writer, ParameterModel parameter, string source, string read, StaticFields fields)
    {
        var local = parameter.Local;
        var value = parameter.Value!;
        var location = source == "header" ? parameter.WireName.ToLowerInvariant() : parameter.WireName;
        if (value.Collection != CollectionKind.None)
        {
            EmitCollectionValue(writer, parameter, source, location, read);
            return;
        }

        if (SharedBinding.TryEmit(writer, parameter, local, source, location, read))
        {
            return;
        }

        var raw = parameter.RawLocal;
        writer.WriteLine(source == "path" ? $"var {raw} = {read};" : $"string? {raw} = {read};");
        var fallback = parameter.DefaultValue?.CSharp ?? parameter.Type.DefaultValue;
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
                    ValidationEmitter.EmitChecks(writer, parameter.Rules, raw, location, FieldPrefix(parameter), fields, report);
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
                    ValidationEmitter.EmitChecks(writer, parameter.Rules, "parsed", location, FieldPrefix(parameter), fields, report);
                }

                writer.WriteLine("else");
                using (writer.Block())
                {
                    writer.WriteLine($"errors = {InvalidCall(parameter, source, location, raw, null)};");
                }
            }
        }
    }

    /// <summary>The stem of a parameter's static fields (<c>Id_Minimum</c>); <see cref="StaticFields"/> keeps them apart.</summary>
    private static string FieldPrefix(ParameterModel parameter) => char.ToUpperInvariant(parameter.LocalStem[0]) + parameter.LocalStem.Substring(1);

    private static void EmitCollectionValue(SourceWriter writer, ParameterModel parameter, string source, string location, string read)
    {
        var value = parameter.Value!;
        var local = parameter.Local;
        var raw = parameter.RawLocal;
        var item = value.IsNullableValue ? value.ScalarType + "?" : value.ScalarType;
        var container = value.Collection == CollectionKind.HashSet ? KnownTypes.HashSet : KnownTypes.List;
        writer.WriteLine($"var {raw} = {read};");
        if (parameter.IsOptional && parameter.DefaultValue is not null)
        {
            // No values keeps the declared default (often null); any value builds the collection.
            writer.WriteLine($"{parameter.Type} {local} = {parameter.DefaultValue.CSharp};");
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

    private static void EmitBody(SourceWriter writer, ParameterModel parameter, string limit)
    {
        EmitBodyRead(writer, limit, parameter.JsonTypeId, required: !parameter.IsOptional);
        var fallback = parameter.DefaultValue?.CSharp ?? parameter.Type.DefaultValue;
        var value = !parameter.IsOptional ? "body.Value!"
            : fallback is "null" or "default" or "default!" ? "body.Value"
            : $"body.IsRead ? body.Value : {fallback}";
        writer.WriteLine($"{parameter.Type} {parameter.Local} = {value};");
    }

    /// <summary>
    /// <c>[BodyMember]</c> parameters: the body is one object read into the generated class, each parameter then takes
    /// its property. With no body at all (or JSON <c>null</c>) each required member is missing at <c>body.&lt;name&gt;</c>,
    /// as FastAPI reports embedded body parameters (docs/binding.md#several-body-members).
    /// </summary>
    private static void EmitBodyMembers(SourceWriter writer, List<ParameterModel> members, string limit)
    {
        EmitBodyRead(writer, limit, members[0].JsonTypeId, required: false);
        writer.WriteLine($"{members[0].BodyType}? bodyMembers = body.Value;");
        if (members.Any(m => !m.IsOptional))
        {
            writer.WriteLine("if (body.IsAbsent)");
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
            writer.WriteLine($"{member.Type} {member.Local} = bodyMembers is null ? {member.DefaultValue?.CSharp ?? member.Type.DefaultValue} : bodyMembers.{member.BodyProperty};");
        }
    }

    /// <summary>
    /// Reads and parses the body through the runtime's one shared call (<c>JsonBody.BindAsync</c>): 413 and 415, and a
    /// model's own exception while it is built, are answered there; a missing required body is an error at <c>body</c>.
    /// </summary>
    private static void EmitBodyRead(SourceWriter writer, string limit, string? typeId, bool required)
    {
        writer.WriteLine();
        writer.WriteLine($"var body = await JsonBody.BindAsync(httpContext, runtime, {limit}, {JsonEmitter.ClassName}.Read{typeId}, required: {(required ? "true" : "false")}, errors);");
        writer.WriteLine("if (body.Answered)");
        using (writer.Block())
        {
            writer.WriteLine("return; // 413, 415, or the model's own exception handled as the server's");
        }

        writer.WriteLine();
        writer.WriteLine("errors = body.Errors;");
    }

    private static void EmitAsParameters(SourceWriter writer, ParameterModel parameter, StaticFields fields, bool isAsync)
    {
        // Member locals are parent_Member_local, unless a handler parameter already has that stem (LocalNames).
        var local = parameter.Local;
        writer.WriteLine($"// [AsParameters] {parameter.Type}");
        var arguments = new List<string>();
        foreach (var member in parameter.Members)
        {
            EmitParameter(writer, member, fields, isAsync);
            if (!member.IsProperty)
            {
                arguments.Add(member.Local);
            }
        }

        var initializers = parameter.Members.Where(m => m.IsProperty && m.IsInitOnly)
            .Select(m => $"{SourceHeader.Identifier(m.Name)} = {m.Local}").ToList();
        var initializer = initializers.Count == 0 ? "" : " { " + string.Join(", ", initializers) + " }";
        var type = parameter.Type.NonNullable;

        // Built only from values that bound: a request with errors is answered 422 without it. The model's own
        // ArgumentException or ValidationException is a value_error at the model; any other exception is the server's.
        writer.WriteLine($"{type} {local} = {type.DefaultValue};");
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
                    var memberLocal = member.Local;
                    var present = member.Value switch
                    {
                        null => null,
                        { Collection: not CollectionKind.None } => $"{member.RawLocal}.Count > 0",
                        { Kind: SimpleKind.String } => $"{member.RawLocal} is not null",
                        _ => $"!string.IsNullOrEmpty({member.RawLocal})",
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

        EmitModelRules(writer, parameter, local, fields);
    }

    /// <summary>
    /// An <c>[AsParameters]</c> or <c>[FromForm]</c> model's class-level <c>ValidationAttribute</c>s, then its
    /// <c>IValidatableObject.Validate</c>, run on the built object as <c>Validator.ValidateObject</c> runs them: only once
    /// every value bound, each failure at the members its result names, else at the model (docs/validation.md#rules-on-a-whole-model).
    /// </summary>
    private static void EmitModelRules(SourceWriter writer, ParameterModel parameter, string local, StaticFields fields)
    {
        if (parameter.Rules.Count == 0 && !parameter.IsValidatable)
        {
            return;
        }

        var prefix = FieldPrefix(parameter);
        var source = Literal(ModelLocation(parameter));
        var entries = parameter.Members
            .Select(m => (m.Name, Location: MemberLocation(m)))
            .Where(m => m.Location is not null)
            .Select(m => $"[{Literal(m.Name)}] = new[] {{ {Literal(m.Location!.Value.Source)}, {Literal(m.Location.Value.Name)} }}");
        var locations = fields.Add($"{prefix}_Members", "global::System.Collections.Generic.Dictionary<string, string[]>",
            $"new(global::System.StringComparer.OrdinalIgnoreCase) {{ {string.Join(", ", entries)} }}");
        writer.WriteLine("if (errors is null)");
        using (writer.Block())
        {
            foreach (var rule in parameter.Rules)
            {
                var attribute = fields.Add($"{prefix}_{ValidationEmitter.ShortName(rule.AttributeType!)}", rule.AttributeType!.Name, rule.Construction!);
                writer.WriteLine($"errors = ValidationChecks.Validate({attribute}, {local}, {Literal(parameter.ClassName ?? "")}, errors, {source}, {locations});");
            }

            if (parameter.IsValidatable)
            {
                writer.WriteLine(parameter.Rules.Count == 0
                    ? $"errors = ValidationChecks.Validate({local}, errors, {source}, {locations});"
                    : $"if (errors is null) errors = ValidationChecks.Validate({local}, errors, {source}, {locations});");
            }
        }
    }

    /// <summary>Where a model member's value came from, as an error location (<c>query</c>, <c>from</c>); null for one not read from the request's values.</summary>
    private static (string Source, string Name)? MemberLocation(ParameterModel member) => member.Source switch
    {
        BindingSource.Route => ("path", member.WireName),
        BindingSource.Query => ("query", member.WireName),
        BindingSource.Header => ("header", member.WireName.ToLowerInvariant()),
        BindingSource.Cookie => ("cookie", member.WireName),
        BindingSource.Form => ("body", member.WireName),
        BindingSource.Special when member.Special is SpecialKind.FormFile or SpecialKind.FormFileCollection => ("body", member.WireName),
        _ => null,
    };

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
        var arguments = string.Join(", ", handler.Parameters.Select(p => p.Local));
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
        { Source: BindingSource.KeyedServices, IsOptional: true } => $"httpContext.RequestServices.GetKeyedService<{parameter.Type.NonNullable}>({parameter.ServiceKey})",
        { Source: BindingSource.KeyedServices } => $"httpContext.RequestServices.GetRequiredKeyedService<{parameter.Type.NonNullable}>({parameter.ServiceKey})",
        { IsOptional: true } => $"httpContext.RequestServices.GetService<{parameter.Type.NonNullable}>()",
        _ => $"httpContext.RequestServices.GetRequiredService<{parameter.Type.NonNullable}>()",
    };

    private static string Literal(string value) => JsonEmitter.Literal(value);

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
