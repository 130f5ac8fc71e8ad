using System;
using System.ComponentModel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// What the generated endpoints need from the host, resolved once when the endpoints are mapped
/// so that no request pays for a service lookup of options or loggers.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class EndpointRuntime
{
    private EndpointRuntime(FastEndpointsGenOptions options, ILogger logger, bool isDevelopment, FormOptions formOptions)
    {
        Options = options;
        Logger = logger;
        IsDevelopment = isDevelopment;
        FormOptions = formOptions;
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

    /// <summary>Resolves the runtime from the app's services; works without <c>AddFastEndpointsGen</c> too.</summary>
    public static EndpointRuntime Create(IServiceProvider services)
    {
        var options = services.GetService<IOptions<FastEndpointsGenOptions>>()?.Value ?? new FastEndpointsGenOptions();
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("FastEndpointsGen") ?? NullLogger.Instance;
        var environment = services.GetService<IWebHostEnvironment>();
        var formOptions = services.GetService<IOptions<FormOptions>>()?.Value ?? new FormOptions();
        return new EndpointRuntime(options, logger, environment?.IsDevelopment() ?? false, LimitForm(formOptions, options.MaxRequestBodySize));
    }

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
