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

    /// <summary>The largest JSON or form request body accepted, in bytes; larger bodies get 413. Default 1 MiB.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>The deepest nesting of JSON objects and arrays accepted in a request body. Default 64.</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>When true, a JSON member the model does not declare is a validation error (<c>extra_forbidden</c>).</summary>
    public bool RejectUnknownProperties { get; set; }

    /// <summary>Whether <c>MapApiDocs()</c> serves the OpenAPI document and the docs page. Default true.</summary>
    public bool EnableDocs { get; set; } = true;

    /// <summary>The route of the OpenAPI document. Default <c>/openapi.json</c>.</summary>
    public string OpenApiRoute { get; set; } = "/openapi.json";

    /// <summary>The route of the interactive docs page (Scalar). Default <c>/docs</c>.</summary>
    public string DocsRoute { get; set; } = "/docs";
}
