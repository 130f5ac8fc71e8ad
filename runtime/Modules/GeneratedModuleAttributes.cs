using System;
using System.ComponentModel;

namespace FastEndpointsGen.Runtime;

/// <summary>
/// Written by the generator into every assembly that has endpoints: names the assembly's public entry point
/// (<c>Map{Assembly}Endpoints</c>), so the generator of an app that references the assembly maps it from
/// <c>MapGeneratedEndpoints()</c> at compile time, without reflection (docs/projects.md).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedEndpointsAssemblyAttribute : Attribute
{
    /// <summary>Names the public static class and its extension method that map the assembly's endpoints.</summary>
    public GeneratedEndpointsAssemblyAttribute(Type entryPoint, string methodName)
    {
        EntryPoint = entryPoint;
        MethodName = methodName;
    }

    /// <summary>The public static class holding the entry point.</summary>
    public Type EntryPoint { get; }

    /// <summary>The name of the entry point, an extension method on <c>IEndpointRouteBuilder</c>.</summary>
    public string MethodName { get; }

    /// <summary>
    /// True when the assembly is an application (an executable): an app that references it does not map its
    /// endpoints from <c>MapGeneratedEndpoints()</c> (it maps its own), but can still call its entry point.
    /// </summary>
    public bool IsApplication { get; set; }
}

/// <summary>
/// Written by the generator for each endpoint of an assembly, so the analyzers of an app that references it can
/// check the whole app: a route (FEG1003) or an operationId (FEG1008) declared in two assemblies.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedEndpointAttribute : Attribute
{
    /// <summary>One endpoint: its HTTP method, its full route template (group prefix applied), its name and its handler.</summary>
    public GeneratedEndpointAttribute(string httpMethod, string route, string operationId, string handler)
    {
        HttpMethod = httpMethod;
        Route = route;
        OperationId = operationId;
        Handler = handler;
    }

    /// <summary><c>GET</c>, <c>POST</c>, ...</summary>
    public string HttpMethod { get; }

    /// <summary>The route template as the router sees it, constraints included.</summary>
    public string Route { get; }

    /// <summary>The endpoint name, which is also the document's <c>operationId</c>.</summary>
    public string OperationId { get; }

    /// <summary>The handler, <c>Class.Method</c>, for messages.</summary>
    public string Handler { get; }
}

/// <summary>
/// Written by the generator for each component schema of an assembly's OpenAPI document, so the analyzers of an app
/// that references it see two assemblies giving different types the same schema name (FEG1009).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedSchemaAttribute : Attribute
{
    /// <summary>One schema: its name in <c>components.schemas</c> and the type it describes.</summary>
    public GeneratedSchemaAttribute(string name, string type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>The name under <c>components.schemas</c>.</summary>
    public string Name { get; }

    /// <summary>The type, <c>global::</c>-qualified.</summary>
    public string Type { get; }
}
