using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
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
        context.Symbol is IMethodSymbol method ? Read(method, context.Compilation, context.CancellationToken) : null;

    /// <summary>
    /// Reads the method once for every analyzer that reports its problems (bindings, JSON, routing, WebSockets each ask
    /// about every handler), keeping the reading as long as the method symbol, and so its compilation, lives
    /// (docs/performance.md#generator-cost). A reading is never changed once made, so the analyzers share it.
    /// </summary>
    internal static Handler? Read(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        if (Readings.TryGetValue(method, out var kept))
        {
            return kept;
        }

        if (Endpoint.From(method) is null)
        {
            return null;
        }

        // Two analyzers asking at once may both read; the first reading kept wins, and they are equal.
        var handler = HandlerReader.Read(method, compilation.Assembly, cancellationToken);
        return Readings.GetValue(method, _ => handler);
    }

    private static readonly ConditionalWeakTable<IMethodSymbol, Handler> Readings = new();

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
