using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace FastEndpointsGen.TestApp;

/// <summary>
/// Endpoint filters on generated endpoints (docs/composition.md#endpoint-filters). Program.cs adds one filter to
/// the whole group <c>MapGeneratedEndpoints()</c> returned and, with <c>ForEndpoint</c>, filters to these endpoints
/// by name (<see cref="Filters"/>).
/// </summary>
public static class FilterEndpoints
{
    [Get("/filters/echo/{id}", Name = "FilterEcho")]
    public static string Echo(int id, string? note = null) => $"{id}:{note}";

    [Post("/filters/created", Name = "FilterCreated", StatusCode = 201)]
    public static Created Create(Created item) => item with { Name = item.Name + "!" };

    [Delete("/filters/nothing", Name = "FilterNothing")]
    public static void Nothing()
    {
    }

    /// <summary>
    /// <c>[MinLength]</c>'s constructor requires unreferenced code: the filter factory sees a stand-in signature without
    /// it, and Native AOT publishing stays warning-free (docs/aot.md#handler-parameters).
    /// </summary>
    [Get("/filters/signature", Name = "FilterSignature")]
    public static string Signature([MinLength(4)] string code, [FromHeader(Name = "X-Tag")] string? tag = null) => $"{code}:{tag}";

    [Get("/filters/async", Name = "FilterAsync")]
    public static async Task<Created> Later(int id)
    {
        await Task.Yield();
        return new Created(id, "later");
    }

    [Post("/filters/text", StatusCode = 202)]
    public static string Text(string? note = null) => note ?? "queued";

    [Get("/filters/maybe/{id}")]
    public static int? Maybe(int id) => id > 0 ? id : null;

    [Get("/filters/result/{id}")]
    public static IResult Result(int id) => id > 0 ? TypedResults.Ok(new Created(id, "result")) : TypedResults.NotFound();

    /// <summary>Two handlers share a name: the filter factory of each sees its own method.</summary>
    [Get("/filters/overload/{id}", Name = "FilterOverloadOne")]
    public static string Find(int id) => $"one:{id}";

    [Get("/filters/overload/{id}/{part}", Name = "FilterOverloadTwo")]
    public static string Find(int id, string part) => $"two:{id}:{part}";

    /// <summary>
    /// A third <c>Find</c> with a <c>[MinLength]</c> parameter: looking any <c>Find</c> up by name would make this one
    /// reflectable under Native AOT, so all three are seen through stand-ins (docs/aot.md#handler-parameters).
    /// </summary>
    [Get("/filters/overload/{id}/{part}/code", Name = "FilterOverloadThree")]
    public static string Find(int id, string part, [MinLength(2)] string code) => $"three:{id}:{part}:{code}";
}

/// <summary>The filters Program.cs attaches, kept here so tests and the app agree on them.</summary>
public static class Filters
{
    /// <summary>
    /// On <c>FilterEcho</c>: shows the arguments it sees, replaces a negative id with its absolute value, and
    /// short-circuits id 13 with an <c>IResult</c> (418) and id 7 with a value written as JSON.
    /// </summary>
    public static async ValueTask<object?> Echo(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers["X-Arguments"] = string.Join("|", context.Arguments.Select(a => a?.ToString() ?? "null"));
        var id = context.GetArgument<int>(0);
        switch (id)
        {
            case 13:
                return TypedResults.StatusCode(StatusCodes.Status418ImATeapot);
            case 7:
                return new Created(7, "from the filter");
            case < 0:
                context.Arguments[0] = -id;
                break;
        }

        return await next(context);
    }

    /// <summary>On the whole group: marks every answer from a /filters endpoint, to show group filters run.</summary>
    public static async ValueTask<object?> Group(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.Path.StartsWithSegments("/filters", StringComparison.Ordinal))
        {
            context.HttpContext.Response.Headers["X-Group-Filter"] = "ran";
        }

        return await next(context);
    }

    /// <summary>
    /// On <c>FilterSignature</c>: a filter factory that describes the handler's <c>MethodInfo</c> in a header —
    /// name, then each parameter with its type and attributes.
    /// </summary>
    public static EndpointFilterDelegate DescribeMethod(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var method = factory.MethodInfo;
        var description = method.Name + "(" + string.Join(", ", method.GetParameters().Select(p =>
            $"{p.ParameterType.Name} {p.Name}" + string.Concat(p.GetCustomAttributes(inherit: false)
                .Where(a => a.GetType().Namespace != "System.Runtime.CompilerServices")
                .Select(a => " [" + a.GetType().Name + "]")))) + ")";
        return async context =>
        {
            context.HttpContext.Response.Headers["X-Method"] = description;
            return await next(context);
        };
    }

    /// <summary>On <c>FilterCreated</c>: a filter that throws reaches the app's exception handling like a handler's exception.</summary>
    public static ValueTask<object?> ThrowOnBoom(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.GetArgument<Created>(0).Name == "boom" ? throw new InvalidOperationException("filter boom") : next(context);
}

/// <summary>Parameter and return types that add endpoint metadata (docs/composition.md#metadata-from-parameter-and-return-types).</summary>
public static class MetadataProviderEndpoints
{
    [Get("/composition/self-described", Name = "SelfDescribed")]
    public static DescribedResult Describe(AuditTrail audit) => new(audit.Name);
}

/// <summary>The metadata item the types below add, naming who added it.</summary>
public sealed record ProvidedMetadata(string Source);

/// <summary>A service parameter that describes itself and the parameter it binds.</summary>
public sealed class AuditTrail : Microsoft.AspNetCore.Http.Metadata.IEndpointParameterMetadataProvider, Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider
{
    public string Name => "audit";

    static void Microsoft.AspNetCore.Http.Metadata.IEndpointParameterMetadataProvider.PopulateMetadata(System.Reflection.ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProvidedMetadata("parameter " + parameter.Name));

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProvidedMetadata("parameter type on " + method.Name));
}

/// <summary>A return type that describes the endpoint returning it.</summary>
public sealed record DescribedResult(string By) : Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider
{
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProvidedMetadata("return type"));
}

/// <summary>MVC's <c>[Produces]</c> and <c>[Consumes]</c> feed the compile-time document (docs/openapi.md).</summary>
public static class MediaTypeEndpoints
{
    [Post("/composition/media-types")]
    [Produces("application/json", "application/vnd.example+json"), Consumes("application/json", "application/merge-patch+json")]
    public static Created MediaTypes(Created item) => item;
}
