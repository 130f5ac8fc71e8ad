using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// The whole app across assemblies (docs/projects.md): <c>MapGeneratedEndpoints()</c> maps the endpoints of every
/// referenced library built with FastEndpointsGen, which publishes them in assembly attributes. A route (FEG1003),
/// an endpoint name (FEG1008) or a schema name for another type (FEG1009) found in two of them is reported: at this
/// compilation's declaration when it has one, else without a location (two referenced libraries clash).
/// </summary>
public sealed partial class RoutingAnalyzer
{
    private const string AssemblyAttribute = "FastEndpointsGen.Runtime.GeneratedEndpointsAssemblyAttribute";
    private const string EndpointAttribute = "FastEndpointsGen.Runtime.GeneratedEndpointAttribute";
    private const string SchemaAttribute = "FastEndpointsGen.Runtime.GeneratedSchemaAttribute";

    private static void ReportAcrossAssemblies(CompilationAnalysisContext context, ConcurrentBag<(string Key, string Display, Endpoint Endpoint, Location Location)> routes)
    {
        var compilation = context.Compilation;
        if (compilation.GetTypeByMetadataName(EndpointAttribute) is null)
        {
            return;
        }

        var referenced = compilation.SourceModule.ReferencedAssemblySymbols.Where(IsMappedLibrary).ToList();
        if (referenced.Count == 0)
        {
            return;
        }

        var own = routes.ToList();
        var ownPublished = Published(compilation.Assembly, EndpointAttribute).ToList();
        var libraryRoutes = referenced.SelectMany(a => Published(a, EndpointAttribute).Select(e => (Assembly: a.Identity.Name, Endpoint: e))).ToList();

        // FEG1003: the same method and route in this assembly and a library, or in two libraries.
        var libraryByKey = libraryRoutes
            .Select(r => (r.Assembly, r.Endpoint, Route: RouteTemplate.Parse(r.Endpoint[1])))
            .Where(r => r.Route.Error is null)
            .GroupBy(r => RouteKey(r.Endpoint[0], r.Route), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var route in own)
        {
            if (libraryByKey.TryGetValue(route.Key, out var clashes))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateRoute, route.Location,
                    route.Endpoint.HttpMethod, route.Endpoint.FullRoute.Text, string.Join("', '", clashes.Select(c => Describe(c.Endpoint, c.Assembly)))));
            }
        }

        var ownKeys = new HashSet<string>(own.Select(r => r.Key), StringComparer.Ordinal);
        foreach (var group in libraryByKey.Where(g => !ownKeys.Contains(g.Key) && g.Value.Select(c => c.Assembly).Distinct().Count() > 1))
        {
            var first = group.Value[0];
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateRoute, Location.None,
                first.Endpoint[0], first.Endpoint[1], string.Join("', '", group.Value.Select(c => Describe(c.Endpoint, c.Assembly)))));
        }

        // FEG1008: an endpoint name in two assemblies. This assembly's names are the ones its generator published.
        var libraryNames = libraryRoutes.GroupBy(r => r.Endpoint[2], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var published in ownPublished)
        {
            if (libraryNames.TryGetValue(published[2], out var clashes))
            {
                var declaration = own.FirstOrDefault(r => r.Endpoint.HttpMethod == published[0] && r.Endpoint.FullRoute.Text == RouteTemplate.Parse(published[1]).Text && r.Endpoint.DisplayName == published[3]);
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateNameAcrossAssemblies, declaration.Location ?? Location.None,
                    published[2], published[3], string.Join("', '", clashes.Select(c => Describe(c.Endpoint, c.Assembly)))));
            }
        }

        var ownNames = new HashSet<string>(ownPublished.Select(p => p[2]), StringComparer.Ordinal);
        foreach (var group in libraryNames.Where(g => !ownNames.Contains(g.Key) && g.Value.Select(c => c.Assembly).Distinct().Count() > 1))
        {
            var first = group.Value[0];
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateNameAcrossAssemblies, Location.None,
                group.Key, Describe(first.Endpoint, first.Assembly), string.Join("', '", group.Value.Skip(1).Select(c => Describe(c.Endpoint, c.Assembly)))));
        }

        // FEG1009: one schema name for two different types (the same type in two documents is one schema).
        var schemas = Published(compilation.Assembly, SchemaAttribute).Select(s => (Assembly: (string?)null, Name: s[0], Type: s[1]))
            .Concat(referenced.SelectMany(a => Published(a, SchemaAttribute).Select(s => (Assembly: (string?)a.Identity.Name, Name: s[0], Type: s[1]))));
        foreach (var group in schemas.GroupBy(s => s.Name, StringComparer.Ordinal))
        {
            var types = group.GroupBy(s => s.Type, StringComparer.Ordinal).Select(t => t.First()).ToList();
            if (types.Count < 2)
            {
                continue;
            }

            var mine = types.FirstOrDefault(t => t.Assembly is null);
            var subject = mine.Type is null ? types[0] : mine;
            var location = mine.Type is null ? Location.None : TypeLocation(compilation, mine.Type);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateSchemaAcrossAssemblies, location,
                group.Key, Plain(subject.Type), string.Join("', '", types.Where(t => t.Type != subject.Type).Select(t => $"{Plain(t.Type)} ({t.Assembly ?? compilation.AssemblyName})"))));
        }
    }

    /// <summary>A referenced assembly whose endpoints the app maps: built with FastEndpointsGen and not an application.</summary>
    private static bool IsMappedLibrary(IAssemblySymbol assembly) =>
        assembly.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AssemblyAttribute
            && !a.NamedArguments.Any(n => n.Key == "IsApplication" && n.Value.Value is true));

    /// <summary>The string arguments of each attribute of this kind on the assembly.</summary>
    private static IEnumerable<string[]> Published(IAssemblySymbol assembly, string attribute) =>
        assembly.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == attribute && a.ConstructorArguments.All(c => c.Value is string))
            .Select(a => a.ConstructorArguments.Select(c => (string)c.Value!).ToArray());

    private static string Describe(string[] endpoint, string assembly) => $"{endpoint[3]}' ({endpoint[0]} {endpoint[1]}) in '{assembly}";

    private static string Plain(string type) => type.StartsWith("global::", StringComparison.Ordinal) ? type.Substring("global::".Length) : type;

    private static Location TypeLocation(Compilation compilation, string type) =>
        compilation.GetTypeByMetadataName(Plain(type)) is { } symbol && symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } location
            ? location
            : Location.None;
}
