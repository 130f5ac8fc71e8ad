using System.Collections.Immutable;
using System.Linq;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// Reports what <see cref="HandlerReader"/> found: each analyzer the problems whose rules it owns. The rules themselves
/// live in the reader, which the generator reads too (docs/architecture.md#the-handler-reader).
/// </summary>
internal static class ProblemReporting
{
    /// <summary>Reads the method, or returns null when it has no route attribute.</summary>
    public static Handler? Read(SymbolAnalysisContext context) =>
        context.Symbol is IMethodSymbol method && Endpoint.From(method) is not null
            ? HandlerReader.Read(method, context.Compilation.Assembly, context.CancellationToken)
            : null;

    /// <summary>Reports each of the handler's problems that one of <paramref name="descriptors"/> describes.</summary>
    public static void Report(SymbolAnalysisContext context, Handler handler, ImmutableArray<DiagnosticDescriptor> descriptors)
    {
        foreach (var problem in handler.AllProblems())
        {
            if (descriptors.FirstOrDefault(d => d.Id == problem.Id) is { } descriptor)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, problem.Location, problem.Properties, problem.Arguments));
            }
        }
    }
}
