using System.Collections.Immutable;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// FEG2007 and FEG2008: a <c>[WebSocketRoute]</c> handler takes exactly one socket and returns nothing, and no other
/// handler takes a socket (docs/websockets.md). Duplicate routes, route parameters and binding are checked by the
/// other analyzers, which see a WebSocket route as the GET it is. The rules are <see cref="HandlerReader"/>'s.
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

    private void AnalyzeMethod(SymbolAnalysisContext context)
    {
        if (ProblemReporting.Read(context) is { } handler)
        {
            ProblemReporting.Report(context, handler, SupportedDiagnostics);
        }
    }
}
