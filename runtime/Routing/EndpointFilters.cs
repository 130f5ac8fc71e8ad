using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Endpoint filters on generated endpoints (docs/composition.md#endpoint-filters). Each generated endpoint adds one
/// convention, run when the endpoint is built, that calls <see cref="Build"/>: it applies the conventions attached to
/// the endpoint by name (<c>ForEndpoint</c>), then, only when the endpoint has filters, chains them around the
/// generated handler invocation as the Request Delegate Generator does. An endpoint without filters keeps its plain
/// request delegate.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EndpointFilters
{
    /// <summary>
    /// Builds the endpoint's filter pipeline around <paramref name="invoke"/>, or returns null when it has no filters.
    /// The filter factories are taken off the builder, so ASP.NET does not wrap the request delegate a second time
    /// (it would see only the <see cref="HttpContext"/> as an argument).
    /// </summary>
    /// <param name="builder">The endpoint being built.</param>
    /// <param name="endpointName">The generated endpoint's name, which <c>ForEndpoint</c> conventions match.</param>
    /// <param name="invoke">Calls the handler with the arguments the filters hold.</param>
    /// <param name="handlerMethod">The handler method, for the filter factories' context; looked up only when there are filters.</param>
    public static EndpointFilterDelegate? Build(EndpointBuilder builder, string endpointName, EndpointFilterDelegate invoke, Func<MethodInfo> handlerMethod)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ApplyNamedConventions(builder, endpointName);
        var factories = builder.FilterFactories;
        if (factories.Count == 0)
        {
            return null;
        }

        var context = new EndpointFilterFactoryContext
        {
            MethodInfo = handlerMethod(),
            ApplicationServices = builder.ApplicationServices,
        };

        // The first filter added runs first (outermost), as with RequestDelegateFactory.
        var pipeline = invoke;
        for (var i = factories.Count - 1; i >= 0; i--)
        {
            pipeline = factories[i](context, pipeline);
        }

        factories.Clear();
        return pipeline;
    }

    /// <summary>
    /// The filtered path of a generated request delegate: the bound arguments (in <paramref name="context"/>) go through
    /// the filters, then <paramref name="write"/> writes what they returned; an exception from a filter, the handler or
    /// the write is handled like one from the handler. Shared, so each endpoint's generated code is one call; the
    /// overloads below write the usual responses without a generated write method.
    /// </summary>
    public static Task RunAsync(HttpContext httpContext, EndpointRuntime runtime, EndpointFilterDelegate filters,
        EndpointFilterInvocationContext context, Func<HttpContext, object?, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return RunAsync(httpContext, runtime, filters, context, write, static (httpContext, _, result, write) => write(httpContext, result));
    }

    /// <summary>
    /// <see cref="RunAsync(HttpContext, EndpointRuntime, EndpointFilterDelegate, EndpointFilterInvocationContext, Func{HttpContext, object?, Task})"/>
    /// for a handler that returns a model: a <typeparamref name="T"/> from the filters is written as the endpoint
    /// writes the handler's result (<paramref name="statusCode"/>, the generated writer), anything else as minimal APIs
    /// write a filter's result (<see cref="WriteResultAsync"/>).
    /// </summary>
    public static Task RunJsonAsync<T>(HttpContext httpContext, EndpointRuntime runtime, EndpointFilterDelegate filters,
        EndpointFilterInvocationContext context, int statusCode, JsonWriteAction<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return RunAsync(httpContext, runtime, filters, context, (statusCode, write), static (httpContext, runtime, result, state) =>
            result is T value
                ? JsonResponse.WriteAsync(httpContext, runtime, state.statusCode, value, state.write)
                : WriteResultAsync(httpContext, runtime, result));
    }

    /// <summary>The filtered path for a handler that returns a <see cref="string"/>: <c>text/plain</c> with <paramref name="statusCode"/>.</summary>
    public static Task RunTextAsync(HttpContext httpContext, EndpointRuntime runtime, EndpointFilterDelegate filters,
        EndpointFilterInvocationContext context, int statusCode) =>
        RunAsync(httpContext, runtime, filters, context, statusCode, static (httpContext, runtime, result, statusCode) =>
            result is string text
                ? JsonResponse.WriteTextAsync(httpContext, statusCode, text)
                : WriteResultAsync(httpContext, runtime, result));

    /// <summary>
    /// The filtered path for a handler that returns nothing: the invocation hands the filters <c>Results.Empty</c>,
    /// which ends the response as the endpoint does (<paramref name="statusCode"/>); anything else a filter returns is
    /// written as minimal APIs write it.
    /// </summary>
    public static Task RunEmptyAsync(HttpContext httpContext, EndpointRuntime runtime, EndpointFilterDelegate filters,
        EndpointFilterInvocationContext context, int statusCode) =>
        RunAsync(httpContext, runtime, filters, context, statusCode, static (httpContext, runtime, result, statusCode) =>
            result is EmptyHttpResult
                ? JsonResponse.WriteEmptyAsync(httpContext, statusCode)
                : WriteResultAsync(httpContext, runtime, result));

    /// <summary>The filtered path for a handler that returns an <see cref="IResult"/>: whatever the filters return is written as minimal APIs write it.</summary>
    public static Task RunResultAsync(HttpContext httpContext, EndpointRuntime runtime, EndpointFilterDelegate filters,
        EndpointFilterInvocationContext context) =>
        RunAsync(httpContext, runtime, filters, context, 0, static (httpContext, runtime, result, _) => WriteResultAsync(httpContext, runtime, result));

    /// <summary>
    /// The one filtered path the overloads share: run the filters, write their result with <paramref name="write"/>,
    /// handle an exception from either like the handler's. The state carries what the write needs, so the shared
    /// writes are static lambdas and the filtered path allocates nothing for them.
    /// </summary>
    private static async Task RunAsync<TState>(HttpContext httpContext, EndpointRuntime runtime, EndpointFilterDelegate filters,
        EndpointFilterInvocationContext context, TState state, Func<HttpContext, EndpointRuntime, object?, TState, Task> write)
    {
        ArgumentNullException.ThrowIfNull(filters);
        try
        {
            var result = await filters(context);
            await write(httpContext, runtime, result, state);
        }
        catch (Exception exception)
        {
            await ErrorResponses.HandleExceptionAsync(httpContext, runtime, exception);
        }
    }

    /// <summary>
    /// Writes what the filter pipeline returned when it is not the handler's own type (the generated code writes
    /// that one): an <see cref="IResult"/> executes, a <see cref="string"/> is <c>text/plain</c>, anything else is
    /// JSON through the app's serializer options, as minimal APIs write a filter's result.
    /// </summary>
    public static Task WriteResultAsync(HttpContext httpContext, EndpointRuntime runtime, object? value)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(runtime);
        switch (value)
        {
            case IResult result:
                return result.ExecuteAsync(httpContext);
            case string text:
                return JsonResponse.WriteTextAsync(httpContext, StatusCodes.Status200OK, text);
            case null:
                return JsonResponse.WriteAsync<object?>(httpContext, runtime, StatusCodes.Status200OK, null, static (writer, _, _) => writer.WriteNullValue());
            default:
                // Under Native AOT the type must be known to the app's resolvers (the generated models are).
                var typeInfo = runtime.SerializerOptions.GetTypeInfo(value.GetType());
                return JsonResponse.WriteAsync(httpContext, runtime, StatusCodes.Status200OK, value,
                    (writer, item, options) => JsonSerializer.Serialize(writer, item, typeInfo));
        }
    }

    /// <summary>
    /// Applies the <c>ForEndpoint</c> conventions registered for <paramref name="endpointName"/> to an endpoint that
    /// has no generated filter path (a WebSocket route); its filters are left to ASP.NET.
    /// </summary>
    public static void ApplyNamedConventions(EndpointBuilder builder, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var metadata = builder.Metadata;
        List<NamedEndpointConventions>? found = null;
        for (var i = metadata.Count - 1; i >= 0; i--)
        {
            if (metadata[i] is NamedEndpointConventions conventions)
            {
                metadata.RemoveAt(i);
                if (string.Equals(conventions.EndpointName, endpointName, StringComparison.Ordinal))
                {
                    (found ??= []).Insert(0, conventions);
                }
            }
        }

        if (found is null)
        {
            return;
        }

        var target = new ImmediateConventionBuilder(builder);
        foreach (var conventions in found)
        {
            conventions.Configure(target);
        }
    }

    /// <summary>Conventions for one generated endpoint, carried to it as metadata by a group convention.</summary>
    internal sealed class NamedEndpointConventions(string endpointName, Action<IEndpointConventionBuilder> configure)
    {
        public string EndpointName { get; } = endpointName;

        public Action<IEndpointConventionBuilder> Configure { get; } = configure;
    }

    /// <summary>Applies each convention to the endpoint as soon as it is added: the endpoint is being built.</summary>
    private sealed class ImmediateConventionBuilder(EndpointBuilder builder) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention) => convention(builder);

        public void Finally(Action<EndpointBuilder> finallyConvention) => finallyConvention(builder);
    }
}

/// <summary>
/// Lets a handler's parameter and return types add endpoint metadata, as minimal APIs do: the generated code calls
/// these with each type that implements the interface (docs/composition.md#metadata-from-parameter-and-return-types).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EndpointMetadataProviders
{
    /// <summary>Adds <paramref name="convention"/> and returns the builder, so generated code can go on chaining conventions.</summary>
    public static TBuilder Add<TBuilder>(TBuilder builder, Action<EndpointBuilder> convention)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(convention);
        return builder;
    }

    /// <summary>Calls <typeparamref name="T"/>'s <see cref="Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider.PopulateMetadata"/>.</summary>
    public static void Populate<T>(MethodInfo method, EndpointBuilder builder)
        where T : Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider => T.PopulateMetadata(method, builder);

    /// <summary>Calls <typeparamref name="T"/>'s <see cref="Microsoft.AspNetCore.Http.Metadata.IEndpointParameterMetadataProvider.PopulateMetadata"/>.</summary>
    public static void PopulateParameter<T>(ParameterInfo parameter, EndpointBuilder builder)
        where T : Microsoft.AspNetCore.Http.Metadata.IEndpointParameterMetadataProvider => T.PopulateMetadata(parameter, builder);
}
