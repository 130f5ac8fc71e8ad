using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// FEG1xxx: route templates, route parameters, duplicate routes across the compilation, handlers the
/// generated code cannot call, and return types it cannot write.
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
        context.RegisterCompilationStartAction(static start =>
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

    private static void AnalyzeMethod(SymbolAnalysisContext context, ConcurrentBag<(string, string, Endpoint, Location)> routes)
    {
        var first = true;
        var accessible = false;
        foreach (var endpoint in Endpoint.All((IMethodSymbol)context.Symbol))
        {
            // Access and the return type belong to the method: checked once, with its first route attribute.
            if (first)
            {
                accessible = CheckAccess(context, endpoint);
                CheckReturnType(context, endpoint);
                CheckMetadata(context, endpoint);
                first = false;
            }

            AnalyzeRoute(context, endpoint, accessible, routes);
        }
    }

    private static void AnalyzeRoute(SymbolAnalysisContext context, Endpoint endpoint, bool accessible, ConcurrentBag<(string, string, Endpoint, Location)> routes)
    {
        var cancellationToken = context.CancellationToken;
        if (endpoint.Route.Error is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidRouteTemplate, endpoint.TemplateLocation(cancellationToken), endpoint.Template, endpoint.Route.Error));
            return;
        }

        if (endpoint.FullRoute.Error is not null)
        {
            return; // The group prefix is reported once, on the class.
        }

        CheckRouteParameters(context, endpoint);
        CheckStreamFormat(context, endpoint);
        if (accessible)
        {
            routes.Add((RouteKey(endpoint), endpoint.HttpMethod + " " + endpoint.FullRoute.Text, endpoint, endpoint.TemplateLocation(cancellationToken)));
        }
    }

    private static void AnalyzeGroup(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == Endpoint.EndpointGroupAttribute);
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

    /// <summary>FEG1004: the generated code must be able to call the handler.</summary>
    private static bool CheckAccess(SymbolAnalysisContext context, Endpoint endpoint)
    {
        var problem = HandlerAccess.Check(endpoint.Method, out var type);
        var reason = problem switch
        {
            HandlerAccessProblem.MethodNotAccessible => $"it is {Accessibility(endpoint.Method.DeclaredAccessibility)}; make it public or internal",
            HandlerAccessProblem.GenericMethod => "it is generic; the generated code cannot choose its type arguments",
            HandlerAccessProblem.ClassNotAccessible => $"its class '{type?.Name}' is {Accessibility(type?.DeclaredAccessibility ?? Microsoft.CodeAnalysis.Accessibility.Private)}; make it public or internal",
            HandlerAccessProblem.GenericClass => $"its class '{type?.Name}' is generic; the generated code cannot choose its type arguments",
            HandlerAccessProblem.AbstractClass => $"it is an instance method of the abstract class '{type?.Name}'; make it static",
            HandlerAccessProblem.NoConstructor => $"it is an instance method and '{type?.Name}' has no public or internal constructor to create it with",
            _ => null,
        };

        if (reason is null)
        {
            return true;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(HandlerAccessProperties.Problem, problem.ToString());
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HandlerNotAccessible, endpoint.MethodLocation, properties, endpoint.DisplayName, reason));
        return false;
    }

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    /// <summary>FEG1005: return types a response cannot be made from.</summary>
    private static void CheckReturnType(SymbolAnalysisContext context, Endpoint endpoint)
    {
        var method = endpoint.Method;
        string? reason = null;
        if (method.IsAsync && method.ReturnsVoid)
        {
            reason = "it is async void; return Task so the response waits for it";
        }
        else if (method.ReturnType.IsRefLikeType)
        {
            reason = $"it returns the ref struct '{method.ReturnType.ToDisplayString()}', which cannot outlive the call";
        }
        else if (method.ReturnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            reason = $"it returns the pointer type '{method.ReturnType.ToDisplayString()}'";
        }

        if (reason is not null)
        {
            var location = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax syntax
                ? syntax.ReturnType.GetLocation()
                : endpoint.MethodLocation;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedReturnType, location, endpoint.DisplayName, reason));
        }
    }

    /// <summary>FEG1006: every attribute on the handler and its classes can be re-created as endpoint metadata.</summary>
    private static void CheckMetadata(SymbolAnalysisContext context, Endpoint endpoint)
    {
        var method = (IMethodSymbol)context.Symbol;
        foreach (var attribute in EndpointMetadata.AttributesOf(method))
        {
            if (EndpointMetadata.IsMetadata(attribute) && !EndpointMetadata.IsConstructible(attribute, context.Compilation.Assembly))
            {
                var location = Locations.OfAttribute(attribute, context.CancellationToken) ?? endpoint.MethodLocation;
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MetadataNotConstructible, location,
                    attribute.AttributeClass?.Name ?? "attribute", endpoint.DisplayName));
            }
        }
    }

    /// <summary>FEG1007: JSON Lines asked for on a handler that returns no stream of JSON values.</summary>
    private static void CheckStreamFormat(SymbolAnalysisContext context, Endpoint endpoint)
    {
        if (!AsyncStreams.RequestsJsonLines(endpoint.Attribute))
        {
            return;
        }

        var type = endpoint.Method.ReturnType;
        if (type is INamedTypeSymbol { TypeArguments.Length: 1 } task && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            && task.Name is "Task" or "ValueTask")
        {
            type = task.TypeArguments[0];
        }

        if (AsyncStreams.ItemType(type) is { } item && AsyncStreams.EventDataType(item) is null)
        {
            return;
        }

        var location = endpoint.AttributeSyntax(context.CancellationToken)?.GetLocation() ?? endpoint.MethodLocation;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.StreamFormatWithoutStream, location, endpoint.DisplayName, endpoint.Method.ReturnType.ToDisplayString()));
    }

    /// <summary>FEG1002: every route parameter reaches the handler, and every [FromRoute] parameter is in the route.</summary>
    private static void CheckRouteParameters(SymbolAnalysisContext context, Endpoint endpoint)
    {
        var values = Bindings.Classify(endpoint);
        foreach (var value in values)
        {
            if (value.Decision is { Source: BindingSource.Route, IsExplicit: true } decision && endpoint.FullRoute.Find(decision.WireName) is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.RouteParameterMismatch,
                    Locations.Of(value.Parameter),
                    $"'{value.DisplayName}' is marked [FromRoute], but the route '{endpoint.FullRoute.Text}' has no parameter '{{{decision.WireName}}}'"));
            }
        }

        // A handler that takes the HttpContext or HttpRequest may read route values itself.
        if (values.Any(v => v.Decision.Special is SpecialKind.HttpContext or SpecialKind.HttpRequest))
        {
            return;
        }

        foreach (var parameter in endpoint.FullRoute.Parameters)
        {
            if (values.Any(v => v.Decision.Source == BindingSource.Route && BindingClassifier.NameEquals(v.Decision.WireName, parameter.Name)))
            {
                continue;
            }

            var inTemplate = endpoint.Route.Find(parameter.Name) is not null;
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(RouteParameterProperties.Name, parameter.Name)
                .Add(RouteParameterProperties.Constraint, parameter.Constraints.Count > 0 ? parameter.Constraints[0] : null)
                .Add(RouteParameterProperties.IsOptional, parameter.IsOptional ? "true" : null);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.RouteParameterMismatch,
                inTemplate ? endpoint.TemplateLocation(context.CancellationToken) : endpoint.MethodLocation,
                properties,
                $"The route parameter '{{{parameter.Name}}}' of '{endpoint.FullRoute.Text}' has no parameter on '{endpoint.DisplayName}' to receive it"));
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
    internal static string RouteKey(string httpMethod, RouteTemplate fullRoute)
    {
        var text = fullRoute.Text.Trim('/');
        var key = new StringBuilder(httpMethod).Append(' ');
        var index = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '{' or '}' && i + 1 < text.Length && text[i + 1] == c)
            {
                key.Append(c).Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                key.Append(char.ToLowerInvariant(c));
                continue;
            }

            // Skip to the parameter's closing brace (doubled braces inside are escapes) and write its shape.
            var j = i + 1;
            while (j < text.Length && !(text[j] == '}' && (j + 1 >= text.Length || text[j + 1] != '}')))
            {
                j += text[j] is '{' or '}' ? 2 : 1;
            }

            if (index >= fullRoute.Parameters.Count)
            {
                break;
            }

            var parameter = fullRoute.Parameters[index++];
            key.Append('{').Append(parameter.IsCatchAll ? "*" : "")
                .Append(string.Join(":", parameter.Constraints.Select(s => s.ToLowerInvariant()).OrderBy(s => s, StringComparer.Ordinal)))
                .Append(parameter.IsOptional ? "?" : "").Append('}');
            i = j;
        }

        return key.ToString();
    }
}

/// <summary>The diagnostic properties FEG1002 passes to its code fix.</summary>
internal static class RouteParameterProperties
{
    public const string Name = "RouteParameter";
    public const string Constraint = "Constraint";
    public const string IsOptional = "IsOptional";
}

/// <summary>The diagnostic property FEG1004 passes to its code fix: a <see cref="HandlerAccessProblem"/> name.</summary>
internal static class HandlerAccessProperties
{
    public const string Problem = "Problem";
}
