using System.Collections.Generic;
using System.Linq;
using FastEndpointsGen.Generator.Model;

namespace FastEndpointsGen.Generator.Emitting;

/// <summary>
/// Emits the endpoints: one file per handler class (its <c>Map</c> method — one <c>MapGroup</c> for its
/// <c>[EndpointGroup]</c>, one <c>Map{Method}</c> per endpoint with a generated <c>RequestDelegate</c> and the endpoint's
/// metadata, name and tags — and its request delegates), and one small map file with the assembly's entry point, which
/// calls each class's <c>Map</c>. An edit inside one class re-emits that class's file only (docs/architecture.md#generated-files).
/// The request delegates themselves come from <see cref="BindingEmitter"/>.
/// </summary>
internal static class RoutingEmitter
{
    /// <summary>The map file: the assembly's entry point.</summary>
    public const string HintName = "FastEndpointsGen.Endpoints.g.cs";

    /// <summary>Every handler class's file starts with this, then the class's full name: <c>FastEndpointsGen.Endpoints.Shop.Products.g.cs</c>.</summary>
    public const string ClassHintNamePrefix = "FastEndpointsGen.Endpoints.";

    private const string GeneratedNamespace = "global::FastEndpointsGen.Generated";

    /// <summary>
    /// The endpoints grouped by handler class, ordered by class, with their names decided across the assembly (an endpoint
    /// name is qualified by its class when two classes share a method name, so it cannot be decided per class).
    /// </summary>
    public static EquatableArray<HandlerClassModel> HandlerClasses(EquatableArray<EndpointModel> endpoints)
    {
        var names = EndpointNaming.EndpointNames(endpoints);
        var taken = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var classes = new List<HandlerClassModel>();
        foreach (var group in endpoints.GroupBy(e => e.Handler.ContainingType).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            var displayName = group.Key.StartsWith("global::", System.StringComparison.Ordinal) ? group.Key.Substring("global::".Length) : group.Key;
            var stem = EndpointNaming.Unique(new string(displayName.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '.').ToArray()), taken);
            var delegates = EndpointNaming.DelegateNames(group);
            classes.Add(new HandlerClassModel
            {
                HintName = ClassHintNamePrefix + stem + ".g.cs",
                ClassName = stem.Replace('.', '_') + "_Endpoints",
                DisplayName = displayName,
                // Endpoints without a group first, as the assembly mapped them before it had one file per class.
                Endpoints = group.OrderBy(e => e.Route.Group is null ? 0 : 1)
                    .Select(e => new MappedEndpointModel(e, names[e], delegates[e]))
                    .ToEquatableArray(),
            });
        }

        return classes.ToEquatableArray();
    }

    /// <summary>
    /// The map file: <c>[assembly: GeneratedEndpointsAssembly]</c> and the public entry point, which creates the runtime,
    /// registers the document and calls each handler class's <c>Map</c>. Only the header when there is no endpoint.
    /// </summary>
    public static string EmitMap(EndpointMapModel map)
    {
        var writer = new SourceWriter();
        SourceHeader.Write(writer);
        if (map.Classes.Count == 0)
        {
            return writer.Finish();
        }

        ModuleEmitter.WriteAssemblyAttribute(writer, map.Assembly);
        writer.WriteLine("namespace Microsoft.AspNetCore.Builder");
        using (writer.Block())
        {
            WriteEntryPoint(writer, map);
        }

        return writer.Finish();
    }

    /// <summary>
    /// One handler class's file: the <c>[assembly: GeneratedEndpoint]</c> of each of its endpoints, and its generated class
    /// with the static <c>Map</c> the entry point calls and the request delegates.
    /// </summary>
    public static string EmitClass(HandlerClassModel model)
    {
        var writer = new SourceWriter();
        SourceHeader.Write(writer);
        ModuleEmitter.WriteEndpointAttributes(writer, model.Endpoints);
        writer.WriteLine("namespace FastEndpointsGen.Generated");
        using (writer.Block())
        {
            writer.WriteLine("using global::System.Globalization;");
            writer.WriteLine("using global::System.Threading.Tasks;");
            writer.WriteLine("using global::FastEndpointsGen.Runtime;");
            writer.WriteLine("using global::Microsoft.AspNetCore.Builder;");
            writer.WriteLine("using global::Microsoft.AspNetCore.Http;");
            writer.WriteLine("using global::Microsoft.Extensions.DependencyInjection;");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>The endpoints of <c>{SourceHeader.XmlText(model.DisplayName)}</c>: bind, validate, call the handler, write the response.</summary>");
            // What every endpoint has, said once here rather than on each of its members.
            writer.WriteLine("/// <remarks>");
            writer.WriteLine("/// Each endpoint <c>E</c> is its request delegate <c>E</c>; <c>E_filters</c>, the endpoint filters around the handler");
            writer.WriteLine("/// when it has any; <c>E_Method</c>, the handler method for the filter factories' context; <c>E_Invoke</c>, the handler");
            writer.WriteLine("/// called with the arguments the filters hold; for a streamed response, <c>E_Write</c>, the stream written from what");
            writer.WriteLine("/// they return; and, when it reads a body, <c>E_bodyLimit</c>, set when the endpoint is built (-1 until then:");
            writer.WriteLine("/// MaxRequestBodySize).");
            writer.WriteLine("/// </remarks>");
            writer.WriteLine(SourceHeader.GeneratedCodeAttribute);
            writer.WriteLine($"internal sealed class {model.ClassName}(EndpointRuntime runtime)");
            using (writer.Block())
            {
                WriteClassMap(writer, model);
                writer.WriteLine();
                BindingEmitter.Emit(writer, model.Endpoints.Select(e => e.Endpoint).ToEquatableArray(),
                    model.Endpoints.ToDictionary(e => e.Endpoint, e => e.Delegate, EndpointNaming.ReferenceEqualityComparer.Instance));
            }
        }

        return writer.Finish();
    }

    /// <summary>
    /// The assembly's public entry point, <c>Map{Assembly}Endpoints()</c> (docs/projects.md): maps this assembly's endpoints
    /// and registers its document. The app's <c>MapGeneratedEndpoints()</c> calls it, and so can a host that wants a prefix.
    /// </summary>
    private static void WriteEntryPoint(SourceWriter writer, EndpointMapModel map)
    {
        var assembly = map.Assembly;
        writer.WriteLine($"/// <summary>Maps the endpoints FastEndpointsGen generated for the <c>{SourceHeader.XmlText(assembly.Name)}</c> assembly.</summary>");
        writer.WriteLine(SourceHeader.GeneratedCodeAttribute);
        writer.WriteLine($"public static class {assembly.EntryPointClass}");
        using (writer.Block())
        {
            writer.WriteLine("/// <summary>");
            writer.WriteLine($"/// Maps the {map.EndpointCount} endpoint{(map.EndpointCount == 1 ? "" : "s")} declared with FastEndpointsGen's route attributes in the <c>{SourceHeader.XmlText(assembly.Name)}</c> assembly");
            writer.WriteLine("/// (not those of the assemblies it references), and registers their OpenAPI document for <c>MapApiDocs()</c>.");
            writer.WriteLine("/// </summary>");
            writer.WriteLine("/// <param name=\"endpoints\">Where to map them: the app, or a group such as <c>app.MapGroup(\"/v1\")</c>.</param>");
            writer.WriteLine("/// <returns>A builder whose conventions (e.g. <c>RequireAuthorization()</c>) apply to all of them.</returns>");
            writer.WriteLine($"public static {KnownTypes.RouteGroupBuilder} {assembly.EntryPointMethod}(this {KnownTypes.IEndpointRouteBuilder} endpoints)");
            using (writer.Block())
            {
                writer.WriteLine($"var runtime = {KnownTypes.EndpointRuntime}.Create(endpoints.ServiceProvider, {JsonEmitter.ClassName}.TypeInfoResolver);");
                writer.WriteLine($"{KnownTypes.GeneratedApiDocuments}.Register(endpoints, {OpenApiEmitter.QualifiedClassName}.Json);");
                writer.WriteLine("var root = endpoints.MapGroup(\"\");");
                foreach (var className in map.Classes)
                {
                    writer.WriteLine($"{GeneratedNamespace}.{className}.Map(root, runtime);");
                }

                writer.WriteLine("return root;");
            }
        }
    }

    /// <summary>The class's <c>Map</c>: its delegates' instance, its group when it has one, and each endpoint.</summary>
    private static void WriteClassMap(SourceWriter writer, HandlerClassModel model)
    {
        writer.WriteLine($"/// <summary>Maps the endpoints of <c>{SourceHeader.XmlText(model.DisplayName)}</c> on <paramref name=\"root\"/>.</summary>");
        writer.WriteLine($"internal static void Map({KnownTypes.RouteGroupBuilder} root, EndpointRuntime runtime)");
        using (writer.Block())
        {
            writer.WriteLine($"var handlers = new {model.ClassName}(runtime);");
            var groupNames = new HashSet<string> { "root", "runtime", "handlers" };
            foreach (var group in model.Endpoints.GroupBy(e => e.Endpoint.Route.Group))
            {
                var builder = "root";
                if (group.Key is { } groupModel)
                {
                    builder = SourceHeader.Identifier(EndpointNaming.Unique(char.ToLowerInvariant(groupModel.ClassName[0]) + groupModel.ClassName.Substring(1), groupNames));
                    writer.WriteLine($"var {builder} = root.MapGroup({JsonEmitter.Literal(groupModel.Prefix)}){Tags(groupModel.Tags)};");
                }

                foreach (var endpoint in group)
                {
                    EmitMap(writer, builder, endpoint.Endpoint, endpoint.Name, endpoint.Delegate);
                }
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
            if (BindingEmitter.ReadsForm(endpoint))
            {
                // As minimal APIs do for form parameters: UseAntiforgery() validates the token; a
                // [RequireAntiforgeryToken(false)] on the handler or a later DisableAntiforgery() on the group wins.
                writer.WriteLine($".WithMetadata(new {KnownTypes.RequireAntiforgeryTokenAttribute}())");
            }

            foreach (var attribute in route.Metadata)
            {
                writer.WriteLine($".WithMetadata({attribute})");
            }

            writer.WriteLine($".WithName({JsonEmitter.Literal(name)})");
            if (route.Tags.Count > 0)
            {
                writer.WriteLine(Tags(route.Tags));
            }

            // Last, so that it sees every attribute, the name and the group's filters (docs/composition.md#endpoint-filters).
            // The body limit is read after the named conventions, which may add [RequestSizeLimit]-style metadata too.
            var bodyLimit = BindingEmitter.ReadsBody(endpoint) ? $"handlers.{BindingEmitter.BodyLimitField(handler)} = runtime.BodyLimitOf(builder);" : null;
            if (route.IsWebSocket)
            {
                EndpointFilterEmitter.WriteNamedConventions(writer, name, bodyLimit);
            }
            else
            {
                EndpointFilterEmitter.WriteConvention(writer, handler, name, bodyLimit);
            }
        }
    }

    /// <summary>
    /// What <c>WithTags</c> does, written so that it needs no <c>using</c>: <c>WithTags</c> lives in
    /// <c>Microsoft.AspNetCore.Http</c>, which a class library does not import (docs/projects.md).
    /// </summary>
    private static string Tags(EquatableArray<string> tags) =>
        tags.Count == 0 ? "" : $".WithMetadata(new {KnownTypes.TagsAttribute}({string.Join(", ", tags.Select(JsonEmitter.Literal))}))";
}
