using System.Collections.Immutable;
using System.Linq;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// FEG2007 and FEG2008: a <c>[WebSocketRoute]</c> handler takes exactly one socket and returns nothing, and no other
/// handler takes a socket (docs/websockets.md). Duplicate routes, route parameters and binding are checked by the
/// other analyzers, which see a WebSocket route as the GET it is.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WebSocketAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.WebSocketParameter,
        DiagnosticDescriptors.WebSocketHandlerReturnsValue);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        foreach (var endpoint in Endpoint.All((IMethodSymbol)context.Symbol))
        {
            CheckSockets(context, endpoint);
            if (endpoint.IsWebSocket && !WebSocketRoutes.ReturnsNothing(endpoint.Method))
            {
                var location = endpoint.Method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is MethodDeclarationSyntax syntax
                    ? syntax.ReturnType.GetLocation()
                    : endpoint.MethodLocation;
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WebSocketHandlerReturnsValue, location,
                    endpoint.DisplayName, endpoint.Method.ReturnType.ToDisplayString()));
            }
        }
    }

    private static void CheckSockets(SymbolAnalysisContext context, Endpoint endpoint)
    {
        var sockets = endpoint.Method.Parameters.Where(WebSocketRoutes.IsSocketParameter).ToList();
        if (endpoint.IsWebSocket && sockets.Count == 0)
        {
            Report(context, endpoint.MethodLocation, endpoint,
                "a [WebSocketRoute] handler needs one WebSocket or JsonWebSocket<TReceive, TSend> parameter to receive the connection");
        }
        else if (endpoint.IsWebSocket && sockets.Count > 1)
        {
            foreach (var extra in sockets.Skip(1))
            {
                Report(context, Locations.Of(extra), endpoint, $"it takes {sockets.Count} socket parameters; a WebSocket route accepts one connection");
            }
        }
        else if (!endpoint.IsWebSocket)
        {
            foreach (var socket in sockets)
            {
                Report(context, Locations.Of(socket), endpoint,
                    $"'{socket.Name}' is a socket, and only a [WebSocketRoute] handler has one to give; use [WebSocketRoute] instead of [{endpoint.Attribute.AttributeClass?.Name.Replace("Attribute", "")}]");
            }
        }

        // A socket inside an [AsParameters] type would be bound before the upgrade that creates it.
        foreach (var member in Bindings.Classify(endpoint).Where(v => v.IsMember && v.Decision.Special is SpecialKind.WebSocket or SpecialKind.JsonWebSocket))
        {
            Report(context, Locations.Of(member.Parameter), endpoint,
                $"'{member.DisplayName}' is a socket inside an [AsParameters] type; take the socket as the handler's own parameter");
        }
    }

    private static void Report(SymbolAnalysisContext context, Location location, Endpoint endpoint, string reason) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.WebSocketParameter, location, endpoint.DisplayName, reason));
}
