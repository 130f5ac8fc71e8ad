namespace FastEndpointsGen.Generator.Model;

/// <summary>
/// The assembly being compiled, as its public entry point needs it (docs/projects.md): the entry point's class
/// and method (<c>OrdersEndpointRouteBuilderExtensions.MapOrdersEndpoints</c> for an assembly named <c>Orders</c>),
/// and whether it is an application.
/// </summary>
internal sealed record AssemblyModel(string Name, string EntryPointClass, string EntryPointMethod, bool IsApplication);

/// <summary>
/// A referenced assembly built with FastEndpointsGen, read from its <c>[assembly: GeneratedEndpointsAssembly]</c>:
/// the app's <c>MapGeneratedEndpoints()</c> calls its entry point.
/// </summary>
/// <param name="AssemblyName">The referenced assembly's name, for ordering and the generated comment.</param>
/// <param name="EntryPointClass">The entry point's class, with <c>global::</c>.</param>
/// <param name="EntryPointMethod">The entry point, an extension method on <c>IEndpointRouteBuilder</c>.</param>
internal sealed record ReferencedAssemblyModel(string AssemblyName, string EntryPointClass, string EntryPointMethod);

/// <summary>What <c>MapGeneratedEndpoints()</c> maps: this assembly's own entry point (when it has endpoints) and the referenced ones.</summary>
internal sealed record AppModel(AssemblyModel Assembly, bool HasEndpoints, EquatableArray<ReferencedAssemblyModel> References);

/// <summary>A component schema of the assembly's document: its name and the type it describes (<c>global::</c>-qualified).</summary>
internal sealed record SchemaNameModel(string Name, string Type);
