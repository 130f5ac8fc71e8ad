using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// FEG1xxx: route templates, route parameters, duplicate routes across the compilation, handlers the
/// generated code cannot call, and return types it cannot write. The per-handler rules are <see cref="HandlerReader"/>'s;
/// the ones across handlers and assemblies are here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class RoutingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidRouteTemplate,
        DiagnosticDescriptors.RouteParameterMismatch,
        DiagnosticDescriptors.DuplicateRoute,
        DiagnosticDescriptors.HandlerNotAccessible,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.MetadataNotConstructible,
        DiagnosticDescriptors.StreamFormatWithoutStream,
        DiagnosticDescriptors.DuplicateNameAcrossAssemblies,
        DiagnosticDescriptors.DuplicateSchemaAcrossAssemblies);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Every endpoint's route key, gathered per method; compared once the whole compilation is seen.
            var routes = new ConcurrentBag<(string Key, string Display, Endpoint Endpoint, Location Location)>();
            start.RegisterSymbolAction(symbol => AnalyzeMethod(symbol, routes), SymbolKind.Method);
            start.RegisterSymbolAction(AnalyzeGroup, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                ReportDuplicates(end, routes);
                ReportAcrossAssemblies(end, routes);
            });
        });
    }

    private void AnalyzeMethod(SymbolAnalysisContext context, ConcurrentBag<(string, string, Endpoint, Location)> routes)
    {
        if (ProblemReporting.Read(context) is not { } handler)
        {
            return;
        }

        ProblemReporting.Report(context, handler, SupportedDiagnostics);
        foreach (var endpoint in handler.Endpoints)
        {
            // A route that is invalid or cannot be called is not served, so it collides with nothing.
            if (handler.IsCallable && endpoint.Route.Error is null && endpoint.FullRoute.Error is null)
            {
                routes.Add((RouteKey(endpoint), endpoint.HttpMethod + " " + endpoint.FullRoute.Text, endpoint, endpoint.TemplateLocation(context.CancellationToken)));
            }
        }
    }

    private static void AnalyzeGroup(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = type.GetAttributes().FirstOrDefault(a => TypeClassifier.IsNamed(a.AttributeClass, Endpoint.EndpointGroupAttribute));
        if (attribute?.ConstructorArguments.FirstOrDefault().Value is not string prefix)
        {
            return;
        }

        var route = RouteTemplate.Parse(prefix);
        if (route.Error is not null)
        {
            var location = Locations.ArgumentOrAttribute(attribute, 0, null, context.CancellationToken) ?? Locations.Of(type);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidRouteTemplate, location, prefix, route.Error));
        }
    }

    /// <summary>FEG1003: the same method and route twice, reported at each endpoint.</summary>
    private static void ReportDuplicates(CompilationAnalysisContext context, ConcurrentBag<(string Key, string Display, Endpoint Endpoint, Location Location)> routes)
    {
        foreach (var group in routes.GroupBy(r => r.Key, StringComparer.Ordinal))
        {
            var all = group.OrderBy(r => r.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(r => r.Location.SourceSpan.Start).ToList();
            if (all.Count < 2)
            {
                continue;
            }

            foreach (var route in all)
            {
                var others = string.Join("', '", all.Where(o => !ReferenceEquals(o.Endpoint, route.Endpoint)).Select(o => o.Endpoint.DisplayName));
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateRoute, route.Location, route.Endpoint.HttpMethod, route.Endpoint.FullRoute.Text, others));
            }
        }
    }

    /// <summary>
    /// A route as the router matches it: method, literal segments ignoring case, and each parameter
    /// reduced to its constraints, optionality and catch-all (<c>/items/{id:int}</c> → <c>GET /items/{:int}</c>).
    /// </summary>
    internal static string RouteKey(Endpoint endpoint) => RouteKey(endpoint.HttpMethod, endpoint.FullRoute);

    /// <inheritdoc cref="RouteKey(Endpoint)"/>
    internal static string RouteKey(string httpMethod, RouteTemplate fullRoute) =>
        httpMethod + " " + fullRoute.Rewrite(
            literal => literal.ToLowerInvariant(),
            parameter => "{" + (parameter.IsCatchAll ? "*" : "")
                + string.Join(":", parameter.Constraints.Select(s => s.ToLowerInvariant()).OrderBy(s => s, StringComparer.Ordinal))
                + (parameter.IsOptional ? "?" : "") + "}").Trim('/');
}
