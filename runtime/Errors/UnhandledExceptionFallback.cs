using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Lets a handler's exception reach ASP.NET Core's exception handling (<c>UseExceptionHandler</c>,
/// <c>IExceptionHandler</c>, the developer exception page) as a minimal API's does, and keeps today's 500
/// problem when nothing in the app handles it (docs/errors.md). <c>AddFastEndpointsGen</c> registers it as a
/// startup filter, so its middleware wraps the whole pipeline: generated endpoints rethrow, whatever
/// exception handling the app put in its pipeline sees the exception first, and only one nobody handled
/// comes back here to be answered in the app's error format.
/// </summary>
internal sealed class UnhandledExceptionFallback : IStartupFilter
{
    // Set by the generated code on a request whose exception it rethrows: only those are ours to answer.
    internal const string RuntimeKey = "FastEndpointsGen.UnhandledExceptionRuntime";

    /// <summary>True once the middleware is in a built pipeline; until then endpoints answer exceptions themselves.</summary>
    public bool IsInstalled { get; private set; }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        IsInstalled = true;
        app.Use(static (context, next) => InvokeAsync(context, next));
        next(app);
    };

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested && context.Items.ContainsKey(RuntimeKey))
        {
            // A cancelled request nothing else answered (no request-timeouts middleware): the client is gone, nothing to say.
        }
        catch (Exception exception) when (context.Items.TryGetValue(RuntimeKey, out var value) && value is EndpointRuntime runtime)
        {
            await ErrorResponses.AnswerUnhandledAsync(context, runtime, exception);
        }
    }
}
