using System.Collections.Immutable;
using FastEndpointsGen.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FastEndpointsGen.Analyzers;

/// <summary>
/// FEG4xxx: the types an endpoint's body and response reach that the generated JSON cannot handle, as
/// <see cref="ModelTypes"/> finds them for the generator and the analyzers alike.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JsonAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.JsonFallback,
        DiagnosticDescriptors.PolymorphicWithoutDerivedTypes,
        DiagnosticDescriptors.NoConstructorToRead,
        DiagnosticDescriptors.DuplicateJsonName,
        DiagnosticDescriptors.DerivedTypeNotGenerated);

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
