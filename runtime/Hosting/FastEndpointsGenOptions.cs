using System;
using System.Collections.Generic;
using FastEndpointsGen.Runtime;

namespace FastEndpointsGen;

/// <summary>How error responses are shaped on the wire.</summary>
public enum ErrorFormat
{
    /// <summary>RFC 9457 problem details (<c>application/problem+json</c>) with an <c>errors</c> map. The default.</summary>
    ProblemDetails,

    /// <summary>FastAPI's shape: <c>{"detail":[{"type","loc","msg","input"}]}</c>, for teams porting FastAPI clients.</summary>
    FastApi,
}

/// <summary>Options for FastEndpointsGen, set with <c>services.AddFastEndpointsGen(o =&gt; ...)</c>.</summary>
public sealed class FastEndpointsGenOptions
{
    /// <summary>The API title shown in the OpenAPI document and the docs page.</summary>
    public string Title { get; set; } = "API";

    /// <summary>The API version shown in the OpenAPI document.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>A longer description of the API (Markdown) for the OpenAPI document.</summary>
    public string? Description { get; set; }

    /// <summary>How validation and error responses are shaped.</summary>
    public ErrorFormat ErrorFormat { get; set; } = ErrorFormat.ProblemDetails;

    /// <summary>The status code of a request that fails binding or validation. FastAPI's 422 by default.</summary>
    public int ValidationStatusCode { get; set; } = 422;

    /// <summary>
    /// Replaces the validation response entirely (FastAPI's <c>RequestValidationError</c> handler): called with the
    /// request and the errors it collected (at most <see cref="MaxValidationErrors"/>, then one <c>too_many_errors</c>),
    /// it returns the <see cref="Microsoft.AspNetCore.Http.IResult"/> to answer with, status included. Null (the
    /// default) answers <see cref="ValidationStatusCode"/> in <see cref="ErrorFormat"/>, through the app's
    /// <c>IProblemDetailsService</c> when it has one (docs/errors.md#customizing-the-validation-response).
    /// </summary>
    public Func<Microsoft.AspNetCore.Http.HttpContext, System.Collections.Generic.IReadOnlyList<FieldError>, Microsoft.AspNetCore.Http.IResult>? ValidationResponse { get; set; }

    /// <summary>The largest JSON or form request body accepted, in bytes; larger bodies get 413. Default 1 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>The deepest JSON nesting a request body may have, at most <see cref="MaxJsonDepthLimit"/>.</summary>
    public const int MaxJsonDepthLimit = 256;

    /// <summary>
    /// The deepest nesting of JSON objects and arrays accepted in a request body. Default 64, at most
    /// <see cref="MaxJsonDepthLimit"/>: generated readers recurse once per level, so an unbounded depth would let
    /// a client exhaust the thread's stack (docs/reliability.md).
    /// </summary>
    public int MaxJsonDepth
    {
        get;
        set => field = value is >= 1 and <= MaxJsonDepthLimit
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxJsonDepth must be between 1 and {MaxJsonDepthLimit}.");
    } = 64;

    /// <summary>
    /// The most errors one request collects and reports; the rest are counted and reported as one final entry
    /// (<c>too_many_errors</c>). Default 100, at least 1. Bounds the work and the response size of a hostile body.
    /// </summary>
    public int MaxValidationErrors
    {
        get;
        set => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxValidationErrors must be at least 1.");
    } = RequestErrors.DefaultLimit;

    /// <summary>When true, a JSON member the model does not declare is a validation error (<c>extra_forbidden</c>).</summary>
    public bool RejectUnknownProperties { get; set; }

    /// <summary>
    /// When true, an endpoint that binds an <c>[AsParameters]</c> model from the query string, or a <c>[FromForm]</c>
    /// model, refuses query keys and form fields it does not bind (<c>extra_forbidden</c>), as FastAPI's query and form
    /// models with <c>extra="forbid"</c> do (docs/binding.md#unknown-parameters).
    /// </summary>
    public bool RejectUnknownParameters { get; set; }

    /// <summary>
    /// Headers a header model (<c>[AsParameters]</c> with <c>[FromHeader]</c> members) never refuses under
    /// <see cref="RejectUnknownParameters"/>, on top of the ones clients, browsers and proxies send on their own
    /// (<c>Host</c>, <c>User-Agent</c>, <c>Accept-*</c>, <c>Sec-*</c>, <c>X-Forwarded-*</c>, <c>traceparent</c>, ...; the
    /// list is in docs/binding.md#unknown-parameters). Names match ignoring case.
    /// </summary>
    public ISet<string> AllowedExtraHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// When true (the default, as in FastAPI), a JSON body is read only with a JSON <c>Content-Type</c>
    /// (<c>application/json</c> or <c>application/*+json</c>); a body without one is refused too. A defence against
    /// cross-site requests: a browser sends a <c>fetch</c> without a JSON content type with no CORS preflight. False
    /// reads a body without a <c>Content-Type</c> as JSON (docs/json.md#content-types).
    /// </summary>
    public bool StrictContentType { get; set; } = true;

    /// <summary>
    /// How long a server-sent events stream may stay silent before a keep-alive comment (<c>: keep-alive</c>) is
    /// sent, so proxies and load balancers do not close an idle connection. Default 15 seconds; null sends none.
    /// EventSource clients ignore comments (docs/responses.md).
    /// </summary>
    public TimeSpan? ServerSentEventsKeepAlive
    {
        get;
        set => field = value is null || value.Value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "ServerSentEventsKeepAlive must be positive, or null for none.");
    } = TimeSpan.FromSeconds(15);

    /// <summary>Whether <c>MapApiDocs()</c> serves the OpenAPI document and the docs page. Default true.</summary>
    public bool EnableDocs { get; set; } = true;

    /// <summary>The route of the OpenAPI document. Default <c>/openapi.json</c>.</summary>
    public string OpenApiRoute { get; set; } = "/openapi.json";

    /// <summary>The route of the interactive docs page (Scalar). Default <c>/docs</c>.</summary>
    public string DocsRoute { get; set; } = "/docs";

    /// <summary>
    /// Whether the docs page offers Scalar's features that send the API description or requests to an outside service:
    /// the "Ask AI" agent, the MCP integration, the developer toolbar (share, deploy, generate SDK) and Scalar's
    /// telemetry. Default false: the page of an internal service must not offer to upload its contract.
    /// </summary>
    public bool DocsExternalServices { get; set; }

    /// <summary>
    /// The API's license for the document's <c>info.license</c>: a name and an optional URL or SPDX identifier
    /// (e.g. <c>new("MIT", Identifier: "MIT")</c>). Default none.
    /// </summary>
    public ApiLicense? License { get; set; }

    /// <summary>Who to contact about the API, for the document's <c>info.contact</c>. Default none.</summary>
    public ApiContact? Contact { get; set; }

    /// <summary>
    /// The document's <c>servers</c>. Default empty: the server's own addresses at run time (its configured URLs), so
    /// client generators and tools know where the API is; the compile-time file says <c>/</c> (relative).
    /// </summary>
    public IList<string> Servers { get; } = [];
}

/// <summary>The license of the API (OpenAPI <c>info.license</c>): a name and a URL or an SPDX identifier.</summary>
/// <param name="Name">The license's name, e.g. <c>MIT</c>.</param>
/// <param name="Url">Where the license text is.</param>
/// <param name="Identifier">Its SPDX identifier, e.g. <c>Apache-2.0</c> (instead of <paramref name="Url"/>).</param>
public sealed record ApiLicense(string Name, Uri? Url = null, string? Identifier = null);

/// <summary>Who to contact about the API (OpenAPI <c>info.contact</c>).</summary>
/// <param name="Name">A person or team.</param>
/// <param name="Email">Their email address.</param>
/// <param name="Url">A page about them or the API.</param>
public sealed record ApiContact(string? Name = null, string? Email = null, Uri? Url = null);
