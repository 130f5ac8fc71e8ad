using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// What the generated endpoints need from the host, resolved once when the endpoints are mapped
/// so that no request pays for a service lookup of options or loggers. It belongs to the app that
/// mapped the endpoints: two hosts in one process each have their own (docs/design-decisions.md).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EndpointRuntime
{
    private EndpointRuntime(FastEndpointsGenOptions options, ILogger logger, bool isDevelopment, FormOptions formOptions,
        JsonSerializerOptions serializerOptions, UnhandledExceptionFallback? exceptionFallback, IProblemDetailsService? problemDetails)
    {
        ProblemDetails = problemDetails;
        ExceptionFallback = exceptionFallback;
        Options = options;
        Logger = logger;
        IsDevelopment = isDevelopment;
        FormOptions = formOptions;
        SerializerOptions = serializerOptions;
    }

    /// <summary>The options the app configured with <c>AddFastEndpointsGen</c>, or the defaults.</summary>
    public FastEndpointsGenOptions Options { get; }

    /// <summary>Where unhandled handler exceptions are logged.</summary>
    public ILogger Logger { get; }

    /// <summary>True in the Development environment, where 500 responses carry the exception text.</summary>
    public bool IsDevelopment { get; }

    /// <summary>
    /// The app's <see cref="Microsoft.AspNetCore.Http.Features.FormOptions"/> with no part or buffered body
    /// allowed past <see cref="FastEndpointsGenOptions.MaxRequestBodySize"/>; form-bound endpoints read with these.
    /// </summary>
    internal FormOptions FormOptions { get; }

    /// <summary>
    /// The app's <see cref="JsonSerializerOptions"/> (ASP.NET Core's <see cref="JsonOptions"/>), which read and write
    /// the types the generator cannot handle (FEG4001); <see cref="FallbackJson.DefaultOptions"/> when the app has none.
    /// </summary>
    public JsonSerializerOptions SerializerOptions { get; }

    /// <summary>The middleware that answers the exceptions the app's exception handling left, when <c>AddFastEndpointsGen</c> added it.</summary>
    internal UnhandledExceptionFallback? ExceptionFallback { get; }

    /// <summary>Set once a WebSocket endpoint found no WebSocket middleware and said so in the log.</summary>
    internal bool WebSocketsMissingLogged { get; set; }

    /// <summary>The app's problem details service (<c>AddProblemDetails</c>), which writes the validation response when registered.</summary>
    internal IProblemDetailsService? ProblemDetails { get; }

    /// <summary>
    /// Resolves the runtime from the app's services; works without <c>AddFastEndpointsGen</c> too. The
    /// <paramref name="generated"/> contracts join the front of the app's resolver chain, so <c>TypedResults.Ok(model)</c>
    /// and the app's own serializer calls write models the way endpoints do.
    /// </summary>
    public static EndpointRuntime Create(IServiceProvider services, IJsonTypeInfoResolver? generated = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetService<IOptions<FastEndpointsGenOptions>>()?.Value ?? new FastEndpointsGenOptions();
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("FastEndpointsGen") ?? NullLogger.Instance;
        var environment = services.GetService<IWebHostEnvironment>();
        var formOptions = services.GetService<IOptions<FormOptions>>()?.Value ?? new FormOptions();
        return new EndpointRuntime(options, logger, environment?.IsDevelopment() ?? false, LimitForm(formOptions, options.MaxRequestBodySize),
            SerializerOptionsOf(services, generated), services.GetService<UnhandledExceptionFallback>(), services.GetService<IProblemDetailsService>());
    }

    private static JsonSerializerOptions SerializerOptionsOf(IServiceProvider services, IJsonTypeInfoResolver? generated)
    {
        if (services.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions is not { } options)
        {
            return FallbackJson.DefaultOptions;
        }

        // Options already used to serialize are read-only; each assembly's MapGeneratedEndpoints adds its own contracts once.
        if (generated is not null && !options.IsReadOnly && !options.TypeInfoResolverChain.Contains(generated))
        {
            options.TypeInfoResolverChain.Insert(0, generated);
        }

        return options;
    }

    /// <summary>
    /// The most body the endpoint reads, resolved once when the endpoint is built (the generated code keeps it per
    /// endpoint): its own limit when it carries <c>[RequestSizeLimit]</c> or <c>[DisableRequestSizeLimit]</c>
    /// (<see cref="IRequestSizeLimitMetadata"/>, the last one wins as in ASP.NET, group conventions included), otherwise
    /// <see cref="FastEndpointsGenOptions.MaxRequestBodySize"/> (docs/reliability.md). ASP.NET still applies the same
    /// metadata to the server's own limit (<c>IHttpMaxRequestBodySizeFeature</c>) on every request; that limit answers
    /// 413 on top of this one.
    /// </summary>
    public long BodyLimitOf(EndpointBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        for (var i = endpoint.Metadata.Count - 1; i >= 0; i--)
        {
            if (endpoint.Metadata[i] is IRequestSizeLimitMetadata metadata)
            {
                return metadata.MaxRequestBodySize ?? long.MaxValue;
            }
        }

        return Options.MaxRequestBodySize;
    }

    /// <summary>The form limits for a request whose body limit is <paramref name="limit"/>.</summary>
    internal FormOptions FormOptionsFor(long limit) =>
        limit == Options.MaxRequestBodySize ? FormOptions : LimitForm(FormOptions, limit);

    private static FormOptions LimitForm(FormOptions app, long maxBody) => new()
    {
        BufferBody = app.BufferBody,
        MemoryBufferThreshold = app.MemoryBufferThreshold,
        BufferBodyLengthLimit = Math.Min(app.BufferBodyLengthLimit, maxBody),
        ValueCountLimit = app.ValueCountLimit,
        KeyLengthLimit = app.KeyLengthLimit,
        ValueLengthLimit = app.ValueLengthLimit,
        MultipartBoundaryLengthLimit = app.MultipartBoundaryLengthLimit,
        MultipartHeadersCountLimit = app.MultipartHeadersCountLimit,
        MultipartHeadersLengthLimit = app.MultipartHeadersLengthLimit,
        MultipartBodyLengthLimit = Math.Min(app.MultipartBodyLengthLimit, maxBody),
    };
}
