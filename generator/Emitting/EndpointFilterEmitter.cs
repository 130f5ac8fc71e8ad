using System.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// Emits what endpoint filters need for one endpoint (docs/composition.md#endpoint-filters), next to its request
/// delegate: the pipeline field (null until a filter is added), the filtered path (bound arguments → filters → the
/// response, one runtime call), the handler's <c>MethodInfo</c> lookup for the filter factories, and the handler
/// invocation the innermost filter calls. The request delegate binds once and branches here only when the field is set.
/// Shape:
/// <code>
/// internal EndpointFilterDelegate? Tasks_Get_filters;
/// // in the request delegate, after binding:
/// if (Tasks_Get_filters is { } filters)
///     return EndpointFilters.RunJsonAsync&lt;TaskItem&gt;(httpContext, runtime, filters, EndpointFilterInvocationContext.Create&lt;int, TaskStore&gt;(httpContext, id, store), 200, GeneratedJson.WriteTaskItem);
/// internal static MethodInfo Tasks_Get_Method() => typeof(TaskEndpoints).GetMethod("Get", HandlerMethod.Declared)!;
/// internal ValueTask&lt;object?&gt; Tasks_Get_Invoke(EndpointFilterInvocationContext context) =>
///     ValueTask.FromResult&lt;object?&gt;(TaskEndpoints.Get(context.GetArgument&lt;int&gt;(0), context.GetArgument&lt;TaskStore&gt;(1)));
/// </code>
/// A streamed response also gets <c>Tasks_Get_Write</c>, which writes the pipeline's result as the endpoint writes the stream.
/// </summary>
internal static class EndpointFilterEmitter
{
    // EndpointFilterInvocationContext.Create has generic overloads up to this many arguments.
    private const int MaxGenericArguments = 10;

    public static string PipelineField(string name) => name + "_filters";

    /// <summary>
    /// The filtered path as one call (<c>EndpointFilters.RunJsonAsync</c> and its kin): the bound arguments in an
    /// invocation context → filters → the response written as the endpoint writes the handler's result; an exception
    /// from a filter or the handler is handled like the handler's. Only a streamed response has a write method of its own.
    /// </summary>
    public static string FilteredCall(EndpointModel endpoint, string name, System.Collections.Generic.IReadOnlyList<string> arguments)
    {
        var parameters = endpoint.Handler.Parameters;
        var passed = string.Concat(arguments.Select(a => ", " + a));
        var context = parameters.Count is > 0 and <= MaxGenericArguments
            ? $"EndpointFilterInvocationContext.Create<{string.Join(", ", parameters.Select(p => p.Type))}>(httpContext{passed})"
            : $"new DefaultEndpointFilterInvocationContext(httpContext{passed})";
        var response = endpoint.Handler.Response;
        return response.Kind switch
        {
            ResponseKind.Json => $"EndpointFilters.RunJsonAsync<{response.ValueType}>(httpContext, runtime, filters, {context}, {response.StatusCode}, {JsonEmitter.ClassName}.Write{response.JsonTypeId})",
            ResponseKind.Text => $"EndpointFilters.RunTextAsync(httpContext, runtime, filters, {context}, {response.StatusCode})",
            ResponseKind.Empty => $"EndpointFilters.RunEmptyAsync(httpContext, runtime, filters, {context}, {response.StatusCode})",
            ResponseKind.Result => $"EndpointFilters.RunResultAsync(httpContext, runtime, filters, {context})",
            _ => $"EndpointFilters.RunAsync(httpContext, runtime, filters, {context}, {WriteMethod(name)})",
        };
    }

    /// <summary>A streamed response (JSON array, JSON Lines, server-sent events) is written by a method of its own.</summary>
    private static bool HasWriteMethod(ResponseModel response) =>
        response.Kind is ResponseKind.Stream or ResponseKind.JsonLines or ResponseKind.ServerSentEvents;

    public static string InvokeMethod(string name) => name + "_Invoke";

    private static string WriteMethod(string name) => name + "_Write";

    /// <summary>
    /// Writes the convention <c>MapGeneratedEndpoints</c> adds to the endpoint, the last line of its map: it runs when the
    /// endpoint is built, applies the <c>ForEndpoint</c> conventions for its name and sets the pipeline field when the
    /// endpoint has filters. The handler's <c>MethodInfo</c> (for the filter factories' context) is looked up only then.
    /// </summary>
    /// <param name="then">A statement that must see the endpoint's final metadata (its body limit), run after them.</param>
    public static void WriteConvention(SourceWriter writer, string name, string endpointName, string? then = null) =>
        WriteLastConvention(writer,
            $"handlers.{PipelineField(name)} = {KnownTypes.EndpointFilters}.Build(builder, {JsonEmitter.Literal(endpointName)}, handlers.{InvokeMethod(name)}, {MethodLookup(name)})",
            then);

    /// <summary>
    /// For an endpoint without a generated filter path (a WebSocket route), the last line of its map: only the
    /// <c>ForEndpoint</c> conventions; filters stay on the builder, so ASP.NET wraps the request delegate as for any
    /// <c>Map(…, RequestDelegate)</c>.
    /// </summary>
    public static void WriteNamedConventions(SourceWriter writer, string endpointName, string? then = null) =>
        WriteLastConvention(writer, $"{KnownTypes.EndpointFilters}.ApplyNamedConventions(builder, {JsonEmitter.Literal(endpointName)})", then);

    /// <summary><c>.Add(builder => statement);</c>, or <c>.Add(builder => { statement; then });</c>: the map's last line.</summary>
    private static void WriteLastConvention(SourceWriter writer, string statement, string? then)
    {
        if (then is null)
        {
            writer.WriteLine($".Add(builder => {statement});");
        }
        else
        {
            writer.WriteLine($".Add(builder => {{ {statement}; {then} }});");
        }
    }

    private static string MethodLookup(string name) => name + "_Method";

    /// <summary>The call that looks the handler's <c>MethodInfo</c> up, from inside the generated endpoints class.</summary>
    public static string MethodLookupCall(string name) => MethodLookup(name) + "()";

    /// <summary>
    /// The convention that lets parameter and return types add their metadata, with the handler's
    /// <c>MethodInfo</c>/<c>ParameterInfo</c>, through static abstract calls as the Request Delegate Generator emits them.
    /// </summary>
    public static string MetadataProviders(string map, EquatableArray<MetadataProviderModel> providers, string name)
    {
        var calls = providers.Select(p => p.ParameterIndex is { } index
            ? $"{KnownTypes.EndpointMetadataProviders}.PopulateParameter<{p.Type}>(method.GetParameters()[{index}], builder);"
            : $"{KnownTypes.EndpointMetadataProviders}.Populate<{p.Type}>(method, builder);");
        return $"{KnownTypes.EndpointMetadataProviders}.Add({map}, static builder => {{ var method = {MethodLookup(name)}(); {string.Join(" ", calls)} }})";
    }

    public static void Emit(SourceWriter writer, EndpointModel endpoint, string name)
    {
        var handler = endpoint.Handler;

        writer.WriteLine($"internal EndpointFilterDelegate? {PipelineField(name)};");
        writer.WriteLine();
        // A constant name and constant flags: the trimmer keeps the methods of that name reflectable, no other.
        var declaringType = handler.ContainingType;
        var types = "";
        if (handler.Signature is { } signature)
        {
            // The stand-in declares one method: its name finds it.
            declaringType = SignatureClass(name);
            EmitSignature(writer, signature, declaringType, handler.MethodName);
        }
        else if (handler.OverloadParameterTypes is { } overload)
        {
            types = overload.Count == 0 ? $", {KnownTypes.Type}.EmptyTypes" : $", [{string.Join(", ", overload.Select(t => $"typeof({t})"))}]";
        }

        writer.WriteLine($"internal static {KnownTypes.MethodInfo} {MethodLookup(name)}() => typeof({declaringType}).GetMethod({JsonEmitter.Literal(handler.MethodName)}, HandlerMethod.Declared{types})!;");
        writer.WriteLine();
        EmitInvoke(writer, endpoint, name);
        if (HasWriteMethod(handler.Response))
        {
            writer.WriteLine();
            EmitWrite(writer, endpoint, name);
        }
    }

    private static string SignatureClass(string name) => name + "_Signature";

    /// <summary>
    /// A stand-in with the handler's name, return type, parameters and attributes, except those whose constructors
    /// require unreferenced code: reflecting over it keeps Native AOT publishing clean (docs/aot.md#handler-parameters).
    /// </summary>
    private static void EmitSignature(SourceWriter writer, SignatureModel signature, string className, string methodName)
    {
        writer.WriteLine("/// <summary>The handler's signature as filters and metadata providers see it (docs/aot.md#handler-parameters).</summary>");
        writer.WriteLine($"internal static class {className}");
        using (writer.Block())
        {
            foreach (var attribute in signature.Attributes)
            {
                writer.WriteLine($"[{attribute}]");
            }

            var parameters = signature.Parameters.Select(p =>
                (p.Attributes.Count == 0 ? "" : $"[{string.Join(", ", p.Attributes)}] ") + $"{p.Type} {SourceHeader.Identifier(p.Name)}");
            writer.WriteLine($"public static {signature.ReturnType} {SourceHeader.Identifier(methodName)}({string.Join(", ", parameters)}) =>");
            using (writer.Indent())
            {
                writer.WriteLine($"throw new {KnownTypes.NotSupportedException}();");
            }
        }

        writer.WriteLine();
    }

    /// <summary>The innermost filter: the handler called with the (possibly replaced) arguments the context holds.</summary>
    private static void EmitInvoke(SourceWriter writer, EndpointModel endpoint, string name)
    {
        var handler = endpoint.Handler;
        var response = handler.Response;
        var isAsync = response.Async != AsyncKind.None;
        var arguments = string.Join(", ", handler.Parameters.Select((p, i) => $"context.GetArgument<{p.Type}>({i})"));
        var call = $"{handler.ContainingType}.{handler.MethodName}({arguments})";

        writer.WriteLine($"internal {(isAsync ? "async " : "")}ValueTask<object?> {InvokeMethod(name)}(EndpointFilterInvocationContext context)");
        using (writer.Block())
        {
            if (!handler.IsStatic)
            {
                writer.WriteLine("var httpContext = context.HttpContext;");
                var services = string.Join(", ", handler.ConstructorParameters.Select(BindingEmitter.ServiceExpression));
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

            var await = isAsync ? "await " : "";
            if (response.Kind == ResponseKind.Empty)
            {
                writer.WriteLine($"{await}{call};");
                writer.WriteLine(isAsync ? "return global::Microsoft.AspNetCore.Http.Results.Empty;" : "return ValueTask.FromResult<object?>(global::Microsoft.AspNetCore.Http.Results.Empty);");
            }
            else
            {
                writer.WriteLine(isAsync ? $"return {await}{call};" : $"return ValueTask.FromResult<object?>({call});");
            }
        }
    }

    /// <summary>
    /// Writes what the pipeline returned for a streamed response: the handler's own stream as the endpoint always writes
    /// it, anything else (a filter's short-circuit) as minimal APIs write a filter's result.
    /// </summary>
    private static void EmitWrite(SourceWriter writer, EndpointModel endpoint, string name)
    {
        var response = endpoint.Handler.Response;
        writer.WriteLine($"private Task {WriteMethod(name)}(HttpContext httpContext, object? value) =>");
        using (writer.Indent())
        {
            writer.WriteLine($"value is {response.ValueType!.NonNullable} result ? {BindingEmitter.WriteExpression(response)} : EndpointFilters.WriteResultAsync(httpContext, runtime, value);");
        }
    }
}
