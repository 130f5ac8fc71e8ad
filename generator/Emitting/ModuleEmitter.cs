using System.Collections.Generic;
using System.Linq;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Reading;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// What makes an assembly one module of an app (docs/projects.md): the assembly attributes that publish its entry
/// point, routes and schema names to the generator and analyzers of the projects that reference it, and the app's
/// <c>MapGeneratedEndpoints()</c>, which maps this assembly's endpoints and every referenced library's.
/// </summary>
internal static class ModuleEmitter
{
    public const string AppHintName = "FastEndpointsGen.App.g.cs";
    public const string SchemasHintName = "FastEndpointsGen.Schemas.g.cs";

    private const string AssemblyAttribute = "global::FastEndpointsGen.Runtime.GeneratedEndpointsAssemblyAttribute";
    private const string EndpointAttribute = "global::FastEndpointsGen.Runtime.GeneratedEndpointAttribute";
    private const string SchemaAttribute = "global::FastEndpointsGen.Runtime.GeneratedSchemaAttribute";

    /// <summary>
    /// <c>[assembly: GeneratedEndpointsAssembly(typeof(OrdersEndpointRouteBuilderExtensions), "MapOrdersEndpoints")]</c>, in the
    /// map file.
    /// </summary>
    public static void WriteAssemblyAttribute(SourceWriter writer, AssemblyModel assembly)
    {
        var application = assembly.IsApplication ? ", IsApplication = true" : "";
        writer.WriteLine($"[assembly: {AssemblyAttribute}(typeof(global::Microsoft.AspNetCore.Builder.{assembly.EntryPointClass}), {JsonEmitter.Literal(assembly.EntryPointMethod)}{application})]");
        writer.WriteLine();
    }

    /// <summary>
    /// One <c>[assembly: GeneratedEndpoint("GET", "/orders/{id:int}", "GetOrder", "OrderEndpoints.Get")]</c> per endpoint,
    /// in its handler class's file.
    /// </summary>
    public static void WriteEndpointAttributes(SourceWriter writer, EquatableArray<MappedEndpointModel> endpoints)
    {
        foreach (var mapped in endpoints)
        {
            var endpoint = mapped.Endpoint;
            var route = RouteTemplate.Combine(endpoint.Route.Group?.Prefix, endpoint.Route.Template);
            writer.WriteLine($"[assembly: {EndpointAttribute}({JsonEmitter.Literal(endpoint.Route.HttpMethod)}, {JsonEmitter.Literal(route)}, {JsonEmitter.Literal(mapped.Name)}, {JsonEmitter.Literal(endpoint.Route.ClassName + "." + endpoint.Route.MethodName)})]");
        }

        writer.WriteLine();
    }

    /// <summary>
    /// <c>[assembly: GeneratedSchema("Product", "global::Contracts.Product")]</c> for each component schema of the
    /// document, so an app's analyzers see two assemblies naming different types alike (FEG1009).
    /// </summary>
    public static string EmitSchemas(EquatableArray<SchemaNameModel> schemas)
    {
        var writer = new SourceWriter();
        SourceHeader.Write(writer);
        foreach (var schema in schemas)
        {
            writer.WriteLine($"[assembly: {SchemaAttribute}({JsonEmitter.Literal(schema.Name)}, {JsonEmitter.Literal(schema.Type)})]");
        }

        return writer.Finish();
    }

    /// <summary>The schema names the document gives the JSON types, ordered by name.</summary>
    public static EquatableArray<SchemaNameModel> SchemaNames(EquatableArray<JsonTypeModel> types)
    {
        var typeNames = types.ToDictionary(t => t.Id, t => t.TypeName.Declared, System.StringComparer.Ordinal);
        return OpenApiEmitter.SchemaNamesOf(types)
            .Select(n => new SchemaNameModel(n.Value, typeNames[n.Key]))
            .OrderBy(n => n.Name, System.StringComparer.Ordinal)
            .ToEquatableArray();
    }

    /// <summary>
    /// The app's <c>MapGeneratedEndpoints()</c>: this assembly's entry point, then each referenced library's, in a group
    /// whose conventions apply to all of them. Internal, like the rest of the app's generated code.
    /// </summary>
    public static string EmitApp(AppModel app)
    {
        var writer = new SourceWriter();
        SourceHeader.Write(writer);
        writer.WriteLine("namespace Microsoft.AspNetCore.Builder");
        using (writer.Block())
        {
            writer.WriteLine("/// <summary>Maps the endpoints FastEndpointsGen generated for this assembly and the libraries it references.</summary>");
            writer.WriteLine(SourceHeader.GeneratedCodeAttribute);
            writer.WriteLine("internal static class FastEndpointsGenEndpointRouteBuilderExtensions");
            using (writer.Block())
            {
                var libraries = app.References.Count == 0
                    ? "No referenced library has endpoints."
                    : "Referenced libraries: " + string.Join(", ", app.References.Select(r => $"<c>{SourceHeader.XmlText(r.AssemblyName)}</c>")) + ".";
                writer.WriteLine("/// <summary>");
                writer.WriteLine("/// Maps the endpoints declared with FastEndpointsGen's route attributes in this assembly and in every referenced");
                writer.WriteLine($"/// library built with FastEndpointsGen, each once. {libraries}");
                writer.WriteLine("/// </summary>");
                writer.WriteLine("/// <returns>A builder whose conventions (e.g. <c>RequireAuthorization()</c>) apply to all of them.</returns>");
                writer.WriteLine($"public static {KnownTypes.RouteGroupBuilder} MapGeneratedEndpoints(this {KnownTypes.IEndpointRouteBuilder} endpoints) =>");
                using (writer.Indent())
                {
                    writer.WriteLine("MapGeneratedEndpoints(endpoints, includeReferencedAssemblies: true);");
                }

                writer.WriteLine();
                writer.WriteLine("/// <summary>Maps the endpoints of this assembly, and those of the referenced libraries when <paramref name=\"includeReferencedAssemblies\"/> is true.</summary>");
                writer.WriteLine("/// <param name=\"endpoints\">Where to map them.</param>");
                writer.WriteLine("/// <param name=\"includeReferencedAssemblies\">False to map only this assembly's own endpoints.</param>");
                writer.WriteLine("/// <returns>A builder whose conventions apply to all of them.</returns>");
                writer.WriteLine($"public static {KnownTypes.RouteGroupBuilder} MapGeneratedEndpoints(this {KnownTypes.IEndpointRouteBuilder} endpoints, bool includeReferencedAssemblies)");
                using (writer.Block())
                {
                    writer.WriteLine("var root = endpoints.MapGroup(\"\");");
                    if (app.HasEndpoints)
                    {
                        writer.WriteLine($"global::Microsoft.AspNetCore.Builder.{app.Assembly.EntryPointClass}.{app.Assembly.EntryPointMethod}(root);");
                    }
                    else
                    {
                        // No endpoints of its own: its (empty) document still tells MapApiDocs there is an API, as before.
                        writer.WriteLine($"{KnownTypes.GeneratedApiDocuments}.Register(endpoints, {OpenApiEmitter.QualifiedClassName}.Json);");
                    }

                    if (app.References.Count > 0)
                    {
                        writer.WriteLine("if (includeReferencedAssemblies)");
                        using (writer.Block())
                        {
                            foreach (var reference in app.References)
                            {
                                writer.WriteLine($"{reference.EntryPointClass}.{reference.EntryPointMethod}(root);");
                            }
                        }
                    }

                    writer.WriteLine();
                    writer.WriteLine("return root;");
                }
            }
        }

        return writer.Finish();
    }
}
