using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FastEndpointsGen.Generator.Emitting;
using FastEndpointsGen.Generator.Model;
using FastEndpointsGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FastEndpointsGen.Generator;

/// <summary>
/// Turns methods marked <c>[Get]</c>, <c>[Post]</c>, <c>[Put]</c>, <c>[Patch]</c>, <c>[Delete]</c> and <c>[WebSocketRoute]</c> into
/// mapped endpoints with compiled binding and JSON. The generator reports no diagnostics: the
/// analyzers do, from the same parsing code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EndpointsGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. Each handler method, parsed once into a symbol-free model (null when it cannot be served).
        var gets = Endpoints(context, "FastEndpointsGen.GetAttribute", TrackingNames.GetEndpoints);
        var posts = Endpoints(context, "FastEndpointsGen.PostAttribute", TrackingNames.PostEndpoints);
        var puts = Endpoints(context, "FastEndpointsGen.PutAttribute", TrackingNames.PutEndpoints);
        var patches = Endpoints(context, "FastEndpointsGen.PatchAttribute", TrackingNames.PatchEndpoints);
        var deletes = Endpoints(context, "FastEndpointsGen.DeleteAttribute", TrackingNames.DeleteEndpoints);
        var webSockets = Endpoints(context, "FastEndpointsGen.WebSocketRouteAttribute", TrackingNames.WebSocketEndpoints);

        // 2. All endpoints of the assembly, in a stable order.
        var endpoints = gets.Collect()
            .Combine(posts.Collect())
            .Combine(puts.Collect())
            .Combine(patches.Collect())
            .Combine(deletes.Collect())
            .Combine(webSockets.Collect())
            .Select(static (all, _) => Merge(all.Left.Left.Left.Left.Left, all.Left.Left.Left.Left.Right, all.Left.Left.Left.Right, all.Left.Left.Right, all.Left.Right, all.Right))
            .WithTrackingName(TrackingNames.AllEndpoints);

        // 3. The slices the emitters read: routes and bindings without the JSON type graph or the docs...
        var routes = endpoints
            .Select(static (all, _) => all.Select(static e => e with { JsonTypes = EquatableArray<JsonTypeModel>.Empty, Docs = EndpointDocs.Empty }).ToEquatableArray())
            .WithTrackingName(TrackingNames.Routes);

        // ...and the JSON types every body and response reaches, each once.
        var jsonTypes = endpoints
            .Select(static (all, _) => DistinctJsonTypes(all))
            .WithTrackingName(TrackingNames.JsonTypes);

        // ...and the security schemes the assembly declares with its [assembly: OpenApiSecurityScheme] and OAuth2 flow
        //    attributes (docs/security.md): equatable, so an edit elsewhere leaves the document cached.
        var securitySchemes = context.CompilationProvider
            .Select(static (compilation, _) => SecurityParser.Parse(compilation))
            .WithTrackingName(TrackingNames.SecuritySchemes);

        // ...and the OpenAPI document's view: every HTTP endpoint with its docs, and the JSON types once. WebSocket
        // routes are left out: OpenAPI cannot describe a socket (docs/websockets.md).
        var openApi = endpoints
            .Select(static (all, _) => all.Where(static e => !e.Route.IsWebSocket).ToEquatableArray())
            .Combine(securitySchemes)
            .Select(static (all, _) => new OpenApiModel(all.Left.Select(static e => e with { JsonTypes = EquatableArray<JsonTypeModel>.Empty }).ToEquatableArray(), DistinctJsonTypes(all.Left))
            {
                SecuritySchemes = all.Right,
            })
            .WithTrackingName(TrackingNames.OpenApi);

        // ...with the doc comments of models declared in other assemblies taken from their documentation files, which the
        //    package's build passes as AdditionalFiles because the command-line compiler does not attach them to the
        //    references (docs/projects.md). Only the files of the assemblies the document needs are read.
        var referencedDocsRequest = openApi
            .Select(static (model, _) => ReferencedDocsParser.Request(model))
            .WithTrackingName(TrackingNames.ReferencedDocsRequest);
        var referencedDocs = context.AdditionalTextsProvider
            .Combine(referencedDocsRequest)
            .Select(static (file, cancellationToken) => ReferencedDocsParser.Read(file.Left, file.Right, cancellationToken))
            .WithTrackingName(TrackingNames.ReferencedDocs);
        var document = openApi
            .Combine(referencedDocs.Collect())
            .Select(static (all, _) => ReferencedDocsParser.Apply(all.Left, all.Right))
            .WithTrackingName(TrackingNames.Document);

        // 4. The assembly itself (its name gives its public entry point) and the referenced libraries built with
        //    FastEndpointsGen, read from their assembly attributes (docs/projects.md). Equatable: an edit that changes
        //    neither leaves everything after these steps cached.
        var assembly = context.CompilationProvider
            .Select(static (compilation, _) => AssemblyParser.ParseThis(compilation))
            .WithTrackingName(TrackingNames.ThisAssembly);
        var references = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => AssemblyParser.ParseReferences(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.ReferencedAssemblies);
        var app = assembly
            .Combine(routes.Select(static (all, _) => all.Count > 0))
            .Combine(references)
            .Select(static (all, _) => new AppModel(all.Left.Left, all.Left.Right, all.Right))
            .WithTrackingName(TrackingNames.App);

        // ...and the document's schema names with the types they describe, which only a new or renamed model changes.
        var schemas = jsonTypes
            .Select(static (types, _) => ModuleEmitter.SchemaNames(types))
            .WithTrackingName(TrackingNames.Schemas);

        // ...and the endpoints grouped by handler class, named across the assembly: one file per class, so an edit inside
        //    one class re-emits that class's file only; the map file sees only the list of classes (docs/architecture.md).
        var handlerClasses = routes
            .Select(static (all, _) => RoutingEmitter.HandlerClasses(all))
            .WithTrackingName(TrackingNames.HandlerClasses);
        var handlerClass = handlerClasses
            .SelectMany(static (classes, _) => classes)
            .WithTrackingName(TrackingNames.HandlerClass);
        var endpointMap = handlerClasses
            .Combine(assembly)
            .Select(static (all, _) => new EndpointMapModel(all.Right, all.Left.Select(static c => c.ClassName).ToEquatableArray(), all.Left.Sum(static c => c.Endpoints.Count)))
            .WithTrackingName(TrackingNames.EndpointMap);

        // 5. Emit: each handler class's routing and binding in its own file and the entry point in a small map file, JSON
        //    readers and writers in one file, the OpenAPI document in another, the app's MapGeneratedEndpoints and the
        //    schema names other assemblies' analyzers read in two small ones.
        context.RegisterSourceOutput(handlerClass, static (output, model) => output.AddSource(model.HintName, RoutingEmitter.EmitClass(model)));
        context.RegisterSourceOutput(endpointMap, static (output, map) => output.AddSource(RoutingEmitter.HintName, RoutingEmitter.EmitMap(map)));
        context.RegisterSourceOutput(app, static (output, model) => output.AddSource(ModuleEmitter.AppHintName, ModuleEmitter.EmitApp(model)));
        context.RegisterSourceOutput(schemas, static (output, names) =>
        {
            if (names.Count > 0)
            {
                output.AddSource(ModuleEmitter.SchemasHintName, ModuleEmitter.EmitSchemas(names));
            }
        });
        context.RegisterSourceOutput(jsonTypes, static (output, types) => output.AddSource(JsonEmitter.HintName, JsonEmitter.Emit(types)));
        context.RegisterSourceOutput(document, static (output, document) => output.AddSource(OpenApiEmitter.HintName, OpenApiEmitter.Emit(document)));
    }

    private static IncrementalValuesProvider<EndpointModel> Endpoints(
        IncrementalGeneratorInitializationContext context, string attribute, string trackingName) =>
        context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (syntax, cancellationToken) => EndpointParser.Parse(syntax, cancellationToken))
            .Where(static endpoint => endpoint is not null)
            .Select(static (endpoint, _) => endpoint!)
            .WithTrackingName(trackingName);

    private static EquatableArray<EndpointModel> Merge(params ImmutableArray<EndpointModel>[] groups) =>
        groups.SelectMany(g => g)
            .OrderBy(e => e.Handler.ContainingType, System.StringComparer.Ordinal)
            .ThenBy(e => e.Route.Template, System.StringComparer.Ordinal)
            .ThenBy(e => e.Route.HttpMethod, System.StringComparer.Ordinal)
            .ThenBy(e => e.Handler.MethodName, System.StringComparer.Ordinal)
            .ToEquatableArray();

    private static EquatableArray<JsonTypeModel> DistinctJsonTypes(EquatableArray<EndpointModel> endpoints)
    {
        // Types read or written whole by an endpoint (a body or a response) need their own methods even when scalar.
        var roots = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var handler in endpoints.Select(e => e.Handler))
        {
            roots.UnionWith(handler.Parameters.Where(p => p.JsonTypeId is not null).Select(p => p.JsonTypeId!));
            foreach (var messages in handler.Parameters.Select(p => p.Messages).Where(m => m is not null))
            {
                roots.Add(messages!.ReceiveTypeId);
                roots.Add(messages.SendTypeId);
            }

            if (handler.Response.JsonTypeId is { } response)
            {
                roots.Add(response);
            }
        }

        var types = new Dictionary<string, JsonTypeModel>(System.StringComparer.Ordinal);
        foreach (var type in endpoints.SelectMany(e => e.JsonTypes))
        {
            if (!types.ContainsKey(type.Id))
            {
                types.Add(type.Id, roots.Contains(type.Id) ? type with { IsRoot = true } : type);
            }
        }

        return types.Values.OrderBy(t => t.Id, System.StringComparer.Ordinal).ToEquatableArray();
    }
}
