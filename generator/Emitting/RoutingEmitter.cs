using System.Collections.Generic;
using System.Linq;
using FastEndpointsGen.Generator.Model;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// Emits <c>MapGeneratedEndpoints</c>: one <c>MapGroup</c> per <c>[EndpointGroup]</c>, one <c>Map{Method}</c>
/// per endpoint with a generated <c>RequestDelegate</c>, and the endpoint's metadata (every attribute on the
/// handler and its classes, docs/composition.md), name and tags.
/// The request delegates themselves come from <see cref="BindingEmitter"/>.
/// </summary>
internal static class RoutingEmitter
{
    public const string HintName = "FastEndpointsGen.Endpoints.g.cs";

    public static string Emit(EquatableArray<EndpointModel> endpoints, AssemblyModel assembly)
    {
        var names = EndpointNames(endpoints);
        var delegates = DelegateNames(endpoints);
        var writer = new SourceWriter();
        SourceHeader.Write(writer);
        if (endpoints.Count > 0)
        {
            ModuleEmitter.WriteAssemblyAttributes(writer, endpoints, names, assembly);
            writer.WriteLine("namespace Microsoft.AspNetCore.Builder");
            using (writer.Block())
            {
                WriteEntryPoint(writer, endpoints, names, delegates, assembly);
            }

            writer.WriteLine();
        }

        BindingEmitter.Emit(writer, endpoints, delegates);
        return writer.ToString();
    }

    /// <summary>
    /// The assembly's public entry point, <c>Map{Assembly}Endpoints()</c> (docs/projects.md): maps this assembly's endpoints
    /// and registers its document. The app's <c>MapGeneratedEndpoints()</c> calls it, and so can a host that wants a prefix.
    /// </summary>
    private static void WriteEntryPoint(SourceWriter writer, EquatableArray<EndpointModel> endpoints, Dictionary<EndpointModel, string> names,
        Dictionary<EndpointModel, string> delegates, AssemblyModel assembly)
    {
        writer.WriteLine($"/// <summary>Maps the endpoints FastEndpointsGen generated for the <c>{SourceHeader.XmlText(assembly.Name)}</c> assembly.</summary>");
        writer.WriteLine(SourceHeader.GeneratedCodeAttribute);
        writer.WriteLine($"public static class {assembly.EntryPointClass}");
        using (writer.Block())
        {
            writer.WriteLine("/// <summary>");
            writer.WriteLine($"/// Maps the {endpoints.Count} endpoint{(endpoints.Count == 1 ? "" : "s")} declared with FastEndpointsGen's route attributes in the <c>{SourceHeader.XmlText(assembly.Name)}</c> assembly");
            writer.WriteLine("/// (not those of the assemblies it references), and registers their OpenAPI document for <c>MapApiDocs()</c>.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("/// <param name=\"endpoints\">Where to map them: the app, or a group such as <c>app.MapGroup(\"/v1\")</c>.</param>");
            writer.WriteLine("/// <returns>A builder whose conventions (e.g. <c>RequireAuthorization()</c>) apply to all of them.</returns>");
            writer.WriteLine($"public static {KnownTypes.RouteGroupBuilder} {assembly.EntryPointMethod}(this {KnownTypes.IEndpointRouteBuilder} endpoints)");
            using (writer.Block())
            {
                writer.WriteLine($"var runtime = {KnownTypes.EndpointRuntime}.Create(endpoints.ServiceProvider, {JsonEmitter.ClassName}.TypeInfoResolver);");
                writer.WriteLine($"{KnownTypes.GeneratedApiDocuments}.Register(endpoints, {OpenApiEmitter.QualifiedClassName}.Json);");
                writer.WriteLine($"var handlers = new {BindingEmitter.ClassName}(runtime);");
                writer.WriteLine("var root = endpoints.MapGroup(\"\");");
                var groupNames = new HashSet<string> { "root", "runtime", "handlers", "endpoints" };
                foreach (var group in endpoints.GroupBy(e => e.Route.Group).OrderBy(g => g.Key is null ? 0 : 1))
                {
                    writer.WriteLine();
                    var builder = "root";
                    if (group.Key is { } model)
                    {
                        builder = SourceHeader.Identifier(Unique(char.ToLowerInvariant(model.ClassName[0]) + model.ClassName.Substring(1), groupNames));
                        writer.WriteLine($"var {builder} = root.MapGroup({JsonEmitter.Literal(model.Prefix)}){Tags(model.Tags)};");
                    }

                    foreach (var endpoint in group)
                    {
                        EmitMap(writer, builder, endpoint, names[endpoint], delegates[endpoint]);
                    }
                }

                writer.WriteLine();
                writer.WriteLine("return root;");
            }
        }
    }

    private static void EmitMap(SourceWriter writer, string builder, EndpointModel endpoint, string name, string handler)
    {
        var route = endpoint.Route;
        var method = route.HttpMethod switch
        {
            "GET" => "MapGet",
            "POST" => "MapPost",
            "PUT" => "MapPut",
            "PATCH" => "MapPatch",
            _ => "MapDelete",
        };

        // A WebSocket upgrade is a GET in HTTP/1.1 and an extended CONNECT in HTTP/2 (RFC 8441): both reach the endpoint.
        var map = route.IsWebSocket
            ? $"{builder}.MapMethods({JsonEmitter.Literal(route.Template)}, [\"GET\", \"CONNECT\"], new global::Microsoft.AspNetCore.Http.RequestDelegate(handlers.{handler}))"
            : $"{builder}.{method}({JsonEmitter.Literal(route.Template)}, new global::Microsoft.AspNetCore.Http.RequestDelegate(handlers.{handler}))";
        if (route.MetadataProviders.Count > 0)
        {
            // Types that describe themselves (IEndpointMetadataProvider) come first, as minimal APIs infer them before the attributes.
            map = EndpointFilterEmitter.MetadataProviders(map, route.MetadataProviders, handler);
        }

        writer.WriteLine(map);
        using (writer.Indent())
        {
            // As minimal APIs order it: what binding implies, then the attributes (classes first, then the method),
            // then the conventions the generator adds, so GetMetadata<T>() sees the most specific one last.
            var conventions = new List<string>();
            if (BindingEmitter.ReadsForm(endpoint))
            {
                // As minimal APIs do for form parameters: UseAntiforgery() validates the token; a
                // [RequireAntiforgeryToken(false)] on the handler or a later DisableAntiforgery() on the group wins.
                conventions.Add($".WithMetadata(new {KnownTypes.RequireAntiforgeryTokenAttribute}())");
            }

            conventions.AddRange(route.Metadata.Select(attribute => $".WithMetadata({attribute})"));
            conventions.Add($".WithName({JsonEmitter.Literal(name)})");
            if (route.Tags.Count > 0)
            {
                conventions.Add(Tags(route.Tags));
            }

            // Last, so that it sees every attribute, the name and the group's filters (docs/composition.md#endpoint-filters).
            // The body limit is read after the named conventions, which may add [RequestSizeLimit]-style metadata too.
            var bodyLimit = BindingEmitter.ReadsBody(endpoint) ? $"handlers.{BindingEmitter.BodyLimitField(handler)} = runtime.BodyLimitOf(builder);" : null;
            conventions.Add(route.IsWebSocket ? EndpointFilterEmitter.NamedConventions(name, bodyLimit) : EndpointFilterEmitter.Convention(handler, name, bodyLimit));
            for (var i = 0; i < conventions.Count; i++)
            {
                writer.WriteLine(conventions[i] + (i == conventions.Count - 1 ? ";" : ""));
            }
        }
    }

    /// <summary>
    /// What <c>WithTags</c> does, written so that it needs no <c>using</c>: <c>WithTags</c> lives in
    /// <c>Microsoft.AspNetCore.Http</c>, which a class library does not import (docs/projects.md).
    /// </summary>
    private static string Tags(EquatableArray<string> tags) =>
        tags.Count == 0 ? "" : $".WithMetadata(new {KnownTypes.TagsAttribute}({string.Join(", ", tags.Select(JsonEmitter.Literal))}))";

    /// <summary>The attribute's <c>Name</c>, else the method name, qualified by the class when two methods share it.</summary>
    internal static Dictionary<EndpointModel, string> EndpointNames(IEnumerable<EndpointModel> endpoints)
    {
        var list = endpoints.ToList();
        var taken = new HashSet<string>(list.Where(e => e.Route.ExplicitName is not null).Select(e => e.Route.ExplicitName!));
        var methodCounts = list.Where(e => e.Route.ExplicitName is null).GroupBy(e => e.Route.MethodName).ToDictionary(g => g.Key, g => g.Count());
        var names = new Dictionary<EndpointModel, string>(ReferenceEqualityComparer.Instance);
        foreach (var endpoint in list)
        {
            var name = endpoint.Route.ExplicitName;
            if (name is null)
            {
                name = methodCounts[endpoint.Route.MethodName] == 1 && !taken.Contains(endpoint.Route.MethodName)
                    ? endpoint.Route.MethodName
                    : endpoint.Route.ClassName + endpoint.Route.MethodName;
                name = Unique(name, taken);
            }

            names[endpoint] = name;
        }

        return names;
    }

    /// <summary>The request delegate method names: <c>Class_Method</c>, numbered when a method has several routes.</summary>
    private static Dictionary<EndpointModel, string> DelegateNames(IEnumerable<EndpointModel> endpoints)
    {
        var taken = new HashSet<string>();
        var names = new Dictionary<EndpointModel, string>(ReferenceEqualityComparer.Instance);
        foreach (var endpoint in endpoints)
        {
            names[endpoint] = Unique(endpoint.Route.ClassName + "_" + endpoint.Route.MethodName, taken);
        }

        return names;
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<EndpointModel>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(EndpointModel? x, EndpointModel? y) => ReferenceEquals(x, y);

        public int GetHashCode(EndpointModel obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
